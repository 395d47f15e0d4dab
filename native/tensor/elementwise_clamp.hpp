// torch.clamp / Tensor.clamp_ with number bounds or tensor bounds (either may
// be left out, not both). Bounds take part in type promotion: clamping an
// int64 tensor to 0.5 gives float32.
#pragma once

#include <optional>

#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

// Number bounds: NaN in x stays NaN; a single NaN bound is ignored, but if
// both are given and either is NaN the result is all NaN (PyTorch 1.13).
Tensor clamp(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max);
// Tensor bounds (undefined Tensor = None), broadcast with self; NaN anywhere
// gives NaN.
Tensor clamp(const Tensor& self, const Tensor& min, const Tensor& max);

Tensor clamp_(const Tensor& self, const std::optional<Scalar>& min, const std::optional<Scalar>& max);
Tensor clamp_(const Tensor& self, const Tensor& min, const Tensor& max);

}  // namespace lesson::tensor
