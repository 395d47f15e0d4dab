#include "tensor/linalg_gemm.hpp"

#include <algorithm>

#include <xsimd/xsimd.hpp>

namespace lesson::tensor::kernels {

namespace {

using Batch = xsimd::batch<float>;
constexpr std::int64_t kLanes = static_cast<std::int64_t>(Batch::size);
constexpr std::int64_t kTileCols = 2 * kLanes;  // columns of c one register tile covers
constexpr std::int64_t kRowsPerTile = 4;        // rows of c one register tile covers
// A pass covers kKBlock rows of b and kNBlock of its columns, so the part
// of b that every group of four rows of a re-reads stays in cache.
constexpr std::int64_t kKBlock = 256;
constexpr std::int64_t kNBlock = 128;

// c[R rows][kTileCols] (+)= a[R rows][kc] . b[kc][kTileCols], accumulators
// in registers; the broadcast a[r][kk] meets one row of b per kk.
template <int R>
void tile(const float* a, std::int64_t lda, const float* b, std::int64_t ldb, float* c,
          std::int64_t ldc, std::int64_t kc, bool first) {
  Batch lo[R], hi[R];
  for (int r = 0; r < R; ++r) {
    lo[r] = first ? Batch(0.0f) : Batch::load_unaligned(c + r * ldc);
    hi[r] = first ? Batch(0.0f) : Batch::load_unaligned(c + r * ldc + kLanes);
  }
  for (std::int64_t kk = 0; kk < kc; ++kk) {
    const Batch b0 = Batch::load_unaligned(b + kk * ldb);
    const Batch b1 = Batch::load_unaligned(b + kk * ldb + kLanes);
    for (int r = 0; r < R; ++r) {
      const Batch av(a[r * lda + kk]);
      lo[r] += av * b0;
      hi[r] += av * b1;
    }
  }
  for (int r = 0; r < R; ++r) {
    lo[r].store_unaligned(c + r * ldc);
    hi[r].store_unaligned(c + r * ldc + kLanes);
  }
}

// The last columns of a block, narrower than a tile: the same sums, scalar.
template <int R>
void edge(const float* a, std::int64_t lda, const float* b, std::int64_t ldb, float* c,
          std::int64_t ldc, std::int64_t kc, bool first, std::int64_t cols) {
  for (int r = 0; r < R; ++r) {
    for (std::int64_t j = 0; j < cols; ++j) {
      float acc = first ? 0.0f : c[r * ldc + j];
      for (std::int64_t kk = 0; kk < kc; ++kk) acc += a[r * lda + kk] * b[kk * ldb + j];
      c[r * ldc + j] = acc;
    }
  }
}

template <int R>
void row_group(const float* a, std::int64_t lda, const float* b, std::int64_t ldb, float* c,
               std::int64_t ldc, std::int64_t kc, bool first, std::int64_t cols) {
  std::int64_t j = 0;
  for (; j + kTileCols <= cols; j += kTileCols) tile<R>(a, lda, b + j, ldb, c + j, ldc, kc, first);
  if (j < cols) edge<R>(a, lda, b + j, ldb, c + j, ldc, kc, first, cols - j);
}

}  // namespace

void gemm(const float* a, const float* b, float* c, std::int64_t m, std::int64_t k, std::int64_t n) {
  if (k == 0) {
    std::fill(c, c + m * n, 0.0f);
    return;
  }
  for (std::int64_t k0 = 0; k0 < k; k0 += kKBlock) {
    const std::int64_t kc = std::min(kKBlock, k - k0);
    const bool first = k0 == 0;
    for (std::int64_t j0 = 0; j0 < n; j0 += kNBlock) {
      const std::int64_t cols = std::min(kNBlock, n - j0);
      const float* bp = b + k0 * n + j0;
      std::int64_t i = 0;
      for (; i + kRowsPerTile <= m; i += kRowsPerTile) {
        row_group<4>(a + i * k + k0, k, bp, n, c + i * n + j0, n, kc, first, cols);
      }
      const float* ap = a + i * k + k0;
      float* cp = c + i * n + j0;
      switch (m - i) {
        case 3: row_group<3>(ap, k, bp, n, cp, n, kc, first, cols); break;
        case 2: row_group<2>(ap, k, bp, n, cp, n, kc, first, cols); break;
        case 1: row_group<1>(ap, k, bp, n, cp, n, kc, first, cols); break;
        default: break;
      }
    }
  }
}

void gemm(const std::int64_t* a, const std::int64_t* b, std::int64_t* c, std::int64_t m,
          std::int64_t k, std::int64_t n) {
  // Unsigned, so that overflow wraps (defined) the way PyTorch's int64 does.
  using U = std::uint64_t;
  for (std::int64_t i = 0; i < m; ++i) {
    U* row = reinterpret_cast<U*>(c + i * n);
    std::fill(row, row + n, U{0});
    for (std::int64_t kk = 0; kk < k; ++kk) {
      const U aik = static_cast<U>(a[i * k + kk]);
      const std::int64_t* brow = b + kk * n;
      for (std::int64_t j = 0; j < n; ++j) row[j] += aik * static_cast<U>(brow[j]);
    }
  }
}

float dot(const float* x, const float* y, std::int64_t n) {
  constexpr std::int64_t step = 4 * kLanes;
  constexpr std::int64_t depth = 32;  // steps each lane takes before its flush to double
  double total = 0.0;
  std::int64_t i = 0;
  while (n - i >= step) {
    const std::int64_t end = i + std::min((n - i) / step, depth) * step;
    Batch s0(0.0f), s1(0.0f), s2(0.0f), s3(0.0f);
    for (; i < end; i += step) {
      s0 += Batch::load_unaligned(x + i) * Batch::load_unaligned(y + i);
      s1 += Batch::load_unaligned(x + i + kLanes) * Batch::load_unaligned(y + i + kLanes);
      s2 += Batch::load_unaligned(x + i + 2 * kLanes) * Batch::load_unaligned(y + i + 2 * kLanes);
      s3 += Batch::load_unaligned(x + i + 3 * kLanes) * Batch::load_unaligned(y + i + 3 * kLanes);
    }
    float lanes[step];
    s0.store_unaligned(lanes);
    s1.store_unaligned(lanes + kLanes);
    s2.store_unaligned(lanes + 2 * kLanes);
    s3.store_unaligned(lanes + 3 * kLanes);
    for (float v : lanes) total += v;
  }
  for (; i < n; ++i) total += x[i] * y[i];
  return static_cast<float>(total);
}

std::int64_t dot(const std::int64_t* x, const std::int64_t* y, std::int64_t n) {
  std::uint64_t total = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    total += static_cast<std::uint64_t>(x[i]) * static_cast<std::uint64_t>(y[i]);
  }
  return static_cast<std::int64_t>(total);
}

}  // namespace lesson::tensor::kernels
