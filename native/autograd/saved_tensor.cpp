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
  source_ = t.impl_ptr();
  producer_ = t.grad_fn();
  producer_output_ = t.impl()->autograd.output_nr;
}

void SavedTensor::mark_output_of(const tensor::Tensor& out, const std::shared_ptr<Node>& node) {
  if (source_.lock().get() != out.impl()) return;
  is_output_ = true;
  producer_ = node;
  producer_output_ = 0;
}

namespace {

// The ", which is output N of XBackward0," part of the in-place error.
std::string producer_text(const std::shared_ptr<Node>& fn, std::uint32_t output_nr) {
  if (!fn) return "";
  return ", which is output " + std::to_string(output_nr) + " of " + fn->name() + ",";
}

}  // namespace

std::string SavedTensor::producer_now() const {
  if (!is_output_) {
    if (const auto impl = source_.lock()) return producer_text(impl->autograd.grad_fn, impl->autograd.output_nr);
  }
  return producer_text(producer_.lock(), producer_output_);
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
        producer_now() + " is at version " + std::to_string(data_.version()) + "; expected version " +
        std::to_string(saved_version_) +
        " instead. Hint: enable anomaly detection to find the operation that failed to compute "
        "its gradient, with torch.autograd.set_detect_anomaly(True).");
  }
  return data_;
}

}  // namespace lesson::autograd
