// Rounding, sign and float classification, element-wise, as PyTorch 1.13's
// CPU kernels: floor, ceil, trunc and round keep the dtype (integers come back
// unchanged, bool is refused); round is half to even, and round(decimals=d)
// scales by 10^d in float; frac is float only; sign keeps the dtype (sign of
// NaN is 0); isnan, isinf and isfinite give bool tensors.
#pragma once

#include <cstdint>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

Tensor floor(const Tensor& a);
Tensor ceil(const Tensor& a);
Tensor trunc(const Tensor& a);
Tensor round(const Tensor& a);
Tensor round(const Tensor& a, std::int64_t decimals);
Tensor frac(const Tensor& a);
Tensor sign(const Tensor& a);

Tensor isnan(const Tensor& a);
Tensor isinf(const Tensor& a);
Tensor isfinite(const Tensor& a);

}  // namespace lesson::tensor
