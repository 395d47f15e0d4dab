// max, min, argmax and argmin. NaN wins as in PyTorch (the first NaN's
// index is reported), and ties go to the first index.
#pragma once

#include <cstdint>
#include <optional>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// torch.return_types.max / .min: values keep the input's dtype, indices
// are int64 positions along the reduced dim.
struct ValuesIndices {
  Tensor values;
  Tensor indices;
};

// Whole tensor -> 0-d. Error on an empty input: "max(): Expected reduction
// dim to be specified for input.numel() == 0. Specify the reduction dim with
// the 'dim' argument."
Tensor max(const Tensor& self);
Tensor min(const Tensor& self);

// Along one dim. An empty reduced dim is an IndexError: "max(): Expected
// reduction dim 0 to have non-zero size."
ValuesIndices max(const Tensor& self, std::int64_t dim, bool keepdim = false);
ValuesIndices min(const Tensor& self, std::int64_t dim, bool keepdim = false);

// Without a dim: the flat (row-major) index, shaped all-ones with keepdim.
// Bool input: "\"argmax_cpu\" not implemented for 'Bool'".
Tensor argmax(const Tensor& self, std::optional<std::int64_t> dim = std::nullopt, bool keepdim = false);
Tensor argmin(const Tensor& self, std::optional<std::int64_t> dim = std::nullopt, bool keepdim = false);

}  // namespace lesson::tensor
