#include "tensor/elementwise_rounding.hpp"

#include <cmath>

#include "tensor/dispatch.hpp"
#include "tensor/elementwise_layout.hpp"
#include "tensor/elementwise_loops.hpp"
#include "tensor/elementwise_types.hpp"

namespace lesson::tensor {

namespace {

// A float function that integer tensors pass through unchanged (bool is
// refused with the kernel's name, as PyTorch's "floor_vml_cpu").
template <class F>
Tensor rounding(const Tensor& a, const char* kernel, F f) {
  if (a.dtype() == DType::Bool) throw_not_implemented_for(kernel, a.dtype());
  Tensor out = detail::new_output(a.shape(), a.dtype(), {&a});
  dispatch(a.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, float>) detail::unary_map<float, float>(out, a, f);
    else if constexpr (!std::is_same_v<T, bool>) detail::unary_map<T, T>(out, a, [](T v) { return v; });
  });
  return out;
}

// A float-only function.
template <class F>
Tensor float_only(const Tensor& a, const char* kernel, F f) {
  if (a.dtype() != DType::Float32) throw_not_implemented_for(kernel, a.dtype());
  Tensor out = detail::new_output(a.shape(), DType::Float32, {&a});
  detail::unary_map<float, float>(out, a, f);
  return out;
}

// A bool test of each element; integers and bools are always finite.
template <class F>
Tensor classify(const Tensor& a, bool integer_answer, F f) {
  Tensor out = detail::new_output(a.shape(), DType::Bool, {&a});
  dispatch(a.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, float>) detail::unary_map<bool, float>(out, a, f);
    else detail::unary_map<bool, T>(out, a, [integer_answer](T) { return integer_answer; });
  });
  return out;
}

}  // namespace

Tensor floor(const Tensor& a) { return rounding(a, "floor_vml_cpu", [](float v) { return std::floor(v); }); }
Tensor ceil(const Tensor& a) { return rounding(a, "ceil_vml_cpu", [](float v) { return std::ceil(v); }); }
Tensor trunc(const Tensor& a) { return rounding(a, "trunc_vml_cpu", [](float v) { return std::trunc(v); }); }
// std::nearbyint in the default rounding mode: half to even.
Tensor round(const Tensor& a) { return rounding(a, "round_vml_cpu", [](float v) { return std::nearbyint(v); }); }

Tensor round(const Tensor& a, std::int64_t decimals) {
  const bool negative = decimals < 0;
  const float scale = static_cast<float>(std::pow(10.0, static_cast<double>(negative ? -decimals : decimals)));
  return float_only(a, "round_cpu", [scale, negative](float v) {
    return negative ? std::nearbyint(v / scale) * scale : std::nearbyint(v * scale) / scale;
  });
}

Tensor frac(const Tensor& a) { return float_only(a, "frac_cpu", [](float v) { return v - std::trunc(v); }); }

Tensor sign(const Tensor& a) {
  Tensor out = detail::new_output(a.shape(), a.dtype(), {&a});
  dispatch(a.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, bool>) detail::unary_map<bool, bool>(out, a, [](bool v) { return v; });
    else detail::unary_map<T, T>(out, a, [](T v) { return static_cast<T>((T(0) < v) - (v < T(0))); });
  });
  return out;
}

Tensor isnan(const Tensor& a) { return classify(a, false, [](float v) { return std::isnan(v); }); }
Tensor isinf(const Tensor& a) { return classify(a, false, [](float v) { return std::isinf(v); }); }
Tensor isfinite(const Tensor& a) { return classify(a, true, [](float v) { return std::isfinite(v); }); }

}  // namespace lesson::tensor
