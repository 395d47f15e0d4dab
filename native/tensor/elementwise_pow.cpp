#include "tensor/elementwise_pow.hpp"

#include <cmath>
#include <utility>

#include "core/errors.hpp"
#include "tensor/copy.hpp"
#include "tensor/elementwise_run.hpp"
#include "tensor/elementwise_types.hpp"

namespace lesson::tensor {

namespace {

// at::native::powi: integer power by squaring. Negative exponents truncate
// 1 / a^|b| toward zero.
std::int64_t powi(std::int64_t a, std::int64_t b) {
  if (b < 0) {
    if (a == 1) return 1;
    if (a == -1) return (b % 2) ? -1 : 1;
    return 0;
  }
  std::uint64_t result = 1, base = static_cast<std::uint64_t>(a);
  while (b) {
    if (b & 1) result *= base;
    b /= 2;
    base *= base;
  }
  return static_cast<std::int64_t>(result);
}

template <class T>
struct PowOp {
  T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, float>) return std::pow(a, b);
    else if constexpr (std::is_same_v<T, std::int64_t>) return powi(a, b);
    else return a;  // unreachable: bool ** bool is an error
  }
};

// Float base ** float number, as PyTorch's pow_tensor_scalar_optimized_kernel:
// the exponent stays a double and the general case runs std::pow in double.
struct FloatPowScalarOp {
  double exponent;
  float operator()(float a) const {
    return static_cast<float>(std::pow(static_cast<double>(a), exponent));
  }
};
struct SquareOp {
  static constexpr bool has_expr = true;
  float operator()(float a) const { return a * a; }
  template <class A>
  auto expr(A&& a) const { return a * a; }
};
struct CubeOp {
  static constexpr bool has_expr = true;
  float operator()(float a) const { return a * a * a; }
  template <class A>
  auto expr(A&& a) const { return a * a * a; }
};
struct InverseSquareOp {
  float operator()(float a) const { return 1.0f / (a * a); }
};
struct SqrtOp {
  float operator()(float a) const { return std::sqrt(a); }
};
struct RsqrtOp {
  float operator()(float a) const { return 1.0f / std::sqrt(a); }
};
struct ReciprocalOp {
  float operator()(float a) const { return 1.0f / a; }
};
struct IntPowScalarOp {
  std::int64_t exponent;
  std::int64_t operator()(std::int64_t a) const { return powi(a, exponent); }
};

template <class Op>
Tensor map_float(const Tensor& base, Op op) {
  const Tensor in = detail::cast_input(base, DType::Float32);
  Tensor out = detail::new_output(base.shape(), DType::Float32, {&in});
  detail::unary_map<float, float>(out, in, op);
  return out;
}

// A result laid out like `like`, holding `value` everywhere or a copy of `src`.
Tensor filled_like(const Tensor& like, DType dtype, std::int64_t value) {
  Tensor out = detail::new_output(like.shape(), dtype, {&like});
  dispatch(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    detail::unary_map<T, T>(out, out, [value](T) { return static_cast<T>(value); });
  });
  return out;
}
Tensor copied_like(const Tensor& src, DType dtype) {
  Tensor out = detail::new_output(src.shape(), dtype, {&src});
  copy_into(out, src);
  return out;
}

// Scalar::equal(double): a bool number never equals 0 or 1 here.
bool number_equals(const Scalar& s, double v) {
  if (s.is_bool()) return false;
  return s.is_float() ? s.to_double() == v : static_cast<double>(s.to_int()) == v;
}

}  // namespace

Tensor pow(const Tensor& base, const Tensor& exponent) {
  const DType result = result_type({base.dtype(), exponent.dtype()});
  broadcast_shapes(base.shape(), exponent.shape());
  if (result == DType::Bool) throw_not_implemented_for("pow", result);
  return detail::run_binary(base, exponent, result, result,
                            [](auto tag) { return PowOp<typename decltype(tag)::type>{}; });
}

Tensor pow(const Tensor& base, const Scalar& exponent) {
  if (!is_floating(base.dtype()) && !exponent.is_float() && scalar_to_int(exponent) < 0) {
    throw_runtime_error("Integers to negative integer powers are not allowed.");
  }
  const DType result = promote_with_scalar(base.dtype(), exponent);
  if (number_equals(exponent, 0.0)) return filled_like(base, result, 1);
  if (number_equals(exponent, 1.0)) return copied_like(base, result);
  if (result == DType::Bool) throw_not_implemented_for("pow", result);
  if (result == DType::Int64) {
    const Tensor in = detail::cast_input(base, DType::Int64);
    Tensor out = detail::new_output(base.shape(), DType::Int64, {&in});
    detail::unary_map<std::int64_t, std::int64_t>(out, in, IntPowScalarOp{scalar_to_int(exponent)});
    return out;
  }
  const double e = exponent.is_float() ? exponent.to_double() : static_cast<double>(exponent.to_int());
  if (e == 0.5) return map_float(base, SqrtOp{});
  if (e == -0.5) return map_float(base, RsqrtOp{});
  if (e == -1.0) return map_float(base, ReciprocalOp{});
  if (e == 2.0) return map_float(base, SquareOp{});
  if (e == 3.0) return map_float(base, CubeOp{});
  if (e == -2.0) return map_float(base, InverseSquareOp{});
  return map_float(base, FloatPowScalarOp{e});
}

Tensor pow(const Scalar& base, const Tensor& exponent) {
  const DType result = promote_with_scalar(exponent.dtype(), base);
  if (number_equals(base, 1.0)) return filled_like(exponent, result, 1);
  return pow(wrap_scalar(base), exponent);
}

}  // namespace lesson::tensor
