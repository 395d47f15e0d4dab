// repr() of a live Tensor: gathers its values and autograd state into
// format::TensorData and prints it as PyTorch does.
#pragma once

#include <string>

#include "format/print_options.hpp"
#include "tensor/tensor.hpp"

namespace lesson::format {

std::string tensor_repr(const tensor::Tensor& t, const PrintOptions& options = print_options());
// repr(nn.Parameter): "Parameter containing:\n" + the tensor.
std::string parameter_repr(const tensor::Tensor& t, const PrintOptions& options = print_options());

}  // namespace lesson::format
