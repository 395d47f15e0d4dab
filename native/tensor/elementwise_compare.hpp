// Comparisons giving bool tensors: == != < <= > >=, tensor with tensor or
// with a Python number on either side (Python reflects `2 < x` to `x > 2`),
// compared in the promoted dtype (an int64 tensor
// against 2.5 compares as float32, as in PyTorch).
#pragma once

#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

Tensor eq(const Tensor& a, const Tensor& b);
Tensor eq(const Tensor& a, const Scalar& b);
Tensor eq(const Scalar& a, const Tensor& b);
Tensor ne(const Tensor& a, const Tensor& b);
Tensor ne(const Tensor& a, const Scalar& b);
Tensor ne(const Scalar& a, const Tensor& b);
Tensor lt(const Tensor& a, const Tensor& b);
Tensor lt(const Tensor& a, const Scalar& b);
Tensor lt(const Scalar& a, const Tensor& b);
Tensor le(const Tensor& a, const Tensor& b);
Tensor le(const Tensor& a, const Scalar& b);
Tensor le(const Scalar& a, const Tensor& b);
Tensor gt(const Tensor& a, const Tensor& b);
Tensor gt(const Tensor& a, const Scalar& b);
Tensor gt(const Scalar& a, const Tensor& b);
Tensor ge(const Tensor& a, const Tensor& b);
Tensor ge(const Tensor& a, const Scalar& b);
Tensor ge(const Scalar& a, const Tensor& b);

}  // namespace lesson::tensor
