#include "autograd/graph.hpp"

#include "autograd/grad_mode.hpp"
#include "core/errors.hpp"

namespace lesson::autograd {

bool needs_grad(std::initializer_list<const Tensor*> inputs) {
  if (!grad_enabled()) return false;
  for (const Tensor* t : inputs) {
    if (t != nullptr && t->defined() && t->requires_grad()) return true;
  }
  return false;
}

bool needs_grad(const std::vector<Tensor>& inputs) {
  if (!grad_enabled()) return false;
  for (const Tensor& t : inputs) {
    if (t.defined() && t.requires_grad()) return true;
  }
  return false;
}

Edge gradient_edge(const Tensor& t) {
  if (!t.defined() || !t.requires_grad()) return Edge{};
  auto& meta = t.impl()->autograd;
  if (meta.grad_fn) return Edge{meta.grad_fn, meta.output_nr};
  std::shared_ptr<Node> acc = meta.grad_accumulator.lock();
  if (!acc) {
    acc = std::make_shared<AccumulateGrad>(t.impl_ptr());
    meta.grad_accumulator = acc;
  }
  return Edge{acc, 0};
}

namespace {

void attach_outputs(const std::shared_ptr<Node>& node, const std::vector<const Tensor*>& outputs) {
  node->output_shapes.clear();
  node->retained_outputs.assign(outputs.size(), {});
  std::uint32_t nr = 0;
  for (const Tensor* out : outputs) {
    auto& meta = out->impl()->autograd;
    meta.requires_grad = true;
    meta.grad_fn = node;
    meta.output_nr = nr++;
    node->output_shapes.push_back(out->shape());
  }
}

}  // namespace

void set_history(const std::shared_ptr<Node>& node, std::initializer_list<const Tensor*> inputs,
                 std::initializer_list<const Tensor*> outputs) {
  node->next_edges.clear();
  for (const Tensor* in : inputs) node->next_edges.push_back(in ? gradient_edge(*in) : Edge{});
  attach_outputs(node, std::vector<const Tensor*>(outputs));
}

void set_history(const std::shared_ptr<Node>& node, const std::vector<Tensor>& inputs,
                 const std::vector<Tensor>& outputs) {
  node->next_edges.clear();
  for (const Tensor& in : inputs) node->next_edges.push_back(gradient_edge(in));
  std::vector<const Tensor*> outs;
  for (const Tensor& o : outputs) outs.push_back(&o);
  attach_outputs(node, outs);
}

void retain_grad(const Tensor& t) {
  if (!t.requires_grad()) throw_runtime_error("can't retain_grad on Tensor that has requires_grad=False");
  if (t.is_leaf()) return;
  auto& meta = t.impl()->autograd;
  auto& slots = meta.grad_fn->retained_outputs;
  if (slots.size() <= meta.output_nr) slots.resize(meta.output_nr + 1);
  slots[meta.output_nr] = t.impl_ptr();
  meta.retains_grad = true;
}

void check_inplace(const Tensor& self) {
  if (grad_enabled() && self.requires_grad() && self.is_leaf()) {
    throw_runtime_error("a leaf Variable that requires grad is being used in an in-place operation.");
  }
}

}  // namespace lesson::autograd
