// sum, mean and prod, whole-tensor or over dims, with PyTorch 1.13's dtypes:
// sum and prod of int64 or bool give int64, mean needs a float input.
#pragma once

#include <cstdint>

#include "tensor/reduce_dims.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

// An empty `dims` reduces everything (0-d result, or all-ones with keepdim).
// The sum of nothing is 0; float sums accumulate in float blocks and double.
Tensor sum(const Tensor& self, const DimList& dims = {}, bool keepdim = false);
Tensor sum(const Tensor& self, std::int64_t dim, bool keepdim = false);

// Float only: "mean(): could not infer output dtype. Input dtype must be
// either a floating point or complex dtype. Got: Long". Mean of nothing is nan.
Tensor mean(const Tensor& self, const DimList& dims = {}, bool keepdim = false);
Tensor mean(const Tensor& self, std::int64_t dim, bool keepdim = false);

// torch.prod takes one dim at most. The product of nothing is 1.
Tensor prod(const Tensor& self);
Tensor prod(const Tensor& self, std::int64_t dim, bool keepdim = false);

}  // namespace lesson::tensor
