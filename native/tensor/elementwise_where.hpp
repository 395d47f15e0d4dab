// torch.where(cond, a, b): a where cond is true, else b, with cond, a and b
// broadcast together and a / b promoted to a common dtype.
#pragma once

#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

// cond must be bool: "where expected condition to be a boolean tensor, but got
// a tensor with dtype Float".
Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b);
Tensor where(const Tensor& cond, const Tensor& a, const Scalar& b);
Tensor where(const Tensor& cond, const Scalar& a, const Tensor& b);
// Two numbers: float32 if either is a float (the default dtype), else int64
// or bool.
Tensor where(const Tensor& cond, const Scalar& a, const Scalar& b);

}  // namespace lesson::tensor
