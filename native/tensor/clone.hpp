// Copies of a whole tensor: clone() keeps the memory layout the way PyTorch's
// MemoryFormat::Preserve does (a transposed tensor's clone is transposed
// too), contiguous() copies only when needed.
#pragma once

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// x.clone(): new storage; same strides when self is dense without overlap,
// else dense strides in self's stride order.
Tensor clone(const Tensor& self);
// x.contiguous(): self itself when already contiguous, else a copy.
Tensor contiguous(const Tensor& self);
// Always a new row-major copy (clone(memory_format=torch.contiguous_format)).
Tensor contiguous_copy(const Tensor& self);

}  // namespace lesson::tensor
