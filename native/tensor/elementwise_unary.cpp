#include "tensor/elementwise_unary.hpp"

#include <cmath>
#include <utility>

#include <xtensor/xmath.hpp>
#include <xtensor/xoperation.hpp>

#include "core/errors.hpp"
#include "tensor/dispatch.hpp"
#include "tensor/elementwise_layout.hpp"
#include "tensor/elementwise_loops.hpp"
#include "tensor/elementwise_run.hpp"
#include "tensor/elementwise_types.hpp"

namespace lesson::tensor {

namespace {

template <class T>
struct NegOp {
  static constexpr bool has_expr = std::is_same_v<T, float>;
  T operator()(T a) const {
    if constexpr (std::is_same_v<T, float>) return -a;
    else if constexpr (std::is_same_v<T, bool>) return a;  // unreachable
    else return detail::wrap_sub(0, a);
  }
  template <class A>
  auto expr(A&& a) const { return -std::forward<A>(a); }
};

template <class T>
struct AbsOp {
  static constexpr bool has_expr = std::is_same_v<T, float>;
  T operator()(T a) const {
    if constexpr (std::is_same_v<T, float>) return std::fabs(a);
    else if constexpr (std::is_same_v<T, bool>) return a;  // unreachable
    else return a < 0 ? detail::wrap_sub(0, a) : a;
  }
  template <class A>
  auto expr(A&& a) const { return xt::abs(std::forward<A>(a)); }
};

// max(x, 0) that keeps NaN and -0.0, like clamp_min(x, 0).
template <class T>
struct ReluOp {
  static constexpr bool has_expr = std::is_same_v<T, float>;
  T operator()(T a) const { return a < T(0) ? T(0) : a; }
  template <class A>
  auto expr(A&& a) const { return xt::where(a < T(0), T(0), a); }
};

struct SqrtOp {
  static constexpr bool has_expr = true;
  float operator()(float a) const { return std::sqrt(a); }
  template <class A>
  auto expr(A&& a) const { return xt::sqrt(std::forward<A>(a)); }
};
struct RsqrtOp {
  static constexpr bool has_expr = true;
  float operator()(float a) const { return 1.0f / std::sqrt(a); }
  template <class A>
  auto expr(A&& a) const { return 1.0f / xt::sqrt(std::forward<A>(a)); }
};
struct ReciprocalOp {
  static constexpr bool has_expr = true;
  float operator()(float a) const { return 1.0f / a; }
  template <class A>
  auto expr(A&& a) const { return 1.0f / std::forward<A>(a); }
};
// Transcendental functions stay on the C library's float versions: scalar,
// but within an ulp of PyTorch's SLEEF kernels.
struct ExpOp {
  float operator()(float a) const { return std::exp(a); }
};
struct LogOp {
  float operator()(float a) const { return std::log(a); }
};
struct SinOp {
  float operator()(float a) const { return std::sin(a); }
};
struct CosOp {
  float operator()(float a) const { return std::cos(a); }
};
struct TanhOp {
  float operator()(float a) const { return std::tanh(a); }
};
struct SigmoidOp {
  float operator()(float a) const { return 1.0f / (1.0f + std::exp(-a)); }
};

// Float math: int and bool inputs are converted to float32 first.
template <class Op>
Tensor float_unary(const Tensor& a, Op op) {
  const Tensor in = detail::cast_input(a, DType::Float32);
  Tensor out = detail::new_output(a.shape(), DType::Float32, {&in});
  detail::unary_map<float, float>(out, in, op);
  return out;
}

// Same-dtype ops with a kernel per dtype.
template <template <class> class Op>
Tensor same_dtype_unary(const Tensor& a) {
  Tensor out = detail::new_output(a.shape(), a.dtype(), {&a});
  dispatch(a.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    detail::unary_map<T, T>(out, a, Op<T>{});
  });
  return out;
}

}  // namespace

Tensor neg(const Tensor& a) {
  if (a.dtype() == DType::Bool) {
    throw_runtime_error(
        "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a "
        "mask, use the `~` or `logical_not()` operator instead.");
  }
  return same_dtype_unary<NegOp>(a);
}

Tensor abs(const Tensor& a) {
  if (a.dtype() == DType::Bool) throw_not_implemented_for("abs_cpu", a.dtype());
  return same_dtype_unary<AbsOp>(a);
}

Tensor relu(const Tensor& a) {
  if (a.dtype() == DType::Bool) throw_runtime_error("Boolean inputs not supported for relu");
  return same_dtype_unary<ReluOp>(a);
}

Tensor sqrt(const Tensor& a) { return float_unary(a, SqrtOp{}); }
Tensor rsqrt(const Tensor& a) { return float_unary(a, RsqrtOp{}); }
Tensor reciprocal(const Tensor& a) { return float_unary(a, ReciprocalOp{}); }
Tensor exp(const Tensor& a) { return float_unary(a, ExpOp{}); }
Tensor log(const Tensor& a) { return float_unary(a, LogOp{}); }
Tensor sin(const Tensor& a) { return float_unary(a, SinOp{}); }
Tensor cos(const Tensor& a) { return float_unary(a, CosOp{}); }
Tensor tanh(const Tensor& a) { return float_unary(a, TanhOp{}); }
Tensor sigmoid(const Tensor& a) { return float_unary(a, SigmoidOp{}); }

}  // namespace lesson::tensor
