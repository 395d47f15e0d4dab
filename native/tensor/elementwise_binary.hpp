// Binary arithmetic with NumPy broadcasting and PyTorch 1.13's type promotion:
// + - * / // % maximum minimum, with a Python number on either side, and the
// in-place forms the tensor API needs. Integer results wrap on overflow as
// PyTorch's do.
#pragma once

#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

// a + alpha * b (torch.add). alpha must be an integer for integral results
// and may be a bool only for bool results.
Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha = Scalar(1));
Tensor add(const Tensor& a, const Scalar& b, const Scalar& alpha = Scalar(1));
Tensor add(const Scalar& a, const Tensor& b, const Scalar& alpha = Scalar(1));

// a - alpha * b. Errors on bool operands with PyTorch's advice to use ^ or ~.
Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha = Scalar(1));
Tensor sub(const Tensor& a, const Scalar& b, const Scalar& alpha = Scalar(1));
Tensor sub(const Scalar& a, const Tensor& b, const Scalar& alpha = Scalar(1));  // torch.rsub

Tensor mul(const Tensor& a, const Tensor& b);
Tensor mul(const Tensor& a, const Scalar& b);
Tensor mul(const Scalar& a, const Tensor& b);

// True division: always float32, also for integer operands.
Tensor div(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Scalar& b);
// Python's `number / tensor`, which PyTorch computes as
// tensor.reciprocal() * number (two roundings, not one division).
Tensor div(const Scalar& a, const Tensor& b);

// Python's // and % (torch.floor_divide, torch.remainder): the result takes
// the divisor's sign. Integer division by zero raises "ZeroDivisionError".
Tensor floor_divide(const Tensor& a, const Tensor& b);
Tensor floor_divide(const Tensor& a, const Scalar& b);
Tensor floor_divide(const Scalar& a, const Tensor& b);
Tensor remainder(const Tensor& a, const Tensor& b);
Tensor remainder(const Tensor& a, const Scalar& b);
Tensor remainder(const Scalar& a, const Tensor& b);

// Element-wise max / min; NaN in either operand gives NaN.
Tensor maximum(const Tensor& a, const Tensor& b);
Tensor minimum(const Tensor& a, const Tensor& b);

// In place: self op= other, broadcasting other to self's shape. They return
// self, bump its version, and raise PyTorch's errors when the result would
// need a wider dtype or a bigger shape than self has.
Tensor add_(const Tensor& self, const Tensor& other, const Scalar& alpha = Scalar(1));
Tensor add_(const Tensor& self, const Scalar& other, const Scalar& alpha = Scalar(1));
Tensor sub_(const Tensor& self, const Tensor& other, const Scalar& alpha = Scalar(1));
Tensor sub_(const Tensor& self, const Scalar& other, const Scalar& alpha = Scalar(1));
Tensor mul_(const Tensor& self, const Tensor& other);
Tensor mul_(const Tensor& self, const Scalar& other);
Tensor div_(const Tensor& self, const Tensor& other);
Tensor div_(const Tensor& self, const Scalar& other);

}  // namespace lesson::tensor
