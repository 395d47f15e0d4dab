#include "tensor/elementwise_where.hpp"

#include "core/errors.hpp"
#include "tensor/dispatch.hpp"
#include "tensor/elementwise_layout.hpp"
#include "tensor/elementwise_loops.hpp"
#include "tensor/elementwise_types.hpp"

namespace lesson::tensor {

Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b) {
  if (cond.dtype() != DType::Bool) {
    throw_runtime_error(std::string("where expected condition to be a boolean tensor, but got a tensor with dtype ") +
                        scalar_type_name(cond.dtype()));
  }
  // expand_outplace folds the three shapes left to right.
  const Shape shape = broadcast_shapes(broadcast_shapes(cond.shape(), a.shape()), b.shape());
  const DType result = result_type({a.dtype(), b.dtype()});
  const Tensor ac = detail::cast_input(a, result);
  const Tensor bc = detail::cast_input(b, result);
  Tensor out = detail::new_output(shape, result, {&cond, &ac, &bc});
  dispatch(result, [&](auto tag) {
    using T = typename decltype(tag)::type;
    detail::ternary_map<T, bool, T, T>(out, cond, ac, bc, [](bool c, T x, T y) { return c ? x : y; });
  });
  return out;
}

Tensor where(const Tensor& cond, const Tensor& a, const Scalar& b) { return where(cond, a, wrap_scalar(b)); }
Tensor where(const Tensor& cond, const Scalar& a, const Tensor& b) { return where(cond, wrap_scalar(a), b); }
Tensor where(const Tensor& cond, const Scalar& a, const Scalar& b) {
  return where(cond, wrap_scalar(a), wrap_scalar(b));
}

}  // namespace lesson::tensor
