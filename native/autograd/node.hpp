// A node of the backward graph: it knows the edges to the nodes that produced
// its inputs and how to turn gradients of its outputs into gradients of its
// inputs (micrograd's shape, PyTorch's names).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::autograd {

using tensor::Tensor;
using TensorList = std::vector<Tensor>;

class Node;

// Where the gradient of one input goes: input `input_nr` of `function`.
struct Edge {
  std::shared_ptr<Node> function;
  std::uint32_t input_nr = 0;
  bool valid() const { return function != nullptr; }
};

class Node {
 public:
  Node();
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  // PyTorch's class name, shown as grad_fn=<NAME>: "MulBackward0".
  virtual std::string name() const = 0;
  // Gradients w.r.t. this node's outputs (undefined tensors for outputs that
  // got none) -> gradients w.r.t. its inputs, one per next_edges entry
  // (undefined where an input needs none).
  virtual TensorList apply(TensorList&& grad_outputs) = 0;
  // Frees saved tensors after a backward pass without retain_graph.
  virtual void release_variables() {}

  std::vector<Edge> next_edges;
  // Shapes of this node's outputs, to check gradients handed to backward().
  std::vector<tensor::Shape> output_shapes;
  // Non-leaf outputs whose .grad should be kept (retain_grad), by output_nr.
  std::vector<std::weak_ptr<tensor::TensorImpl>> retained_outputs;
  // Creation order: the engine runs later nodes first, as PyTorch does.
  const std::uint64_t sequence_nr;
};

// The sink for a leaf tensor's gradient: adds it into the leaf's .grad.
class AccumulateGrad final : public Node {
 public:
  explicit AccumulateGrad(const std::shared_ptr<tensor::TensorImpl>& leaf) : leaf_(leaf) {}
  std::string name() const override { return "AccumulateGrad"; }
  TensorList apply(TensorList&& grad_outputs) override;

 private:
  std::weak_ptr<tensor::TensorImpl> leaf_;
};

}  // namespace lesson::autograd
