#include "autograd/saved_tensor.hpp"

#include "autograd/node.hpp"
#include "core/errors.hpp"

namespace lesson::autograd {

namespace {

const char* legacy_type_name(tensor::DType d) {
  switch (d) {
    case tensor::DType::Float32: return "torch.FloatTensor";
    case tensor::DType::Int64: return "torch.LongTensor";
    case tensor::DType::Bool: return "torch.BoolTensor";
  }
  return "torch.Tensor";
}

}  // namespace

SavedTensor::SavedTensor(const tensor::Tensor& t) : defined_(t.defined()) {
  if (!t.defined()) return;
  data_ = t.as_strided(t.shape(), t.strides(), t.offset());
  saved_version_ = t.version();
  if (t.grad_fn()) {
    producer_ = ", which is output " + std::to_string(t.impl()->autograd.output_nr) + " of " +
                t.grad_fn()->name() + ",";
  }
}

tensor::Tensor SavedTensor::unpack() const {
  if (!defined_) return tensor::Tensor();
  if (released_) {
    throw_runtime_error(
        "Trying to backward through the graph a second time (or directly access saved tensors "
        "after they have already been freed). Saved intermediate values of the graph are freed "
        "when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to "
        "backward through the graph a second time or if you need to access saved tensors after "
        "calling backward.");
  }
  if (data_.version() != saved_version_) {
    throw_runtime_error(
        std::string("one of the variables needed for gradient computation has been modified by "
                    "an inplace operation: [") +
        legacy_type_name(data_.dtype()) + " " + tensor::shape_str(data_.shape()) + "]" +
        producer_ + " is at version " + std::to_string(data_.version()) + "; expected version " +
        std::to_string(saved_version_) +
        " instead. Hint: enable anomaly detection to find the operation that failed to compute "
        "its gradient, with torch.autograd.set_detect_anomaly(True).");
  }
  return data_;
}

}  // namespace lesson::autograd
