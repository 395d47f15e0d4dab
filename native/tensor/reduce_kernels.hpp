// Loops shared by the reductions, over the contiguous [batch, outer,
// reduce, inner] layout that plan_reduction produces (see ReduceShape):
// rows when inner == 1, columns otherwise.
//
// Float sums use xsimd lanes over short blocks and add the block totals in
// double: each lane adds at most kLaneDepth values in float, so the error
// stays below that of PyTorch's cascade sum while the loop runs at SIMD
// speed (gcc -O2 does not vectorise float reductions on its own).
// Everything else folds element by element with a step functor, inlined as
// a template parameter (no std::function in the inner loops).
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include <xsimd/xsimd.hpp>

#include "tensor/reduce_dims.hpp"

namespace lesson::tensor::kernels {

using FloatBatch = xsimd::batch<float>;
constexpr std::int64_t kLanes = static_cast<std::int64_t>(FloatBatch::size);
constexpr std::int64_t kLaneDepth = 64;  // values one float lane adds before a flush to double

// Sum over a contiguous run of f(x[i]); `f` is a generic callable applied
// to float batches and to plain floats alike.
template <class F>
double block_sum(const float* x, std::int64_t n, F f) {
  constexpr std::int64_t step = 4 * kLanes;
  double total = 0.0;
  std::int64_t i = 0;
  while (n - i >= step) {
    const std::int64_t end = i + std::min((n - i) / step, kLaneDepth) * step;
    FloatBatch b0(0.0f), b1(0.0f), b2(0.0f), b3(0.0f);
    for (; i < end; i += step) {
      b0 += f(FloatBatch::load_unaligned(x + i));
      b1 += f(FloatBatch::load_unaligned(x + i + kLanes));
      b2 += f(FloatBatch::load_unaligned(x + i + 2 * kLanes));
      b3 += f(FloatBatch::load_unaligned(x + i + 3 * kLanes));
    }
    float lanes[kLanes];
    ((b0 + b1) + (b2 + b3)).store_unaligned(lanes);
    double flush = 0.0;
    for (float v : lanes) flush += v;
    total += flush;
  }
  for (; i < n; ++i) total += f(x[i]);
  return total;
}

// acc[j] += sum over the `rows` rows (stride `inner`) of f(x[r * inner + j]).
// Rows are added in float into `block`, four at a time and vectorised
// across the columns, and flushed to double every kLaneDepth rows.
template <class F>
void column_block_sums(const float* x, std::int64_t rows, std::int64_t inner, F f, float* block,
                       double* acc) {
  for (std::int64_t r0 = 0; r0 < rows; r0 += kLaneDepth) {
    const std::int64_t r1 = std::min(rows, r0 + kLaneDepth);
    std::fill(block, block + inner, 0.0f);
    std::int64_t r = r0;
    for (; r + 4 <= r1; r += 4) {
      const float* x0 = x + r * inner;
      const float* x1 = x0 + inner;
      const float* x2 = x1 + inner;
      const float* x3 = x2 + inner;
      std::int64_t j = 0;
      for (; j + kLanes <= inner; j += kLanes) {
        const FloatBatch v = (f(FloatBatch::load_unaligned(x0 + j)) + f(FloatBatch::load_unaligned(x1 + j))) +
                             (f(FloatBatch::load_unaligned(x2 + j)) + f(FloatBatch::load_unaligned(x3 + j)));
        (FloatBatch::load_unaligned(block + j) + v).store_unaligned(block + j);
      }
      for (; j < inner; ++j) block[j] += (f(x0[j]) + f(x1[j])) + (f(x2[j]) + f(x3[j]));
    }
    for (; r < r1; ++r) {
      const float* row = x + r * inner;
      std::int64_t j = 0;
      for (; j + kLanes <= inner; j += kLanes) {
        (FloatBatch::load_unaligned(block + j) + f(FloatBatch::load_unaligned(row + j))).store_unaligned(block + j);
      }
      for (; j < inner; ++j) block[j] += f(row[j]);
    }
    for (std::int64_t j = 0; j < inner; ++j) acc[j] += block[j];
  }
}

// Sums of f over each output's elements, in double (s.outputs() of them).
template <class F>
std::vector<double> float_sums(const float* x, const ReduceShape& s, F f) {
  std::vector<double> acc(static_cast<std::size_t>(s.outputs()), 0.0);
  std::vector<float> block(s.inner > 1 ? static_cast<std::size_t>(s.inner) : 0);
  for (std::int64_t b = 0; b < s.batch; ++b) {
    for (std::int64_t o = 0; o < s.outer; ++o) {
      const float* start = x + (b * s.outer + o) * s.reduce * s.inner;
      if (s.inner == 1) {
        acc[static_cast<std::size_t>(o)] += block_sum(start, s.reduce, f);
      } else {
        column_block_sums(start, s.reduce, s.inner, f, block.data(), acc.data() + o * s.inner);
      }
    }
  }
  return acc;
}

// out[k] = step(...step(init, first element)..., last element) for each
// output k, visiting its elements batch by batch, in order along `reduce`.
template <class T, class Acc, class Step>
void fold(const T* x, const ReduceShape& s, Acc init, Step step, Acc* out) {
  std::fill(out, out + s.outputs(), init);
  for (std::int64_t b = 0; b < s.batch; ++b) {
    for (std::int64_t o = 0; o < s.outer; ++o) {
      const T* start = x + (b * s.outer + o) * s.reduce * s.inner;
      Acc* a = out + o * s.inner;
      if (s.inner == 1) {
        Acc v = *a;
        for (std::int64_t r = 0; r < s.reduce; ++r) v = step(v, start[r]);
        *a = v;
        continue;
      }
      for (std::int64_t r = 0; r < s.reduce; ++r) {
        const T* row = start + r * s.inner;
        for (std::int64_t j = 0; j < s.inner; ++j) a[j] = step(a[j], row[j]);
      }
    }
  }
}

}  // namespace lesson::tensor::kernels
