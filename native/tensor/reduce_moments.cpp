#include "tensor/reduce_moments.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/errors.hpp"

namespace lesson::tensor {

namespace {

// Sum of (x[i] - center)^Power over a contiguous run, in double with four
// independent accumulators (no dependency chain on one register).
template <int Power>
double row_sum(const float* x, std::int64_t n, double center) {
  const auto term = [center](float v) {
    const double d = static_cast<double>(v) - center;
    return Power == 1 ? d : d * d;
  };
  double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0;
  std::int64_t i = 0;
  for (; i + 4 <= n; i += 4) {
    a0 += term(x[i]);
    a1 += term(x[i + 1]);
    a2 += term(x[i + 2]);
    a3 += term(x[i + 3]);
  }
  for (; i < n; ++i) a0 += term(x[i]);
  return (a0 + a1) + (a2 + a3);
}

// The same for each output of a [batch, outer, reduce, inner] layout; the
// columns (inner > 1) accumulate straight into their doubles.
template <int Power>
std::vector<double> sums(const ReducePlan& p, const std::vector<double>& center) {
  const ReduceShape& s = p.s;
  std::vector<double> acc(static_cast<std::size_t>(s.outputs()), 0.0);
  const float* x = p.input.data<float>();
  for (std::int64_t b = 0; b < s.batch; ++b) {
    for (std::int64_t o = 0; o < s.outer; ++o) {
      const float* start = x + (b * s.outer + o) * s.reduce * s.inner;
      double* a = acc.data() + o * s.inner;
      const double* c = center.data() + o * s.inner;
      if (s.inner == 1) {
        *a += row_sum<Power>(start, s.reduce, *c);
        continue;
      }
      for (std::int64_t r = 0; r < s.reduce; ++r) {
        const float* row = start + r * s.inner;
        for (std::int64_t j = 0; j < s.inner; ++j) {
          const double d = static_cast<double>(row[j]) - c[j];
          a[j] += Power == 1 ? d : d * d;
        }
      }
    }
  }
  return acc;
}

// Two passes in double, mean then squared deviations. PyTorch runs a
// Welford pass in double; like it, a constant input gives exactly 0.
Tensor moments(const Tensor& self, const DimList& dims, std::int64_t correction, bool keepdim,
               bool take_sqrt) {
  if (!is_floating(self.dtype())) {
    throw_runtime_error("std and var only support floating point and complex dtypes");
  }
  const ReducePlan p = plan_reduction(self, reduce_mask(self, dims), keepdim);
  const double n = static_cast<double>(p.s.count());
  const std::vector<double> zero(static_cast<std::size_t>(p.s.outputs()), 0.0);
  std::vector<double> mean = sums<1>(p, zero);
  for (double& m : mean) m /= n;  // n == 0 gives nan, and nan below, as PyTorch
  const std::vector<double> squares = sums<2>(p, mean);
  const double divisor = std::max(n - static_cast<double>(correction), 0.0);

  Tensor out = Tensor::make(p.out_shape, DType::Float32, false);
  float* o = out.data<float>();
  for (std::size_t k = 0; k < squares.size(); ++k) {
    const double v = squares[k] / divisor;
    o[k] = static_cast<float>(take_sqrt ? std::sqrt(v) : v);
  }
  return out;
}

}  // namespace

Tensor var(const Tensor& self, const DimList& dims, std::int64_t correction, bool keepdim) {
  return moments(self, dims, correction, keepdim, false);
}

Tensor var(const Tensor& self, std::int64_t dim, std::int64_t correction, bool keepdim) {
  return moments(self, DimList{dim}, correction, keepdim, false);
}

Tensor std_dev(const Tensor& self, const DimList& dims, std::int64_t correction, bool keepdim) {
  return moments(self, dims, correction, keepdim, true);
}

Tensor std_dev(const Tensor& self, std::int64_t dim, std::int64_t correction, bool keepdim) {
  return moments(self, DimList{dim}, correction, keepdim, true);
}

}  // namespace lesson::tensor
