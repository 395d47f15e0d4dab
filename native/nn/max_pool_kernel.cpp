#include "nn/max_pool_kernel.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "nn/pool_simd.hpp"

namespace lesson::nn {

namespace {

using std::int64_t;

constexpr float kNegInf = -std::numeric_limits<float>::infinity();
constexpr int64_t kInt32Max = std::numeric_limits<std::int32_t>::max();

// One output the way PyTorch's loop computes it; used for windows that touch
// the padding and for what the vector loop leaves over.
inline void max_window(const float* plane, int64_t width, const AxisWindow& hw, int64_t dh,
                       const AxisWindow& ww, int64_t dw, float& value, int64_t& index) {
  float best = kNegInf;
  int64_t best_index = hw.begin * width + ww.begin;
  for (int64_t ih = hw.begin; ih < hw.end; ih += dh) {
    const float* row = plane + ih * width;
    for (int64_t iw = ww.begin; iw < ww.end; iw += dw) {
      const float v = row[iw];
      if (v > best || std::isnan(v)) {
        best = v;
        best_index = ih * width + iw;
      }
    }
  }
  value = best;
  index = best_index;
}

#if POOL_SIMD

// The common 2x2 window, stride 2, no dilation, four outputs at a time from
// two input rows. Without indices the maximum is a chain of maxps (which
// keeps the first of equal values, as PyTorch's strict ">" does) with NaN
// forced afterwards where any of the four was NaN. With indices it tracks
// which of the four positions (0..3, row-major) won.
template <bool kIndices>
int64_t max_row_2x2(const float* plane, int64_t width, int64_t ih0, int64_t pw, int64_t ow, int64_t ow_end,
                    float* out_row, int64_t* index_row) {
  const float* r0 = plane + ih0 * width;
  const float* r1 = r0 + width;
  const __m128i lanes = _mm_setr_epi32(0, 2, 4, 6);
  const __m128i one = _mm_set1_epi32(1);
  const __m128i row_step = _mm_set1_epi32(static_cast<int>(width));
  for (; ow + 4 <= ow_end && 2 * ow - pw + 7 <= width - 1; ow += 4) {
    pool_simd::Batch be0, bo0, be1, bo1;
    pool_simd::load_pairs(r0 + 2 * ow - pw, be0, bo0);
    pool_simd::load_pairs(r1 + 2 * ow - pw, be1, bo1);
    const __m128 e0 = be0, o0 = bo0, e1 = be1, o1 = bo1;
    if constexpr (!kIndices) {
      __m128 best = _mm_max_ps(o0, e0);
      best = _mm_max_ps(e1, best);
      best = _mm_max_ps(o1, best);
      const __m128 nan = _mm_or_ps(_mm_cmpunord_ps(e0, o0), _mm_cmpunord_ps(e1, o1));
      _mm_storeu_ps(out_row + ow, _mm_or_ps(best, nan));  // all-ones bits are a NaN
    } else {
      __m128 best = e0;
      __m128 code = _mm_setzero_ps();
      auto step = [&](__m128 v, int k) {
        const __m128 take = _mm_or_ps(_mm_cmpgt_ps(v, best), _mm_cmpneq_ps(v, v));
        best = _mm_blendv_ps(best, v, take);
        code = _mm_blendv_ps(code, _mm_castsi128_ps(_mm_set1_epi32(k)), take);
      };
      step(o0, 1);
      step(e1, 2);
      step(o1, 3);
      _mm_storeu_ps(out_row + ow, best);
      const __m128i c = _mm_castps_si128(code);
      const __m128i base = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(ih0 * width + 2 * ow - pw)), lanes);
      const __m128i index = _mm_add_epi32(_mm_add_epi32(base, _mm_and_si128(c, one)),
                                          _mm_and_si128(_mm_cmpgt_epi32(c, one), row_step));
      pool_simd::store_int64(index_row + ow, index);
    }
  }
  return ow;
}

// Outputs [ow, ow_end) of one output row, all with windows inside the input
// (first window row ih0), four at a time while the loads stay inside the
// row. Returns the first output it did not compute.
template <int S, bool kIndices>
int64_t max_row_simd(const float* plane, const Pool2dGeometry& g, int64_t ih0, int64_t ow, int64_t ow_end,
                     float* out_row, int64_t* index_row) {
  using namespace pool_simd;
  const int64_t width = g.w.in;
  const int64_t kh = g.h.kernel, dh = g.h.dilation, kw = g.w.kernel, dw = g.w.dilation, pw = g.w.pad;
  if (S == 2 && kh == 2 && kw == 2 && dh == 1 && dw == 1) {
    return max_row_2x2<kIndices>(plane, width, ih0, pw, ow, ow_end, out_row, index_row);
  }
  // With stride 2 and no dilation, columns come in pairs from one 8-float
  // load (an odd last column from the odds of a load one to its left);
  // otherwise a stride-2 load reads one float past lane 3's window.
  const bool pairs = S == 2 && dw == 1 && kw >= 2;
  const int64_t reach = (kw - 1) * dw + (S == 2 && !pairs ? 1 : 0) - pw;
  const __m128i lanes = S == 1 ? _mm_setr_epi32(0, 1, 2, 3) : _mm_setr_epi32(0, 2, 4, 6);
  for (; ow + kLanes <= ow_end && (ow + kLanes - 1) * S + reach <= width - 1; ow += kLanes) {
    const int64_t c = ow * S - pw;
    Batch best(kNegInf);
    __m128 nan = _mm_setzero_ps();
    __m128i best_index = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(ih0 * width + c)), lanes);
    auto update = [&](const Batch& v, int64_t position) {
      if constexpr (kIndices) {
        const BatchBool take = takes(v, best);
        best = xsimd::select(take, v, best);
        best_index = blend_int(best_index, _mm_add_epi32(_mm_set1_epi32(static_cast<int>(position)), lanes), take);
      } else {
        // maxps keeps the first of equal values; NaN is forced at the end.
        (void)position;
        best = Batch(_mm_max_ps(v, best));
        nan = _mm_or_ps(nan, _mm_cmpneq_ps(v, v));
      }
    };
    for (int64_t a = 0; a < kh; ++a) {
      const int64_t row_start = (ih0 + a * dh) * width + c;
      const float* row = plane + row_start;
      if (pairs) {
        int64_t j = 0;
        for (; j + 1 < kw; j += 2) {
          Batch evens, odds;
          load_pairs(row + j, evens, odds);
          update(evens, row_start + j);
          update(odds, row_start + j + 1);
        }
        if (j < kw) {
          Batch evens, odds;
          load_pairs(row + j - 1, evens, odds);
          update(odds, row_start + j);
        }
      } else {
        for (int64_t j = 0; j < kw; ++j) update(load_strided<S>(row + j * dw), row_start + j * dw);
      }
    }
    if constexpr (kIndices) {
      best.store_unaligned(out_row + ow);
      store_int64(index_row + ow, best_index);
    } else {
      _mm_storeu_ps(out_row + ow, _mm_or_ps(best, nan));  // all-ones bits are a NaN
    }
  }
  return ow;
}

#endif

template <bool kIndices>
void max_pool_planes(const float* input, float* out, int64_t* indices, const Pool2dGeometry& g) {
  const int64_t H = g.h.in, W = g.w.in, OH = g.h.out, OW = g.w.out;
  std::vector<AxisWindow> col_windows(static_cast<std::size_t>(OW));
  for (int64_t ow = 0; ow < OW; ++ow) col_windows[static_cast<std::size_t>(ow)] = dilated_window(g.w, ow);
  const AxisInterior rows = interior_outputs(g.h);
  const AxisInterior cols = interior_outputs(g.w);
#if POOL_SIMD
  const bool simd = (g.w.stride == 1 || g.w.stride == 2) && H * W <= kInt32Max && cols.hi - cols.lo >= 4;
#endif
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* plane = input + p * H * W;
    for (int64_t oh = 0; oh < OH; ++oh) {
      const AxisWindow hw = dilated_window(g.h, oh);
      float* out_row = out + (p * OH + oh) * OW;
      int64_t* index_row = kIndices ? indices + (p * OH + oh) * OW : nullptr;
      auto scalar = [&](int64_t ow) {
        float v;
        int64_t i;
        max_window(plane, W, hw, g.h.dilation, col_windows[static_cast<std::size_t>(ow)], g.w.dilation, v, i);
        out_row[ow] = v;
        if constexpr (kIndices) index_row[ow] = i;
      };
      int64_t ow = 0;
#if POOL_SIMD
      if (simd && oh >= rows.lo && oh < rows.hi) {
        for (; ow < cols.lo; ++ow) scalar(ow);
        ow = g.w.stride == 1 ? max_row_simd<1, kIndices>(plane, g, hw.begin, ow, cols.hi, out_row, index_row)
                             : max_row_simd<2, kIndices>(plane, g, hw.begin, ow, cols.hi, out_row, index_row);
      }
#else
      (void)rows;
      (void)cols;
#endif
      for (; ow < OW; ++ow) scalar(ow);
    }
  }
}

void scatter_plane(const float* grad_out, const int64_t* indices, float* grad_in, int64_t in_plane,
                   int64_t out_plane) {
  std::memset(grad_in, 0, static_cast<std::size_t>(in_plane) * sizeof(float));
  for (int64_t i = 0; i < out_plane; ++i) {
    const int64_t index = indices[i];
    if (static_cast<std::uint64_t>(index) < static_cast<std::uint64_t>(in_plane)) grad_in[index] += grad_out[i];
  }
}

// Non-overlapping 2x2 windows (kernel 2, stride 2, no padding or dilation):
// every input element of a full window is written once, g where the index
// points and 0 elsewhere, with no zeroing pass. Returns false, having
// written only inside this plane, if an index is outside its window (the
// caller then redoes the plane with the general scatter).
bool tile2_plane(const float* grad_out, const int64_t* indices, float* grad_in, const Pool2dGeometry& g) {
  const int64_t H = g.h.in, W = g.w.in, OH = g.h.out, OW = g.w.out;
  const int64_t full_rows = H / 2, full_cols = W / 2;
  for (int64_t oh = 0; oh < full_rows; ++oh) {
    float* r0 = grad_in + 2 * oh * W;
    float* r1 = r0 + W;
    const float* g_row = grad_out + oh * OW;
    const int64_t* i_row = indices + oh * OW;
    const int64_t base = 2 * oh * W;
    int64_t ow = 0;
#if POOL_SIMD
    const __m128i w0 = _mm_set1_epi32(static_cast<int>(W));
    const __m128i w1 = _mm_set1_epi32(static_cast<int>(W + 1));
    const __m128i one = _mm_set1_epi32(1);
    const __m128 zero = _mm_setzero_ps();
    for (; ow + 4 <= full_cols; ow += 4) {
      const __m128i start = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(base + 2 * ow)), _mm_setr_epi32(0, 2, 4, 6));
      const __m128i rel = _mm_sub_epi32(pool_simd::load_int64_as_int32(i_row + ow), start);
      const __m128 m00 = _mm_castsi128_ps(_mm_cmpeq_epi32(rel, _mm_setzero_si128()));
      const __m128 m01 = _mm_castsi128_ps(_mm_cmpeq_epi32(rel, one));
      const __m128 m10 = _mm_castsi128_ps(_mm_cmpeq_epi32(rel, w0));
      const __m128 m11 = _mm_castsi128_ps(_mm_cmpeq_epi32(rel, w1));
      if (_mm_movemask_ps(_mm_or_ps(_mm_or_ps(m00, m01), _mm_or_ps(m10, m11))) != 0xF) return false;
      // + 0.0f: PyTorch adds into zeros, which turns -0.0 into +0.0.
      const __m128 gv = _mm_add_ps(_mm_loadu_ps(g_row + ow), zero);
      const __m128 a = _mm_and_ps(gv, m00), b = _mm_and_ps(gv, m01);
      const __m128 c = _mm_and_ps(gv, m10), d = _mm_and_ps(gv, m11);
      _mm_storeu_ps(r0 + 2 * ow, _mm_unpacklo_ps(a, b));
      _mm_storeu_ps(r0 + 2 * ow + 4, _mm_unpackhi_ps(a, b));
      _mm_storeu_ps(r1 + 2 * ow, _mm_unpacklo_ps(c, d));
      _mm_storeu_ps(r1 + 2 * ow + 4, _mm_unpackhi_ps(c, d));
    }
#endif
    for (; ow < full_cols; ++ow) {
      const int64_t rel = i_row[ow] - base - 2 * ow;
      if (rel != 0 && rel != 1 && rel != W && rel != W + 1) return false;
      const float gv = g_row[ow] + 0.0f;
      r0[2 * ow] = rel == 0 ? gv : 0.0f;
      r0[2 * ow + 1] = rel == 1 ? gv : 0.0f;
      r1[2 * ow] = rel == W ? gv : 0.0f;
      r1[2 * ow + 1] = rel == W + 1 ? gv : 0.0f;
    }
    for (int64_t c = 2 * full_cols; c < W; ++c) r0[c] = r1[c] = 0.0f;
  }
  std::memset(grad_in + 2 * full_rows * W, 0, static_cast<std::size_t>((H - 2 * full_rows) * W) * sizeof(float));
  // ceil_mode's partial windows at the bottom and right edges.
  for (int64_t oh = 0; oh < OH; ++oh) {
    for (int64_t ow = oh < full_rows ? full_cols : 0; ow < OW; ++ow) {
      const int64_t index = indices[oh * OW + ow];
      if (static_cast<std::uint64_t>(index) < static_cast<std::uint64_t>(H * W)) {
        grad_in[index] += grad_out[oh * OW + ow];
      }
    }
  }
  return true;
}

}  // namespace

void max_pool2d_forward_kernel(const float* input, float* out, int64_t* indices, const Pool2dGeometry& g) {
  if (g.h.out <= 0 || g.w.out <= 0) return;
  if (indices != nullptr) {
    max_pool_planes<true>(input, out, indices, g);
  } else {
    max_pool_planes<false>(input, out, nullptr, g);
  }
}

void max_pool_scatter_backward(const float* grad_output, const int64_t* indices, float* grad_input,
                               int64_t planes, int64_t in_plane, int64_t out_plane) {
  for (int64_t p = 0; p < planes; ++p) {
    scatter_plane(grad_output + p * out_plane, indices + p * out_plane, grad_input + p * in_plane, in_plane,
                  out_plane);
  }
}

void max_pool2d_backward_kernel(const float* grad_output, const int64_t* indices, float* grad_input,
                                const Pool2dGeometry& g) {
  const int64_t in_plane = g.h.in * g.w.in, out_plane = g.h.out * g.w.out;
  const bool tile2 = g.h.kernel == 2 && g.w.kernel == 2 && g.h.stride == 2 && g.w.stride == 2 &&
                     g.h.pad == 0 && g.w.pad == 0 && g.h.dilation == 1 && g.w.dilation == 1 &&
                     in_plane <= kInt32Max;
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* go = grad_output + p * out_plane;
    const int64_t* ix = indices + p * out_plane;
    float* gi = grad_input + p * in_plane;
    if (tile2 && tile2_plane(go, ix, gi, g)) continue;
    scatter_plane(go, ix, gi, in_plane, out_plane);
  }
}

}  // namespace lesson::nn
