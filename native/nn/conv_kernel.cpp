#include "nn/conv_kernel.hpp"

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include <xsimd/xsimd.hpp>

namespace lesson::nn::kernels {

namespace {

// ---- gemm on packed panels
//
// c (m x n, ldc) = a (m x k, lda) . b (k x n, ldb), every sum taken in k
// order in float (as tensor/linalg_gemm.hpp's). For the convolution shapes
// (k up to a few thousand, n = an output plane) b is copied, kKBlock rows by
// kPanel columns at a time, into one contiguous panel that stays in L1 while
// every group of kRows rows of a runs over it with its sums in registers.

using Batch = xsimd::batch<float>;
constexpr std::int64_t kLanes = static_cast<std::int64_t>(Batch::size);
constexpr std::int64_t kPanel = 2 * kLanes;  // columns of one panel
constexpr std::int64_t kRows = 6;            // rows of c one register tile covers
constexpr std::int64_t kKBlock = 384;        // panel depth: kKBlock * kPanel floats

// One k step of an R-row tile, unrolled at compile time (the fold) so the
// accumulators stay in registers at -O2.
template <std::size_t... I>
inline void tile_step(Batch* lo, Batch* hi, const float* a, std::int64_t lda, const Batch& b0, const Batch& b1,
                      std::index_sequence<I...>) {
  ((lo[I] += Batch(a[static_cast<std::int64_t>(I) * lda]) * b0,
    hi[I] += Batch(a[static_cast<std::int64_t>(I) * lda]) * b1),
   ...);
}

template <int R>
void panel_tile(const float* a, std::int64_t lda, const float* panel, float* c, std::int64_t ldc, std::int64_t kc,
                bool first, std::int64_t cols) {
  Batch lo[R], hi[R];
  for (int r = 0; r < R; ++r) {
    if (first || cols < kPanel) {
      lo[r] = Batch(0.0f);
      hi[r] = Batch(0.0f);
    } else {
      lo[r] = Batch::load_unaligned(c + r * ldc);
      hi[r] = Batch::load_unaligned(c + r * ldc + kLanes);
    }
  }
  for (std::int64_t kk = 0; kk < kc; ++kk) {
    const Batch b0 = Batch::load_unaligned(panel + kk * kPanel);
    const Batch b1 = Batch::load_unaligned(panel + kk * kPanel + kLanes);
    tile_step(lo, hi, a + kk, lda, b0, b1, std::make_index_sequence<R>());
  }
  if (cols == kPanel) {
    for (int r = 0; r < R; ++r) {
      lo[r].store_unaligned(c + r * ldc);
      hi[r].store_unaligned(c + r * ldc + kLanes);
    }
    return;
  }
  // A narrower last panel: its padding columns are dropped.
  float tmp[kPanel];
  for (int r = 0; r < R; ++r) {
    lo[r].store_unaligned(tmp);
    hi[r].store_unaligned(tmp + kLanes);
    for (std::int64_t j = 0; j < cols; ++j) c[r * ldc + j] = first ? tmp[j] : c[r * ldc + j] + tmp[j];
  }
}

// b_transposed: b is stored as its transpose (n x k, ldb apart), as the
// column matrix is for the weight gradient. accumulate: add into c.
void gemm(const float* a, std::int64_t lda, const float* b, std::int64_t ldb, bool b_transposed, float* c,
          std::int64_t ldc, std::int64_t m, std::int64_t k, std::int64_t n, bool accumulate) {
  if (k == 0) {
    if (!accumulate) {
      for (std::int64_t i = 0; i < m; ++i) std::fill(c + i * ldc, c + i * ldc + n, 0.0f);
    }
    return;
  }
  std::vector<float> panel(static_cast<std::size_t>(std::min(k, kKBlock) * kPanel));
  for (std::int64_t j0 = 0; j0 < n; j0 += kPanel) {
    const std::int64_t cols = std::min(kPanel, n - j0);
    for (std::int64_t k0 = 0; k0 < k; k0 += kKBlock) {
      const std::int64_t kc = std::min(kKBlock, k - k0);
      if (cols < kPanel) std::fill(panel.begin(), panel.end(), 0.0f);
      if (b_transposed) {
        for (std::int64_t jj = 0; jj < cols; ++jj) {
          const float* src = b + (j0 + jj) * ldb + k0;
          for (std::int64_t kk = 0; kk < kc; ++kk) panel[static_cast<std::size_t>(kk * kPanel + jj)] = src[kk];
        }
      } else {
        for (std::int64_t kk = 0; kk < kc; ++kk) {
          const float* src = b + (k0 + kk) * ldb + j0;
          std::copy(src, src + cols, panel.data() + kk * kPanel);
        }
      }
      const bool first = k0 == 0 && !accumulate;
      std::int64_t i = 0;
      for (; i + kRows <= m; i += kRows) {
        panel_tile<kRows>(a + i * lda + k0, lda, panel.data(), c + i * ldc + j0, ldc, kc, first, cols);
      }
      const float* ap = a + i * lda + k0;
      float* cp = c + i * ldc + j0;
      switch (m - i) {
        case 5: panel_tile<5>(ap, lda, panel.data(), cp, ldc, kc, first, cols); break;
        case 4: panel_tile<4>(ap, lda, panel.data(), cp, ldc, kc, first, cols); break;
        case 3: panel_tile<3>(ap, lda, panel.data(), cp, ldc, kc, first, cols); break;
        case 2: panel_tile<2>(ap, lda, panel.data(), cp, ldc, kc, first, cols); break;
        case 1: panel_tile<1>(ap, lda, panel.data(), cp, ldc, kc, first, cols); break;
        default: break;
      }
    }
  }
}

// c (m x n) = a (m x k) . b (k x n), all contiguous.
void gemm(const float* a, const float* b, float* c, std::int64_t m, std::int64_t k, std::int64_t n) {
  gemm(a, k, b, n, false, c, n, m, k, n, false);
}

// ---- im2col

// The output columns [lo, hi) whose input column o * stride - pad + offset
// lies inside [0, in).
struct Range {
  std::int64_t lo, hi;
};

Range valid_outputs(std::int64_t in, std::int64_t out, std::int64_t stride, std::int64_t pad,
                    std::int64_t offset) {
  // i = o * stride - pad + offset in [0, in)  <=>  o in [ceil((pad - offset) / stride),
  // ceil((in + pad - offset) / stride)).
  auto ceil_div = [](std::int64_t a, std::int64_t b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); };
  const std::int64_t lo = std::clamp<std::int64_t>(ceil_div(pad - offset, stride), 0, out);
  const std::int64_t hi = std::clamp<std::int64_t>(ceil_div(in + pad - offset, stride), lo, out);
  return {lo, hi};
}

// cols [C_g * kH * kW, outH * outW] of one sample's group of channels x
// [C_g, H, W]; zeros where the window reaches into the padding.
void im2col(const float* x, float* cols, const ConvGeometry& g) {
  const std::int64_t plane = g.out_plane();
  for (std::int64_t c = 0; c < g.in_per_group(); ++c) {
    const float* xc = x + c * g.in_plane();
    for (std::int64_t ki = 0; ki < g.kernel_h; ++ki) {
      const Range rows = valid_outputs(g.in_h, g.out_h, g.stride_h, g.pad_h, ki * g.dilation_h);
      for (std::int64_t kj = 0; kj < g.kernel_w; ++kj) {
        float* dst = cols + ((c * g.kernel_h + ki) * g.kernel_w + kj) * plane;
        const std::int64_t off_w = kj * g.dilation_w - g.pad_w;
        const Range cs = valid_outputs(g.in_w, g.out_w, g.stride_w, g.pad_w, kj * g.dilation_w);
        std::fill(dst, dst + rows.lo * g.out_w, 0.0f);
        for (std::int64_t oh = rows.lo; oh < rows.hi; ++oh) {
          const float* src = xc + (oh * g.stride_h - g.pad_h + ki * g.dilation_h) * g.in_w + off_w;
          float* d = dst + oh * g.out_w;
          std::fill(d, d + cs.lo, 0.0f);
          if (g.stride_w == 1) {
            std::memcpy(d + cs.lo, src + cs.lo, static_cast<std::size_t>(cs.hi - cs.lo) * sizeof(float));
          } else {
            for (std::int64_t ow = cs.lo; ow < cs.hi; ++ow) d[ow] = src[ow * g.stride_w];
          }
          std::fill(d + cs.hi, d + g.out_w, 0.0f);
        }
        std::fill(dst + rows.hi * g.out_w, dst + plane, 0.0f);
      }
    }
  }
}

// The adjoint of im2col: adds every column entry back into dx [C_g, H, W].
void col2im_add(const float* cols, float* dx, const ConvGeometry& g) {
  const std::int64_t plane = g.out_plane();
  for (std::int64_t c = 0; c < g.in_per_group(); ++c) {
    float* xc = dx + c * g.in_plane();
    for (std::int64_t ki = 0; ki < g.kernel_h; ++ki) {
      const Range rows = valid_outputs(g.in_h, g.out_h, g.stride_h, g.pad_h, ki * g.dilation_h);
      for (std::int64_t kj = 0; kj < g.kernel_w; ++kj) {
        const float* src = cols + ((c * g.kernel_h + ki) * g.kernel_w + kj) * plane;
        const std::int64_t off_w = kj * g.dilation_w - g.pad_w;
        const Range cs = valid_outputs(g.in_w, g.out_w, g.stride_w, g.pad_w, kj * g.dilation_w);
        for (std::int64_t oh = rows.lo; oh < rows.hi; ++oh) {
          float* d = xc + (oh * g.stride_h - g.pad_h + ki * g.dilation_h) * g.in_w + off_w;
          const float* s = src + oh * g.out_w;
          for (std::int64_t ow = cs.lo; ow < cs.hi; ++ow) d[ow * g.stride_w] += s[ow];
        }
      }
    }
  }
}

}  // namespace

void conv2d_forward(const float* x, const float* w, const float* bias, float* y, const ConvGeometry& g) {
  const std::int64_t plane = g.out_plane();
  const std::int64_t rows = g.col_rows();
  const std::int64_t opg = g.out_per_group();
  const bool pointwise = g.is_pointwise();
  std::vector<float> cols(pointwise ? 0 : static_cast<std::size_t>(rows * plane));
  for (std::int64_t n = 0; n < g.batch; ++n) {
    for (std::int64_t grp = 0; grp < g.groups; ++grp) {
      const float* xg = x + (n * g.in_channels + grp * g.in_per_group()) * g.in_plane();
      const float* b = xg;
      if (!pointwise) {
        im2col(xg, cols.data(), g);
        b = cols.data();
      }
      float* yg = y + (n * g.out_channels + grp * opg) * plane;
      gemm(w + grp * opg * rows, b, yg, opg, rows, plane);
    }
    if (bias != nullptr) {
      for (std::int64_t o = 0; o < g.out_channels; ++o) {
        float* yo = y + (n * g.out_channels + o) * plane;
        const float bo = bias[o];
        for (std::int64_t p = 0; p < plane; ++p) yo[p] += bo;
      }
    }
  }
}

void conv2d_backward(const float* gy, const float* x, const float* w, float* dx, float* dw, float* dbias,
                     const ConvGeometry& g) {
  const std::int64_t plane = g.out_plane();
  const std::int64_t rows = g.col_rows();
  const std::int64_t opg = g.out_per_group();
  const bool pointwise = g.is_pointwise();

  if (dbias != nullptr) {
    // Per channel: one plane sum per sample in double, then the samples.
    for (std::int64_t o = 0; o < g.out_channels; ++o) {
      double total = 0.0;
      for (std::int64_t n = 0; n < g.batch; ++n) {
        const float* go = gy + (n * g.out_channels + o) * plane;
        double s = 0.0;
        for (std::int64_t p = 0; p < plane; ++p) s += go[p];
        total += s;
      }
      dbias[o] = static_cast<float>(total);
    }
  }

  if (dx != nullptr) {
    // dcols [rows, plane] = w_g^T [rows, O_g] . gy_g [O_g, plane], then col2im.
    std::vector<float> wt(static_cast<std::size_t>(g.groups * rows * opg));
    for (std::int64_t grp = 0; grp < g.groups; ++grp) {
      const float* wg = w + grp * opg * rows;
      float* tg = wt.data() + grp * rows * opg;
      for (std::int64_t o = 0; o < opg; ++o) {
        for (std::int64_t r = 0; r < rows; ++r) tg[r * opg + o] = wg[o * rows + r];
      }
    }
    std::fill(dx, dx + g.batch * g.in_channels * g.in_plane(), 0.0f);
    std::vector<float> dcols(pointwise ? 0 : static_cast<std::size_t>(rows * plane));
    for (std::int64_t n = 0; n < g.batch; ++n) {
      for (std::int64_t grp = 0; grp < g.groups; ++grp) {
        const float* gyg = gy + (n * g.out_channels + grp * opg) * plane;
        float* dxg = dx + (n * g.in_channels + grp * g.in_per_group()) * g.in_plane();
        if (pointwise) {
          gemm(wt.data() + grp * rows * opg, gyg, dxg, rows, opg, plane);
        } else {
          gemm(wt.data() + grp * rows * opg, gyg, dcols.data(), rows, opg, plane);
          col2im_add(dcols.data(), dxg, g);
        }
      }
    }
  }

  if (dw != nullptr) {
    // dw_g [O_g, rows] = sum over samples of gy_g [O_g, plane] . cols^T [plane, rows];
    // the panels are packed straight from cols, and each sample adds in.
    std::vector<float> cols(pointwise ? 0 : static_cast<std::size_t>(rows * plane));
    for (std::int64_t n = 0; n < g.batch; ++n) {
      for (std::int64_t grp = 0; grp < g.groups; ++grp) {
        const float* xg = x + (n * g.in_channels + grp * g.in_per_group()) * g.in_plane();
        const float* c = xg;
        if (!pointwise) {
          im2col(xg, cols.data(), g);
          c = cols.data();
        }
        const float* gyg = gy + (n * g.out_channels + grp * opg) * plane;
        gemm(gyg, plane, c, plane, true, dw + grp * opg * rows, rows, opg, plane, rows, n > 0);
      }
    }
    if (g.batch == 0) std::fill(dw, dw + g.out_channels * rows, 0.0f);
  }
}

}  // namespace lesson::nn::kernels
