// Unary element-wise math. Float functions take int64 and bool tensors too and
// return float32 (torch.sqrt(torch.tensor([4])) is tensor([2.])); neg, abs and
// relu keep the input dtype and reject bool as PyTorch does.
#pragma once

#include "tensor/tensor.hpp"

namespace lesson::tensor {

Tensor neg(const Tensor& a);
Tensor abs(const Tensor& a);
Tensor relu(const Tensor& a);

Tensor sqrt(const Tensor& a);
Tensor rsqrt(const Tensor& a);
Tensor reciprocal(const Tensor& a);
Tensor exp(const Tensor& a);
Tensor log(const Tensor& a);
Tensor sin(const Tensor& a);
Tensor cos(const Tensor& a);
Tensor tanh(const Tensor& a);
// 1 / (1 + exp(-x)) in float32, the formula PyTorch's CPU kernel uses.
Tensor sigmoid(const Tensor& a);

}  // namespace lesson::tensor
