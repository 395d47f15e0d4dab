#include "tensor/shape.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace lesson::tensor {

std::int64_t numel_of(const Shape& shape) {
  std::int64_t n = 1;
  for (auto s : shape) n *= s;
  return n;
}

Strides contiguous_strides(const Shape& shape) {
  Strides strides(shape.size());
  std::int64_t stride = 1;
  for (std::size_t i = shape.size(); i-- > 0;) {
    strides[i] = stride;
    stride *= std::max<std::int64_t>(shape[i], 1);
  }
  return strides;
}

std::string shape_str(const Shape& shape) {
  std::string out = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) out += ", ";
    out += std::to_string(shape[i]);
  }
  return out + "]";
}

std::int64_t wrap_dim(std::int64_t dim, std::int64_t ndim) {
  const std::int64_t n = std::max<std::int64_t>(ndim, 1);
  if (dim < -n || dim >= n) {
    throw_index_error("Dimension out of range (expected to be in range of [" + std::to_string(-n) +
                      ", " + std::to_string(n - 1) + "], but got " + std::to_string(dim) + ")");
  }
  return dim < 0 ? dim + n : dim;
}

Shape broadcast_shapes(const Shape& a, const Shape& b) {
  const std::size_t n = std::max(a.size(), b.size());
  Shape out(n);
  // From the last dim backwards, as PyTorch's infer_size, so a mismatch in
  // several dims reports the innermost one.
  for (std::size_t i = n; i-- > 0;) {
    const std::int64_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    const std::int64_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    if (da != db && da != 1 && db != 1) {
      throw_runtime_error("The size of tensor a (" + std::to_string(da) +
                          ") must match the size of tensor b (" + std::to_string(db) +
                          ") at non-singleton dimension " + std::to_string(i));
    }
    out[i] = da == 1 ? db : da;
  }
  return out;
}

void check_sizes_nonnegative(const Shape& shape) {
  for (auto s : shape) {
    if (s < 0) {
      throw_runtime_error("Trying to create tensor with negative dimension " + std::to_string(s) +
                          ": " + shape_str(shape));
    }
  }
}

}  // namespace lesson::tensor
