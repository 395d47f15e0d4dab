// Shapes and strides: element counts, contiguous strides, dimension wrapping
// and broadcasting, with PyTorch's error texts.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lesson::tensor {

using Shape = std::vector<std::int64_t>;
using Strides = std::vector<std::int64_t>;

std::int64_t numel_of(const Shape& shape);
Strides contiguous_strides(const Shape& shape);

// "[2, 5]" as PyTorch writes shapes in messages.
std::string shape_str(const Shape& shape);

// Wraps a possibly negative dim into [0, ndim). A 0-d tensor accepts -1 and 0.
// Error: "Dimension out of range (expected to be in range of [-2, 1], but got 2)".
std::int64_t wrap_dim(std::int64_t dim, std::int64_t ndim);

// NumPy broadcasting. Error: "The size of tensor a (3) must match the size of
// tensor b (4) at non-singleton dimension 1".
Shape broadcast_shapes(const Shape& a, const Shape& b);

// Checks every size is non-negative: "Trying to create tensor with negative
// dimension -1: [-1, 2]".
void check_sizes_nonnegative(const Shape& shape);

}  // namespace lesson::tensor
