// Strided element copy with broadcasting and dtype conversion: the one slow
// general path that views, clone, to(dtype) and assignment fall back on.
#pragma once

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// dst[...] = src, src broadcast to dst's shape, converted to dst's dtype.
// Error when src cannot broadcast to dst: PyTorch's expand error text.
void copy_into(const Tensor& dst, const Tensor& src);

// Visits every element position of `shape` in row-major order, calling
// f(offset_a, offset_b) with element offsets for two stride sets.
template <class F>
void for_each_offset2(const Shape& shape, const Strides& sa, const Strides& sb, F&& f) {
  const std::size_t nd = shape.size();
  for (auto s : shape) {
    if (s == 0) return;
  }
  if (nd == 0) {
    f(std::int64_t{0}, std::int64_t{0});
    return;
  }
  std::vector<std::int64_t> index(nd, 0);
  const std::int64_t inner = shape[nd - 1];
  const std::int64_t ia = sa[nd - 1], ib = sb[nd - 1];
  std::int64_t oa = 0, ob = 0;
  while (true) {
    for (std::int64_t i = 0; i < inner; ++i) f(oa + i * ia, ob + i * ib);
    // advance the outer index
    std::size_t d = nd - 1;
    while (true) {
      if (d == 0) return;
      --d;
      ++index[d];
      oa += sa[d];
      ob += sb[d];
      if (index[d] < shape[d]) break;
      oa -= sa[d] * shape[d];
      ob -= sb[d] * shape[d];
      index[d] = 0;
    }
  }
}

// Strides that read `src` as if broadcast to `shape` (0 on broadcast dims).
Strides broadcast_strides(const Tensor& src, const Shape& shape);

}  // namespace lesson::tensor
