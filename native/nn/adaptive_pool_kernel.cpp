#include "nn/adaptive_pool_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "nn/pool_shape.hpp"
#include "nn/pool_simd.hpp"

namespace lesson::nn {

namespace {

using std::int64_t;

struct Span {
  int64_t begin, end;
};

std::vector<Span> adaptive_spans(int64_t out, int64_t in) {
  std::vector<Span> spans(static_cast<std::size_t>(out));
  for (int64_t o = 0; o < out; ++o) spans[static_cast<std::size_t>(o)] = {adaptive_start(o, out, in), adaptive_end(o, out, in)};
  return spans;
}

// Sum of n floats with 32 running partial sums: a float sum does not
// vectorize by itself (the additions would have to be reordered), and eight
// independent vector sums keep two loads a cycle going.
inline float sum_row(const float* x, int64_t n) {
  int64_t i = 0;
  float total = 0.0f;
#if POOL_SIMD
  using pool_simd::Batch;
  Batch a0(0.0f), a1(0.0f), a2(0.0f), a3(0.0f), a4(0.0f), a5(0.0f), a6(0.0f), a7(0.0f);
  for (; i + 32 <= n; i += 32) {
    a0 += Batch::load_unaligned(x + i);
    a1 += Batch::load_unaligned(x + i + 4);
    a2 += Batch::load_unaligned(x + i + 8);
    a3 += Batch::load_unaligned(x + i + 12);
    a4 += Batch::load_unaligned(x + i + 16);
    a5 += Batch::load_unaligned(x + i + 20);
    a6 += Batch::load_unaligned(x + i + 24);
    a7 += Batch::load_unaligned(x + i + 28);
  }
  for (; i + 4 <= n; i += 4) a0 += Batch::load_unaligned(x + i);
  total = xsimd::hadd(((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7)));
#endif
  for (; i < n; ++i) total += x[i];
  return total;
}

// sums[o] = the sum of column_sums over window o, from 0 in column order.
// Two columns a step (the same additions in the same order) halve the loop
// overhead, which V8's code pays more of than g++'s: on 16 x 16 planes the
// one-column loop made this kernel 1.45x slower in wasm than natively.
inline void window_sums_of(const float* column_sums, const std::vector<Span>& cols, float* sums) {
  const std::size_t n = cols.size();
  for (std::size_t o = 0; o < n; ++o) {
    const float* c = column_sums + cols[o].begin;
    const float* end = column_sums + cols[o].end;
    float sum = 0.0f;
    for (; c + 2 <= end; c += 2) sum = (sum + c[0]) + c[1];
    if (c < end) sum += c[0];
    sums[o] = sum;
  }
}

// out[i] = sums[i] / kh / widths[i] (PyTorch's two divisions), four at a time.
void divide_by_window(const float* sums, float kh, const float* widths, float* out, int64_t n) {
  int64_t i = 0;
#if POOL_SIMD
  const __m128 h = _mm_set1_ps(kh);
  for (; i + 4 <= n; i += 4) {
    _mm_storeu_ps(out + i, _mm_div_ps(_mm_div_ps(_mm_loadu_ps(sums + i), h), _mm_loadu_ps(widths + i)));
  }
#endif
  for (; i < n; ++i) out[i] = sums[i] / kh / widths[i];
}

std::vector<float> widths_of(const std::vector<Span>& spans) {
  std::vector<float> widths;
  for (const Span& s : spans) widths.push_back(static_cast<float>(s.end - s.begin));
  return widths;
}

// The windows covering one input element: [first, first + count) (adaptive
// windows are contiguous and move monotonically, so they form a range).
struct Cover {
  int64_t first = 0, count = 0;
};

std::vector<Cover> covers_of(const std::vector<Span>& spans, int64_t in) {
  std::vector<Cover> covers(static_cast<std::size_t>(in));
  for (std::size_t o = 0; o < spans.size(); ++o) {
    for (int64_t i = spans[o].begin; i < spans[o].end; ++i) {
      Cover& c = covers[static_cast<std::size_t>(i)];
      if (c.count++ == 0) c.first = static_cast<int64_t>(o);
    }
  }
  return covers;
}

// Whether consecutive windows never share an element (then every element
// belongs to exactly one window along this axis).
bool disjoint(const std::vector<Span>& spans) {
  for (std::size_t i = 1; i < spans.size(); ++i) {
    if (spans[i].begin < spans[i - 1].end) return false;
  }
  return true;
}

}  // namespace

void adaptive_avg_pool2d_forward_kernel(const float* input, float* out, const AdaptiveGeometry& g) {
  const int64_t H = g.in_h, W = g.in_w, OH = g.out_h, OW = g.out_w;
  if (OH <= 0 || OW <= 0) return;
  const std::vector<Span> rows = adaptive_spans(OH, H);
  const std::vector<Span> cols = adaptive_spans(OW, W);
  const std::vector<float> widths = widths_of(cols);
  std::vector<float> column_sums(static_cast<std::size_t>(W));
  std::vector<float> window_sums(static_cast<std::size_t>(OW));
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* plane = input + p * H * W;
    for (int64_t oh = 0; oh < OH; ++oh) {
      const Span r = rows[static_cast<std::size_t>(oh)];
      pool_simd::copy_floats(column_sums.data(), plane + r.begin * W, W);
      for (int64_t ih = r.begin + 1; ih < r.end; ++ih) pool_simd::add_floats(column_sums.data(), plane + ih * W, W);
      window_sums_of(column_sums.data(), cols, window_sums.data());
      divide_by_window(window_sums.data(), static_cast<float>(r.end - r.begin), widths.data(),
                       out + (p * OH + oh) * OW, OW);
    }
  }
}

void adaptive_avg_pool2d_backward_kernel(const float* grad_output, float* grad_input, const AdaptiveGeometry& g) {
  const int64_t H = g.in_h, W = g.in_w, OH = g.out_h, OW = g.out_w;
  if (OH <= 0 || OW <= 0) {
    pool_simd::fill_floats(grad_input, 0.0f, g.planes * H * W);
    return;
  }
  const std::vector<Span> rows = adaptive_spans(OH, H);
  const std::vector<Span> cols = adaptive_spans(OW, W);
  const std::vector<float> widths = widths_of(cols);
  const bool disjoint_cols = disjoint(cols);
  const std::vector<Cover> covers = covers_of(cols, W);
  std::vector<float> deltas(static_cast<std::size_t>(OW));
  std::vector<float> row_grad(static_cast<std::size_t>(W));
  for (int64_t p = 0; p < g.planes; ++p) {
    float* plane = grad_input + p * H * W;
    // Windows move down monotonically and together cover every row: rows
    // below `written` are first stored, the rest (overlaps) added to.
    int64_t written = 0;
    for (int64_t oh = 0; oh < OH; ++oh) {
      const Span r = rows[static_cast<std::size_t>(oh)];
      divide_by_window(grad_output + (p * OH + oh) * OW, static_cast<float>(r.end - r.begin), widths.data(),
                       deltas.data(), OW);
      // The gradient one input row receives from this output row. + 0.0f:
      // PyTorch adds into zeros, which turns -0.0 into +0.0.
      if (disjoint_cols) {
        for (int64_t ow = 0; ow < OW; ++ow) {
          const Span c = cols[static_cast<std::size_t>(ow)];
          pool_simd::fill_floats(row_grad.data() + c.begin, deltas[static_cast<std::size_t>(ow)] + 0.0f,
                                 c.end - c.begin);
        }
      } else {
        // Overlapping windows: each column gathers the deltas of the windows
        // covering it, in window order ((d1 + d2) + 0 equals PyTorch's
        // (0 + d1) + d2 bit for bit).
        for (int64_t iw = 0; iw < W; ++iw) {
          const Cover c = covers[static_cast<std::size_t>(iw)];
          float sum = deltas[static_cast<std::size_t>(c.first)];
          for (int64_t k = 1; k < c.count; ++k) sum += deltas[static_cast<std::size_t>(c.first + k)];
          row_grad[static_cast<std::size_t>(iw)] = sum + 0.0f;
        }
      }
      for (int64_t ih = r.begin; ih < r.end; ++ih) {
        if (ih >= written) {
          pool_simd::copy_floats(plane + ih * W, row_grad.data(), W);
        } else {
          pool_simd::add_floats(plane + ih * W, row_grad.data(), W);
        }
      }
      written = std::max(written, r.end);
    }
  }
}

void adaptive_max_pool2d_forward_kernel(const float* input, float* out, int64_t* indices,
                                        const AdaptiveGeometry& g) {
  const int64_t H = g.in_h, W = g.in_w, OH = g.out_h, OW = g.out_w;
  if (OH <= 0 || OW <= 0) return;
  const std::vector<Span> rows = adaptive_spans(OH, H);
  const std::vector<Span> cols = adaptive_spans(OW, W);
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* plane = input + p * H * W;
    for (int64_t oh = 0; oh < OH; ++oh) {
      const Span r = rows[static_cast<std::size_t>(oh)];
      for (int64_t ow = 0; ow < OW; ++ow) {
        const Span c = cols[static_cast<std::size_t>(ow)];
        float best = -std::numeric_limits<float>::infinity();
        int64_t best_index = r.begin * W + c.begin;
        for (int64_t ih = r.begin; ih < r.end; ++ih) {
          for (int64_t iw = c.begin; iw < c.end; ++iw) {
            const float v = plane[ih * W + iw];
            if (v > best || std::isnan(v)) {
              best = v;
              best_index = ih * W + iw;
            }
          }
        }
        const int64_t o = (p * OH + oh) * OW + ow;
        out[o] = best;
        indices[o] = best_index;
      }
    }
  }
}

void plane_mean_kernel(const float* input, float* out, int64_t planes, int64_t plane_size) {
  const float n = static_cast<float>(plane_size);
  for (int64_t p = 0; p < planes; ++p) out[p] = sum_row(input + p * plane_size, plane_size) / n;
}

void plane_mean_backward_kernel(const float* grad_output, float* grad_input, int64_t planes, int64_t plane_size) {
  const float n = static_cast<float>(plane_size);
  for (int64_t p = 0; p < planes; ++p) pool_simd::fill_floats(grad_input + p * plane_size, grad_output[p] / n, plane_size);
}

}  // namespace lesson::nn
