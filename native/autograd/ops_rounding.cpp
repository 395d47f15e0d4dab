#include "autograd/ops_rounding.hpp"

#include "autograd/ops_util.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_rounding.hpp"

namespace lesson::autograd {

namespace T = lesson::tensor;
using Saved = std::vector<SavedTensor>;

namespace {

// A step function of the input: the gradient is zeros shaped like it.
Tensor step(const char* name, const Tensor& a, Tensor out) {
  record(name, {&a}, out, {}, [](const Tensor& g, const Saved&) {
    return TensorList{T::full(g.shape(), tensor::Scalar(0.0), g.dtype())};
  });
  return out;
}

}  // namespace

Tensor floor(const Tensor& a) { return step("FloorBackward0", a, T::floor(a)); }
Tensor ceil(const Tensor& a) { return step("CeilBackward0", a, T::ceil(a)); }
Tensor trunc(const Tensor& a) { return step("TruncBackward0", a, T::trunc(a)); }
Tensor round(const Tensor& a) { return step("RoundBackward0", a, T::round(a)); }
Tensor round(const Tensor& a, std::int64_t decimals) { return step("RoundBackward1", a, T::round(a, decimals)); }
Tensor sign(const Tensor& a) { return step("SignBackward0", a, T::sign(a)); }

Tensor frac(const Tensor& a) {
  Tensor out = T::frac(a);
  record("FracBackward0", {&a}, out, {}, [](const Tensor& g, const Saved&) { return TensorList{g}; });
  return out;
}

}  // namespace lesson::autograd
