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

// dst[i] = src[i] for i < n.
inline void copy_row(float* dst, const float* src, int64_t n) { std::copy(src, src + n, dst); }

// dst[i] += src[i] for i < n, four lanes at a time.
inline void add_row(float* dst, const float* src, int64_t n) {
  int64_t i = 0;
#if POOL_SIMD
  using pool_simd::Batch;
  for (; i + 8 <= n; i += 8) {
    (Batch::load_unaligned(dst + i) + Batch::load_unaligned(src + i)).store_unaligned(dst + i);
    (Batch::load_unaligned(dst + i + 4) + Batch::load_unaligned(src + i + 4)).store_unaligned(dst + i + 4);
  }
  for (; i + 4 <= n; i += 4) {
    (Batch::load_unaligned(dst + i) + Batch::load_unaligned(src + i)).store_unaligned(dst + i);
  }
#endif
  for (; i < n; ++i) dst[i] += src[i];
}

// dst[i] = value for i < n.
inline void fill_row(float* dst, float value, int64_t n) {
  int64_t i = 0;
#if POOL_SIMD
  const pool_simd::Batch v(value);
  for (; i + 4 <= n; i += 4) v.store_unaligned(dst + i);
#endif
  for (; i < n; ++i) dst[i] = value;
}

// Sum of n floats with 16 running partial sums (a float sum does not
// vectorize by itself: the additions would have to be reordered).
inline float sum_row(const float* x, int64_t n) {
  int64_t i = 0;
  float total = 0.0f;
#if POOL_SIMD
  using pool_simd::Batch;
  Batch a0(0.0f), a1(0.0f), a2(0.0f), a3(0.0f);
  for (; i + 16 <= n; i += 16) {
    a0 += Batch::load_unaligned(x + i);
    a1 += Batch::load_unaligned(x + i + 4);
    a2 += Batch::load_unaligned(x + i + 8);
    a3 += Batch::load_unaligned(x + i + 12);
  }
  for (; i + 4 <= n; i += 4) a0 += Batch::load_unaligned(x + i);
  total = xsimd::hadd((a0 + a1) + (a2 + a3));
#endif
  for (; i < n; ++i) total += x[i];
  return total;
}

}  // namespace

void adaptive_avg_pool2d_forward_kernel(const float* input, float* out, const AdaptiveGeometry& g) {
  const int64_t H = g.in_h, W = g.in_w, OH = g.out_h, OW = g.out_w;
  if (OH <= 0 || OW <= 0) return;
  const std::vector<Span> rows = adaptive_spans(OH, H);
  const std::vector<Span> cols = adaptive_spans(OW, W);
  std::vector<float> column_sums(static_cast<std::size_t>(W));
  for (int64_t p = 0; p < g.planes; ++p) {
    const float* plane = input + p * H * W;
    for (int64_t oh = 0; oh < OH; ++oh) {
      const Span r = rows[static_cast<std::size_t>(oh)];
      copy_row(column_sums.data(), plane + r.begin * W, W);
      for (int64_t ih = r.begin + 1; ih < r.end; ++ih) add_row(column_sums.data(), plane + ih * W, W);
      const float kh = static_cast<float>(r.end - r.begin);
      float* out_row = out + (p * OH + oh) * OW;
      for (int64_t ow = 0; ow < OW; ++ow) {
        const Span c = cols[static_cast<std::size_t>(ow)];
        float sum = 0.0f;
        for (int64_t iw = c.begin; iw < c.end; ++iw) sum += column_sums[static_cast<std::size_t>(iw)];
        out_row[ow] = sum / kh / static_cast<float>(c.end - c.begin);
      }
    }
  }
}

void adaptive_avg_pool2d_backward_kernel(const float* grad_output, float* grad_input, const AdaptiveGeometry& g) {
  const int64_t H = g.in_h, W = g.in_w, OH = g.out_h, OW = g.out_w;
  const std::vector<Span> rows = adaptive_spans(OH, H);
  const std::vector<Span> cols = adaptive_spans(OW, W);
  std::vector<float> row_grad(static_cast<std::size_t>(W));
  for (int64_t p = 0; p < g.planes; ++p) {
    float* plane = grad_input + p * H * W;
    if (OH <= 0 || OW <= 0) {
      fill_row(plane, 0.0f, H * W);
      continue;
    }
    // Windows move down monotonically and together cover every row: rows
    // below `written` are first stored, the rest (overlaps) added to.
    int64_t written = 0;
    for (int64_t oh = 0; oh < OH; ++oh) {
      const Span r = rows[static_cast<std::size_t>(oh)];
      const float kh = static_cast<float>(r.end - r.begin);
      std::fill(row_grad.begin(), row_grad.end(), 0.0f);
      const float* g_row = grad_output + (p * OH + oh) * OW;
      for (int64_t ow = 0; ow < OW; ++ow) {
        const Span c = cols[static_cast<std::size_t>(ow)];
        const float delta = g_row[ow] / kh / static_cast<float>(c.end - c.begin);
        for (int64_t iw = c.begin; iw < c.end; ++iw) row_grad[static_cast<std::size_t>(iw)] += delta;
      }
      for (int64_t ih = r.begin; ih < r.end; ++ih) {
        if (ih >= written) {
          copy_row(plane + ih * W, row_grad.data(), W);
        } else {
          add_row(plane + ih * W, row_grad.data(), W);
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
  for (int64_t p = 0; p < planes; ++p) fill_row(grad_input + p * plane_size, grad_output[p] / n, plane_size);
}

}  // namespace lesson::nn
