#include "tensor/index.hpp"

#include "tensor/advanced_index.hpp"
#include "tensor/basic_index.hpp"
#include "tensor/views.hpp"

namespace lesson::tensor {

Tensor index(const Tensor& self, const std::vector<TensorIndex>& indices) {
  // A bare subscript skips the "too many indices" count (at::indexing::get_item).
  if (indices.size() == 1) {
    const auto& idx = indices[0];
    switch (idx.kind()) {
      case TensorIndex::Kind::Integer: return detail::apply_select(self, 0, idx.integer(), 0);
      case TensorIndex::Kind::Slice: return detail::apply_slice(self, 0, idx.slice());
      case TensorIndex::Kind::None: return unsqueeze(self, 0);
      case TensorIndex::Kind::Ellipsis: return alias(self);
      case TensorIndex::Kind::Boolean:
        return index_with_tensors(unsqueeze(self, 0), {detail::bool_to_index_tensor(idx.boolean())});
      case TensorIndex::Kind::Tensor: break;
    }
  }
  std::vector<Tensor> tensor_indices;
  const Tensor sliced = detail::apply_slicing(self, indices, tensor_indices);
  if (tensor_indices.empty()) return sliced.is_same(self) ? alias(self) : sliced;
  return index_with_tensors(sliced, tensor_indices);
}

}  // namespace lesson::tensor
