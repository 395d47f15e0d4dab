#include "tensor/reduce_sum.hpp"

#include <string>

#include "core/errors.hpp"
#include "tensor/dispatch.hpp"
#include "tensor/elementwise_types.hpp"
#include "tensor/reduce_cascade.hpp"
#include "tensor/reduce_kernels.hpp"

namespace lesson::tensor {

namespace {

// Float sums in PyTorch's order (reduce_cascade.hpp); mean divides each in
// float afterwards, as PyTorch 1.13's mean (sum, then div_ by the count).
Tensor float_sum(const ReducePlan& p, std::int64_t divisor) {
  Tensor out = Tensor::make(p.out_shape, DType::Float32, false);
  float* o = out.data<float>();
  cascade::sums(p.input.data<float>(), p.s, o);
  if (divisor != 1) {
    const float d = static_cast<float>(divisor);
    for (std::int64_t k = 0; k < p.s.outputs(); ++k) o[k] /= d;
  }
  return out;
}

// Integer and bool sums wrap around in int64 as PyTorch's do (added as
// unsigned, where overflow is defined).
Tensor integer_sum(const ReducePlan& p) {
  Tensor out = Tensor::make(p.out_shape, DType::Int64, false);
  auto* o = reinterpret_cast<std::uint64_t*>(out.data<std::int64_t>());
  dispatch(p.input.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (!std::is_same_v<T, float>) {
      kernels::fold(p.input.data<T>(), p.s, std::uint64_t{0},
                    [](std::uint64_t a, T v) { return a + static_cast<std::uint64_t>(v); }, o);
    }
  });
  return out;
}

Tensor sum_impl(const Tensor& self, const std::vector<bool>& mask, bool keepdim) {
  const ReducePlan p = plan_reduction(self, mask, keepdim);
  return self.dtype() == DType::Float32 ? float_sum(p, 1) : integer_sum(p);
}

Tensor mean_impl(const Tensor& self, const DimList& dims, bool keepdim) {
  if (!is_floating(self.dtype())) {
    throw_runtime_error(
        std::string("mean(): could not infer output dtype. Input dtype must be either a floating "
                    "point or complex dtype. Got: ") +
        scalar_type_name(self.dtype()));
  }
  const ReducePlan p = plan_reduction(self, reduce_mask(self, dims), keepdim);
  return float_sum(p, p.s.count());
}

Tensor prod_impl(const Tensor& self, const std::vector<bool>& mask, bool keepdim) {
  const ReducePlan p = plan_reduction(self, mask, keepdim);
  if (self.dtype() == DType::Float32) {
    // Multiplied in double and rounded once: within float rounding of
    // PyTorch's float steps, unless a partial product leaves float's range
    // and comes back (PyTorch then gives inf or 0).
    std::vector<double> acc(static_cast<std::size_t>(p.s.outputs()));
    kernels::fold(p.input.data<float>(), p.s, 1.0,
                  [](double a, float v) { return a * v; }, acc.data());
    Tensor out = Tensor::make(p.out_shape, DType::Float32, false);
    float* o = out.data<float>();
    for (std::size_t k = 0; k < acc.size(); ++k) o[k] = static_cast<float>(acc[k]);
    return out;
  }
  Tensor out = Tensor::make(p.out_shape, DType::Int64, false);
  auto* o = reinterpret_cast<std::uint64_t*>(out.data<std::int64_t>());
  dispatch(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (!std::is_same_v<T, float>) {
      kernels::fold(p.input.data<T>(), p.s, std::uint64_t{1},
                    [](std::uint64_t a, T v) { return a * static_cast<std::uint64_t>(v); }, o);
    }
  });
  return out;
}

}  // namespace

Tensor sum(const Tensor& self, const DimList& dims, bool keepdim) {
  return sum_impl(self, reduce_mask(self, dims), keepdim);
}

Tensor sum(const Tensor& self, std::int64_t dim, bool keepdim) {
  return sum_impl(self, single_dim_mask(self, dim), keepdim);
}

Tensor mean(const Tensor& self, const DimList& dims, bool keepdim) {
  return mean_impl(self, dims, keepdim);
}

Tensor mean(const Tensor& self, std::int64_t dim, bool keepdim) {
  return mean_impl(self, DimList{dim}, keepdim);
}

Tensor prod(const Tensor& self) { return prod_impl(self, reduce_mask(self, {}), false); }

Tensor prod(const Tensor& self, std::int64_t dim, bool keepdim) {
  return prod_impl(self, single_dim_mask(self, dim), keepdim);
}

}  // namespace lesson::tensor
