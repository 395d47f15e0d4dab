// Plain loops that restate PyTorch 1.13's pooling kernels, to check the
// vectorized paths on inputs larger than the golden cases (bit for bit where
// the summation order is the same), plus a finite-difference gradient check
// and deterministic test data.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <vector>

#include "autograd/engine.hpp"
#include "autograd/grad_mode.hpp"
#include "tensor/create.hpp"

namespace lesson::testing::pool {

using std::int64_t;

// Deterministic values: a linear congruential generator, optionally with
// few distinct levels (ties) and a sprinkling of NaN / -inf.
inline std::vector<double> test_values(int64_t n, std::uint32_t seed, int levels = 0, double special = 0.0) {
  std::vector<double> v(static_cast<std::size_t>(n));
  std::uint32_t s = seed * 2654435761u + 12345u;
  auto next = [&] {
    s = s * 1664525u + 1013904223u;
    return static_cast<double>(s >> 8) / static_cast<double>(1u << 24);
  };
  for (auto& e : v) {
    const double u = next();
    e = levels > 0 ? std::floor(u * levels) : (u - 0.5) * 8.0;
    if (special > 0.0) {
      const double r = next();
      if (r < special / 2) e = std::numeric_limits<double>::quiet_NaN();
      else if (r < special) e = -std::numeric_limits<double>::infinity();
    }
  }
  return v;
}

struct Window2d {
  int64_t kh, kw, sh, sw, ph, pw, dh, dw;
};

// PyTorch's cpu_max_pool loop (contiguous planes).
inline void reference_max_pool2d(const std::vector<float>& x, int64_t planes, int64_t H, int64_t W, int64_t OH,
                                 int64_t OW, const Window2d& k, std::vector<float>& out,
                                 std::vector<int64_t>& idx) {
  out.assign(static_cast<std::size_t>(planes * OH * OW), 0.0f);
  idx.assign(out.size(), 0);
  for (int64_t p = 0; p < planes; ++p) {
    for (int64_t oh = 0; oh < OH; ++oh) {
      int64_t ih0 = oh * k.sh - k.ph;
      const int64_t ih1 = std::min(ih0 + (k.kh - 1) * k.dh + 1, H);
      while (ih0 < 0) ih0 += k.dh;
      for (int64_t ow = 0; ow < OW; ++ow) {
        int64_t iw0 = ow * k.sw - k.pw;
        const int64_t iw1 = std::min(iw0 + (k.kw - 1) * k.dw + 1, W);
        while (iw0 < 0) iw0 += k.dw;
        int64_t best_i = ih0 * W + iw0;
        float best = -std::numeric_limits<float>::infinity();
        for (int64_t ih = ih0; ih < ih1; ih += k.dh) {
          for (int64_t iw = iw0; iw < iw1; iw += k.dw) {
            const float v = x[static_cast<std::size_t>(p * H * W + ih * W + iw)];
            if (v > best || std::isnan(v)) {
              best = v;
              best_i = ih * W + iw;
            }
          }
        }
        out[static_cast<std::size_t>((p * OH + oh) * OW + ow)] = best;
        idx[static_cast<std::size_t>((p * OH + oh) * OW + ow)] = best_i;
      }
    }
  }
}

// PyTorch's max_pool2d backward: zeros, then += at each index in order.
inline std::vector<float> reference_max_pool2d_backward(const std::vector<float>& g, const std::vector<int64_t>& idx,
                                                        int64_t planes, int64_t in_plane, int64_t out_plane) {
  std::vector<float> gi(static_cast<std::size_t>(planes * in_plane), 0.0f);
  for (int64_t p = 0; p < planes; ++p) {
    for (int64_t i = 0; i < out_plane; ++i) {
      const int64_t j = idx[static_cast<std::size_t>(p * out_plane + i)];
      if (j < 0 || j >= in_plane) continue;  // a window wholly in the padding
      gi[static_cast<std::size_t>(p * in_plane + j)] += g[static_cast<std::size_t>(p * out_plane + i)];
    }
  }
  return gi;
}

// PyTorch's cpu_avg_pool loop and its backward.
inline void reference_avg_pool2d(const std::vector<float>* x, const std::vector<float>* grad_out,
                                 std::vector<float>& result, int64_t planes, int64_t H, int64_t W, int64_t OH,
                                 int64_t OW, const Window2d& k, bool count_include_pad, int64_t divisor_override) {
  const bool forward = x != nullptr;
  result.assign(static_cast<std::size_t>(planes * (forward ? OH * OW : H * W)), 0.0f);
  for (int64_t p = 0; p < planes; ++p) {
    for (int64_t oh = 0; oh < OH; ++oh) {
      for (int64_t ow = 0; ow < OW; ++ow) {
        int64_t ih0 = oh * k.sh - k.ph, iw0 = ow * k.sw - k.pw;
        int64_t ih1 = std::min(ih0 + k.kh, H + k.ph), iw1 = std::min(iw0 + k.kw, W + k.pw);
        const int64_t pool_size = (ih1 - ih0) * (iw1 - iw0);
        ih0 = std::max<int64_t>(ih0, 0);
        iw0 = std::max<int64_t>(iw0, 0);
        ih1 = std::min(ih1, H);
        iw1 = std::min(iw1, W);
        if (ih0 >= ih1 || iw0 >= iw1) continue;
        const int64_t divisor = divisor_override != 0 ? divisor_override
                                : count_include_pad  ? pool_size
                                                     : (ih1 - ih0) * (iw1 - iw0);
        const std::size_t o = static_cast<std::size_t>((p * OH + oh) * OW + ow);
        if (forward) {
          float sum = 0.0f;
          for (int64_t ih = ih0; ih < ih1; ++ih) {
            for (int64_t iw = iw0; iw < iw1; ++iw) sum += (*x)[static_cast<std::size_t>(p * H * W + ih * W + iw)];
          }
          result[o] = sum / static_cast<float>(divisor);
        } else {
          const float delta = (*grad_out)[o] / static_cast<float>(divisor);
          for (int64_t ih = ih0; ih < ih1; ++ih) {
            for (int64_t iw = iw0; iw < iw1; ++iw) result[static_cast<std::size_t>(p * H * W + ih * W + iw)] += delta;
          }
        }
      }
    }
  }
}

inline std::vector<float> as_floats(const tensor::Tensor& t) {
  const auto d = t.to_double_vector();
  return std::vector<float>(d.begin(), d.end());
}

// Bitwise-equal floats, NaN equal to NaN.
inline bool same_float(float a, float b) {
  return (std::isnan(a) && std::isnan(b)) || (a == b && std::signbit(a) == std::signbit(b));
}

// Central differences of L(x) = sum(f(x) * w) against backward(f(x), w),
// for every input element. h must be small next to the gaps between
// distinct input values where f is only piecewise linear (max pooling).
inline void gradcheck(const std::function<tensor::Tensor(const tensor::Tensor&)>& f, const tensor::Tensor& x0,
                      double h = 1e-2, double tolerance = 2e-3) {
  tensor::Tensor x = x0.clone_data();
  x.set_requires_grad(true);
  const tensor::Tensor out = f(x);
  const auto w_values = test_values(out.numel(), 99);
  const tensor::Tensor w = tensor::from_doubles(out.shape(), w_values);
  autograd::backward(out, w);
  const auto grad = x.grad().to_double_vector();
  const auto base = x0.to_double_vector();
  autograd::NoGradGuard no_grad;
  auto loss = [&](const std::vector<double>& values) {
    const auto y = f(tensor::from_doubles(x0.shape(), values)).to_double_vector();
    double sum = 0.0;
    for (std::size_t i = 0; i < y.size(); ++i) sum += y[i] * w_values[i];
    return sum;
  };
  for (std::size_t i = 0; i < base.size(); ++i) {
    auto plus = base, minus = base;
    plus[i] += h;
    minus[i] -= h;
    const double numeric = (loss(plus) - loss(minus)) / (2 * h);
    CAPTURE(i);
    CHECK(std::fabs(numeric - grad[i]) <= tolerance * (1.0 + std::fabs(grad[i])));
  }
}

}  // namespace lesson::testing::pool
