// Joining tensors along a dim: cat (an existing dim) and stack (a new one).
// Results are new tensors of the promoted dtype.
#pragma once

#include <cstdint>
#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// torch.cat. Like PyTorch 1.13 it skips 1-d empty tensors (shape [0]) in the
// shape checks, a legacy allowance.
Tensor cat(const std::vector<Tensor>& tensors, std::int64_t dim = 0);
Tensor stack(const std::vector<Tensor>& tensors, std::int64_t dim = 0);

}  // namespace lesson::tensor
