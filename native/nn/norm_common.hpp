// What the normalization layers share above the SIMD loops: the results of
// their ATen-level forward and backward functions, and small helpers for
// optional float32 parameters and PyTorch's input checks.
#pragma once

#include <array>
#include <string>

#include "tensor/tensor.hpp"

namespace lesson::nn {

using tensor::Tensor;

// native_batch_norm / native_layer_norm / native_group_norm results: the
// output and the statistics the backward pass needs (mean and 1/std).
struct NormForward {
  Tensor output;
  Tensor mean;
  Tensor invstd;
};

// Gradients w.r.t. input, weight and bias; undefined where not requested.
struct NormGradients {
  Tensor input;
  Tensor weight;
  Tensor bias;
};

// Which of the three gradients to compute (PyTorch's output_mask).
using GradMask = std::array<bool, 3>;

namespace norm_detail {

// '"batch_norm" not implemented for \'Long\'' for non-float32 inputs, as
// PyTorch's dtype dispatch says it.
void check_float_input(const Tensor& input, const char* kernel_name);

// A contiguous float32 version of an optional tensor (undefined stays
// undefined), and its data pointer or null.
Tensor contiguous_float(const Tensor& t);
inline const float* data_or_null(const Tensor& t) { return t.defined() ? t.data<float>() : nullptr; }

// The gradient a backward node was handed, as a contiguous tensor of `shape`.
Tensor contiguous_grad(const Tensor& grad, const tensor::Shape& shape);

// `t`'s (contiguous) values with another shape of the same element count.
Tensor reshaped(const Tensor& t, const tensor::Shape& shape);

// A tensor the forward pass updates in place (running statistics): writes go
// to a contiguous float buffer and are copied back, and the version is bumped
// (autograd's in-place bookkeeping), when `commit` is called.
class InPlaceFloat {
 public:
  explicit InPlaceFloat(const Tensor& target);
  float* data() const { return work_.defined() ? work_.data<float>() : nullptr; }
  void commit() const;

 private:
  Tensor target_;
  Tensor work_;
};

}  // namespace norm_detail
}  // namespace lesson::nn
