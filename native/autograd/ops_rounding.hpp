// Differentiable rounding and sign (tensor/elementwise_rounding.hpp): their
// gradient is zero everywhere, frac's passes through; node names as PyTorch
// 1.13 prints them. isnan / isinf / isfinite have no gradient (bool outputs).
#pragma once

#include <cstdint>

#include "autograd/node.hpp"

namespace lesson::autograd {

Tensor floor(const Tensor& a);                          // FloorBackward0
Tensor ceil(const Tensor& a);                           // CeilBackward0
Tensor trunc(const Tensor& a);                          // TruncBackward0
Tensor round(const Tensor& a);                          // RoundBackward0
Tensor round(const Tensor& a, std::int64_t decimals);  // RoundBackward1
Tensor frac(const Tensor& a);                           // FracBackward0
Tensor sign(const Tensor& a);                           // SignBackward0

}  // namespace lesson::autograd
