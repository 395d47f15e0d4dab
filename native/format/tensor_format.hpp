// PyTorch 1.13's text for tensors, sizes and dtypes: repr(t) (== str(t)),
// str(t.shape), str(t.dtype). A port of torch/_tensor_str.py that works on
// plain data, so it needs nothing from the Tensor class.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "format/print_options.hpp"
#include "tensor/dtype.hpp"

namespace lesson::format {

// Everything printing a tensor needs, its elements in row-major order.
struct TensorData {
  tensor::DType dtype = tensor::DType::Float32;
  std::vector<std::int64_t> shape;  // empty = 0-d
  std::vector<double> floats;       // the elements when dtype == Float32 (float32 widened)
  std::vector<std::int64_t> ints;   // the elements when dtype == Int64, or Bool as 0/1
  bool requires_grad = false;       // a leaf that requires grad: ", requires_grad=True"
  std::string grad_fn;              // non-empty: ", grad_fn=<MulBackward0>" (wins over requires_grad)
};

// repr(t): "tensor([1., 2.])", "tensor([], size=(0, 3), dtype=torch.int64)",
// "tensor(0.5000, grad_fn=<MeanBackward0>)", summarized with "..." above the
// threshold, wrapped at the line width. Throws std::invalid_argument when the
// element count does not match the shape, and std::runtime_error where
// PyTorch itself fails (summarizing a tensor of two or more dimensions with
// edgeitems <= 0: "stack expects a non-empty TensorList").
std::string format_tensor(const TensorData& t, const PrintOptions& options = print_options());

// repr(torch.nn.Parameter(t)): "Parameter containing:\n" + repr(t).
std::string format_parameter(const TensorData& t, const PrintOptions& options = print_options());

// str(torch.Size(shape)): "torch.Size([2, 3])", "torch.Size([])".
std::string format_size(const std::vector<std::int64_t>& shape);

// str(dtype): "torch.float32", "torch.int64", "torch.bool".
std::string format_dtype(tensor::DType dtype);

}  // namespace lesson::format
