#include "autograd/ops_util.hpp"

#include "tensor/create.hpp"
#include "tensor/reduce_sum.hpp"
#include "tensor/reshape.hpp"

namespace lesson::autograd {

Tensor sum_to(const Tensor& grad, const tensor::Shape& shape) {
  if (!grad.defined() || grad.shape() == shape) return grad;
  if (grad.dim() < static_cast<std::int64_t>(shape.size())) return tensor::reshape(grad, shape);
  const std::int64_t lead = grad.dim() - static_cast<std::int64_t>(shape.size());
  tensor::DimList dims;
  for (std::int64_t i = 0; i < grad.dim(); ++i) {
    if (i < lead) {
      dims.push_back(i);
    } else if (shape[i - lead] == 1 && grad.shape()[i] != 1) {
      dims.push_back(i);
    }
  }
  Tensor r = dims.empty() ? grad : tensor::sum(grad, dims, /*keepdim=*/true);
  return tensor::reshape(r, shape);
}

TensorList LambdaNode::apply(TensorList&& grad_outputs) {
  Tensor g = grad_outputs.empty() ? Tensor() : grad_outputs[0];
  if (!g.defined()) return TensorList(next_edges.size());
  // PyTorch unpacks every saved variable before the formula runs: a freed
  // or modified one fails here even if this gradient would not read it.
  for (const SavedTensor& s : saved_) s.unpack();
  TensorList out = fn_(g, saved_);
  out.resize(next_edges.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (!next_edges[i].valid()) out[i] = Tensor();
  }
  return out;
}

void record(const std::string& name, std::initializer_list<const Tensor*> inputs, const Tensor& out,
            std::vector<SavedTensor> saved, LambdaNode::Fn fn) {
  if (!needs_grad(inputs)) return;
  auto node = std::make_shared<LambdaNode>(name, std::move(saved), std::move(fn));
  node->mark_saved_outputs(out, node);
  set_history(node, inputs, {&out});
}

}  // namespace lesson::autograd
