#include "nn/avg_pool_kernel.hpp"

#include <algorithm>
#include <type_traits>
#include <vector>

#include "nn/pool_simd.hpp"

namespace lesson::nn {

namespace {

using std::int64_t;

// One axis of an average-pooling window, clipped as PyTorch clips it.
struct AvgSpan {
  int64_t begin, end;  // inside the input
  int64_t padded;      // length counted by count_include_pad
};

inline AvgSpan avg_span(const PoolAxis& a, int64_t o) {
  int64_t begin = o * a.stride - a.pad;
  int64_t end = std::min(begin + a.kernel, a.in + a.pad);
  const int64_t padded = end - begin;
  begin = std::max<int64_t>(begin, 0);
  end = std::min(end, a.in);
  return {begin, end, padded};
}

std::vector<AvgSpan> spans_of(const PoolAxis& a) {
  std::vector<AvgSpan> spans(static_cast<std::size_t>(std::max<int64_t>(a.out, 0)));
  for (int64_t o = 0; o < a.out; ++o) spans[static_cast<std::size_t>(o)] = avg_span(a, o);
  return spans;
}

inline bool empty_window(const AvgSpan& h, const AvgSpan& w) { return h.begin >= h.end || w.begin >= w.end; }

inline int64_t divisor_of(const AvgSpan& h, const AvgSpan& w, const AvgPoolOptions& o) {
  if (o.divisor_override) return *o.divisor_override;
  return o.count_include_pad ? h.padded * w.padded : (h.end - h.begin) * (w.end - w.begin);
}

template <class T>
inline T divide(T sum, int64_t divisor) {
  if constexpr (std::is_same_v<T, float>) {
    return sum / static_cast<float>(divisor);
  } else {
    return sum / divisor;
  }
}

template <class T>
inline T avg_window(const T* plane, int64_t width, const AvgSpan& h, const AvgSpan& w, const AvgPoolOptions& o) {
  if (empty_window(h, w)) return T(0);
  T sum = 0;
  for (int64_t ih = h.begin; ih < h.end; ++ih) {
    const T* row = plane + ih * width;
    for (int64_t iw = w.begin; iw < w.end; ++iw) sum += row[iw];
  }
  return divide(sum, divisor_of(h, w, o));
}

// x / 2^k and x * 2^-k round the same exact value once, so for a
// power-of-two divisor (AvgPool2d(2) divides by 4) the much cheaper multiply
// gives PyTorch's quotient bit for bit.
inline bool is_power_of_two(float divisor) {
  if (!(divisor > 0.0f && divisor < 1e18f)) return false;
  const auto d = static_cast<int64_t>(divisor);
  return static_cast<float>(d) == divisor && (d & (d - 1)) == 0;
}

#if POOL_SIMD

// The last interior column a chunk of four outputs at `o` may read is
// (o + 3) * S - pw + reach; chunks run while that stays inside the row. The
// last chunk is moved back to end at ow_end, recomputing a few outputs (to
// the same values) rather than leaving a scalar tail.
inline int64_t last_chunk_start(int64_t width, int64_t S, int64_t pw, int64_t reach) {
  const int64_t room = width - 1 + pw - reach;  // (o + 3) * S <= room
  return room < 3 * S ? -1 : room / S - 3;
}

// Outputs [ow_begin, ow_end) of one output row whose window columns are
// inside the input; the window sums `kh` rows from ih0 (those left after
// clipping the padding) and divides by the divisor (kMul: multiplies by its
// exact reciprocal, a power of two's). Four at a time, in the scalar loop's
// summation order (from 0, row by row, left to right). Returns the first
// output it did not compute.
template <int S, bool kMul>
int64_t avg_row_simd(const float* plane, const Pool2dGeometry& g, int64_t ih0, int64_t kh, int64_t ow_begin,
                     int64_t ow_end, float divisor, float* out_row) {
  using namespace pool_simd;
  const int64_t width = g.w.in, kw = g.w.kernel, pw = g.w.pad;
  const __m128 zero = _mm_setzero_ps();
  const __m128 scale = _mm_set1_ps(kMul ? 1.0f / divisor : divisor);
  // Stride 2: columns in pairs from one 8-float load, an odd last column
  // from the odds of a load one to its left; a single column (kw = 1) reads
  // one float past lane 3's window.
  const bool pairs = S == 2 && kw >= 2;
  const int64_t reach = (kw - 1) + (S == 2 && !pairs ? 1 : 0);
  const int64_t last = std::min(last_chunk_start(width, S, pw, reach), ow_end - kLanes);
  int64_t ow = ow_begin;
  if (S == 2 && kh == 2 && kw == 2) {  // the common 2x2 window: two 8-float loads per row
    const float* r0 = plane + ih0 * width;
    const float* r1 = r0 + width;
    for (; ow < ow_end; ow += kLanes) {
      const int64_t o = std::min(ow, last);
      if (o < ow_begin || o < ow - kLanes + 1) break;
      __m128 e0, o0, e1, o1;
      load_pairs(r0 + 2 * o - pw, e0, o0);
      load_pairs(r1 + 2 * o - pw, e1, o1);
      const __m128 sum = _mm_add_ps(_mm_add_ps(_mm_add_ps(_mm_add_ps(zero, e0), o0), e1), o1);
      _mm_storeu_ps(out_row + o, kMul ? _mm_mul_ps(sum, scale) : _mm_div_ps(sum, scale));
      ow = o;
    }
    return ow;
  }
  for (; ow < ow_end; ow += kLanes) {
    const int64_t o = std::min(ow, last);
    if (o < ow_begin || o < ow - kLanes + 1) break;
    const int64_t c = o * S - pw;
    __m128 sum = zero;
    for (int64_t a = 0; a < kh; ++a) {
      const float* row = plane + (ih0 + a) * width + c;
      if (pairs) {
        int64_t j = 0;
        for (; j + 1 < kw; j += 2) {
          __m128 evens, odds;
          load_pairs(row + j, evens, odds);
          sum = _mm_add_ps(_mm_add_ps(sum, evens), odds);
        }
        if (j < kw) {
          __m128 evens, odds;
          load_pairs(row + j - 1, evens, odds);
          sum = _mm_add_ps(sum, odds);
        }
      } else {
        for (int64_t j = 0; j < kw; ++j) sum = _mm_add_ps(sum, load_strided<S>(row + j));
      }
    }
    _mm_storeu_ps(out_row + o, kMul ? _mm_mul_ps(sum, scale) : _mm_div_ps(sum, scale));
    ow = o;
  }
  return ow;
}

template <int S>
int64_t avg_row(const float* plane, const Pool2dGeometry& g, int64_t ih0, int64_t kh, int64_t ow_begin,
                int64_t ow_end, float divisor, float* out_row) {
  return is_power_of_two(divisor) ? avg_row_simd<S, true>(plane, g, ih0, kh, ow_begin, ow_end, divisor, out_row)
                                  : avg_row_simd<S, false>(plane, g, ih0, kh, ow_begin, ow_end, divisor, out_row);
}

// Outputs [0, n) of one AvgPool2d(2) row, n >= 4, from input rows r0 and r1
// (both at least 2n long), in the scalar loop's summation order; the last
// chunk of four is moved back to end at n. The loop body is one chunk and
// nothing else, with 32-bit counters: under V8, avg_row_simd's general loop
// (clamped chunk starts, 64-bit index arithmetic) took about 1.4x its native
// time on these rows, and this loop takes less than that native time. It is
// faster natively too.
template <bool kMul>
inline void avg_row_2x2(const float* r0, const float* r1, float* out, int n, __m128 scale) {
  using namespace pool_simd;
  const __m128 zero = _mm_setzero_ps();
  auto chunk = [&](int o) {
    __m128 e0, o0, e1, o1;
    load_pairs(r0 + 2 * o, e0, o0);
    load_pairs(r1 + 2 * o, e1, o1);
    const __m128 sum = _mm_add_ps(_mm_add_ps(_mm_add_ps(_mm_add_ps(zero, e0), o0), e1), o1);
    _mm_storeu_ps(out + o, kMul ? _mm_mul_ps(sum, scale) : _mm_div_ps(sum, scale));
  };
  int o = 0;
  for (; o + 4 <= n; o += 4) chunk(o);
  if (o < n) chunk(n - 4);
}

// Kernel 2, stride 2, no padding (AvgPool2d(2)): the outputs of a row whose
// window is inside the input read two whole input rows (avg_row_2x2); only
// ceil_mode's edge windows and rows of fewer than four outputs go through
// the scalar loop.
void avg_pool_2x2_planes(const float* input, float* out, const Pool2dGeometry& g, const AvgPoolOptions& o,
                         const std::vector<AvgSpan>& cols) {
  const int64_t H = g.h.in, W = g.w.in, OH = g.h.out, OW = g.w.out;
  const float divisor = static_cast<float>(o.divisor_override ? *o.divisor_override : 4);
  const bool mul = is_power_of_two(divisor);
  const __m128 scale = _mm_set1_ps(mul ? 1.0f / divisor : divisor);
  const int64_t full = std::min(OW, W / 2);
  const int vector_cols = full >= 4 && full <= INT32_MAX / 2 ? static_cast<int>(full) : 0;
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* plane = input + p * H * W;
    for (int64_t oh = 0; oh < OH; ++oh) {
      float* out_row = out + (p * OH + oh) * OW;
      int64_t ow = 0;
      if (vector_cols > 0 && 2 * oh + 1 < H) {
        const float* r0 = plane + 2 * oh * W;
        if (mul) {
          avg_row_2x2<true>(r0, r0 + W, out_row, vector_cols, scale);
        } else {
          avg_row_2x2<false>(r0, r0 + W, out_row, vector_cols, scale);
        }
        ow = vector_cols;
      }
      if (ow == OW) continue;
      const AvgSpan hs = avg_span(g.h, oh);
      for (; ow < OW; ++ow) out_row[ow] = avg_window(plane, W, hs, cols[static_cast<std::size_t>(ow)], o);
    }
  }
}

#endif

template <class T>
void avg_forward_planes(const T* input, T* out, const Pool2dGeometry& g, const AvgPoolOptions& o) {
  const int64_t H = g.h.in, W = g.w.in, OH = g.h.out, OW = g.w.out;
  if (OH <= 0 || OW <= 0) return;
  const std::vector<AvgSpan> cols = spans_of(g.w);
#if POOL_SIMD
  if constexpr (std::is_same_v<T, float>) {
    if (g.h.kernel == 2 && g.w.kernel == 2 && g.h.stride == 2 && g.w.stride == 2 && g.h.pad == 0 && g.w.pad == 0) {
      avg_pool_2x2_planes(input, out, g, o, cols);
      return;
    }
  }
#endif
  const AxisInterior cols_in = interior_outputs(g.w);
#if POOL_SIMD
  const bool simd = std::is_same_v<T, float> && (g.w.stride == 1 || g.w.stride == 2) && cols_in.hi - cols_in.lo >= 4;
#endif
  for (int64_t p = 0; p < g.planes; ++p) {
    const T* plane = input + p * H * W;
    for (int64_t oh = 0; oh < OH; ++oh) {
      const AvgSpan hs = avg_span(g.h, oh);
      T* out_row = out + (p * OH + oh) * OW;
      int64_t ow = 0;
#if POOL_SIMD
      if constexpr (std::is_same_v<T, float>) {
        if (simd && hs.begin < hs.end) {
          // Interior columns share one divisor: their width is the kernel's.
          const int64_t kh = hs.end - hs.begin;
          const float divisor = static_cast<float>(
              o.divisor_override ? *o.divisor_override : (o.count_include_pad ? hs.padded : kh) * g.w.kernel);
          for (; ow < cols_in.lo; ++ow) out_row[ow] = avg_window(plane, W, hs, cols[static_cast<std::size_t>(ow)], o);
          ow = g.w.stride == 1 ? avg_row<1>(plane, g, hs.begin, kh, ow, cols_in.hi, divisor, out_row)
                               : avg_row<2>(plane, g, hs.begin, kh, ow, cols_in.hi, divisor, out_row);
        }
      }
#else
      (void)cols_in;
#endif
      for (; ow < OW; ++ow) out_row[ow] = avg_window(plane, W, hs, cols[static_cast<std::size_t>(ow)], o);
    }
  }
}

// Adds grad / divisor over one window (PyTorch's backward loop).
inline void spread_window(float* plane, int64_t width, const AvgSpan& h, const AvgSpan& w, float grad,
                          const AvgPoolOptions& o) {
  if (empty_window(h, w)) return;
  const float delta = grad / static_cast<float>(divisor_of(h, w, o));
  for (int64_t ih = h.begin; ih < h.end; ++ih) {
    float* row = plane + ih * width;
    for (int64_t iw = w.begin; iw < w.end; ++iw) row[iw] += delta;
  }
}

// Kernel 2, stride 2, no padding: each input element of a full window gets
// its window's delta once, written directly; the rest is zeroed and then the
// ceil_mode edge windows are added.
void tile2_plane(const float* grad_out, float* grad_in, const Pool2dGeometry& g, const std::vector<AvgSpan>& rows,
                 const std::vector<AvgSpan>& cols, const AvgPoolOptions& o) {
  const int64_t H = g.h.in, W = g.w.in, OH = g.h.out, OW = g.w.out;
  const int64_t full_rows = H / 2, full_cols = W / 2;
  const float divisor = static_cast<float>(o.divisor_override ? *o.divisor_override : 4);
  [[maybe_unused]] const bool power_of_two = is_power_of_two(divisor);
  for (int64_t oh = 0; oh < full_rows; ++oh) {
    float* r0 = grad_in + 2 * oh * W;
    float* r1 = r0 + W;
    const float* g_row = grad_out + oh * OW;
    int64_t ow = 0;
#if POOL_SIMD
    const __m128 div = _mm_set1_ps(divisor);
    const __m128 inverse = _mm_set1_ps(1.0f / divisor);
    const __m128 zero = _mm_setzero_ps();
    for (; ow + 4 <= full_cols; ow += 4) {
      // + 0.0f: PyTorch adds the delta into zeros (-0.0 becomes +0.0).
      const __m128 gv = _mm_loadu_ps(g_row + ow);
      const __m128 d = _mm_add_ps(power_of_two ? _mm_mul_ps(gv, inverse) : _mm_div_ps(gv, div), zero);
      const __m128 lo = _mm_unpacklo_ps(d, d), hi = _mm_unpackhi_ps(d, d);
      _mm_storeu_ps(r0 + 2 * ow, lo);
      _mm_storeu_ps(r0 + 2 * ow + 4, hi);
      _mm_storeu_ps(r1 + 2 * ow, lo);
      _mm_storeu_ps(r1 + 2 * ow + 4, hi);
    }
#endif
    for (; ow < full_cols; ++ow) {
      const float d = g_row[ow] / divisor + 0.0f;
      r0[2 * ow] = r0[2 * ow + 1] = r1[2 * ow] = r1[2 * ow + 1] = d;
    }
    for (int64_t c = 2 * full_cols; c < W; ++c) r0[c] = r1[c] = 0.0f;
  }
  pool_simd::fill_floats(grad_in + 2 * full_rows * W, 0.0f, (H - 2 * full_rows) * W);
  for (int64_t oh = 0; oh < OH; ++oh) {
    for (int64_t ow = oh < full_rows ? full_cols : 0; ow < OW; ++ow) {
      spread_window(grad_in, W, rows[static_cast<std::size_t>(oh)], cols[static_cast<std::size_t>(ow)],
                    grad_out[oh * OW + ow], o);
    }
  }
}

}  // namespace

void avg_pool2d_forward_kernel(const float* input, float* out, const Pool2dGeometry& g, const AvgPoolOptions& o) {
  avg_forward_planes(input, out, g, o);
}

void avg_pool2d_forward_kernel(const int64_t* input, int64_t* out, const Pool2dGeometry& g,
                               const AvgPoolOptions& o) {
  avg_forward_planes(input, out, g, o);
}

void avg_pool2d_backward_kernel(const float* grad_output, float* grad_input, const Pool2dGeometry& g,
                                const AvgPoolOptions& o) {
  const int64_t in_plane = g.h.in * g.w.in, OW = g.w.out, out_plane = g.h.out * OW;
  const std::vector<AvgSpan> rows = spans_of(g.h);
  const std::vector<AvgSpan> cols = spans_of(g.w);
  const bool tile2 = g.h.kernel == 2 && g.w.kernel == 2 && g.h.stride == 2 && g.w.stride == 2 && g.h.pad == 0 &&
                     g.w.pad == 0;
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* go = grad_output + p * out_plane;
    float* gi = grad_input + p * in_plane;
    if (tile2) {
      tile2_plane(go, gi, g, rows, cols, o);
      continue;
    }
    pool_simd::fill_floats(gi, 0.0f, in_plane);
    for (int64_t oh = 0; oh < g.h.out; ++oh) {
      for (int64_t ow = 0; ow < OW; ++ow) {
        spread_window(gi, g.w.in, rows[static_cast<std::size_t>(oh)], cols[static_cast<std::size_t>(ow)],
                      go[oh * OW + ow], o);
      }
    }
  }
}

}  // namespace lesson::nn
