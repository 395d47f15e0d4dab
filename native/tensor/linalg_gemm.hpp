// The matrix-product kernels under matmul, mm, bmm, mv and dot, on plain
// row-major buffers.
//
// gemm adds every output element sum_k a[i,k] * b[k,j] in k order in the
// element type (float, or int64 wrapping on overflow), starting from 0, as a
// BLAS without FMA would; PyTorch's own BLAS differs from it only by
// rounding (about sqrt(k) float ulps). No zero is skipped, so 0 * inf and
// 0 * nan give nan as in PyTorch.
#pragma once

#include <cstdint>

namespace lesson::tensor::kernels {

// c (m x n) = a (m x k) . b (k x n), all contiguous row-major; c is written,
// not accumulated into.
void gemm(const float* a, const float* b, float* c, std::int64_t m, std::int64_t k, std::int64_t n);
void gemm(const std::int64_t* a, const std::int64_t* b, std::int64_t* c, std::int64_t m,
          std::int64_t k, std::int64_t n);

// sum_i x[i] * y[i] over contiguous runs. The float version keeps several
// SIMD lanes and flushes them to double every few steps, so its error is no
// larger than a BLAS sdot's.
float dot(const float* x, const float* y, std::int64_t n);
std::int64_t dot(const std::int64_t* x, const std::int64_t* y, std::int64_t n);

}  // namespace lesson::tensor::kernels
