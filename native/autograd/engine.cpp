#include "autograd/engine.hpp"

#include <queue>
#include <unordered_map>

#include "autograd/grad_mode.hpp"
#include "autograd/graph.hpp"
#include "core/errors.hpp"
#include "format/tensor_format.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_binary.hpp"

namespace lesson::autograd {

namespace {

struct LaterFirst {
  bool operator()(const Node* a, const Node* b) const { return a->sequence_nr < b->sequence_nr; }
};

void accumulate(Tensor& slot, const Tensor& incoming) {
  if (!incoming.defined()) return;
  slot = slot.defined() ? tensor::add(slot, incoming) : incoming;
}

Tensor root_gradient(const Tensor& root, const Tensor& given, std::size_t index) {
  if (!given.defined()) {
    if (root.numel() != 1) throw_runtime_error("grad can be implicitly created only for scalar outputs");
    return tensor::ones_like(root);
  }
  if (given.shape() != root.shape()) {
    throw_runtime_error("Mismatch in shape: grad_output[" + std::to_string(index) + "] has a shape of " +
                        format::format_size(given.shape()) + " and output[" + std::to_string(index) +
                        "] has a shape of " + format::format_size(root.shape()) + ".");
  }
  return given;
}

}  // namespace

void backward(const Tensor& root, const Tensor& gradient, bool retain_graph) {
  backward(std::vector<Tensor>{root}, std::vector<Tensor>{gradient}, retain_graph);
}

void backward(const std::vector<Tensor>& roots, const std::vector<Tensor>& gradients, bool retain_graph) {
  // Gradients are computed without recording history (no double backward).
  NoGradGuard no_grad;

  std::unordered_map<Node*, TensorList> buffers;
  std::vector<std::shared_ptr<Node>> root_nodes;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    const Tensor& root = roots[i];
    if (!root.requires_grad()) {
      throw_runtime_error("element " + std::to_string(i) +
                          " of tensors does not require grad and does not have a grad_fn");
    }
    const Tensor g = root_gradient(root, i < gradients.size() ? gradients[i] : Tensor(), i);
    const Edge edge = gradient_edge(root);
    auto& buffer = buffers[edge.function.get()];
    buffer.resize(std::max<std::size_t>(1, edge.function->output_shapes.size()));
    accumulate(buffer[edge.input_nr], g);
    root_nodes.push_back(edge.function);
  }

  // Count, for every reachable node, how many edges lead into it.
  std::unordered_map<Node*, int> dependencies;
  {
    std::vector<Node*> stack;
    std::unordered_map<Node*, bool> seen;
    for (auto& n : root_nodes) {
      if (!seen[n.get()]) {
        seen[n.get()] = true;
        stack.push_back(n.get());
      }
    }
    while (!stack.empty()) {
      Node* n = stack.back();
      stack.pop_back();
      for (const Edge& e : n->next_edges) {
        if (!e.valid()) continue;
        ++dependencies[e.function.get()];
        if (!seen[e.function.get()]) {
          seen[e.function.get()] = true;
          stack.push_back(e.function.get());
        }
      }
    }
  }

  std::priority_queue<Node*, std::vector<Node*>, LaterFirst> ready;
  {
    std::unordered_map<Node*, bool> queued;
    for (auto& n : root_nodes) {
      if (dependencies[n.get()] == 0 && !queued[n.get()]) {
        queued[n.get()] = true;
        ready.push(n.get());
      }
    }
  }
  // Keep every node alive while the pass runs, even if the learner's
  // references to the graph go away.
  std::vector<std::shared_ptr<Node>> alive(root_nodes);

  while (!ready.empty()) {
    Node* node = ready.top();
    ready.pop();
    TensorList grads = std::move(buffers[node]);
    buffers.erase(node);
    grads.resize(std::max<std::size_t>(1, node->output_shapes.size()));
    for (std::size_t i = 0; i < node->retained_outputs.size() && i < grads.size(); ++i) {
      if (auto out = node->retained_outputs[i].lock(); out && grads[i].defined()) {
        if (out->autograd.grad) {
          out->autograd.grad = tensor::add(Tensor(out->autograd.grad), grads[i]).impl_ptr();
        } else {
          out->autograd.grad = grads[i].clone_data().impl_ptr();
        }
      }
    }
    TensorList input_grads = node->apply(std::move(grads));
    if (!retain_graph) node->release_variables();
    for (std::size_t i = 0; i < node->next_edges.size(); ++i) {
      const Edge& e = node->next_edges[i];
      if (!e.valid()) continue;
      Node* next = e.function.get();
      alive.push_back(e.function);
      auto& buffer = buffers[next];
      buffer.resize(std::max<std::size_t>(1, next->output_shapes.size()));
      if (i < input_grads.size()) accumulate(buffer[e.input_nr], input_grads[i]);
      if (--dependencies[next] == 0) ready.push(next);
    }
  }
}

}  // namespace lesson::autograd
