#include "tensor/elementwise_layout.hpp"

#include <vector>

#include "tensor/copy.hpp"
#include "tensor/layout.hpp"

namespace lesson::tensor::detail {

namespace {

// TensorIterator::reorder_dimensions followed by compatible_stride(): dims
// are insertion-sorted fastest-first by the inputs' strides (the first input
// that orders a pair decides; broadcast dims defer; equal strides put the
// smaller dim first), then given plain running products as strides.
Strides reordered_strides(const Shape& shape, const std::vector<Strides>& inputs) {
  const std::size_t nd = shape.size();
  if (nd <= 1) return contiguous_strides(shape);
  std::vector<std::size_t> perm(nd);
  for (std::size_t i = 0; i < nd; ++i) perm[i] = nd - 1 - i;
  const auto should_swap = [&](std::size_t d0, std::size_t d1) {
    for (const auto& s : inputs) {
      if (s[d0] == 0 || s[d1] == 0) continue;
      if (s[d0] < s[d1]) return -1;
      if (s[d0] > s[d1]) return 1;
      if (shape[d0] > shape[d1]) return 1;
    }
    return 0;
  };
  for (std::size_t i = 1; i < nd; ++i) {
    std::size_t d1 = i;
    for (std::size_t d0 = i; d0-- > 0;) {
      const int c = should_swap(perm[d0], perm[d1]);
      if (c > 0) {
        std::swap(perm[d0], perm[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  bool inverted = true;
  for (std::size_t j = 0; j < nd; ++j) inverted = inverted && perm[j] == nd - 1 - j;
  if (inverted) return contiguous_strides(shape);
  Strides out(nd);
  std::int64_t next = 1;
  for (std::size_t j = 0; j < nd; ++j) {
    out[perm[j]] = next;
    next *= shape[perm[j]];
  }
  return out;
}

}  // namespace

Tensor cast_input(const Tensor& t, DType dtype) {
  if (t.dtype() == dtype) return t;
  const Strides strides = is_non_overlapping_and_dense(t.shape(), t.strides())
                              ? t.strides()
                              : infer_dense_strides(t.shape(), t.strides());
  Tensor out = empty_strided(t.shape(), strides, dtype);
  copy_into(out, t);
  return out;
}

Tensor new_output(const Shape& shape, DType dtype, std::initializer_list<const Tensor*> inputs) {
  bool same_shape = true;
  for (const Tensor* t : inputs) same_shape = same_shape && t->shape() == shape;
  if (same_shape) {
    std::vector<IteratorInput> same;
    for (const Tensor* t : inputs) same.push_back({t->shape(), t->strides()});
    return empty_strided(shape, iterator_output_strides(shape, same), dtype);
  }
  // The iterator's shortcuts apply only when every input has the result's
  // shape as it is (rank included, as PyTorch compares sizes before any
  // broadcasting); otherwise, numbers included, the dim-sorting rule decides.
  std::vector<Strides> strides;
  for (const Tensor* t : inputs) strides.push_back(broadcast_strides(*t, shape));
  return empty_strided(shape, reordered_strides(shape, strides), dtype);
}

}  // namespace lesson::tensor::detail
