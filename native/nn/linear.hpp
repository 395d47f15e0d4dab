// nn.Linear: weight (out_features, in_features), optional bias, PyTorch's
// default initialisation (init::reset_linear) in PyTorch's draw order.
#pragma once

#include <cstdint>

#include "nn/module.hpp"

namespace lesson::nn {

// y = input @ weight.T + bias. The autograd version (AddmmBackward0 for 2-D
// input) belongs to native/autograd/ops_linalg; until it is installed here with
// set_linear_function, forward uses the plain tensor kernels and records no
// graph (it throws if a graph would be needed).
using LinearFunction = Tensor (*)(const Tensor& input, const Tensor& weight, const Tensor& bias);
void set_linear_function(LinearFunction fn);
Tensor linear(const Tensor& input, const Tensor& weight, const Tensor& bias);

class Linear : public Module {
 public:
  Linear(std::int64_t in_features, std::int64_t out_features, bool bias = true);
  void reset_parameters();
  Tensor forward(const Tensor& input) override;
  std::string extra_repr() const override;

  std::int64_t in_features() const { return in_features_; }
  std::int64_t out_features() const { return out_features_; }
  Tensor weight() const { return parameter("weight"); }
  Tensor bias() const { return parameter("bias"); }

 private:
  std::int64_t in_features_;
  std::int64_t out_features_;
};

}  // namespace lesson::nn
