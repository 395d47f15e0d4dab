// The loops every normalization layer is built from, over one contiguous run
// of float32 values (a BatchNorm/InstanceNorm plane, a GroupNorm group, a
// LayerNorm row). BatchNorm, LayerNorm, GroupNorm and InstanceNorm differ only
// in which runs share statistics and how the per-run scalars are folded.
//
// Sums are taken in float SIMD lanes (xsimd batches: SSE4.1 natively, wasm
// SIMD under Emscripten) over chunks short enough that float rounding stays
// negligible, and each chunk's total is added into a double, so the result is
// as accurate as a double sum while the inner loop stays 4-wide float.
#pragma once

#include <cstdint>

namespace lesson::nn::kernels {

// sum(x[0..n))
double run_sum(const float* x, std::int64_t n);

// sum((x - center)^2). Two-pass moments take the mean first and then this.
double run_sq_dev(const float* x, std::int64_t n, float center);

// The backward reduction: sum(dy) and sum(dy * (x - center)).
struct GradSums {
  double sum_dy = 0.0;
  double sum_dy_xc = 0.0;
};
GradSums run_grad_sums(const float* dy, const float* x, std::int64_t n, float center);

// y = x * a + b: the whole forward normalisation once mean, invstd, weight
// and bias are folded into a and b (as PyTorch folds them).
void run_scale_shift(const float* x, float* y, std::int64_t n, float a, float b);

// dx = dy * a + x * b + c: the whole backward elementwise pass of a norm once
// its reductions are folded into a, b and c.
void run_grad_input(const float* dy, const float* x, float* dx, std::int64_t n, float a, float b, float c);

// LayerNorm's row forward with per-column affine parameters (either may be
// null): y = (x * scale + shift) * gamma + beta, PyTorch's order of operations.
void row_norm_affine(const float* x, float* y, std::int64_t n, float scale, float shift, const float* gamma,
                     const float* beta);

// LayerNorm's row backward reduction with gamma (may be null, meaning 1):
// g = dy * gamma; returns sum(g) and sum(g * (x - mean)), and accumulates the
// parameter gradients dgamma += dy * (x - mean) * rstd, dbeta += dy when those
// pointers are not null.
GradSums row_grad_sums(const float* dy, const float* x, const float* gamma, std::int64_t n, float mean,
                       float rstd, float* dgamma, float* dbeta);

// LayerNorm's row backward elementwise pass: dx = dy * gamma * a + x * b + c
// (gamma may be null, meaning 1).
void row_grad_input(const float* dy, const float* x, const float* gamma, float* dx, std::int64_t n, float a,
                    float b, float c);

// Mean and sum of squared deviations of several equal runs (`count` runs of
// `len` floats, `stride` floats apart): two passes over each L1-sized block
// (sum, then squared deviations from the block mean), blocks merged with
// Chan's pairwise update. Memory is read once; stable for any offset.
struct Moments {
  double mean = 0.0;
  double m2 = 0.0;  // sum((x - mean)^2): the biased variance times the count
};
Moments strided_moments(const float* x, std::int64_t count, std::int64_t len, std::int64_t stride);

}  // namespace lesson::nn::kernels
