// Tensor: a handle to shared, reference-counted tensor state. Copies of a
// Tensor refer to the same tensor (like Python names); views share storage.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "tensor/dtype.hpp"
#include "tensor/shape.hpp"
#include "tensor/storage.hpp"

namespace lesson::autograd {
class Node;
}

namespace lesson::tensor {

struct TensorImpl;

// Autograd state; the engine lives in native/autograd/.
struct AutogradMeta {
  bool requires_grad = false;                 // set on leaves by the user, on results by ops
  std::shared_ptr<autograd::Node> grad_fn;    // null for leaves
  std::uint32_t output_nr = 0;                // which output of grad_fn this is
  std::shared_ptr<TensorImpl> grad;           // accumulated .grad (leaves, or retain_grad)
  bool retains_grad = false;
  std::weak_ptr<autograd::Node> grad_accumulator;  // a leaf's AccumulateGrad, shared by its uses
};

struct TensorImpl {
  std::shared_ptr<Storage> storage;
  DType dtype = DType::Float32;
  Shape shape;
  Strides strides;
  std::int64_t offset = 0;  // in elements
  AutogradMeta autograd;
};

class Tensor {
 public:
  Tensor() = default;  // undefined (like an optional tensor that is None)
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  // A new contiguous tensor; zero-filled unless `zero` is false (torch.empty).
  static Tensor make(const Shape& shape, DType dtype = DType::Float32, bool zero = true);

  bool defined() const { return impl_ != nullptr; }
  TensorImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& impl_ptr() const { return impl_; }
  bool is_same(const Tensor& other) const { return impl_ == other.impl_; }

  DType dtype() const { return impl_->dtype; }
  const Shape& shape() const { return impl_->shape; }
  const Strides& strides() const { return impl_->strides; }
  std::int64_t offset() const { return impl_->offset; }
  std::int64_t dim() const { return static_cast<std::int64_t>(impl_->shape.size()); }
  std::int64_t numel() const { return numel_of(impl_->shape); }
  std::int64_t size(std::int64_t d) const;    // negative d allowed
  std::int64_t stride(std::int64_t d) const;  // negative d allowed
  bool is_contiguous() const;
  bool shares_storage(const Tensor& other) const { return impl_->storage == other.impl_->storage; }

  // Pointer to the first element (storage + offset). T must match dtype().
  template <class T>
  T* data() const {
    return static_cast<T*>(impl_->storage->data()) + impl_->offset;
  }
  void* raw_data() const {
    return static_cast<char*>(impl_->storage->data()) +
           impl_->offset * static_cast<std::int64_t>(dtype_size(impl_->dtype));
  }

  // A view of the same storage with another shape/strides/offset.
  Tensor as_strided(const Shape& shape, const Strides& strides, std::int64_t offset) const;
  // This tensor if it is contiguous, otherwise a contiguous copy.
  Tensor contiguous() const;
  // A new contiguous copy with its own storage (no autograd history).
  Tensor clone_data() const;
  // A copy converted to dtype (this tensor itself if it already has it).
  Tensor to_dtype(DType dtype) const;

  // Values in row-major order, converted.
  std::vector<double> to_double_vector() const;
  std::vector<std::int64_t> to_int_vector() const;
  // The single value of a one-element tensor. Error text as PyTorch's item().
  double item_double() const;
  std::int64_t item_int() const;

  // Autograd state.
  bool requires_grad() const { return impl_->autograd.requires_grad; }
  void set_requires_grad(bool value);  // errors as PyTorch for non-float and non-leaf
  const std::shared_ptr<autograd::Node>& grad_fn() const { return impl_->autograd.grad_fn; }
  bool is_leaf() const { return impl_->autograd.grad_fn == nullptr; }
  Tensor grad() const { return Tensor(impl_->autograd.grad); }
  void set_grad(const Tensor& g) { impl_->autograd.grad = g.impl_; }
  // In-place ops bump the version of the storage, which all views share (as
  // PyTorch's version counter is shared by views), so autograd can tell that
  // a tensor it saved was modified.
  void bump_version() const { impl_->storage->bump_version(); }
  std::uint64_t version() const { return impl_->storage->version(); }

 private:
  std::shared_ptr<TensorImpl> impl_;
};

}  // namespace lesson::tensor
