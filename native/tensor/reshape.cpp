#include "tensor/reshape.hpp"

#include <algorithm>
#include <string>

#include "core/errors.hpp"
#include "tensor/clone.hpp"

namespace lesson::tensor {

Shape infer_size(const Shape& shape, std::int64_t numel) {
  std::int64_t known = 1;
  std::optional<std::size_t> infer_dim;
  for (std::size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] == -1) {
      if (infer_dim) throw_runtime_error("only one dimension can be inferred");
      infer_dim = d;
    } else if (shape[d] >= 0) {
      known *= shape[d];
    } else {
      throw_runtime_error("invalid shape dimension " + std::to_string(shape[d]));
    }
  }
  if (numel == known || (infer_dim && known > 0 && numel % known == 0)) {
    Shape out = shape;
    if (infer_dim) {
      if (known == 0) {
        throw_runtime_error("cannot reshape tensor of 0 elements into shape " + shape_str(shape) +
                            " because the unspecified dimension size -1 can be any value and is "
                            "ambiguous");
      }
      out[*infer_dim] = numel / known;
    }
    return out;
  }
  throw_runtime_error("shape '" + shape_str(shape) + "' is invalid for input of size " +
                      std::to_string(numel));
}

std::optional<Strides> view_strides(const Shape& old_shape, const Strides& old_strides,
                                    const Shape& new_shape) {
  if (old_shape.empty()) return Strides(new_shape.size(), 1);
  const std::int64_t numel = numel_of(old_shape);
  if (numel == 0 && old_shape == new_shape) return old_strides;
  const auto nd = static_cast<std::int64_t>(new_shape.size());
  Strides out(new_shape.size());
  if (numel == 0) {
    // Any strides do for no elements; take those a fresh tensor would get.
    for (std::int64_t d = nd - 1; d >= 0; --d) {
      out[d] = d == nd - 1 ? 1 : std::max<std::int64_t>(new_shape[d + 1], 1) * out[d + 1];
    }
    return out;
  }
  // Walk the old dims from the last, cutting them into chunks that are
  // contiguous among themselves; every chunk must be split exactly into
  // whole new dims, which then step through it with the chunk's base stride.
  std::int64_t view_d = nd - 1;
  std::int64_t chunk_base_stride = old_strides.back();
  std::int64_t tensor_numel = 1;
  std::int64_t view_numel = 1;
  for (auto tensor_d = static_cast<std::int64_t>(old_shape.size()) - 1; tensor_d >= 0; --tensor_d) {
    tensor_numel *= old_shape[tensor_d];
    const bool chunk_ends = tensor_d == 0 || (old_shape[tensor_d - 1] != 1 &&
                                              old_strides[tensor_d - 1] != tensor_numel * chunk_base_stride);
    if (!chunk_ends) continue;
    while (view_d >= 0 && (view_numel < tensor_numel || new_shape[view_d] == 1)) {
      out[view_d] = view_numel * chunk_base_stride;
      view_numel *= new_shape[view_d];
      --view_d;
    }
    if (view_numel != tensor_numel) return std::nullopt;
    if (tensor_d > 0) {
      chunk_base_stride = old_strides[tensor_d - 1];
      tensor_numel = 1;
      view_numel = 1;
    }
  }
  if (view_d != -1) return std::nullopt;
  return out;
}

Tensor view(const Tensor& self, const Shape& shape) {
  const Shape inferred = infer_size(shape, self.numel());
  const auto strides = view_strides(self.shape(), self.strides(), inferred);
  if (!strides) {
    throw_runtime_error(
        "view size is not compatible with input tensor's size and stride (at least one dimension "
        "spans across two contiguous subspaces). Use .reshape(...) instead.");
  }
  return self.as_strided(inferred, *strides, self.offset());
}

Tensor reshape(const Tensor& self, const Shape& shape) {
  const Shape inferred = infer_size(shape, self.numel());
  if (const auto strides = view_strides(self.shape(), self.strides(), inferred)) {
    return self.as_strided(inferred, *strides, self.offset());
  }
  const Tensor copy = contiguous_copy(self);
  return copy.as_strided(inferred, contiguous_strides(inferred), 0);
}

Tensor flatten(const Tensor& self, std::int64_t start_dim, std::int64_t end_dim) {
  const std::int64_t start = wrap_dim(start_dim, self.dim());
  const std::int64_t end = wrap_dim(end_dim, self.dim());
  if (start > end) {
    throw_runtime_error("flatten() has invalid args: start_dim cannot come after end_dim");
  }
  if (self.dim() == 0) return reshape(self, {1});
  if (start == end) return self;
  Shape shape(self.shape().begin(), self.shape().begin() + start);
  std::int64_t merged = 1;
  for (std::int64_t d = start; d <= end; ++d) merged *= self.shape()[static_cast<std::size_t>(d)];
  shape.push_back(merged);
  shape.insert(shape.end(), self.shape().begin() + end + 1, self.shape().end());
  return reshape(self, shape);
}

}  // namespace lesson::tensor
