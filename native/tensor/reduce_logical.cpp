#include "tensor/reduce_logical.hpp"

#include "tensor/dispatch.hpp"
#include "tensor/reduce_dims.hpp"
#include "tensor/reduce_kernels.hpp"

namespace lesson::tensor {

namespace {

template <bool All>
Tensor logical(const Tensor& self, const std::vector<bool>& mask, bool keepdim) {
  const ReducePlan p = plan_reduction(self, mask, keepdim);
  Tensor out = Tensor::make(p.out_shape, DType::Bool, false);
  dispatch(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    kernels::fold(p.input.data<T>(), p.s, All,
                  [](bool a, T v) { return All ? (a && v != T(0)) : (a || v != T(0)); },
                  out.data<bool>());
  });
  return out;
}

}  // namespace

Tensor all(const Tensor& self) { return logical<true>(self, reduce_mask(self, {}), false); }
Tensor any(const Tensor& self) { return logical<false>(self, reduce_mask(self, {}), false); }

Tensor all(const Tensor& self, std::int64_t dim, bool keepdim) {
  return logical<true>(self, single_dim_mask(self, dim), keepdim);
}
Tensor any(const Tensor& self, std::int64_t dim, bool keepdim) {
  return logical<false>(self, single_dim_mask(self, dim), keepdim);
}

}  // namespace lesson::tensor
