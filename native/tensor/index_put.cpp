// x[indices] = value (THPVariable_setitem / at::indexing::set_item).
#include "tensor/advanced_index.hpp"
#include "tensor/basic_index.hpp"
#include "tensor/copy.hpp"
#include "tensor/create.hpp"
#include "tensor/index.hpp"
#include "tensor/memory_overlap.hpp"
#include "tensor/reshape.hpp"
#include "tensor/views.hpp"

namespace lesson::tensor {

namespace {

// value's shape without its leading 1s: x[0] = ones(1, 1, 4) is allowed.
Shape strip_leading_ones(const Shape& shape) {
  std::size_t first = 0;
  while (first < shape.size() && shape[first] == 1) ++first;
  return Shape(shape.begin() + static_cast<std::ptrdiff_t>(first), shape.end());
}

// Tensor.copy_: refuses a destination that repeats memory and a source that
// partly overlaps it.
void copy_checked(const Tensor& dst, const Tensor& src) {
  if (dst.is_same(src)) return;
  assert_no_internal_overlap(dst);
  assert_no_partial_overlap(dst, src);
  copy_into(dst, src);
}

// at::indexing::copy_to: the write of a basic-indexing assignment.
void copy_to(const Tensor& dst, const Tensor& src) {
  if (dst.shape() == src.shape()) {
    copy_checked(dst, src);
  } else if (src.dim() == 0) {
    copy_into(dst, src);  // fill_, which checks no overlap
  } else {
    const Tensor stripped = view(src, strip_leading_ones(src.shape()));
    copy_checked(dst, expand(stripped, dst.shape()));
  }
}

}  // namespace

void index_put(const Tensor& self, const std::vector<TensorIndex>& indices, const Tensor& value) {
  if (indices.size() == 1 && !indices[0].is_tensor()) {
    const auto& idx = indices[0];
    switch (idx.kind()) {
      case TensorIndex::Kind::Boolean:
        if (!idx.boolean()) return;  // writes nothing, checks nothing
        copy_to(unsqueeze(self, 0), value);
        break;
      case TensorIndex::Kind::None: copy_to(unsqueeze(self, 0), value); break;
      case TensorIndex::Kind::Ellipsis: copy_to(self, value); break;
      case TensorIndex::Kind::Integer: copy_to(detail::apply_select(self, 0, idx.integer(), 0), value); break;
      case TensorIndex::Kind::Slice: copy_to(detail::apply_slice(self, 0, idx.slice()), value); break;
      case TensorIndex::Kind::Tensor: break;
    }
    self.bump_version();
    return;
  }
  std::vector<Tensor> tensor_indices;
  const Tensor sliced = detail::apply_slicing(self, indices, tensor_indices);
  if (tensor_indices.empty()) {
    copy_to(sliced, value);
  } else {
    const Shape stripped = strip_leading_ones(value.shape());
    index_put_with_tensors(sliced, tensor_indices, stripped == value.shape() ? value : view(value, stripped));
  }
  self.bump_version();
}

void index_put(const Tensor& self, const std::vector<TensorIndex>& indices, const Scalar& value) {
  index_put(self, indices, full({}, value, self.dtype()));
}

}  // namespace lesson::tensor
