#include "tensor/reduce_cascade.hpp"

#include <algorithm>
#include <array>

#include <xsimd/xsimd.hpp>

namespace lesson::tensor::cascade {

namespace {

constexpr std::int64_t kLanes = 8;  // Vectorized<float>::size() with AVX2
constexpr std::int64_t kIlp = 4;    // partial sums of row_sum
constexpr std::int64_t kLevels = 4;

// One AVX2 vector of PyTorch's: kLanes floats, held as xsimd batches of
// this build's width (4 with SSE2 or wasm simd128) and added lane by lane.
using Batch = xsimd::batch<float>;
constexpr std::int64_t kBatches = kLanes / static_cast<std::int64_t>(Batch::size);
static_assert(kBatches * static_cast<std::int64_t>(Batch::size) == kLanes, "lanes must split into batches");

struct Lanes {
  Batch b[kBatches];
  void store(float* out) const {
    for (std::int64_t k = 0; k < kBatches; ++k) b[k].store_unaligned(out + k * static_cast<std::int64_t>(Batch::size));
  }
};

// ceil(log2(x)), 1 for x <= 2, as ATen's utils::CeilLog2.
std::int64_t ceil_log2(std::int64_t x) {
  if (x <= 2) return 1;
  std::uint64_t v = static_cast<std::uint64_t>(x) - 1;
  std::int64_t bits = 0;
  while (v) {
    ++bits;
    v >>= 1;
  }
  return bits;
}

// A value type: float, or a vector of lanes.
inline void add(float& a, float b) { a += b; }
inline void add(Lanes& a, const Lanes& b) {
  for (std::int64_t k = 0; k < kBatches; ++k) a.b[k] += b.b[k];
}
inline void zero(float& a) { a = 0.0f; }
inline void zero(Lanes& a) {
  for (auto& v : a.b) v = Batch(0.0f);
}

// Loads of element (row i, column k) of a strided array, in elements.
struct ScalarLoad {
  const float* base;
  std::int64_t row_stride, col_stride;
  float operator()(std::int64_t i, std::int64_t k) const { return base[i * row_stride + k * col_stride]; }
};
struct LanesLoad {
  const float* base;
  std::int64_t row_stride, col_stride;  // col_stride: between the first elements of two vectors
  Lanes operator()(std::int64_t i, std::int64_t k) const {
    Lanes v;
    const float* p = base + i * row_stride + k * col_stride;
    for (std::int64_t j = 0; j < kBatches; ++j) v.b[j] = Batch::load_unaligned(p + j * static_cast<std::int64_t>(Batch::size));
    return v;
  }
};

// multi_row_sum: nrows interleaved sums over `size` rows, each through
// kLevels cascade levels of at least 16 rows.
template <class V, std::int64_t nrows, class Load>
std::array<V, nrows> multi_row_sum(const Load& load, std::int64_t size) {
  const std::int64_t level_power = std::max<std::int64_t>(4, ceil_log2(size) / kLevels);
  const std::int64_t level_step = std::int64_t{1} << level_power;
  const std::int64_t level_mask = level_step - 1;
  if (size < level_step) {
    // Only the first level is used; adding the other levels' zeros changes
    // nothing (a sum that starts at +0 is never -0).
    std::array<V, nrows> out;
    for (auto& v : out) zero(v);
    for (std::int64_t i = 0; i < size; ++i)
      for (std::int64_t k = 0; k < nrows; ++k) add(out[static_cast<std::size_t>(k)], load(i, k));
    return out;
  }
  V acc[kLevels][nrows];
  for (auto& level : acc)
    for (auto& v : level) zero(v);
  std::int64_t i = 0;
  while (i + level_step <= size) {
    for (std::int64_t j = 0; j < level_step; ++j, ++i)
      for (std::int64_t k = 0; k < nrows; ++k) add(acc[0][k], load(i, k));
    for (std::int64_t j = 1; j < kLevels; ++j) {
      for (std::int64_t k = 0; k < nrows; ++k) {
        add(acc[j][k], acc[j - 1][k]);
        zero(acc[j - 1][k]);
      }
      if ((i & (level_mask << (j * level_power))) != 0) break;
    }
  }
  for (; i < size; ++i)
    for (std::int64_t k = 0; k < nrows; ++k) add(acc[0][k], load(i, k));
  for (std::int64_t j = 1; j < kLevels; ++j)
    for (std::int64_t k = 0; k < nrows; ++k) add(acc[0][k], acc[j][k]);
  std::array<V, nrows> out;
  for (std::int64_t k = 0; k < nrows; ++k) out[static_cast<std::size_t>(k)] = acc[0][k];
  return out;
}

// row_sum: `size` values at `stride` apart, as kIlp interleaved sums.
template <class V, class Load>
V strided_sum(const float* x, std::int64_t stride, std::int64_t size) {
  const std::int64_t size_ilp = size / kIlp;
  auto partial = multi_row_sum<V, kIlp>(Load{x, stride * kIlp, stride}, size_ilp);
  const Load one{x, stride, 0};
  for (std::int64_t i = size_ilp * kIlp; i < size; ++i) add(partial[0], one(i, 0));
  for (std::int64_t k = 1; k < kIlp; ++k) add(partial[0], partial[static_cast<std::size_t>(k)]);
  return partial[0];
}

// scalar_inner_sum's row: `n` floats `stride` apart.
float scalar_row_sum(const float* x, std::int64_t stride, std::int64_t n) {
  return strided_sum<float, ScalarLoad>(x, stride, n);
}

}  // namespace

float row_sum(const float* x, std::int64_t n) {
  if (n < kLanes) return scalar_row_sum(x, 1, n);
  // vectorized_inner_sum: whole vectors through row_sum, then the scalar
  // tail, then the lanes in order.
  const std::int64_t vectors = n / kLanes;
  const Lanes lanes = strided_sum<Lanes, LanesLoad>(x, kLanes, vectors);
  float total = 0.0f;
  for (std::int64_t k = vectors * kLanes; k < n; ++k) total += x[k];
  float each[kLanes];
  lanes.store(each);
  for (float v : each) total += v;
  return total;
}

void column_sums(const float* x, std::int64_t rows, std::int64_t inner, float* out) {
  std::int64_t j = 0;
  if (inner >= kLanes) {
    // vectorized_outer_sum: 32 columns at a time as 4 vectors, then 8, then one.
    constexpr std::int64_t nrows = 4;
    for (; j + nrows * kLanes <= inner; j += nrows * kLanes) {
      const auto s = multi_row_sum<Lanes, nrows>(LanesLoad{x + j, inner, kLanes}, rows);
      for (std::int64_t v = 0; v < nrows; ++v) s[static_cast<std::size_t>(v)].store(out + j + v * kLanes);
    }
    for (; j + kLanes <= inner; j += kLanes) {
      strided_sum<Lanes, LanesLoad>(x + j, inner, rows).store(out + j);
    }
  } else {
    // scalar_outer_sum: four columns at a time, then one.
    constexpr std::int64_t nrows = 4;
    for (; j + nrows <= inner; j += nrows) {
      const auto s = multi_row_sum<float, nrows>(ScalarLoad{x + j, inner, 1}, rows);
      std::copy(s.begin(), s.end(), out + j);
    }
  }
  for (; j < inner; ++j) out[j] = scalar_row_sum(x + j, inner, rows);
}

void sums(const float* x, const ReduceShape& s, float* out) {
  const std::int64_t block = s.reduce * s.inner;
  if (s.batch == 1) {
    for (std::int64_t o = 0; o < s.outer; ++o) {
      const float* start = x + o * block;
      if (s.inner == 1) out[o] = row_sum(start, s.reduce);  // +0 for an empty or all -0 row, as PyTorch
      else column_sums(start, s.reduce, s.inner, out + o * s.inner);
    }
    return;
  }
  // Two reduced blocks: PyTorch sums each leading index's block (a row, or
  // strided elements) and adds those totals into the output in order.
  std::fill(out, out + s.outputs(), 0.0f);
  for (std::int64_t o = 0; o < s.outer; ++o) {
    for (std::int64_t j = 0; j < s.inner; ++j) {
      float& total = out[o * s.inner + j];
      for (std::int64_t b = 0; b < s.batch; ++b) {
        const float* start = x + (b * s.outer + o) * block + j;
        total += s.inner == 1 ? row_sum(start, s.reduce) : scalar_row_sum(start, s.inner, s.reduce);
      }
    }
  }
}

}  // namespace lesson::tensor::cascade
