#include "nn/max_pool_kernel.hpp"

#include <algorithm>
#include <cmath>
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

using namespace pool_simd;

// The first output of the last chunk of four whose loads stay inside the
// row: a chunk at o reads up to column (o + 3) * S - pw + reach.
inline int64_t last_chunk_start(int64_t width, int64_t S, int64_t pw, int64_t reach) {
  const int64_t room = width - 1 + pw - reach;  // (o + 3) * S <= room
  return room < 3 * S ? -1 : room / S - 3;
}

// Chunks of four outputs run from ow_begin; the last one is moved back to
// end at ow_end (or at the last chunk that fits), recomputing a few outputs
// to the same values rather than leaving a scalar tail. Each loop below
// computes at o = min(ow, last) and stops when that would make no progress.

// The common 2x2 window, stride 2, no dilation, four outputs at a time from
// two input rows. Without indices the maximum is a chain of
// max_keep_first with NaN forced afterwards where any of the four was NaN.
// With indices it tracks which of the four positions (0..3, row-major) won.
template <bool kIndices>
int64_t max_row_2x2(const float* plane, int64_t width, int64_t ih0, int64_t pw, int64_t ow_begin, int64_t ow_end,
                    float* out_row, int64_t* index_row) {
  const float* r0 = plane + ih0 * width;
  const float* r1 = r0 + width;
  const __m128i lanes = _mm_setr_epi32(0, 2, 4, 6);
  const __m128i one = _mm_set1_epi32(1);
  const __m128i row_step = _mm_set1_epi32(static_cast<int>(width));
  const int64_t last = std::min(last_chunk_start(width, 2, pw, 1), ow_end - kLanes);
  int64_t ow = ow_begin;
  for (; ow < ow_end; ow += kLanes) {
    const int64_t o = std::min(ow, last);
    if (o < ow_begin || o < ow - kLanes + 1) break;
    __m128 e0, o0, e1, o1;
    load_pairs(r0 + 2 * o - pw, e0, o0);
    load_pairs(r1 + 2 * o - pw, e1, o1);
    if constexpr (!kIndices) {
      const __m128 best = max_keep_first(max_keep_first(max_keep_first(e0, o0), e1), o1);
      const __m128 nan = _mm_or_ps(_mm_or_ps(nan_mask(e0), nan_mask(o0)), _mm_or_ps(nan_mask(e1), nan_mask(o1)));
      _mm_storeu_ps(out_row + o, _mm_or_ps(best, nan));  // all-ones bits are a NaN
    } else {
      __m128 best = e0;
      __m128i code = _mm_setzero_si128();
      auto step = [&](__m128 v, int k) {
        const __m128 take = takes(v, best);
        best = select(take, v, best);
        code = select(take, _mm_set1_epi32(k), code);
      };
      step(o0, 1);
      step(e1, 2);
      step(o1, 3);
      _mm_storeu_ps(out_row + o, best);
      const __m128i base = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(ih0 * width + 2 * o - pw)), lanes);
      const __m128i index = _mm_add_epi32(_mm_add_epi32(base, _mm_and_si128(code, one)),
                                          _mm_and_si128(_mm_cmpgt_epi32(code, one), row_step));
      store_int64(index_row + o, index);
    }
    ow = o;
  }
  return ow;
}

// Outputs [ow_begin, ow_end) of one output row whose window columns are
// inside the input; the window reads `kh` rows from ih0 (the rows left
// after clipping the padding, which max pooling skips). Returns the first
// output it did not compute.
// KH / KW > 0 fix the window rows / columns at compile time (the loops
// then unroll); 0 takes them from kh / the geometry.
template <int S, bool kIndices, int KH = 0, int KW = 0>
int64_t max_row_simd(const float* plane, const Pool2dGeometry& g, int64_t ih0, int64_t kh_rows, int64_t ow_begin,
                     int64_t ow_end, float* out_row, int64_t* index_row) {
  const int64_t width = g.w.in;
  const int64_t kh = KH > 0 ? KH : kh_rows;
  const int64_t kw = KW > 0 ? KW : g.w.kernel;
  const int64_t dh = g.h.dilation, dw = g.w.dilation, pw = g.w.pad;
  // With stride 2 and no dilation, columns come in pairs from one 8-float
  // load (an odd last column from the odds of a load one to its left);
  // otherwise a stride-2 load reads one float past lane 3's window.
  const bool pairs = S == 2 && dw == 1 && kw >= 2;
  const int64_t reach = (kw - 1) * dw + (S == 2 && !pairs ? 1 : 0);
  const int64_t last = std::min(last_chunk_start(width, S, pw, reach), ow_end - kLanes);
  const __m128i lanes = S == 1 ? _mm_setr_epi32(0, 1, 2, 3) : _mm_setr_epi32(0, 2, 4, 6);
  int64_t ow = ow_begin;
  for (; ow < ow_end; ow += kLanes) {
    const int64_t o = std::min(ow, last);
    if (o < ow_begin || o < ow - kLanes + 1) break;
    const int64_t c = o * S - pw;
    __m128 best = _mm_set1_ps(kNegInf);
    __m128 nan = _mm_setzero_ps();
    __m128i best_index = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(ih0 * width + c)), lanes);
    auto update = [&](__m128 v, int64_t position) {
      if constexpr (kIndices) {
        const __m128 take = takes(v, best);
        best = select(take, v, best);
        best_index = select(take, _mm_add_epi32(_mm_set1_epi32(static_cast<int>(position)), lanes), best_index);
      } else {
        (void)position;
        best = max_keep_first(best, v);
        nan = _mm_or_ps(nan, nan_mask(v));
      }
    };
    for (int64_t a = 0; a < kh; ++a) {
      const int64_t row_start = (ih0 + a * dh) * width + c;
      const float* row = plane + row_start;
      if (pairs) {
        int64_t j = 0;
        for (; j + 1 < kw; j += 2) {
          __m128 evens, odds;
          load_pairs(row + j, evens, odds);
          update(evens, row_start + j);
          update(odds, row_start + j + 1);
        }
        if (j < kw) {
          __m128 evens, odds;
          load_pairs(row + j - 1, evens, odds);
          update(odds, row_start + j);
        }
      } else {
        for (int64_t j = 0; j < kw; ++j) update(load_strided<S>(row + j * dw), row_start + j * dw);
      }
    }
    if constexpr (kIndices) {
      _mm_storeu_ps(out_row + o, best);
      store_int64(index_row + o, best_index);
    } else {
      _mm_storeu_ps(out_row + o, _mm_or_ps(best, nan));  // all-ones bits are a NaN
    }
    ow = o;
  }
  return ow;
}

// Picks a compile-time window for the common shapes: 2x2 (stride 2) and
// 3x3 (stride 2, e.g. MaxPool2d(3, 2, 1), whose top and bottom windows are
// clipped to 2 rows).
template <int S, bool kIndices>
int64_t max_row(const float* plane, const Pool2dGeometry& g, int64_t ih0, int64_t kh, int64_t ow_begin,
                int64_t ow_end, float* out_row, int64_t* index_row) {
  const bool undilated = g.h.dilation == 1 && g.w.dilation == 1;
  if (S == 2 && undilated && g.w.kernel == 2 && kh == 2) {
    return max_row_2x2<kIndices>(plane, g.w.in, ih0, g.w.pad, ow_begin, ow_end, out_row, index_row);
  }
  if (S == 2 && undilated && g.w.kernel == 3 && kh == 3) {
    return max_row_simd<S, kIndices, 3, 3>(plane, g, ih0, kh, ow_begin, ow_end, out_row, index_row);
  }
  if (S == 2 && undilated && g.w.kernel == 3 && kh == 2) {
    return max_row_simd<S, kIndices, 2, 3>(plane, g, ih0, kh, ow_begin, ow_end, out_row, index_row);
  }
  return max_row_simd<S, kIndices>(plane, g, ih0, kh, ow_begin, ow_end, out_row, index_row);
}

// Kernel 2, stride 2, no padding or dilation (MaxPool2d(2)): each output row
// reads two whole input rows; only ceil_mode's edge windows go through the
// scalar loop.
template <bool kIndices>
void max_pool_2x2_planes(const float* input, float* out, int64_t* indices, const Pool2dGeometry& g) {
  const int64_t H = g.h.in, W = g.w.in, OH = g.h.out, OW = g.w.out;
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* plane = input + p * H * W;
    for (int64_t oh = 0; oh < OH; ++oh) {
      float* out_row = out + (p * OH + oh) * OW;
      int64_t* index_row = kIndices ? indices + (p * OH + oh) * OW : nullptr;
      int64_t ow = 0;
      if (2 * oh + 1 < H) ow = max_row_2x2<kIndices>(plane, W, 2 * oh, 0, 0, OW, out_row, index_row);
      if (ow == OW) continue;
      const AxisWindow hw = dilated_window(g.h, oh);
      for (; ow < OW; ++ow) {
        float v;
        int64_t i;
        max_window(plane, W, hw, 1, dilated_window(g.w, ow), 1, v, i);
        out_row[ow] = v;
        if constexpr (kIndices) index_row[ow] = i;
      }
    }
  }
}

#endif

template <bool kIndices>
void max_pool_planes(const float* input, float* out, int64_t* indices, const Pool2dGeometry& g) {
  const int64_t H = g.h.in, W = g.w.in, OH = g.h.out, OW = g.w.out;
#if POOL_SIMD
  if (g.h.kernel == 2 && g.w.kernel == 2 && g.h.stride == 2 && g.w.stride == 2 && g.h.pad == 0 && g.w.pad == 0 &&
      g.h.dilation == 1 && g.w.dilation == 1 && H * W <= kInt32Max) {
    max_pool_2x2_planes<kIndices>(input, out, indices, g);
    return;
  }
#endif
  std::vector<AxisWindow> col_windows(static_cast<std::size_t>(OW));
  for (int64_t ow = 0; ow < OW; ++ow) col_windows[static_cast<std::size_t>(ow)] = dilated_window(g.w, ow);
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
      if (simd && hw.begin < hw.end) {
        const int64_t kh = (hw.end - hw.begin + g.h.dilation - 1) / g.h.dilation;
        for (; ow < cols.lo; ++ow) scalar(ow);
        ow = g.w.stride == 1 ? max_row<1, kIndices>(plane, g, hw.begin, kh, ow, cols.hi, out_row, index_row)
                             : max_row<2, kIndices>(plane, g, hw.begin, kh, ow, cols.hi, out_row, index_row);
      }
#else
      (void)cols;
#endif
      for (; ow < OW; ++ow) scalar(ow);
    }
  }
}

void scatter_plane(const float* grad_out, const int64_t* indices, float* grad_in, int64_t in_plane,
                   int64_t out_plane) {
  pool_simd::fill_floats(grad_in, 0.0f, in_plane);
  for (int64_t i = 0; i < out_plane; ++i) {
    const int64_t index = indices[i];
    if (static_cast<std::uint64_t>(index) < static_cast<std::uint64_t>(in_plane)) grad_in[index] += grad_out[i];
  }
}

#if POOL_SIMD
// One row of tile2_plane below: windows [0, n) (n >= 4) over input rows r0
// and r1, r0[0] being flat index `base`, four at a time with the last chunk
// moved back to end at n. Returns false at the first index outside its
// window. The loop body is one chunk with 32-bit counters (the shape V8
// compiles well; see avg_row_2x2 in avg_pool_kernel.cpp), and the masks go
// through opaque() so that the wasm build keeps `g & mask` one instruction:
// together these took MaxPool2d(2)'s backward in wasm from about 1.5x its
// native time to about 1.2x.
inline bool tile2_row(const float* g_row, const int64_t* i_row, int base, int W, float* r0, float* r1, int n) {
  using pool_simd::opaque;
  const __m128i zero_i = _mm_setzero_si128(), one = _mm_set1_epi32(1);
  const __m128i w0 = _mm_set1_epi32(W), w1 = _mm_set1_epi32(W + 1);
  const __m128i lanes = _mm_setr_epi32(0, 2, 4, 6);
  const __m128 zero = _mm_setzero_ps();
  auto chunk = [&](int o) {
    const __m128i start = _mm_add_epi32(_mm_set1_epi32(base + 2 * o), lanes);
    const __m128i rel = _mm_sub_epi32(pool_simd::load_int64_as_int32(i_row + o), start);
    const __m128 m00 = _mm_castsi128_ps(opaque(_mm_cmpeq_epi32(rel, zero_i)));
    const __m128 m01 = _mm_castsi128_ps(opaque(_mm_cmpeq_epi32(rel, one)));
    const __m128 m10 = _mm_castsi128_ps(opaque(_mm_cmpeq_epi32(rel, w0)));
    const __m128 m11 = _mm_castsi128_ps(opaque(_mm_cmpeq_epi32(rel, w1)));
    if (_mm_movemask_ps(_mm_or_ps(_mm_or_ps(m00, m01), _mm_or_ps(m10, m11))) != 0xF) return false;
    // + 0.0f: PyTorch adds into zeros, which turns -0.0 into +0.0.
    const __m128 gv = _mm_add_ps(_mm_loadu_ps(g_row + o), zero);
    const __m128 a = _mm_and_ps(gv, m00), b = _mm_and_ps(gv, m01);
    const __m128 c = _mm_and_ps(gv, m10), d = _mm_and_ps(gv, m11);
    _mm_storeu_ps(r0 + 2 * o, _mm_unpacklo_ps(a, b));
    _mm_storeu_ps(r0 + 2 * o + 4, _mm_unpackhi_ps(a, b));
    _mm_storeu_ps(r1 + 2 * o, _mm_unpacklo_ps(c, d));
    _mm_storeu_ps(r1 + 2 * o + 4, _mm_unpackhi_ps(c, d));
    return true;
  };
  int o = 0;
  for (; o + 4 <= n; o += 4) {
    if (!chunk(o)) return false;
  }
  return o == n || chunk(n - 4);
}
#endif

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
    if (full_cols >= 4) {
      const int n = static_cast<int>(full_cols);
      if (!tile2_row(g_row, i_row, static_cast<int>(base), static_cast<int>(W), r0, r1, n)) return false;
      ow = full_cols;
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
  pool_simd::fill_floats(grad_in + 2 * full_rows * W, 0.0f, (H - 2 * full_rows) * W);
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
