#include "nn/norm_kernels.hpp"

#include <algorithm>
#include <xsimd/xsimd.hpp>

namespace lesson::nn::kernels {

namespace {

using Batch = xsimd::batch<float>;
constexpr std::int64_t W = static_cast<std::int64_t>(Batch::size);
// Four independent accumulators hide the add latency; a float lane then sums
// at most kChunk / (4 * W) values before the chunk total goes into a double.
constexpr std::int64_t kStep = 4 * W;
constexpr std::int64_t kChunk = 1024;

inline Batch load(const float* p) { return Batch::load_unaligned(p); }
inline double total(const Batch& a, const Batch& b, const Batch& c, const Batch& d) {
  return static_cast<double>(xsimd::hadd((a + b) + (c + d)));
}
// End of the next chunk of whole kStep blocks starting at i.
inline std::int64_t chunk_end(std::int64_t i, std::int64_t n) {
  const std::int64_t blocks = std::min(kChunk, n - i) / kStep;
  return i + blocks * kStep;
}

}  // namespace

double run_sum(const float* x, std::int64_t n) {
  double sum = 0.0;
  std::int64_t i = 0;
  while (n - i >= kStep) {
    const std::int64_t end = chunk_end(i, n);
    Batch a0(0.0f), a1(0.0f), a2(0.0f), a3(0.0f);
    for (; i < end; i += kStep) {
      a0 += load(x + i);
      a1 += load(x + i + W);
      a2 += load(x + i + 2 * W);
      a3 += load(x + i + 3 * W);
    }
    sum += total(a0, a1, a2, a3);
  }
  float tail = 0.0f;
  for (; i < n; ++i) tail += x[i];
  return sum + tail;
}

double run_sq_dev(const float* x, std::int64_t n, float center) {
  double sum_sq = 0.0;
  const Batch c(center);
  std::int64_t i = 0;
  while (n - i >= kStep) {
    const std::int64_t end = chunk_end(i, n);
    Batch q0(0.0f), q1(0.0f), q2(0.0f), q3(0.0f);
    for (; i < end; i += kStep) {
      const Batch d0 = load(x + i) - c;
      const Batch d1 = load(x + i + W) - c;
      const Batch d2 = load(x + i + 2 * W) - c;
      const Batch d3 = load(x + i + 3 * W) - c;
      q0 += d0 * d0;
      q1 += d1 * d1;
      q2 += d2 * d2;
      q3 += d3 * d3;
    }
    sum_sq += total(q0, q1, q2, q3);
  }
  float q = 0.0f;
  for (; i < n; ++i) {
    const float d = x[i] - center;
    q += d * d;
  }
  return sum_sq + q;
}

GradSums run_grad_sums(const float* dy, const float* x, std::int64_t n, float center) {
  GradSums out;
  const Batch c(center);
  std::int64_t i = 0;
  while (n - i >= kStep) {
    const std::int64_t end = chunk_end(i, n);
    Batch s0(0.0f), s1(0.0f), s2(0.0f), s3(0.0f);
    Batch t0(0.0f), t1(0.0f), t2(0.0f), t3(0.0f);
    for (; i < end; i += kStep) {
      const Batch g0 = load(dy + i), g1 = load(dy + i + W), g2 = load(dy + i + 2 * W),
                  g3 = load(dy + i + 3 * W);
      s0 += g0;
      s1 += g1;
      s2 += g2;
      s3 += g3;
      t0 += g0 * (load(x + i) - c);
      t1 += g1 * (load(x + i + W) - c);
      t2 += g2 * (load(x + i + 2 * W) - c);
      t3 += g3 * (load(x + i + 3 * W) - c);
    }
    out.sum_dy += total(s0, s1, s2, s3);
    out.sum_dy_xc += total(t0, t1, t2, t3);
  }
  float s = 0.0f, t = 0.0f;
  for (; i < n; ++i) {
    s += dy[i];
    t += dy[i] * (x[i] - center);
  }
  out.sum_dy += s;
  out.sum_dy_xc += t;
  return out;
}

void run_scale_shift(const float* x, float* y, std::int64_t n, float a, float b) {
  const Batch va(a), vb(b);
  std::int64_t i = 0;
  for (; i + kStep <= n; i += kStep) {
    const Batch x0 = load(x + i), x1 = load(x + i + W), x2 = load(x + i + 2 * W), x3 = load(x + i + 3 * W);
    (x0 * va + vb).store_unaligned(y + i);
    (x1 * va + vb).store_unaligned(y + i + W);
    (x2 * va + vb).store_unaligned(y + i + 2 * W);
    (x3 * va + vb).store_unaligned(y + i + 3 * W);
  }
  for (; i + W <= n; i += W) (load(x + i) * va + vb).store_unaligned(y + i);
  for (; i < n; ++i) y[i] = x[i] * a + b;
}

void run_grad_input(const float* dy, const float* x, float* dx, std::int64_t n, float a, float b, float c) {
  const Batch va(a), vb(b), vc(c);
  std::int64_t i = 0;
  for (; i + 2 * W <= n; i += 2 * W) {
    const Batch r0 = load(dy + i) * va + (load(x + i) * vb + vc);
    const Batch r1 = load(dy + i + W) * va + (load(x + i + W) * vb + vc);
    r0.store_unaligned(dx + i);
    r1.store_unaligned(dx + i + W);
  }
  for (; i + W <= n; i += W) (load(dy + i) * va + (load(x + i) * vb + vc)).store_unaligned(dx + i);
  for (; i < n; ++i) dx[i] = dy[i] * a + (x[i] * b + c);
}

void row_norm_affine(const float* x, float* y, std::int64_t n, float scale, float shift, const float* gamma,
                     const float* beta) {
  if (gamma == nullptr && beta == nullptr) {
    run_scale_shift(x, y, n, scale, shift);
    return;
  }
  const Batch vs(scale), vt(shift), one(1.0f), zero(0.0f);
  std::int64_t i = 0;
  if (gamma != nullptr && beta != nullptr) {  // nn.LayerNorm's usual case, unrolled
    for (; i + 2 * W <= n; i += 2 * W) {
      ((load(x + i) * vs + vt) * load(gamma + i) + load(beta + i)).store_unaligned(y + i);
      ((load(x + i + W) * vs + vt) * load(gamma + i + W) + load(beta + i + W)).store_unaligned(y + i + W);
    }
  }
  for (; i + W <= n; i += W) {
    const Batch g = gamma ? load(gamma + i) : one;
    const Batch b = beta ? load(beta + i) : zero;
    ((load(x + i) * vs + vt) * g + b).store_unaligned(y + i);
  }
  for (; i < n; ++i) {
    y[i] = (x[i] * scale + shift) * (gamma ? gamma[i] : 1.0f) + (beta ? beta[i] : 0.0f);
  }
}

GradSums row_grad_sums(const float* dy, const float* x, const float* gamma, std::int64_t n, float mean,
                       float rstd, float* dgamma, float* dbeta) {
  GradSums out;
  const Batch vm(mean), vr(rstd), vshift(-rstd * mean);
  std::int64_t i = 0;
  while (n - i >= 2 * W) {
    const std::int64_t end = i + std::min(kChunk, n - i) / (2 * W) * (2 * W);
    Batch s0(0.0f), s1(0.0f), t0(0.0f), t1(0.0f);
    for (; i < end; i += 2 * W) {
      const Batch dy0 = load(dy + i), dy1 = load(dy + i + W);
      const Batch x0 = load(x + i), x1 = load(x + i + W);
      const Batch g0 = gamma ? dy0 * load(gamma + i) : dy0;
      const Batch g1 = gamma ? dy1 * load(gamma + i + W) : dy1;
      s0 += g0;
      s1 += g1;
      t0 += g0 * (x0 - vm);
      t1 += g1 * (x1 - vm);
      if (dgamma) {
        (load(dgamma + i) + dy0 * (x0 * vr + vshift)).store_unaligned(dgamma + i);
        (load(dgamma + i + W) + dy1 * (x1 * vr + vshift)).store_unaligned(dgamma + i + W);
      }
      if (dbeta) {
        (load(dbeta + i) + dy0).store_unaligned(dbeta + i);
        (load(dbeta + i + W) + dy1).store_unaligned(dbeta + i + W);
      }
    }
    out.sum_dy += static_cast<double>(xsimd::hadd(s0 + s1));
    out.sum_dy_xc += static_cast<double>(xsimd::hadd(t0 + t1));
  }
  float s = 0.0f, t = 0.0f;
  const float shift = -rstd * mean;
  for (; i < n; ++i) {
    const float g = gamma ? dy[i] * gamma[i] : dy[i];
    s += g;
    t += g * (x[i] - mean);
    if (dgamma) dgamma[i] += dy[i] * (x[i] * rstd + shift);
    if (dbeta) dbeta[i] += dy[i];
  }
  out.sum_dy += s;
  out.sum_dy_xc += t;
  return out;
}

void row_grad_input(const float* dy, const float* x, const float* gamma, float* dx, std::int64_t n, float a,
                    float b, float c) {
  if (gamma == nullptr) {
    run_grad_input(dy, x, dx, n, a, b, c);
    return;
  }
  const Batch va(a), vb(b), vc(c);
  std::int64_t i = 0;
  for (; i + 2 * W <= n; i += 2 * W) {
    const Batch r0 = load(dy + i) * load(gamma + i) * va + (load(x + i) * vb + vc);
    const Batch r1 = load(dy + i + W) * load(gamma + i + W) * va + (load(x + i + W) * vb + vc);
    r0.store_unaligned(dx + i);
    r1.store_unaligned(dx + i + W);
  }
  for (; i < n; ++i) dx[i] = dy[i] * gamma[i] * a + (x[i] * b + c);
}

Moments strided_moments(const float* x, std::int64_t count, std::int64_t len, std::int64_t stride) {
  // Two passes over each L1-sized block (its sum, then squared deviations
  // from its own mean, while it is still in L1), and the blocks merged with
  // Chan et al.'s pairwise update. Memory is read once, and the variance has
  // no E[x^2] - E[x]^2 cancellation however far the mean is from zero.
  constexpr std::int64_t kBlock = 2048;
  double n = 0.0, mean = 0.0, m2 = 0.0;
  for (std::int64_t k = 0; k < count; ++k) {
    const float* run = x + k * stride;
    for (std::int64_t i = 0; i < len; i += kBlock) {
      const std::int64_t bn = std::min(kBlock, len - i);
      const double block_n = static_cast<double>(bn);
      const double block_mean = run_sum(run + i, bn) / block_n;
      // The mean is rounded to float to centre the squares; the exact
      // identity sum((x - c)^2) = m2 + n * (mean - c)^2 takes that back out.
      const float center = static_cast<float>(block_mean);
      const double shift = block_mean - static_cast<double>(center);
      const double block_m2 = std::max(0.0, run_sq_dev(run + i, bn, center) - block_n * shift * shift);
      const double total = n + block_n;
      const double delta = block_mean - mean;
      mean += delta * block_n / total;
      m2 += block_m2 + delta * delta * n * block_n / total;
      n = total;
    }
  }
  return Moments{mean, m2};
}

}  // namespace lesson::nn::kernels
