// Shared driver of the binary ops (arithmetic, comparisons, bitwise, pow):
// convert operands to the compute dtype, allocate the broadcast result, pick
// the kernel for the dtype. Internal to the elementwise_* files.
#pragma once

#include "tensor/dispatch.hpp"
#include "tensor/elementwise_inplace.hpp"
#include "tensor/elementwise_layout.hpp"
#include "tensor/elementwise_loops.hpp"
#include "tensor/shape.hpp"

namespace lesson::tensor::detail {

// make_op(TypeTag<T>) returns the op for compute type T; its return type is
// the element type of the result, which must be out_dtype's.
template <class MakeOp>
Tensor run_binary(const Tensor& a, const Tensor& b, DType compute, DType out_dtype, MakeOp&& make_op) {
  const Shape shape = broadcast_shapes(a.shape(), b.shape());
  const Tensor ac = cast_input(a, compute);
  const Tensor bc = cast_input(b, compute);
  Tensor out = new_output(shape, out_dtype, {&ac, &bc});
  dispatch(compute, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const auto op = make_op(tag);
    using R = decltype(op(T{}, T{}));
    binary_map<R, T, T>(out, ac, bc, op);
  });
  return out;
}

// Marks an in-place write for autograd's saved-tensor checks; returns self.
inline Tensor bump_version(const Tensor& self) {
  self.bump_version();
  return self;
}

// PyTorch's in-place checks for self = op(self, other) with result dtype
// `result`: overlap, then shape, then dtype.
inline void check_inplace_binary(const Tensor& self, const Tensor& other, DType result) {
  check_inplace_overlap(self, {&other});
  check_inplace_shape(self, broadcast_shapes(self.shape(), other.shape()));
  check_inplace_cast(self, result);
}

// self = op(self, other) where op computes in self's dtype (a result that
// passes the cast check always has self's dtype with these three dtypes).
template <class MakeOp>
Tensor run_binary_inplace(const Tensor& self, const Tensor& other, DType result, MakeOp&& make_op) {
  check_inplace_binary(self, other, result);
  const Tensor b = cast_input(inplace_input(self, other), self.dtype());
  dispatch(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const auto op = make_op(tag);
    if constexpr (std::is_same_v<decltype(op(T{}, T{})), T>) {
      binary_map<T, T, T>(self, self, b, op);
    }
  });
  return bump_version(self);
}

// Wrapping integer arithmetic: PyTorch's int64 results wrap on overflow.
inline std::int64_t wrap_add(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
inline std::int64_t wrap_sub(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}
inline std::int64_t wrap_mul(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}

}  // namespace lesson::tensor::detail
