#include "nn/norm_common.hpp"

#include "core/errors.hpp"
#include "tensor/copy.hpp"

namespace lesson::nn::norm_detail {

namespace {

// PyTorch's ScalarType names, as its dispatch errors print them.
const char* scalar_type_name(tensor::DType d) {
  switch (d) {
    case tensor::DType::Float32: return "Float";
    case tensor::DType::Int64: return "Long";
    case tensor::DType::Bool: return "Bool";
  }
  return "Float";
}

}  // namespace

void check_float_input(const Tensor& input, const char* kernel_name) {
  if (input.dtype() != tensor::DType::Float32) {
    throw_runtime_error(std::string("\"") + kernel_name + "\" not implemented for '" +
                        scalar_type_name(input.dtype()) + "'");
  }
}

Tensor contiguous_float(const Tensor& t) {
  if (!t.defined()) return t;
  return t.to_dtype(tensor::DType::Float32).contiguous();
}

Tensor contiguous_grad(const Tensor& grad, const tensor::Shape& shape) {
  if (grad.shape() == shape) return contiguous_float(grad);
  // A gradient of another shape can only be a broadcast of a smaller one.
  Tensor out = Tensor::make(shape, tensor::DType::Float32, false);
  tensor::copy_into(out, grad);
  return out;
}

Tensor reshaped(const Tensor& t, const tensor::Shape& shape) {
  if (t.shape() == shape) return t;
  const Tensor c = t.contiguous();
  return c.as_strided(shape, tensor::contiguous_strides(shape), c.offset());
}

InPlaceFloat::InPlaceFloat(const Tensor& target) : target_(target) {
  if (!target.defined()) return;
  work_ = (target.dtype() == tensor::DType::Float32 && target.is_contiguous()) ? target
                                                                               : contiguous_float(target);
}

void InPlaceFloat::commit() const {
  if (!target_.defined()) return;
  if (!work_.is_same(target_)) tensor::copy_into(target_, work_);
  target_.bump_version();
}

}  // namespace lesson::nn::norm_detail
