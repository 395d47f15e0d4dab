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
  if (t.grad_fn()) {
    producer_ = ", which is output " + std::to_string(t.impl()->autograd.output_nr) + " of " +
                t.grad_fn()->name() + ",";
  }
}

void SavedTensor::mark_output_of(const tensor::Tensor& out, const std::string& node_name) {
  const auto source = source_.lock();
  if (!source || source.get() != out.impl()) return;
  is_output_ = true;
  producer_ = ", which is output 0 of " + node_name + ",";
}

namespace {

// The ", which is output N of XBackward0," part for a saved input: its
// grad_fn now, or none for a leaf; the save-time text if it is gone.
std::string current_producer(const std::weak_ptr<tensor::TensorImpl>& source, const std::string& at_save) {
  const auto impl = source.lock();
  if (!impl) return at_save;
  const tensor::Tensor t(impl);
  if (!t.grad_fn()) return "";
  return ", which is output " + std::to_string(impl->autograd.output_nr) + " of " + t.grad_fn()->name() + ",";
}

}  // namespace

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
        (is_output_ ? producer_ : current_producer(source_, producer_)) + " is at version " + std::to_string(data_.version()) + "; expected version " +
        std::to_string(saved_version_) +
        " instead. Hint: enable anomaly detection to find the operation that failed to compute "
        "its gradient, with torch.autograd.set_detect_anomaly(True).");
  }
  return data_;
}

}  // namespace lesson::autograd
