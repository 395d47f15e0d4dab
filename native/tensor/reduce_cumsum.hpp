// cumsum: running sums along one dim, same shape as the input.
#pragma once

#include <cstdint>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// Float stays float (accumulated in double, as PyTorch's CPU kernel does);
// int64 and bool give int64. A 0-d tensor accepts dim 0 / -1.
Tensor cumsum(const Tensor& self, std::int64_t dim);

}  // namespace lesson::tensor
