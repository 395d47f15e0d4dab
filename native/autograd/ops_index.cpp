#include "autograd/ops_index.hpp"

#include "autograd/ops_util.hpp"
#include "tensor/advanced_index.hpp"
#include "tensor/basic_index.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_binary.hpp"
#include "tensor/index.hpp"

namespace lesson::autograd {

namespace T = lesson::tensor;
using tensor::TensorIndex;
using Saved = std::vector<SavedTensor>;
using Kind = TensorIndex::Kind;

namespace {

bool is_advanced(const std::vector<TensorIndex>& indices) {
  for (const auto& i : indices) {
    if (i.kind() == Kind::Tensor || i.kind() == Kind::Boolean) return true;
  }
  return false;
}

const char* index_name(const std::vector<TensorIndex>& indices) {
  if (is_advanced(indices)) return "IndexBackward0";
  for (auto it = indices.rbegin(); it != indices.rend(); ++it) {
    switch (it->kind()) {
      case Kind::Integer: return "SelectBackward0";
      case Kind::Slice: return "SliceBackward0";
      case Kind::None: return "UnsqueezeBackward0";
      default: break;
    }
  }
  return "AliasBackward0";
}

// zeros shaped like `shape` with g added (accumulating duplicates) at `indices`.
Tensor scatter_into_zeros(const T::Shape& shape, const std::vector<TensorIndex>& indices, const Tensor& g) {
  Tensor z = T::zeros(shape);
  std::vector<Tensor> tensor_indices;
  Tensor v = T::detail::apply_slicing(z, indices, tensor_indices);
  bool any = false;
  for (const Tensor& t : tensor_indices) any = any || t.defined();
  if (any) {
    T::index_put_with_tensors(v, tensor_indices, g, /*accumulate=*/true);
  } else {
    T::add_(v, g);
  }
  return z;
}

}  // namespace

Tensor index(const Tensor& self, const std::vector<TensorIndex>& indices) {
  Tensor out = T::index(self, indices);
  const T::Shape s = self.shape();
  record(index_name(indices), {&self}, out, {}, [s, indices](const Tensor& g, const Saved&) {
    return TensorList{scatter_into_zeros(s, indices, g)};
  });
  return out;
}

namespace {

void index_put_impl(const Tensor& self, const std::vector<TensorIndex>& indices, const Tensor* value,
                    const std::function<void()>& forward) {
  check_inplace(self);
  const bool rec = needs_grad({&self, value});
  Edge self_edge = gradient_edge(self);
  forward();
  if (!rec) return;
  const T::Shape vs = value ? value->shape() : T::Shape{};
  auto node = std::make_shared<LambdaNode>(
      is_advanced(indices) ? "IndexPutBackward0" : "CopySlices", std::vector<SavedTensor>{},
      [indices, vs](const Tensor& g, const Saved&) {
        Tensor gs = g.clone_data();
        T::index_put(gs, indices, T::Scalar(0.0));
        return TensorList{gs, sum_to(T::index(g, indices), vs)};
      });
  set_history(node, {&self, value}, {&self});
  node->next_edges[0] = self_edge;
}

}  // namespace

void index_put(const Tensor& self, const std::vector<TensorIndex>& indices, const Tensor& value) {
  index_put_impl(self, indices, &value, [&] { T::index_put(self, indices, value); });
}

void index_put(const Tensor& self, const std::vector<TensorIndex>& indices, const T::Scalar& value) {
  index_put_impl(self, indices, nullptr, [&] { T::index_put(self, indices, value); });
}

}  // namespace lesson::autograd
