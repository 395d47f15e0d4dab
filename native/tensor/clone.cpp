#include "tensor/clone.hpp"

#include <cstring>

#include "tensor/copy.hpp"
#include "tensor/layout.hpp"

namespace lesson::tensor {

Tensor clone(const Tensor& self) {
  if (is_non_overlapping_and_dense(self.shape(), self.strides())) {
    // Same strides: the elements are one block of memory in both tensors.
    Tensor out = empty_strided(self.shape(), self.strides(), self.dtype());
    if (self.numel() > 0) {
      std::memcpy(out.raw_data(), self.raw_data(),
                  static_cast<std::size_t>(self.numel()) * dtype_size(self.dtype()));
    }
    return out;
  }
  Tensor out = empty_strided(self.shape(), infer_dense_strides(self.shape(), self.strides()), self.dtype());
  copy_into(out, self);
  return out;
}

Tensor contiguous(const Tensor& self) {
  // is_contiguous_strides, unlike Tensor::is_contiguous, calls every empty
  // tensor contiguous, as PyTorch does.
  return is_contiguous_strides(self.shape(), self.strides()) ? self : contiguous_copy(self);
}

Tensor contiguous_copy(const Tensor& self) {
  Tensor out = Tensor::make(self.shape(), self.dtype(), false);
  copy_into(out, self);
  return out;
}

}  // namespace lesson::tensor
