#include "tensor/reduce_norm.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "core/errors.hpp"
#include "tensor/elementwise_types.hpp"
#include "tensor/reduce_kernels.hpp"

namespace lesson::tensor {

namespace {

// PyTorch 1.13 accumulates float norms in float, so a sum of powers past
// float's range is inf and one below its smallest value is 0 even when the
// root would fit. The sums here are in double; rounding the sum to float
// first reproduces both ends.
float root_of_sum(double sum, double p) {
  const float as_float = static_cast<float>(sum);
  if (std::isinf(as_float) || as_float == 0.0f) {
    return static_cast<float>(std::pow(static_cast<double>(as_float), 1.0 / p));
  }
  return static_cast<float>(p == 2.0 ? std::sqrt(sum) : p == 1.0 ? sum : std::pow(sum, 1.0 / p));
}

// max |x| (Max) or min |x|, NaN winning.
template <bool Max>
std::vector<float> extreme_abs(const ReducePlan& p) {
  std::vector<float> out(static_cast<std::size_t>(p.s.outputs()));
  const float init = Max ? 0.0f : std::numeric_limits<float>::infinity();
  kernels::fold(p.input.data<float>(), p.s, init,
                [](float a, float v) {
                  const float av = std::fabs(v);
                  if (a != a || av != av) return std::numeric_limits<float>::quiet_NaN();
                  return Max ? (av > a ? av : a) : (av < a ? av : a);
                },
                out.data());
  return out;
}

std::vector<double> power_sums(const ReducePlan& p, double order) {
  const float* x = p.input.data<float>();
  if (order == 2.0) {
    return kernels::float_sums(x, p.s, [](auto v) { return v * v; });
  }
  if (order == 1.0) {
    return kernels::float_sums(x, p.s, [](auto v) { return xsimd::abs(v); });
  }
  std::vector<double> acc(static_cast<std::size_t>(p.s.outputs()));
  if (order == 0.0) {
    kernels::fold(x, p.s, 0.0,
                  [](double a, float v) { return a + (v != 0.0f ? 1.0 : 0.0); }, acc.data());
  } else {
    kernels::fold(x, p.s, 0.0,
                  [order](double a, float v) { return a + std::pow(std::fabs(static_cast<double>(v)), order); },
                  acc.data());
  }
  return acc;
}

}  // namespace

Tensor norm(const Tensor& self, double p, const DimList& dims, bool keepdim) {
  if (!is_floating(self.dtype())) {
    throw_runtime_error(std::string("norm(): input dtype should be either floating point or complex. Got ") +
                        scalar_type_name(self.dtype()) + " instead.");
  }
  const ReducePlan plan = plan_reduction(self, reduce_mask(self, dims), keepdim);
  Tensor out = Tensor::make(plan.out_shape, DType::Float32, false);
  float* o = out.data<float>();
  const auto count = static_cast<std::size_t>(plan.s.outputs());
  if (plan.s.count() == 0) {  // no identity needed: PyTorch gives 0 for every p
    for (std::size_t k = 0; k < count; ++k) o[k] = 0.0f;
    return out;
  }
  if (std::isinf(p)) {
    const auto e = p > 0 ? extreme_abs<true>(plan) : extreme_abs<false>(plan);
    for (std::size_t k = 0; k < count; ++k) o[k] = e[k];
    return out;
  }
  const auto sums = power_sums(plan, p);
  for (std::size_t k = 0; k < count; ++k) {
    o[k] = p == 0.0 ? static_cast<float>(sums[k]) : root_of_sum(sums[k], p);
  }
  return out;
}

Tensor norm(const Tensor& self, const std::string& p, const DimList& dims, bool keepdim) {
  if (p == "nuc") {
    throw TorchError(ErrorKind::NotImplementedError, "norm(): the nuclear norm ('nuc') is not supported here");
  }
  if (p != "fro") throw_runtime_error("only valid string values are 'fro' and 'nuc', found " + p);
  // frobenius_norm: one dim (or none) is the vector 2-norm; two dims are
  // checked first for count, then range, then repeats (printed unwrapped).
  if (dims.size() > 2) {
    throw_runtime_error("Expected at most 2 dimensions, but got " + std::to_string(dims.size()) +
                        " dimensions instead.");
  }
  if (dims.size() == 2) {
    const auto a = wrap_dim(dims[0], self.dim());
    const auto b = wrap_dim(dims[1], self.dim());
    if (a == b) {
      throw_runtime_error("Expected dims to be different, got [" + std::to_string(dims[0]) + ", " +
                          std::to_string(dims[1]) + "] instead");
    }
  }
  return norm(self, 2.0, dims, keepdim);
}

}  // namespace lesson::tensor
