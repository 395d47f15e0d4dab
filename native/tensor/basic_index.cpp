#include "tensor/basic_index.hpp"

#include <string>

#include "core/errors.hpp"
#include "tensor/create.hpp"
#include "tensor/views.hpp"

namespace lesson::tensor::detail {

Tensor apply_select(const Tensor& self, std::int64_t dim, std::int64_t index, std::int64_t real_dim) {
  if (index == 0 && dim == 0 && self.dim() == 0) {
    throw_index_error(
        "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to "
        "convert a 0-dim tensor to a number");
  }
  // PyTorch reads the size of a dim past the end (after a second Ellipsis,
  // or on a 0-d tensor) from beyond its size list, where it finds 0.
  const std::int64_t size = dim < self.dim() ? self.shape()[static_cast<std::size_t>(dim)] : 0;
  if (!(size >= -index && size > index)) {
    throw_index_error("index " + std::to_string(index) + " is out of bounds for dimension " +
                      std::to_string(real_dim) + " with size " + std::to_string(size));
  }
  return select(self, dim, index);
}

Tensor apply_slice(const Tensor& self, std::int64_t dim, const Slice& s) {
  const std::int64_t step = s.step.value_or(1);
  if (step == 0) throw_value_error("slice step cannot be zero");
  if (step < 0) throw_value_error("step must be greater than zero");
  return slice(self, dim, s.start, s.stop, step);
}

Tensor bool_to_index_tensor(bool value) {
  return value ? zeros({1}, DType::Int64) : zeros({0}, DType::Int64);
}

namespace {

// Dims the subscript consumes: everything but None, Ellipsis and Python
// bools; a mask consumes one per mask dim.
std::int64_t count_specified_dims(const std::vector<TensorIndex>& indices) {
  std::int64_t count = 0;
  for (const auto& idx : indices) {
    if (idx.is_tensor()) {
      count += idx.tensor().dtype() == DType::Bool ? idx.tensor().dim() : 1;
    } else if (idx.is_integer() || idx.is_slice()) {
      ++count;
    }
  }
  return count;
}

void record(std::vector<Tensor>& out, std::int64_t& dim, const Tensor& t) {
  out.resize(static_cast<std::size_t>(dim + 1));
  out[static_cast<std::size_t>(dim)] = t;
  // One step even for a k-dim mask: PyTorch 1.13 does this, so an entry
  // after a 2-d mask lands one dim too early (and usually fails).
  ++dim;
}

}  // namespace

Tensor apply_slicing(const Tensor& self, const std::vector<TensorIndex>& indices,
                     std::vector<Tensor>& tensor_indices) {
  const std::int64_t specified = count_specified_dims(indices);
  if (specified > self.dim()) {
    throw_index_error("too many indices for tensor of dimension " + std::to_string(self.dim()));
  }
  Tensor result = self;
  std::int64_t dim = 0;
  for (std::size_t i = 0; i < indices.size(); ++i) {
    const auto& idx = indices[i];
    const auto real_dim = static_cast<std::int64_t>(i);
    switch (idx.kind()) {
      case TensorIndex::Kind::Integer: result = apply_select(result, dim, idx.integer(), real_dim); break;
      case TensorIndex::Kind::Slice:
        result = apply_slice(result, dim, idx.slice());
        ++dim;
        break;
      case TensorIndex::Kind::Ellipsis:
        // Every Ellipsis skips the unindexed dims; PyTorch 1.13 does not
        // reject a second one, it just skips again.
        dim += self.dim() - specified;
        break;
      case TensorIndex::Kind::None:
        result = unsqueeze(result, dim);
        ++dim;
        break;
      case TensorIndex::Kind::Boolean:
        result = unsqueeze(result, dim);
        record(tensor_indices, dim, bool_to_index_tensor(idx.boolean()));
        break;
      case TensorIndex::Kind::Tensor: {
        const Tensor& t = idx.tensor();
        if (t.dim() == 0 && t.dtype() == DType::Int64) {
          result = apply_select(result, dim, t.item_int(), real_dim);
        } else if (t.dim() == 0 && t.dtype() == DType::Bool) {
          result = unsqueeze(result, dim);
          record(tensor_indices, dim, bool_to_index_tensor(t.item_int() != 0));
        } else {
          record(tensor_indices, dim, t);
        }
        break;
      }
    }
  }
  return result;
}

}  // namespace lesson::tensor::detail
