#include "nn/pool_1d.hpp"

#include <memory>

#include "autograd/graph.hpp"
#include "tensor/views.hpp"

namespace lesson::nn {

namespace {

using autograd::TensorList;
using tensor::Tensor;

// The gradient of unsqueeze(-2) is the gradient squeezed back.
class PoolUnsqueezeBackward final : public autograd::Node {
 public:
  std::string name() const override { return "UnsqueezeBackward0"; }
  TensorList apply(TensorList&& grads) override {
    if (!grads[0].defined()) return {Tensor()};
    return {tensor::squeeze(grads[0], -2)};
  }
};

// The gradient of squeeze(-2) (of a size-1 dim) is the gradient unsqueezed.
class PoolSqueezeBackward final : public autograd::Node {
 public:
  std::string name() const override { return "SqueezeBackward1"; }
  TensorList apply(TensorList&& grads) override {
    if (!grads[0].defined()) return {Tensor()};
    return {tensor::unsqueeze(grads[0], -2)};
  }
};

}  // namespace

Tensor unsqueeze_for_1d(const Tensor& input) {
  Tensor out = tensor::unsqueeze(input, -2);
  if (autograd::needs_grad({&input})) {
    autograd::set_history(std::make_shared<PoolUnsqueezeBackward>(), {&input}, {&out});
  }
  return out;
}

Tensor squeeze_from_1d(const Tensor& output) {
  Tensor out = tensor::squeeze(output, -2);
  if (autograd::needs_grad({&output})) {
    autograd::set_history(std::make_shared<PoolSqueezeBackward>(), {&output}, {&out});
  }
  return out;
}

}  // namespace lesson::nn
