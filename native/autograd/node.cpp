#include "autograd/node.hpp"

#include "tensor/elementwise_binary.hpp"

namespace lesson::autograd {

namespace {
std::uint64_t g_next_sequence_nr = 0;
}

Node::Node() : sequence_nr(g_next_sequence_nr++) {}

TensorList AccumulateGrad::apply(TensorList&& grad_outputs) {
  auto leaf = leaf_.lock();
  if (!leaf || grad_outputs.empty() || !grad_outputs[0].defined()) return {};
  Tensor incoming = grad_outputs[0];
  auto& meta = leaf->autograd;
  if (!meta.grad) {
    // A fresh tensor of the leaf's own: the incoming one may be shared with
    // other parts of the graph.
    meta.grad = incoming.clone_data().impl_ptr();
  } else {
    // In place, as PyTorch does, so a reference to .grad held by the learner
    // sees the sum.
    tensor::add_(Tensor(meta.grad), incoming);
  }
  return {};
}

}  // namespace lesson::autograd
