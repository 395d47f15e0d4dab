#include "tensor/layout.hpp"

#include <algorithm>
#include <numeric>

namespace lesson::tensor {

bool is_non_overlapping_and_dense(const Shape& shape, const Strides& strides) {
  // c10 counts every contiguous tensor, empty ones included, as dense.
  if (is_contiguous_strides(shape, strides)) return true;
  const std::size_t nd = shape.size();
  if (nd == 1) return shape[0] < 2 || strides[0] == 1;
  std::vector<std::size_t> perm(nd);
  std::iota(perm.begin(), perm.end(), 0);
  // Smallest stride first; dims of size 0 or 1 go last and do not count.
  std::sort(perm.begin(), perm.end(), [&](std::size_t a, std::size_t b) {
    if (shape[a] < 2) return false;
    if (shape[b] < 2) return true;
    return strides[a] < strides[b];
  });
  std::int64_t required = 1;
  for (std::size_t i = 0; i < nd; ++i) {
    const auto size = shape[perm[i]];
    if (size < 2) return true;
    if (strides[perm[i]] != required) return false;
    required *= size;
  }
  return true;
}

bool is_contiguous_strides(const Shape& shape, const Strides& strides) {
  for (auto s : shape) {
    if (s == 0) return true;
  }
  std::int64_t expected = 1;
  for (std::size_t i = shape.size(); i-- > 0;) {
    if (shape[i] == 1) continue;
    if (strides[i] != expected) return false;
    expected *= shape[i];
  }
  return true;
}

Strides infer_dense_strides(const Shape& shape, const Strides& strides) {
  const std::size_t nd = shape.size();
  if (nd == 0) return {};
  if (nd == 1) return {1};
  // perm[0] is the fastest-moving dim; start from the C-contiguous order and
  // insertion-sort by stride the way TensorIterator does, leaving stride-0
  // dims where they are.
  std::vector<std::size_t> perm(nd);
  for (std::size_t i = 0; i < nd; ++i) perm[i] = nd - 1 - i;
  const auto should_swap = [&](std::size_t d0, std::size_t d1) {
    const auto s0 = strides[d0], s1 = strides[d1];
    if (s0 == 0 || s1 == 0) return 0;
    if (s0 < s1) return -1;
    if (s0 > s1) return 1;
    return shape[d0] > shape[d1] ? 1 : 0;
  };
  for (std::size_t i = 1; i < nd; ++i) {
    std::size_t d1 = i;
    for (std::size_t j = 1; j <= i; ++j) {
      const std::size_t d0 = i - j;
      const int c = should_swap(perm[d0], perm[d1]);
      if (c > 0) {
        std::swap(perm[d0], perm[d1]);
        d1 = d0;
      } else if (c < 0) {
        break;
      }
    }
  }
  Strides out(nd);
  std::int64_t next = 1;
  for (std::size_t i = 0; i < nd; ++i) {
    out[perm[i]] = next;
    if (shape[perm[i]] > 1) next *= shape[perm[i]];
  }
  return out;
}

namespace {

// c10's is_channels_last_strides_2d/3d: walk C, then the spatial dims from
// the last, then N, requiring strides to grow; ambiguous cases stay NCHW.
bool strides_like_channels_last(const Shape& shape, const Strides& strides,
                                std::initializer_list<std::size_t> order) {
  std::int64_t min = 0;
  if (strides[1] == 0) return false;
  for (std::size_t d : order) {
    if (shape[d] == 0) return false;
    if (strides[d] < min) return false;
    if (d == 0 && min == strides[1]) return false;
    min = strides[d];
    if (shape[d] > 1) min *= shape[d];
  }
  return true;
}

bool is_channels_last_contiguous_2d(const Shape& shape, const Strides& strides) {
  if (shape.size() != 4) return false;
  std::int64_t expected = 1;
  for (std::size_t d : {1, 3, 2, 0}) {
    if (shape[d] != 1) {
      if (strides[d] != expected) return false;
      expected *= shape[d];
    }
  }
  return true;
}

}  // namespace

MemoryFormat suggest_memory_format(const Shape& shape, const Strides& strides) {
  if (shape.size() == 4 && strides_like_channels_last(shape, strides, {1, 3, 2, 0})) {
    return MemoryFormat::ChannelsLast;
  }
  if (shape.size() == 5 && strides_like_channels_last(shape, strides, {1, 4, 3, 2, 0})) {
    return MemoryFormat::ChannelsLast3d;
  }
  return MemoryFormat::Contiguous;
}

Strides strides_for_format(const Shape& shape, MemoryFormat format) {
  if (format == MemoryFormat::Contiguous) return contiguous_strides(shape);
  // Channels last: C fastest, then the spatial dims from the last, then N.
  const std::vector<std::size_t> order = format == MemoryFormat::ChannelsLast
                                             ? std::vector<std::size_t>{1, 3, 2, 0}
                                             : std::vector<std::size_t>{1, 4, 3, 2, 0};
  Strides out(shape.size());
  std::int64_t next = 1;
  for (std::size_t d : order) {
    out[d] = next;
    next *= std::max<std::int64_t>(shape[d], 1);
  }
  return out;
}

Strides iterator_output_strides(const Shape& shape, const std::vector<IteratorInput>& inputs) {
  const std::size_t nd = shape.size();
  // Fast setup: only when no input broadcasts.
  bool same_shapes = true, all_contiguous = true, all_channels_last = true, all_dense = true;
  for (const auto& in : inputs) {
    same_shapes = same_shapes && in.shape == shape;
    all_contiguous = all_contiguous && is_contiguous_strides(in.shape, in.strides);
    all_channels_last = all_channels_last && is_channels_last_contiguous_2d(in.shape, in.strides);
    all_dense = all_dense && is_non_overlapping_and_dense(in.shape, in.strides);
  }
  if (same_shapes) {
    if (all_contiguous) return contiguous_strides(shape);
    if (all_channels_last) return strides_for_format(shape, MemoryFormat::ChannelsLast);
    if (all_dense && std::all_of(inputs.begin(), inputs.end(), [&](const IteratorInput& in) {
          return in.strides == inputs.front().strides;
        })) {
      return inputs.front().strides;
    }
  }
  // Broadcast dims read with stride 0.
  std::vector<Strides> strides;
  for (const auto& in : inputs) {
    Strides s = in.strides;
    for (std::size_t d = 0; d < nd; ++d) {
      if (in.shape[d] == 1 && shape[d] != 1) s[d] = 0;
    }
    strides.push_back(std::move(s));
  }
  if (nd <= 1) return contiguous_strides(shape);
  // reorder_dimensions(): perm[0] is the fastest dim. For each pair the first
  // input that orders the two dims decides; broadcast (stride 0) dims defer.
  std::vector<std::size_t> perm(nd);
  for (std::size_t i = 0; i < nd; ++i) perm[i] = nd - 1 - i;
  const auto should_swap = [&](std::size_t d0, std::size_t d1) {
    for (const auto& s : strides) {
      const auto s0 = s[d0], s1 = s[d1];
      if (s0 == 0 || s1 == 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (shape[d0] > shape[d1]) return 1;
    }
    return 0;
  };
  for (std::size_t i = 1; i < nd; ++i) {
    std::size_t d1 = i;
    for (std::size_t d0p1 = i; d0p1 > 0; --d0p1) {
      const std::size_t d0 = d0p1 - 1;
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
  // compatible_stride(): plain running products (a size-0 dim zeroes the rest).
  Strides out(nd);
  std::int64_t next = 1;
  for (std::size_t j = 0; j < nd; ++j) {
    out[perm[j]] = next;
    next *= shape[perm[j]];
  }
  return out;
}

Tensor empty_strided(const Shape& shape, const Strides& strides, DType dtype) {
  check_sizes_nonnegative(shape);
  std::int64_t extent = 1;  // one past the largest element offset
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 0) {
      extent = 0;
      break;
    }
    extent += (shape[i] - 1) * strides[i];
  }
  return Tensor::make({extent}, dtype, false).as_strided(shape, strides, 0);
}

}  // namespace lesson::tensor
