// var and std over dims with PyTorch 1.13's `correction` (unbiased=True is
// correction=1, unbiased=False is correction=0). Float inputs only.
#pragma once

#include <cstdint>

#include "tensor/reduce_dims.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

// sum((x - mean)^2) / max(N - correction, 0), as PyTorch divides: one
// element with correction 1 gives nan (0/0), a correction above N gives inf.
// Error for non-float input: "std and var only support floating point and
// complex dtypes". An empty `dims` reduces everything.
Tensor var(const Tensor& self, const DimList& dims = {}, std::int64_t correction = 1,
           bool keepdim = false);
Tensor var(const Tensor& self, std::int64_t dim, std::int64_t correction = 1, bool keepdim = false);

// sqrt(var). Named std_dev so that it never hides namespace std.
Tensor std_dev(const Tensor& self, const DimList& dims = {}, std::int64_t correction = 1,
               bool keepdim = false);
Tensor std_dev(const Tensor& self, std::int64_t dim, std::int64_t correction = 1,
               bool keepdim = false);

}  // namespace lesson::tensor
