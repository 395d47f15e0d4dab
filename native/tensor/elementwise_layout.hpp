// Memory layout of element-wise results, as PyTorch's TensorIterator lays
// them out: the result of an op on a transposed tensor is transposed too
// (same .stride() and .is_contiguous() answers as PyTorch), which also lets
// the loops walk every operand in memory order.
#pragma once

#include <initializer_list>

#include "tensor/tensor.hpp"

namespace lesson::tensor::detail {

// t converted to dtype the way TensorIterator converts an input to the common
// dtype (Tensor.to, preserving layout); t itself when it already has dtype.
Tensor cast_input(const Tensor& t, DType dtype);

// An uninitialised result of `shape` whose strides follow the inputs (already
// cast) the way TensorIterator allocates its output.
Tensor new_output(const Shape& shape, DType dtype, std::initializer_list<const Tensor*> inputs);

}  // namespace lesson::tensor::detail
