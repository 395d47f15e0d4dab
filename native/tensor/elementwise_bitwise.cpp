#include "tensor/elementwise_bitwise.hpp"

#include "core/errors.hpp"
#include "tensor/elementwise_run.hpp"
#include "tensor/elementwise_types.hpp"

namespace lesson::tensor {

namespace {

template <class T>
struct AndOp {
  T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>) return a && b;
    else if constexpr (std::is_same_v<T, float>) return a;  // unreachable
    else return a & b;
  }
};
template <class T>
struct OrOp {
  T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>) return a || b;
    else if constexpr (std::is_same_v<T, float>) return a;  // unreachable
    else return a | b;
  }
};
template <class T>
struct XorOp {
  T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>) return a != b;
    else if constexpr (std::is_same_v<T, float>) return a;  // unreachable
    else return a ^ b;
  }
};

template <template <class> class Op>
Tensor bitwise(const Tensor& a, const Tensor& b, const char* kernel) {
  const DType result = result_type({a.dtype(), b.dtype()});
  broadcast_shapes(a.shape(), b.shape());
  if (is_floating(result)) throw_not_implemented_for(kernel, result);
  return detail::run_binary(a, b, result, result, [](auto tag) { return Op<typename decltype(tag)::type>{}; });
}

}  // namespace

Tensor bitwise_and(const Tensor& a, const Tensor& b) { return bitwise<AndOp>(a, b, "bitwise_and_cpu"); }
Tensor bitwise_and(const Tensor& a, const Scalar& b) { return bitwise_and(a, wrap_scalar(b)); }
Tensor bitwise_and(const Scalar& a, const Tensor& b) { return bitwise_and(wrap_scalar(a), b); }
Tensor bitwise_or(const Tensor& a, const Tensor& b) { return bitwise<OrOp>(a, b, "bitwise_or_cpu"); }
Tensor bitwise_or(const Tensor& a, const Scalar& b) { return bitwise_or(a, wrap_scalar(b)); }
Tensor bitwise_or(const Scalar& a, const Tensor& b) { return bitwise_or(wrap_scalar(a), b); }
Tensor bitwise_xor(const Tensor& a, const Tensor& b) { return bitwise<XorOp>(a, b, "bitwise_xor_cpu"); }
Tensor bitwise_xor(const Tensor& a, const Scalar& b) { return bitwise_xor(a, wrap_scalar(b)); }
Tensor bitwise_xor(const Scalar& a, const Tensor& b) { return bitwise_xor(wrap_scalar(a), b); }

Tensor bitwise_not(const Tensor& a) {
  if (is_floating(a.dtype())) throw_not_implemented_for("bitwise_not_cpu", a.dtype());
  Tensor out = detail::new_output(a.shape(), a.dtype(), {&a});
  if (a.dtype() == DType::Bool) {
    detail::unary_map<bool, bool>(out, a, [](bool v) { return !v; });
  } else {
    detail::unary_map<std::int64_t, std::int64_t>(out, a, [](std::int64_t v) { return ~v; });
  }
  return out;
}

Tensor invert(const Tensor& a) {
  if (is_floating(a.dtype())) {
    throw_type_error("~ (operator.invert) is only implemented on integer and Boolean-type tensors");
  }
  return bitwise_not(a);
}

}  // namespace lesson::tensor
