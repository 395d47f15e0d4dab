// all and any: whether every / some element is non-zero (NaN counts as
// non-zero). Any dtype in, bool out.
#pragma once

#include <cstdint>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// Whole tensor -> 0-d bool; all() of nothing is True, any() of nothing False.
Tensor all(const Tensor& self);
Tensor any(const Tensor& self);

// Along one dim (PyTorch 1.13 takes a single int here).
Tensor all(const Tensor& self, std::int64_t dim, bool keepdim = false);
Tensor any(const Tensor& self, std::int64_t dim, bool keepdim = false);

}  // namespace lesson::tensor
