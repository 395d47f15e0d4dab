// Differentiable elementwise functions, named as PyTorch 1.13 prints them.
#pragma once

#include <optional>

#include "autograd/node.hpp"
#include "tensor/scalar.hpp"

namespace lesson::autograd {

Tensor exp(const Tensor& a);      // ExpBackward0
Tensor log(const Tensor& a);      // LogBackward0
Tensor sqrt(const Tensor& a);     // SqrtBackward0
Tensor rsqrt(const Tensor& a);    // RsqrtBackward0
Tensor abs(const Tensor& a);      // AbsBackward0
Tensor sin(const Tensor& a);      // SinBackward0
Tensor cos(const Tensor& a);      // CosBackward0
Tensor tanh(const Tensor& a);     // TanhBackward0
Tensor sigmoid(const Tensor& a);  // SigmoidBackward0
Tensor relu(const Tensor& a);     // ReluBackward0
// ClampBackward1 (scalar bounds; clamp(min=) alone too).
Tensor clamp(const Tensor& a, const std::optional<tensor::Scalar>& min,
             const std::optional<tensor::Scalar>& max);

}  // namespace lesson::autograd
