// Tensor creation: zeros, ones, full, empty, arange, linspace, eye, the
// *_like forms, and tensors from flat values with a shape.
#pragma once

#include <cstdint>
#include <vector>

#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

Tensor empty(const Shape& shape, DType dtype = DType::Float32);
Tensor zeros(const Shape& shape, DType dtype = DType::Float32);
Tensor ones(const Shape& shape, DType dtype = DType::Float32);
// dtype defaults to the value's own: full((2,), 3) is int64, full((2,), True) bool.
Tensor full(const Shape& shape, const Scalar& value);
Tensor full(const Shape& shape, const Scalar& value, DType dtype);
Tensor empty_like(const Tensor& t);
Tensor zeros_like(const Tensor& t);
Tensor ones_like(const Tensor& t);
Tensor full_like(const Tensor& t, const Scalar& value);

// torch.arange: int64 when start, end and step are all integers, else float32.
Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step = Scalar(1));
Tensor linspace(double start, double end, std::int64_t steps);
Tensor eye(std::int64_t n, std::int64_t m = -1);  // m < 0 means m = n

// A tensor of `shape` holding `values` (row-major) converted to dtype.
Tensor from_doubles(const Shape& shape, const std::vector<double>& values, DType dtype = DType::Float32);
Tensor from_ints(const Shape& shape, const std::vector<std::int64_t>& values, DType dtype = DType::Int64);
// A 0-d tensor holding one number, with the number's natural dtype.
Tensor scalar_tensor(const Scalar& value);
Tensor scalar_tensor(const Scalar& value, DType dtype);

}  // namespace lesson::tensor
