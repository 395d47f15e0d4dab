#include "tensor/elementwise_clamp.hpp"

#include <cmath>
#include <limits>

#include <xtensor/xoperation.hpp>

#include "core/errors.hpp"
#include "tensor/dispatch.hpp"
#include "tensor/elementwise_inplace.hpp"
#include "tensor/elementwise_layout.hpp"
#include "tensor/elementwise_loops.hpp"
#include "tensor/elementwise_run.hpp"
#include "tensor/elementwise_types.hpp"

namespace lesson::tensor {

namespace {

constexpr const char* kNoBounds = "torch.clamp: At least one of 'min' or 'max' must not be None";

// std::max / std::min spelled out: a NaN in x survives both, a NaN number
// bound is ignored, as in PyTorch's scalar kernels.
// Float kernels also have the same selects as xtensor expressions.
template <class T>
struct ClampOp {
  static constexpr bool has_expr = std::is_same_v<T, float>;
  T lo, hi;
  T operator()(T a) const {
    const T m = a < lo ? lo : a;
    return hi < m ? hi : m;
  }
  // The inner select is spelled twice: an expression may not refer to a local.
  template <class A>
  auto expr(A&& a) const {
    return xt::where(hi < xt::where(a < lo, lo, a), hi, xt::where(a < lo, lo, a));
  }
};
template <class T>
struct ClampMinOp {
  static constexpr bool has_expr = std::is_same_v<T, float>;
  T lo;
  T operator()(T a) const { return a < lo ? lo : a; }
  template <class A>
  auto expr(A&& a) const { return xt::where(a < lo, lo, a); }
};
template <class T>
struct ClampMaxOp {
  static constexpr bool has_expr = std::is_same_v<T, float>;
  T hi;
  T operator()(T a) const { return hi < a ? hi : a; }
  template <class A>
  auto expr(A&& a) const { return xt::where(hi < a, hi, a); }
};

// Tensor bounds: NaN in x or in a bound gives NaN.
template <class T>
bool is_nan(T v) {
  if constexpr (std::is_same_v<T, float>) return v != v;
  else return false;
}
template <class T>
struct ClampTensorOp {
  T operator()(T a, T lo, T hi) const {
    if (is_nan(lo) || is_nan(hi)) return lo != lo ? lo : hi;
    const T m = a < lo ? lo : a;
    return is_nan(a) ? a : (hi < m ? hi : m);
  }
};
template <class T>
struct ClampMinTensorOp {
  T operator()(T a, T lo) const {
    if constexpr (std::is_same_v<T, bool>) return a || lo;
    else return is_nan(a) ? a : is_nan(lo) ? lo : (a < lo ? lo : a);
  }
};
template <class T>
struct ClampMaxTensorOp {
  T operator()(T a, T hi) const {
    if constexpr (std::is_same_v<T, bool>) return a && hi;
    else return is_nan(a) ? a : is_nan(hi) ? hi : (hi < a ? hi : a);
  }
};

bool is_nan_number(const std::optional<Scalar>& s) { return s && s->is_float() && std::isnan(s->to_double()); }

DType scalar_clamp_result(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max) {
  DType result = self.dtype();
  if (min) result = promote_with_scalar(result, *min);
  if (max) result = promote_with_scalar(result, *max);
  return result;
}

// out = clamp(in) where in already has out's dtype.
void clamp_scalar_into(const Tensor& out, const Tensor& in, const std::optional<Scalar>& min,
                       const std::optional<Scalar>& max) {
  if (out.dtype() == DType::Bool) {
    throw_not_implemented_for(min && max ? "clamp_scalar_cpu" : min ? "clamp_min_cpu" : "clamp_max_scalar_cpu",
                              DType::Bool);
  }
  if (min && max && (is_nan_number(min) || is_nan_number(max))) {
    // PyTorch fills the result with NaN without looking at x.
    detail::unary_map<float, float>(out, in, [](float) { return std::numeric_limits<float>::quiet_NaN(); });
    return;
  }
  dispatch(out.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if (min && max) {
      detail::unary_map<T, T>(out, in, ClampOp<T>{scalar_to<T>(*min), scalar_to<T>(*max)});
    } else if (min) {
      detail::unary_map<T, T>(out, in, ClampMinOp<T>{scalar_to<T>(*min)});
    } else {
      detail::unary_map<T, T>(out, in, ClampMaxOp<T>{scalar_to<T>(*max)});
    }
  });
}

Shape clamp_shape(const Tensor& self, const Tensor& min, const Tensor& max) {
  Shape shape = self.shape();
  if (min.defined()) shape = broadcast_shapes(shape, min.shape());
  if (max.defined()) shape = broadcast_shapes(shape, max.shape());
  return shape;
}

DType tensor_clamp_result(const Tensor& self, const Tensor& min, const Tensor& max) {
  return result_type({self.dtype(), min.defined() ? min.dtype() : DType::Bool,
                      max.defined() ? max.dtype() : DType::Bool});
}

// out = clamp(in, min, max) with all operands already in out's dtype.
void clamp_tensor_into(const Tensor& out, const Tensor& in, const Tensor& min, const Tensor& max) {
  if (min.defined() && max.defined() && out.dtype() == DType::Bool) {
    throw_not_implemented_for("clamp_cpu", DType::Bool);
  }
  dispatch(out.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if (min.defined() && max.defined()) {
      detail::ternary_map<T, T, T, T>(out, in, min, max, ClampTensorOp<T>{});
    } else if (min.defined()) {
      detail::binary_map<T, T, T>(out, in, min, ClampMinTensorOp<T>{});
    } else {
      detail::binary_map<T, T, T>(out, in, max, ClampMaxTensorOp<T>{});
    }
  });
}

Tensor converted(const Tensor& t, DType dtype) { return t.defined() ? detail::cast_input(t, dtype) : t; }

}  // namespace

Tensor clamp(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max) {
  if (!min && !max) throw_runtime_error(kNoBounds);
  const DType result = scalar_clamp_result(self, min, max);
  const Tensor in = detail::cast_input(self, result);
  Tensor out = detail::new_output(self.shape(), result, {&in});
  clamp_scalar_into(out, in, min, max);
  return out;
}

Tensor clamp(const Tensor& self, const Tensor& min, const Tensor& max) {
  if (!min.defined() && !max.defined()) throw_runtime_error(kNoBounds);
  const Shape shape = clamp_shape(self, min, max);
  const DType result = tensor_clamp_result(self, min, max);
  const Tensor in = detail::cast_input(self, result);
  const Tensor lo = converted(min, result);
  const Tensor hi = converted(max, result);
  Tensor out = lo.defined() && hi.defined() ? detail::new_output(shape, result, {&in, &lo, &hi})
               : lo.defined()               ? detail::new_output(shape, result, {&in, &lo})
                                            : detail::new_output(shape, result, {&in, &hi});
  clamp_tensor_into(out, in, lo, hi);
  return out;
}

Tensor clamp_(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max) {
  if (!min && !max) throw_runtime_error(kNoBounds);
  check_inplace_overlap(self, {});
  const DType result = scalar_clamp_result(self, min, max);
  // This check of PyTorch's names the output by its C++ type ("long int").
  if (!can_cast(result, self.dtype())) throw_runtime_error(cast_error_text(result, cpp_type_name(self.dtype())));
  clamp_scalar_into(self, self, min, max);
  return detail::bump_version(self);
}

Tensor clamp_(const Tensor& self, const Tensor& min, const Tensor& max) {
  if (!min.defined() && !max.defined()) throw_runtime_error(kNoBounds);
  if (min.defined() && max.defined()) {
    check_inplace_overlap(self, {&min, &max});
  } else {
    check_inplace_overlap(self, {min.defined() ? &min : &max});
  }
  check_inplace_shape(self, clamp_shape(self, min, max));
  const DType result = tensor_clamp_result(self, min, max);
  check_inplace_cast(self, result);
  const Tensor lo = min.defined() ? detail::cast_input(inplace_input(self, min), self.dtype()) : min;
  const Tensor hi = max.defined() ? detail::cast_input(inplace_input(self, max), self.dtype()) : max;
  clamp_tensor_into(self, self, lo, hi);
  return detail::bump_version(self);
}

}  // namespace lesson::tensor
