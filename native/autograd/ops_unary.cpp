#include "autograd/ops_unary.hpp"

#include "autograd/ops_util.hpp"
#include "tensor/elementwise_binary.hpp"
#include "tensor/elementwise_clamp.hpp"
#include "tensor/elementwise_compare.hpp"
#include "tensor/elementwise_unary.hpp"
#include "tensor/elementwise_where.hpp"

namespace lesson::autograd {

namespace T = lesson::tensor;
using tensor::Scalar;
using Saved = std::vector<SavedTensor>;

Tensor exp(const Tensor& a) {
  Tensor out = T::exp(a);
  record("ExpBackward0", {&a}, out, {SavedTensor(out)},
         [](const Tensor& g, const Saved& s) { return TensorList{T::mul(g, s[0].unpack())}; });
  return out;
}

Tensor log(const Tensor& a) {
  Tensor out = T::log(a);
  record("LogBackward0", {&a}, out, {SavedTensor(a)},
         [](const Tensor& g, const Saved& s) { return TensorList{T::div(g, s[0].unpack())}; });
  return out;
}

Tensor sqrt(const Tensor& a) {
  Tensor out = T::sqrt(a);
  record("SqrtBackward0", {&a}, out, {SavedTensor(out)}, [](const Tensor& g, const Saved& s) {
    return TensorList{T::div(g, T::mul(s[0].unpack(), Scalar(2.0)))};
  });
  return out;
}

Tensor rsqrt(const Tensor& a) {
  Tensor out = T::rsqrt(a);
  // d/da a^-1/2 = -1/2 a^-3/2 = -1/2 out^3
  record("RsqrtBackward0", {&a}, out, {SavedTensor(out)}, [](const Tensor& g, const Saved& s) {
    Tensor r = s[0].unpack();
    return TensorList{T::mul(g, T::mul(T::mul(r, T::mul(r, r)), Scalar(-0.5)))};
  });
  return out;
}

Tensor abs(const Tensor& a) {
  Tensor out = T::abs(a);
  record("AbsBackward0", {&a}, out, {SavedTensor(a)}, [](const Tensor& g, const Saved& s) {
    Tensor x = s[0].unpack();
    Tensor sign = T::sub(T::where(T::gt(x, Scalar(0)), Scalar(1.0), Scalar(0.0)),
                         T::where(T::lt(x, Scalar(0)), Scalar(1.0), Scalar(0.0)));
    return TensorList{T::mul(g, sign)};
  });
  return out;
}

Tensor sin(const Tensor& a) {
  Tensor out = T::sin(a);
  record("SinBackward0", {&a}, out, {SavedTensor(a)},
         [](const Tensor& g, const Saved& s) { return TensorList{T::mul(g, T::cos(s[0].unpack()))}; });
  return out;
}

Tensor cos(const Tensor& a) {
  Tensor out = T::cos(a);
  record("CosBackward0", {&a}, out, {SavedTensor(a)}, [](const Tensor& g, const Saved& s) {
    return TensorList{T::mul(g, T::neg(T::sin(s[0].unpack())))};
  });
  return out;
}

Tensor tanh(const Tensor& a) {
  Tensor out = T::tanh(a);
  record("TanhBackward0", {&a}, out, {SavedTensor(out)}, [](const Tensor& g, const Saved& s) {
    Tensor y = s[0].unpack();
    return TensorList{T::mul(g, T::sub(Scalar(1.0), T::mul(y, y)))};
  });
  return out;
}

Tensor sigmoid(const Tensor& a) {
  Tensor out = T::sigmoid(a);
  record("SigmoidBackward0", {&a}, out, {SavedTensor(out)}, [](const Tensor& g, const Saved& s) {
    Tensor y = s[0].unpack();
    return TensorList{T::mul(g, T::mul(y, T::sub(Scalar(1.0), y)))};
  });
  return out;
}

Tensor relu(const Tensor& a) {
  Tensor out = T::relu(a);
  record("ReluBackward0", {&a}, out, {SavedTensor(out)}, [](const Tensor& g, const Saved& s) {
    return TensorList{T::where(T::gt(s[0].unpack(), Scalar(0)), g, Scalar(0.0))};
  });
  return out;
}

Tensor clamp(const Tensor& a, const std::optional<Scalar>& min, const std::optional<Scalar>& max) {
  Tensor out = T::clamp(a, min, max);
  record("ClampBackward1", {&a}, out, {SavedTensor(a)}, [min, max](const Tensor& g, const Saved& s) {
    Tensor x = s[0].unpack();
    Tensor r = g;
    if (min) r = T::where(T::ge(x, *min), r, Scalar(0.0));
    if (max) r = T::where(T::le(x, *max), r, Scalar(0.0));
    return TensorList{r};
  });
  return out;
}

}  // namespace lesson::autograd
