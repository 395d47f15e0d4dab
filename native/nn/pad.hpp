// torch.nn.functional.pad: constant, reflect, replicate and circular padding
// of the last len(pad) / 2 dims (pad lists (left, right) pairs from the last
// dim backwards; negative amounts crop), with autograd and PyTorch 1.13's
// argument checks and error texts, in the order it makes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::nn {

// mode: "constant", "reflect", "replicate" or "circular" (others raise
// NotImplementedError). value: the fill of constant mode (default 0); the
// other modes accept only None or 0.
tensor::Tensor pad(const tensor::Tensor& input, const std::vector<std::int64_t>& pad, const std::string& mode = "constant",
                   std::optional<double> value = std::nullopt);

}  // namespace lesson::nn
