// Helpers shared by the differentiable op wrappers (ops_*.cpp).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "autograd/graph.hpp"
#include "autograd/saved_tensor.hpp"
#include "tensor/shape.hpp"

namespace lesson::autograd {

// Sums a broadcast gradient back to `shape`: over the leading dims `shape`
// lacks and over the dims where `shape` has size 1.
Tensor sum_to(const Tensor& grad, const tensor::Shape& shape);

// A node whose name is fixed at construction and whose backward is a lambda
// over the output gradient; saved tensors live in `saved` so they can be
// released and checked for in-place modification.
class LambdaNode final : public Node {
 public:
  using Fn = std::function<TensorList(const Tensor& grad, const std::vector<SavedTensor>& saved)>;
  LambdaNode(std::string name, std::vector<SavedTensor> saved, Fn fn)
      : name_(std::move(name)), saved_(std::move(saved)), fn_(std::move(fn)) {}
  std::string name() const override { return name_; }
  TensorList apply(TensorList&& grad_outputs) override;
  void release_variables() override {
    for (auto& s : saved_) s.release();
  }
  // Tells the saved tensors that are `out` that they are this node's output.
  void mark_saved_outputs(const Tensor& out, const std::shared_ptr<Node>& self) {
    for (auto& s : saved_) s.mark_output_of(out, self);
  }

 private:
  std::string name_;
  std::vector<SavedTensor> saved_;
  Fn fn_;
};

// A product saves each operand only for the other one's gradient, as
// PyTorch's derivative code does (x * w saves w only if x requires grad):
// `t` is saved when `other` requires grad, and an in-place change of an
// unsaved operand is no error. Unpacking an unsaved one gives an undefined
// tensor, so the gradient that needs it is not computed.
inline SavedTensor save_for(const Tensor& other, const Tensor& t) {
  return other.requires_grad() ? SavedTensor(t) : SavedTensor();
}

// f(the saved tensor), or an undefined gradient when it was not saved.
template <class F>
Tensor if_saved(const SavedTensor& s, F f) {
  return s.defined() ? f(s.unpack()) : Tensor();
}

// Records `out` as the result of a one-output node when any input needs grad.
void record(const std::string& name, std::initializer_list<const Tensor*> inputs, const Tensor& out,
            std::vector<SavedTensor> saved, LambdaNode::Fn fn);

}  // namespace lesson::autograd
