// Reshaping: view (always a view, or an error), reshape (a view when the
// strides allow one, else a contiguous copy) and flatten, with PyTorch's
// shape inference (one -1) and its error texts.
#pragma once

#include <cstdint>
#include <optional>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// `shape` with its -1 resolved for `numel` elements (at::infer_size).
// Errors: "shape '[2, 5]' is invalid for input of size 12",
// "only one dimension can be inferred", "invalid shape dimension -3", ...
Shape infer_size(const Shape& shape, std::int64_t numel);

// Strides that show a tensor of (old_shape, old_strides) as new_shape without
// copying, or nothing when no such strides exist (at::detail::computeStride).
std::optional<Strides> view_strides(const Shape& old_shape, const Strides& old_strides,
                                    const Shape& new_shape);

Tensor view(const Tensor& self, const Shape& shape);
Tensor reshape(const Tensor& self, const Shape& shape);
// Returns self itself when start_dim == end_dim (as PyTorch does).
Tensor flatten(const Tensor& self, std::int64_t start_dim = 0, std::int64_t end_dim = -1);

}  // namespace lesson::tensor
