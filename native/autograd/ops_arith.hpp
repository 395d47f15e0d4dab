// Differentiable arithmetic: the forward ops of lesson::tensor plus backward
// nodes named as PyTorch 1.13 prints them (Python's scalar operands become
// 0-dim tensors there, so `x * 2` is MulBackward0 too).
#pragma once

#include "autograd/node.hpp"
#include "tensor/scalar.hpp"

namespace lesson::autograd {

using tensor::Scalar;

Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha = Scalar(1));  // AddBackward0
Tensor add(const Tensor& a, const Scalar& b);                                   // AddBackward0
Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha = Scalar(1));  // SubBackward0
Tensor sub(const Tensor& a, const Scalar& b);                                   // SubBackward0
Tensor rsub(const Tensor& a, const Scalar& b);  // b - a: RsubBackward1
Tensor mul(const Tensor& a, const Tensor& b);   // MulBackward0
Tensor mul(const Tensor& a, const Scalar& b);   // MulBackward0
Tensor div(const Tensor& a, const Tensor& b);   // DivBackward0
Tensor div(const Tensor& a, const Scalar& b);   // DivBackward0
Tensor rdiv(const Tensor& a, const Scalar& b);  // b / a = a.reciprocal() * b: MulBackward0
Tensor reciprocal(const Tensor& a);             // ReciprocalBackward0
Tensor neg(const Tensor& a);                    // NegBackward0
Tensor pow(const Tensor& a, const Scalar& e);   // PowBackward0
Tensor pow(const Tensor& a, const Tensor& e);   // PowBackward1
Tensor pow(const Scalar& a, const Tensor& e);   // PowBackward1 (the number becomes a tensor)

// In place: refused on leaves that require grad; on other tensors the result
// takes a new grad_fn whose input is the tensor's previous history.
Tensor add_(const Tensor& self, const Tensor& other, const Scalar& alpha = Scalar(1));
Tensor add_(const Tensor& self, const Scalar& other);
Tensor sub_(const Tensor& self, const Tensor& other, const Scalar& alpha = Scalar(1));
Tensor sub_(const Tensor& self, const Scalar& other);
Tensor mul_(const Tensor& self, const Tensor& other);
Tensor mul_(const Tensor& self, const Scalar& other);
Tensor div_(const Tensor& self, const Tensor& other);
Tensor div_(const Tensor& self, const Scalar& other);

}  // namespace lesson::autograd
