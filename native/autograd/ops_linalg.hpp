// Differentiable matrix products, named as PyTorch 1.13 prints them.
#pragma once

#include "autograd/node.hpp"
#include "tensor/scalar.hpp"

namespace lesson::autograd {

// The grad_fn follows torch.matmul's path: DotBackward0 (1-D @ 1-D),
// MvBackward0 (2-D @ 1-D), SqueezeBackward3 (1-D @ 2-D), MmBackward0
// (2-D @ 2-D), CloneBackward0 (2-D @ N-D), UnsafeViewBackward0 (batched).
// One node computes the whole gradient (PyTorch records several).
Tensor matmul(const Tensor& a, const Tensor& b);
Tensor mm(const Tensor& a, const Tensor& b);   // MmBackward0
Tensor bmm(const Tensor& a, const Tensor& b);  // BmmBackward0
Tensor mv(const Tensor& a, const Tensor& v);   // MvBackward0
Tensor dot(const Tensor& a, const Tensor& b);  // DotBackward0
// beta * bias + alpha * (m1 @ m2): AddmmBackward0.
Tensor addmm(const Tensor& bias, const Tensor& m1, const Tensor& m2, const tensor::Scalar& beta = 1,
             const tensor::Scalar& alpha = 1);
// F.linear: addmm(b, x, W.t()) for 2-D x with a bias (ViewBackward0 over it for
// contiguous N-D x), else x @ W.t() (+ b).
Tensor linear(const Tensor& x, const Tensor& weight, const Tensor& bias = Tensor());

}  // namespace lesson::autograd
