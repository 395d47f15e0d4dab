#include "format/tensor_repr.hpp"

#include "autograd/node.hpp"
#include "format/tensor_format.hpp"

namespace lesson::format {

namespace {

TensorData gather(const tensor::Tensor& t) {
  TensorData data;
  data.dtype = t.dtype();
  data.shape = t.shape();
  if (t.dtype() == tensor::DType::Float32) {
    data.floats = t.to_double_vector();
  } else {
    data.ints = t.to_int_vector();
  }
  data.requires_grad = t.requires_grad() && t.is_leaf();
  if (t.grad_fn()) data.grad_fn = t.grad_fn()->name();
  return data;
}

}  // namespace

std::string tensor_repr(const tensor::Tensor& t, const PrintOptions& options) {
  return format_tensor(gather(t), options);
}

std::string parameter_repr(const tensor::Tensor& t, const PrintOptions& options) {
  return format_parameter(gather(t), options);
}

}  // namespace lesson::format
