#include "tensor/views.hpp"

#include <limits>
#include <string>

#include "core/errors.hpp"

namespace lesson::tensor {

Tensor alias(const Tensor& self) { return self.as_strided(self.shape(), self.strides(), self.offset()); }

Tensor detach(const Tensor& self) {
  // as_strided builds a fresh TensorImpl: no grad_fn, requires_grad false.
  return alias(self);
}

Tensor permute(const Tensor& self, const std::vector<std::int64_t>& dims) {
  const std::int64_t nd = self.dim();
  if (static_cast<std::int64_t>(dims.size()) != nd) {
    // 1.13 prints the sparse variant's wording for dense tensors too.
    throw_runtime_error(
        "permute(sparse_coo): number of dimensions in the tensor input does not match the length "
        "of the desired ordering of dimensions i.e. input.dim() = " +
        std::to_string(nd) + " is not equal to len(dims) = " + std::to_string(dims.size()));
  }
  std::vector<bool> seen(static_cast<std::size_t>(nd), false);
  Shape shape(dims.size());
  Strides strides(dims.size());
  for (std::size_t i = 0; i < dims.size(); ++i) {
    const auto d = static_cast<std::size_t>(wrap_dim(dims[i], nd));
    if (seen[d]) throw_runtime_error("permute(): duplicate dims are not allowed.");
    seen[d] = true;
    shape[i] = self.shape()[d];
    strides[i] = self.strides()[d];
  }
  return self.as_strided(shape, strides, self.offset());
}

Tensor transpose(const Tensor& self, std::int64_t dim0, std::int64_t dim1) {
  const auto d0 = static_cast<std::size_t>(wrap_dim(dim0, self.dim()));
  const auto d1 = static_cast<std::size_t>(wrap_dim(dim1, self.dim()));
  if (d0 == d1) return alias(self);
  Shape shape = self.shape();
  Strides strides = self.strides();
  std::swap(shape[d0], shape[d1]);
  std::swap(strides[d0], strides[d1]);
  return self.as_strided(shape, strides, self.offset());
}

Tensor numpy_T(const Tensor& self) {
  std::vector<std::int64_t> dims;
  for (std::int64_t d = self.dim() - 1; d >= 0; --d) dims.push_back(d);
  return permute(self, dims);
}

Tensor unsqueeze(const Tensor& self, std::int64_t dim) {
  const auto d = static_cast<std::size_t>(wrap_dim(dim, self.dim() + 1));
  Shape shape = self.shape();
  Strides strides = self.strides();
  // The new dim's stride as PyTorch picks it (it matters to later views).
  const std::int64_t stride = d >= shape.size() ? 1 : shape[d] * strides[d];
  shape.insert(shape.begin() + static_cast<std::ptrdiff_t>(d), 1);
  strides.insert(strides.begin() + static_cast<std::ptrdiff_t>(d), stride);
  return self.as_strided(shape, strides, self.offset());
}

Tensor squeeze(const Tensor& self) {
  Shape shape;
  Strides strides;
  for (std::size_t i = 0; i < self.shape().size(); ++i) {
    if (self.shape()[i] != 1) {
      shape.push_back(self.shape()[i]);
      strides.push_back(self.strides()[i]);
    }
  }
  return self.as_strided(shape, strides, self.offset());
}

Tensor squeeze(const Tensor& self, std::int64_t dim) {
  const auto d = static_cast<std::size_t>(wrap_dim(dim, self.dim()));
  if (self.dim() == 0 || self.shape()[d] != 1) return alias(self);
  Shape shape = self.shape();
  Strides strides = self.strides();
  shape.erase(shape.begin() + static_cast<std::ptrdiff_t>(d));
  strides.erase(strides.begin() + static_cast<std::ptrdiff_t>(d));
  return self.as_strided(shape, strides, self.offset());
}

const char* tensor_type_string(DType dtype) {
  switch (dtype) {
    case DType::Float32: return "torch.FloatTensor";
    case DType::Int64: return "torch.LongTensor";
    case DType::Bool: return "CPUBoolType";  // bool has no legacy type name
  }
  return "torch.FloatTensor";
}

Tensor expand(const Tensor& self, const Shape& sizes) {
  const auto nd = static_cast<std::int64_t>(sizes.size());
  const std::int64_t td = self.dim();
  if (nd < td) {
    throw_runtime_error(
        std::string("expand(") + tensor_type_string(self.dtype()) + "{" + shape_str(self.shape()) +
        "}, size=" + shape_str(sizes) + "): the number of sizes provided (" + std::to_string(nd) +
        ") must be greater or equal to the number of dimensions in the tensor (" + std::to_string(td) + ")");
  }
  Shape shape(sizes.size());
  Strides strides(sizes.size(), 0);
  if (td == 0) {
    shape = sizes;  // a 0-d tensor expands to anything, every stride 0
  } else {
    for (std::int64_t i = nd - 1; i >= 0; --i) {
      const std::int64_t d = td - (nd - i);
      std::int64_t size = d >= 0 ? self.shape()[static_cast<std::size_t>(d)] : 1;
      std::int64_t stride =
          d >= 0 ? self.strides()[static_cast<std::size_t>(d)]
                 : shape[static_cast<std::size_t>(i + 1)] * strides[static_cast<std::size_t>(i + 1)];
      std::int64_t target = sizes[static_cast<std::size_t>(i)];
      if (target == -1) {
        if (d < 0) {
          throw_runtime_error(
              "The expanded size of the tensor (-1) isn't allowed in a leading, "
              "non-existing dimension " +
              std::to_string(i));
        }
        target = size;
      }
      if (size != target) {
        if (size != 1) {
          throw_runtime_error("The expanded size of the tensor (" + std::to_string(target) +
                              ") must match the existing size (" + std::to_string(size) +
                              ") at non-singleton dimension " + std::to_string(i) + ".  Target sizes: " +
                              shape_str(sizes) + ".  Tensor sizes: " + shape_str(self.shape()));
        }
        size = target;
        stride = 0;
      }
      shape[static_cast<std::size_t>(i)] = size;
      strides[static_cast<std::size_t>(i)] = stride;
    }
  }
  for (auto s : shape) {
    // PyTorch reaches this through its element count of a negative size.
    if (s < 0) throw_runtime_error("numel: integer multiplication overflow");
  }
  return self.as_strided(shape, strides, self.offset());
}

Tensor select(const Tensor& self, std::int64_t dim, std::int64_t index) {
  if (self.dim() == 0) throw_index_error("select() cannot be applied to a 0-dim tensor.");
  const auto d = static_cast<std::size_t>(wrap_dim(dim, self.dim()));
  const std::int64_t size = self.shape()[d];
  if (index < -size || index >= size) {
    throw_index_error("select(): index " + std::to_string(index) + " out of range for tensor of size " +
                      shape_str(self.shape()) + " at dimension " + std::to_string(d));
  }
  if (index < 0) index += size;
  Shape shape = self.shape();
  Strides strides = self.strides();
  const std::int64_t offset = self.offset() + index * strides[d];
  shape.erase(shape.begin() + static_cast<std::ptrdiff_t>(d));
  strides.erase(strides.begin() + static_cast<std::ptrdiff_t>(d));
  return self.as_strided(shape, strides, offset);
}

Tensor slice(const Tensor& self, std::int64_t dim, std::optional<std::int64_t> start,
             std::optional<std::int64_t> stop, std::int64_t step) {
  if (self.dim() == 0) throw_index_error("slice() cannot be applied to a 0-dim tensor.");
  const auto d = static_cast<std::size_t>(wrap_dim(dim, self.dim()));
  if (step <= 0) throw_runtime_error("slice step must be positive");
  const std::int64_t size = self.shape()[d];
  std::int64_t lo = start.value_or(0);
  std::int64_t hi = stop.value_or(std::numeric_limits<std::int64_t>::max());
  if (lo < 0) lo += size;
  if (hi < 0) hi += size;
  if (lo < 0) {
    lo = 0;
  } else if (lo >= size) {
    lo = size;
  }
  if (hi < lo) {
    hi = lo;
  } else if (hi >= size) {
    hi = size;
  }
  Shape shape = self.shape();
  Strides strides = self.strides();
  const std::int64_t offset = self.offset() + lo * strides[d];
  shape[d] = (hi - lo + step - 1) / step;
  strides[d] *= step;
  return self.as_strided(shape, strides, offset);
}

Tensor narrow(const Tensor& self, std::int64_t dim, std::int64_t start, std::int64_t length) {
  if (self.dim() == 0) throw_runtime_error("narrow() cannot be applied to a 0-dim tensor.");
  const std::int64_t size = self.size(dim);
  // start == size is a valid (empty) narrow but not a valid "dim" to wrap.
  if (start != size) start = wrap_dim(start, size);
  if (length < 0 || start > size - length) {
    throw_runtime_error("start (" + std::to_string(start) + ") + length (" + std::to_string(length) +
                        ") exceeds dimension size (" + std::to_string(size) + ").");
  }
  return slice(self, dim, start, start + length, 1);
}

}  // namespace lesson::tensor
