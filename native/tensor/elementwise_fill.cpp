#include "tensor/elementwise_fill.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "tensor/copy.hpp"
#include "tensor/dispatch.hpp"
#include "tensor/elementwise_inplace.hpp"
#include "tensor/elementwise_loops.hpp"
#include "tensor/elementwise_run.hpp"
#include "tensor/elementwise_types.hpp"

namespace lesson::tensor {

Tensor fill_(const Tensor& self, const Scalar& value) {
  dispatch(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T v = scalar_to<T>(value);
    if (self.is_contiguous()) {
      std::fill_n(self.data<T>(), self.numel(), v);
    } else {
      // Expanded (stride-0) tensors are fine here: every alias gets the same value.
      detail::unary_map<T, T>(self, self, [v](T) { return v; });
    }
  });
  return detail::bump_version(self);
}

Tensor fill_(const Tensor& self, const Tensor& value) {
  if (value.dim() != 0) {
    throw_runtime_error("fill_ only supports 0-dimension value tensor but got tensor with " +
                        std::to_string(value.dim()) + " dimensions.");
  }
  return fill_(self, item_scalar(value));
}

Tensor zero_(const Tensor& self) { return fill_(self, Scalar(0)); }

Tensor copy_(const Tensor& self, const Tensor& src) {
  if (self.is_same(src)) return detail::bump_version(self);
  check_inplace_overlap(self, {&src});
  check_inplace_shape(self, broadcast_shapes(self.shape(), src.shape()));
  copy_into(self, src);
  return detail::bump_version(self);
}

}  // namespace lesson::tensor
