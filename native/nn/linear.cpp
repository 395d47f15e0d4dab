#include "nn/linear.hpp"

#include "autograd/grad_mode.hpp"
#include "core/errors.hpp"
#include "nn/init.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_binary.hpp"
#include "tensor/linalg.hpp"

namespace lesson::nn {

namespace {

Tensor plain_linear(const Tensor& input, const Tensor& weight, const Tensor& bias) {
  const bool needs_graph = autograd::grad_enabled() &&
                           (input.requires_grad() || weight.requires_grad() || (bias.defined() && bias.requires_grad()));
  if (needs_graph)
    throw TorchError(ErrorKind::NotImplementedError,
                     "nn.Linear backward needs the autograd linear (ops_linalg), which is not installed yet");
  Tensor out = tensor::matmul(input, tensor::t(weight));
  if (bias.defined()) out = tensor::add(out, bias);
  return out;
}

LinearFunction& linear_fn() {
  static LinearFunction fn = &plain_linear;
  return fn;
}

}  // namespace

void set_linear_function(LinearFunction fn) { linear_fn() = fn ? fn : &plain_linear; }

Tensor linear(const Tensor& input, const Tensor& weight, const Tensor& bias) {
  return linear_fn()(input, weight, bias);
}

Linear::Linear(std::int64_t in_features, std::int64_t out_features, bool bias)
    : Module("Linear"), in_features_(in_features), out_features_(out_features) {
  register_parameter("weight", make_parameter(tensor::empty({out_features, in_features})));
  register_parameter("bias", bias ? make_parameter(tensor::empty({out_features})) : Tensor());
  reset_parameters();
}

void Linear::reset_parameters() { init::reset_linear(weight(), bias()); }

Tensor Linear::forward(const Tensor& input) { return linear(input, weight(), bias()); }

std::string Linear::extra_repr() const {
  return "in_features=" + std::to_string(in_features_) + ", out_features=" + std::to_string(out_features_) +
         ", bias=" + (bias().defined() ? "True" : "False");
}

}  // namespace lesson::nn
