// A tensor a backward node keeps for later, with the checks PyTorch makes
// when it is used: not freed by an earlier backward, and not modified in
// place since it was saved.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "tensor/tensor.hpp"

namespace lesson::autograd {

class SavedTensor {
 public:
  SavedTensor() = default;
  // Keeps an alias of `t`'s data without its autograd history, so that a node
  // saving its own output does not form a reference cycle.
  explicit SavedTensor(const tensor::Tensor& t);

  // The saved data. Throws PyTorch's errors if released or modified in place.
  tensor::Tensor unpack() const;
  void release() { released_ = true; data_ = tensor::Tensor(); }
  // When this saves `out`, the result of node `node_name` (record() calls
  // it): the in-place error then names that node, as PyTorch's does for a
  // saved output.
  void mark_output_of(const tensor::Tensor& out, const std::string& node_name);
  bool defined() const { return defined_; }

 private:
  tensor::Tensor data_;
  std::uint64_t saved_version_ = 0;
  std::string producer_;  // "which is output 0 of MulBackward0" part, at save time
  // The tensor saved: PyTorch names its grad_fn at the time of the check
  // (an in-place op may have replaced it), unless it is the node's output.
  std::weak_ptr<tensor::TensorImpl> source_;
  bool is_output_ = false;
  bool defined_ = false;
  bool released_ = false;
};

}  // namespace lesson::autograd
