// x.repeat(*repeats): tiles the tensor, a new contiguous copy.
#pragma once

#include <cstdint>
#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// repeats may have more entries than self has dims (new leading dims).
// Error: "Number of dimensions of repeat dims can not be smaller than number
// of dimensions of tensor"; negative counts fail as torch.empty does.
Tensor repeat(const Tensor& self, const std::vector<std::int64_t>& repeats);

}  // namespace lesson::tensor
