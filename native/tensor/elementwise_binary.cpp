#include "tensor/elementwise_binary.hpp"

#include <cmath>
#include <utility>

#include "core/errors.hpp"
#include "tensor/elementwise_run.hpp"
#include "tensor/elementwise_types.hpp"
#include "tensor/elementwise_unary.hpp"

namespace lesson::tensor {

namespace {

using detail::wrap_add;
using detail::wrap_mul;
using detail::wrap_sub;

template <class T>
constexpr bool is_float_v = std::is_same_v<T, float>;
template <class T>
constexpr bool is_bool_v = std::is_same_v<T, bool>;

// Float kernels get xtensor expressions (xsimd-vectorised); int64 stays on
// scalar loops so overflow wraps by definition rather than by accident.
template <class T>
struct AddOp {
  static constexpr bool has_expr = is_float_v<T>;
  T operator()(T a, T b) const {
    if constexpr (is_bool_v<T>) return a || b;
    else if constexpr (is_float_v<T>) return a + b;
    else return wrap_add(a, b);
  }
  template <class A, class B>
  auto expr(A&& a, B&& b) const { return std::forward<A>(a) + std::forward<B>(b); }
};

// a + alpha * b for alpha other than 1 (and -1 as subtraction). PyTorch's
// AVX2 kernels compute this as one fused multiply-add.
template <class T>
struct AddScaledOp {
  T alpha;
  T operator()(T a, T b) const {
    if constexpr (is_bool_v<T>) return a || (alpha && b);
    else if constexpr (is_float_v<T>) return std::fma(b, alpha, a);
    else return wrap_add(a, wrap_mul(alpha, b));
  }
};

template <class T>
struct SubOp {
  static constexpr bool has_expr = is_float_v<T>;
  T operator()(T a, T b) const {
    // Bool only arrives here as add(alpha=-1): a + True * b is a or b.
    if constexpr (is_bool_v<T>) return a || b;
    else if constexpr (is_float_v<T>) return a - b;
    else return wrap_sub(a, b);
  }
  template <class A, class B>
  auto expr(A&& a, B&& b) const { return std::forward<A>(a) - std::forward<B>(b); }
};

template <class T>
struct MulOp {
  static constexpr bool has_expr = is_float_v<T>;
  T operator()(T a, T b) const {
    if constexpr (is_bool_v<T>) return a && b;
    else if constexpr (is_float_v<T>) return a * b;
    else return wrap_mul(a, b);
  }
  template <class A, class B>
  auto expr(A&& a, B&& b) const { return std::forward<A>(a) * std::forward<B>(b); }
};

// True division only ever runs in float32.
template <class T>
struct DivOp {
  static constexpr bool has_expr = is_float_v<T>;
  T operator()(T a, T b) const {
    if constexpr (is_float_v<T>) return a / b;
    else return T{};
  }
  template <class A, class B>
  auto expr(A&& a, B&& b) const { return std::forward<A>(a) / std::forward<B>(b); }
};

// Python's a // b. Floats follow c10::div_floor_floating: (a - fmod(a, b)) / b
// rounded to the nearest integer, which keeps a == (a // b) * b + a % b.
template <class T>
struct FloorDivideOp {
  T operator()(T a, T b) const {
    if constexpr (is_float_v<T>) {
      if (b == 0) return a / b;
      const float mod = std::fmod(a, b);
      float div = (a - mod) / b;
      if (mod != 0 && ((b < 0) != (mod < 0))) div -= 1.0f;
      if (div == 0) return std::copysign(0.0f, a / b);
      float floordiv = std::floor(div);
      if (div - floordiv > 0.5f) floordiv += 1.0f;
      return floordiv;
    } else if constexpr (is_bool_v<T>) {
      return a;  // unreachable: bool // bool is an error
    } else {
      if (b == 0) throw_runtime_error("ZeroDivisionError");
      if (b == -1) return wrap_sub(0, a);  // INT64_MIN // -1 wraps instead of trapping
      const T quot = a / b;
      const T rem = a % b;
      return (rem != 0 && ((a < 0) != (b < 0))) ? quot - 1 : quot;
    }
  }
};

// Python's a % b: the remainder takes the divisor's sign.
template <class T>
struct RemainderOp {
  T operator()(T a, T b) const {
    if constexpr (is_float_v<T>) {
      float mod = std::fmod(a, b);
      if (mod != 0 && ((b < 0) != (mod < 0))) mod += b;
      return mod;
    } else if constexpr (is_bool_v<T>) {
      return a;  // unreachable
    } else {
      if (b == 0) throw_runtime_error("ZeroDivisionError");
      if (b == -1) return 0;
      T r = a % b;
      if (r != 0 && ((r < 0) != (b < 0))) r += b;
      return r;
    }
  }
};

template <class T>
struct MaximumOp {
  T operator()(T a, T b) const {
    if constexpr (is_bool_v<T>) return a || b;
    else if constexpr (is_float_v<T>) return a != a ? a : (b != b ? b : (a < b ? b : a));
    else return a < b ? b : a;
  }
};

template <class T>
struct MinimumOp {
  T operator()(T a, T b) const {
    if constexpr (is_bool_v<T>) return a && b;
    else if constexpr (is_float_v<T>) return a != a ? a : (b != b ? b : (b < a ? b : a));
    else return b < a ? b : a;
  }
};

// PyTorch's sub_check: both messages point at the operator to use instead.
void check_sub(DType a, DType b) {
  if (a == DType::Bool && b == DType::Bool) {
    throw_runtime_error(
        "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
        "`logical_xor()` operator instead.");
  }
  if (a == DType::Bool || b == DType::Bool) {
    throw_runtime_error(
        "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
        "invert a mask, use the `~` or `logical_not()` operator instead.");
  }
}

// PyTorch's alpha_check against the result dtype.
void check_alpha(DType result, const Scalar& alpha) {
  if (alpha.is_bool() && result != DType::Bool) {
    throw_runtime_error("Boolean alpha only supported for Boolean results.");
  }
  if (!is_floating(result) && alpha.is_float()) {
    throw_runtime_error("For integral input tensors, argument alpha must not be a floating point number.");
  }
}

bool is_one(const Scalar& s) { return s.is_float() ? s.to_double() == 1.0 : s.to_int() == 1; }
bool is_minus_one(const Scalar& s) { return s.is_float() ? s.to_double() == -1.0 : (!s.is_bool() && s.to_int() == -1); }

// Picks the kernel for a + alpha * b (negate: a - alpha * b) and hands its
// maker to `drive`, which runs it out of place or in place. alpha = +-1 keeps
// the exact, vectorised add / sub.
template <class Drive>
Tensor drive_add(const Scalar& alpha, bool negate, Drive&& drive) {
  if (negate ? is_minus_one(alpha) : is_one(alpha)) {
    return drive([](auto tag) { return AddOp<typename decltype(tag)::type>{}; });
  }
  if (negate ? is_one(alpha) : is_minus_one(alpha)) {
    return drive([](auto tag) { return SubOp<typename decltype(tag)::type>{}; });
  }
  return drive([&](auto tag) {
    using T = typename decltype(tag)::type;
    T a = scalar_to<T>(alpha);
    if (negate) {
      if constexpr (is_float_v<T>) a = -a;
      else if constexpr (!is_bool_v<T>) a = wrap_sub(0, a);
    }
    return AddScaledOp<T>{a};
  });
}

Tensor add_sub(const Tensor& a, const Tensor& b, const Scalar& alpha, bool negate) {
  if (negate) check_sub(a.dtype(), b.dtype());
  const DType result = result_type({a.dtype(), b.dtype()});
  broadcast_shapes(a.shape(), b.shape());
  check_alpha(result, alpha);
  return drive_add(alpha, negate, [&](auto make_op) { return detail::run_binary(a, b, result, result, make_op); });
}

Tensor add_sub_(const Tensor& self, const Tensor& other, const Scalar& alpha, bool negate) {
  if (negate) check_sub(self.dtype(), other.dtype());
  const DType result = result_type({self.dtype(), other.dtype()});
  detail::check_inplace_binary(self, other, result);
  check_alpha(result, alpha);
  return drive_add(alpha, negate, [&](auto make_op) { return detail::run_binary_inplace(self, other, result, make_op); });
}

template <template <class> class Op>
Tensor promoted_binary(const Tensor& a, const Tensor& b) {
  const DType result = result_type({a.dtype(), b.dtype()});
  return detail::run_binary(a, b, result, result, [](auto tag) { return Op<typename decltype(tag)::type>{}; });
}

// Ops without a bool kernel: the broadcast is checked first, as PyTorch's
// iterator is built before the kernel's dtype dispatch fails.
template <template <class> class Op>
Tensor promoted_binary_no_bool(const Tensor& a, const Tensor& b, const char* kernel) {
  const DType result = result_type({a.dtype(), b.dtype()});
  broadcast_shapes(a.shape(), b.shape());
  if (result == DType::Bool) throw_not_implemented_for(kernel, result);
  return promoted_binary<Op>(a, b);
}

Tensor true_divide(const Tensor& a, const Tensor& b) {
  return detail::run_binary(a, b, DType::Float32, DType::Float32,
                            [](auto tag) { return DivOp<typename decltype(tag)::type>{}; });
}

}  // namespace

Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha) { return add_sub(a, b, alpha, false); }
Tensor add(const Tensor& a, const Scalar& b, const Scalar& alpha) { return add_sub(a, wrap_scalar(b), alpha, false); }
Tensor add(const Scalar& a, const Tensor& b, const Scalar& alpha) { return add_sub(wrap_scalar(a), b, alpha, false); }

Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha) { return add_sub(a, b, alpha, true); }
Tensor sub(const Tensor& a, const Scalar& b, const Scalar& alpha) { return add_sub(a, wrap_scalar(b), alpha, true); }
Tensor sub(const Scalar& a, const Tensor& b, const Scalar& alpha) { return add_sub(wrap_scalar(a), b, alpha, true); }

Tensor mul(const Tensor& a, const Tensor& b) { return promoted_binary<MulOp>(a, b); }
Tensor mul(const Tensor& a, const Scalar& b) { return mul(a, wrap_scalar(b)); }
Tensor mul(const Scalar& a, const Tensor& b) { return mul(wrap_scalar(a), b); }

Tensor div(const Tensor& a, const Tensor& b) { return true_divide(a, b); }
Tensor div(const Tensor& a, const Scalar& b) { return true_divide(a, wrap_scalar(b)); }
Tensor div(const Scalar& a, const Tensor& b) { return mul(reciprocal(b), a); }

Tensor floor_divide(const Tensor& a, const Tensor& b) {
  return promoted_binary_no_bool<FloorDivideOp>(a, b, "div_floor_cpu");
}
Tensor floor_divide(const Tensor& a, const Scalar& b) { return floor_divide(a, wrap_scalar(b)); }
Tensor floor_divide(const Scalar& a, const Tensor& b) { return floor_divide(wrap_scalar(a), b); }

Tensor remainder(const Tensor& a, const Tensor& b) {
  return promoted_binary_no_bool<RemainderOp>(a, b, "remainder_cpu");
}
Tensor remainder(const Tensor& a, const Scalar& b) { return remainder(a, wrap_scalar(b)); }
Tensor remainder(const Scalar& a, const Tensor& b) { return remainder(wrap_scalar(a), b); }

Tensor maximum(const Tensor& a, const Tensor& b) { return promoted_binary<MaximumOp>(a, b); }
Tensor minimum(const Tensor& a, const Tensor& b) { return promoted_binary<MinimumOp>(a, b); }

Tensor add_(const Tensor& self, const Tensor& other, const Scalar& alpha) { return add_sub_(self, other, alpha, false); }
Tensor add_(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return add_sub_(self, wrap_scalar(other), alpha, false);
}
Tensor sub_(const Tensor& self, const Tensor& other, const Scalar& alpha) { return add_sub_(self, other, alpha, true); }
Tensor sub_(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return add_sub_(self, wrap_scalar(other), alpha, true);
}

Tensor mul_(const Tensor& self, const Tensor& other) {
  const DType result = result_type({self.dtype(), other.dtype()});
  return detail::run_binary_inplace(self, other, result,
                                    [](auto tag) { return MulOp<typename decltype(tag)::type>{}; });
}
Tensor mul_(const Tensor& self, const Scalar& other) { return mul_(self, wrap_scalar(other)); }

Tensor div_(const Tensor& self, const Tensor& other) {
  return detail::run_binary_inplace(self, other, DType::Float32,
                                    [](auto tag) { return DivOp<typename decltype(tag)::type>{}; });
}
Tensor div_(const Tensor& self, const Scalar& other) { return div_(self, wrap_scalar(other)); }

}  // namespace lesson::tensor
