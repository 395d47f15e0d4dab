#include "tensor/elementwise_inplace.hpp"

#include "core/errors.hpp"
#include "tensor/elementwise_types.hpp"
#include "tensor/memory_overlap.hpp"

namespace lesson::tensor {

void check_inplace_overlap(const Tensor& self, std::initializer_list<const Tensor*> inputs) {
  assert_no_internal_overlap(self);
  for (const Tensor* input : inputs) assert_no_partial_overlap(self, *input);
}

void check_inplace_shape(const Tensor& self, const Shape& broadcast) {
  if (broadcast != self.shape()) {
    throw_runtime_error("output with shape " + shape_str(self.shape()) +
                        " doesn't match the broadcast shape " + shape_str(broadcast));
  }
}

void check_inplace_cast(const Tensor& self, DType result) {
  if (!can_cast(result, self.dtype())) {
    throw_runtime_error(cast_error_text(result, scalar_type_name(self.dtype())));
  }
}

Tensor inplace_input(const Tensor& self, const Tensor& input) {
  if (!input.shares_storage(self)) return input;
  if (input.offset() == self.offset() && input.shape() == self.shape() &&
      input.strides() == self.strides()) {
    return input;
  }
  return input.clone_data();
}

}  // namespace lesson::tensor
