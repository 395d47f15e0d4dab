// repr of the named tuples torch.max(x, dim) / torch.min(x, dim) return:
//   torch.return_types.max(
//   values=tensor([...]),
//   indices=tensor([...]))
#pragma once

#include <string>

#include "tensor/tensor.hpp"

namespace lesson::format {

// `op` is the function's name ("max", "min").
std::string values_indices_repr(const std::string& op, const tensor::Tensor& values,
                                const tensor::Tensor& indices);

}  // namespace lesson::format
