// Splitting a tensor into views along one dim: split (equal pieces, the last
// smaller), split_with_sizes (given sizes) and chunk (a number of pieces).
#pragma once

#include <cstdint>
#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

std::vector<Tensor> split(const Tensor& self, std::int64_t split_size, std::int64_t dim = 0);
std::vector<Tensor> split_with_sizes(const Tensor& self, const std::vector<std::int64_t>& split_sizes,
                                     std::int64_t dim = 0);
std::vector<Tensor> chunk(const Tensor& self, std::int64_t chunks, std::int64_t dim = 0);

}  // namespace lesson::tensor
