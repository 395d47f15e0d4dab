// A tensor a backward node keeps for later, with the checks PyTorch makes
// when it is used: not freed by an earlier backward, and not modified in
// place since it was saved.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "tensor/tensor.hpp"

namespace lesson::autograd {

class Node;

class SavedTensor {
 public:
  SavedTensor() = default;
  // Keeps an alias of `t`'s data without its autograd history, so that a node
  // saving its own output does not form a reference cycle.
  explicit SavedTensor(const tensor::Tensor& t);

  // The saved data. Throws PyTorch's errors if released or modified in place.
  tensor::Tensor unpack() const;
  void release() { released_ = true; data_ = tensor::Tensor(); }
  // When this saves `out`, the output of `node` (record() calls it), the
  // in-place error names that node, as PyTorch's does for a saved output.
  void mark_output_of(const tensor::Tensor& out, const std::shared_ptr<Node>& node);
  bool defined() const { return defined_; }

 private:
  std::string producer_now() const;
  tensor::Tensor data_;
  std::uint64_t saved_version_ = 0;
  // What the in-place error names: for a saved input, the grad_fn the tensor
  // has at the time of the check (an in-place op may have replaced it), or
  // the one it had when saved if the tensor is gone; for a saved output, the
  // node itself. Names are only built when the error is.
  std::weak_ptr<tensor::TensorImpl> source_;
  std::weak_ptr<Node> producer_;
  std::uint32_t producer_output_ = 0;
  bool is_output_ = false;
  bool defined_ = false;
  bool released_ = false;
};

}  // namespace lesson::autograd
