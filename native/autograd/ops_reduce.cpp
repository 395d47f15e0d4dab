#include "autograd/ops_reduce.hpp"

#include "autograd/ops_util.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_binary.hpp"
#include "tensor/elementwise_compare.hpp"
#include "tensor/elementwise_where.hpp"
#include "tensor/reduce_moments.hpp"
#include "tensor/reduce_sum.hpp"
#include "tensor/reshape.hpp"
#include "tensor/views.hpp"

namespace lesson::autograd {

namespace T = lesson::tensor;
using tensor::Scalar;
using Saved = std::vector<SavedTensor>;

namespace {

std::vector<bool> mask_for(const Tensor& a, const T::DimList& dims) {
  if (dims.empty()) return std::vector<bool>(static_cast<std::size_t>(a.dim()), true);
  return T::reduce_mask(a, dims);
}

// The gradient of a reduction result, viewed with the reduced dims kept and
// expanded back to the input's shape.
Tensor expand_back(const Tensor& g, const T::Shape& in_shape, const std::vector<bool>& mask) {
  Tensor kept = T::reshape(g, T::reduced_shape(in_shape, mask, /*keepdim=*/true));
  return T::expand(kept, in_shape);
}

std::int64_t reduced_count(const T::Shape& shape, const std::vector<bool>& mask) {
  std::int64_t n = 1;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (mask[i]) n *= shape[i];
  }
  return n;
}

}  // namespace

Tensor sum(const Tensor& a) {
  Tensor out = T::sum(a);
  const T::Shape s = a.shape();
  record("SumBackward0", {&a}, out, {}, [s](const Tensor& g, const Saved&) {
    return TensorList{T::expand(T::reshape(g, T::Shape(s.size(), 1)), s)};
  });
  return out;
}

Tensor sum(const Tensor& a, const T::DimList& dims, bool keepdim) {
  Tensor out = T::sum(a, dims, keepdim);
  const T::Shape s = a.shape();
  const auto mask = mask_for(a, dims);
  record("SumBackward1", {&a}, out, {}, [s, mask](const Tensor& g, const Saved&) {
    return TensorList{expand_back(g, s, mask)};
  });
  return out;
}

Tensor mean(const Tensor& a) {
  Tensor out = T::mean(a);
  const T::Shape s = a.shape();
  const double n = static_cast<double>(a.numel());
  record("MeanBackward0", {&a}, out, {}, [s, n](const Tensor& g, const Saved&) {
    return TensorList{T::expand(T::reshape(T::div(g, Scalar(n)), T::Shape(s.size(), 1)), s)};
  });
  return out;
}

Tensor mean(const Tensor& a, const T::DimList& dims, bool keepdim) {
  Tensor out = T::mean(a, dims, keepdim);
  const T::Shape s = a.shape();
  const auto mask = mask_for(a, dims);
  const double n = static_cast<double>(reduced_count(s, mask));
  record("MeanBackward1", {&a}, out, {}, [s, mask, n](const Tensor& g, const Saved&) {
    return TensorList{expand_back(T::div(g, Scalar(n)), s, mask)};
  });
  return out;
}

Tensor var(const Tensor& a, const T::DimList& dims, std::int64_t correction, bool keepdim) {
  Tensor out = T::var(a, dims, correction, keepdim);
  const T::Shape s = a.shape();
  const auto mask = mask_for(a, dims);
  const double n = static_cast<double>(reduced_count(s, mask) - correction);
  record("VarBackward0", {&a}, out, {SavedTensor(a)}, [s, mask, n, dims](const Tensor& g, const Saved& sv) {
    Tensor x = sv[0].unpack();
    Tensor centered = T::sub(x, T::mean(x, dims, /*keepdim=*/true));
    return TensorList{T::mul(expand_back(g, s, mask), T::mul(centered, Scalar(2.0 / n)))};
  });
  return out;
}

Tensor std_dev(const Tensor& a, const T::DimList& dims, std::int64_t correction, bool keepdim) {
  Tensor out = T::std_dev(a, dims, correction, keepdim);
  const T::Shape s = a.shape();
  const auto mask = mask_for(a, dims);
  const double n = static_cast<double>(reduced_count(s, mask) - correction);
  record("StdBackward0", {&a}, out, {SavedTensor(a), SavedTensor(out)},
         [s, mask, n, dims](const Tensor& g, const Saved& sv) {
           Tensor x = sv[0].unpack();
           Tensor centered = T::sub(x, T::mean(x, dims, /*keepdim=*/true));
           Tensor scale = expand_back(T::div(g, T::mul(sv[1].unpack(), Scalar(n))), s, mask);
           return TensorList{T::mul(scale, centered)};
         });
  return out;
}

namespace {

Tensor full_extreme(const Tensor& a, bool is_max) {
  Tensor out = is_max ? T::max(a) : T::min(a);
  const T::Shape s = a.shape();
  record(is_max ? "MaxBackward1" : "MinBackward1", {&a}, out, {SavedTensor(a), SavedTensor(out)},
         [s](const Tensor& g, const Saved& sv) {
           Tensor hit = T::where(T::eq(sv[0].unpack(), sv[1].unpack()), Scalar(1.0), Scalar(0.0));
           Tensor share = T::div(g, T::sum(hit));
           return TensorList{T::mul(hit, share)};
         });
  return out;
}

T::ValuesIndices dim_extreme(const Tensor& a, std::int64_t dim, bool keepdim, bool is_max) {
  T::ValuesIndices r = is_max ? T::max(a, dim, keepdim) : T::min(a, dim, keepdim);
  const T::Shape s = a.shape();
  const std::int64_t nd = a.dim() == 0 ? 1 : a.dim();
  const std::int64_t d = dim < 0 ? dim + nd : dim;
  const Tensor indices = r.indices;
  record(is_max ? "MaxBackward0" : "MinBackward0", {&a}, r.values, {SavedTensor(indices)},
         [s, d, keepdim](const Tensor& g, const Saved& sv) {
           if (s.empty()) return TensorList{T::reshape(g, s)};
           std::vector<bool> mask(s.size(), false);
           mask[static_cast<std::size_t>(d)] = true;
           Tensor idx = T::expand(T::reshape(sv[0].unpack(), T::reduced_shape(s, mask, true)), s);
           T::Shape pos_shape(s.size(), 1);
           pos_shape[static_cast<std::size_t>(d)] = s[static_cast<std::size_t>(d)];
           Tensor pos = T::reshape(T::arange(Scalar(0), Scalar(s[static_cast<std::size_t>(d)])), pos_shape);
           (void)keepdim;
           return TensorList{T::where(T::eq(idx, pos), expand_back(g, s, mask), Scalar(0.0))};
         });
  return r;
}

}  // namespace

Tensor max(const Tensor& a) { return full_extreme(a, true); }
Tensor min(const Tensor& a) { return full_extreme(a, false); }
T::ValuesIndices max(const Tensor& a, std::int64_t dim, bool keepdim) { return dim_extreme(a, dim, keepdim, true); }
T::ValuesIndices min(const Tensor& a, std::int64_t dim, bool keepdim) { return dim_extreme(a, dim, keepdim, false); }

}  // namespace lesson::autograd
