#include "autograd/ops_linalg.hpp"

#include "autograd/ops_arith.hpp"
#include "autograd/ops_shape.hpp"
#include "autograd/ops_util.hpp"
#include "core/errors.hpp"
#include "tensor/elementwise_binary.hpp"
#include "tensor/linalg.hpp"
#include "tensor/reshape.hpp"
#include "tensor/views.hpp"

namespace lesson::autograd {

namespace T = lesson::tensor;
using tensor::Scalar;
using Saved = std::vector<SavedTensor>;

namespace {

Tensor mT(const Tensor& t) { return T::transpose(t, -2, -1); }

const char* matmul_name(std::int64_t da, std::int64_t db) {
  if (da == 1 && db == 1) return "DotBackward0";
  if (da == 2 && db == 1) return "MvBackward0";
  if (da == 1 && db == 2) return "SqueezeBackward3";
  if (da == 2 && db == 2) return "MmBackward0";
  if (da == 2 && db >= 3) return "CloneBackward0";
  return "UnsafeViewBackward0";
}

}  // namespace

Tensor matmul(const Tensor& a, const Tensor& b) {
  Tensor out = T::matmul(a, b);
  const T::Shape sa = a.shape(), sb = b.shape();
  record(matmul_name(a.dim(), b.dim()), {&a, &b}, out, {save_for(b, a), save_for(a, b)},
         [sa, sb](const Tensor& g0, const Saved& s) {
           // a is saved for b's gradient and b for a's (save_for).
           Tensor a2 = s[0].unpack(), b2 = s[1].unpack(), g = g0;
           T::Shape sa2 = sa, sb2 = sb;
           if (sb.size() == 1) {
             if (b2.defined()) b2 = T::unsqueeze(b2, -1);
             sb2.push_back(1);
             g = T::unsqueeze(g, -1);
           }
           if (sa.size() == 1) {
             if (a2.defined()) a2 = T::unsqueeze(a2, 0);
             sa2.insert(sa2.begin(), 1);
             g = T::unsqueeze(g, -2);
           }
           Tensor ga = b2.defined() ? T::reshape(sum_to(T::matmul(g, mT(b2)), sa2), sa) : Tensor();
           Tensor gb = a2.defined() ? T::reshape(sum_to(T::matmul(mT(a2), g), sb2), sb) : Tensor();
           return TensorList{ga, gb};
         });
  return out;
}

Tensor mm(const Tensor& a, const Tensor& b) {
  Tensor out = T::mm(a, b);
  record("MmBackward0", {&a, &b}, out, {save_for(b, a), save_for(a, b)}, [](const Tensor& g, const Saved& s) {
    return TensorList{if_saved(s[1], [&](const Tensor& b2) { return T::mm(g, T::t(b2)); }),
                      if_saved(s[0], [&](const Tensor& a2) { return T::mm(T::t(a2), g); })};
  });
  return out;
}

Tensor bmm(const Tensor& a, const Tensor& b) {
  Tensor out = T::bmm(a, b);
  record("BmmBackward0", {&a, &b}, out, {save_for(b, a), save_for(a, b)}, [](const Tensor& g, const Saved& s) {
    return TensorList{if_saved(s[1], [&](const Tensor& b2) { return T::bmm(g, mT(b2)); }),
                      if_saved(s[0], [&](const Tensor& a2) { return T::bmm(mT(a2), g); })};
  });
  return out;
}

Tensor mv(const Tensor& a, const Tensor& v) {
  Tensor out = T::mv(a, v);
  record("MvBackward0", {&a, &v}, out, {save_for(v, a), save_for(a, v)}, [](const Tensor& g, const Saved& s) {
    return TensorList{if_saved(s[1], [&](const Tensor& v2) { return T::mul(T::unsqueeze(g, 1), T::unsqueeze(v2, 0)); }),
                      if_saved(s[0], [&](const Tensor& a2) { return T::mv(T::t(a2), g); })};
  });
  return out;
}

Tensor dot(const Tensor& a, const Tensor& b) {
  Tensor out = T::dot(a, b);
  record("DotBackward0", {&a, &b}, out, {save_for(b, a), save_for(a, b)}, [](const Tensor& g, const Saved& s) {
    return TensorList{if_saved(s[1], [&](const Tensor& b2) { return T::mul(b2, g); }),
                      if_saved(s[0], [&](const Tensor& a2) { return T::mul(a2, g); })};
  });
  return out;
}

Tensor addmm(const Tensor& bias, const Tensor& m1, const Tensor& m2, const Scalar& beta, const Scalar& alpha) {
  // addmm checks the two matrices' dtypes before mm would (nn.Linear on an
  // integer input reads this way in PyTorch).
  if (m1.dtype() != m2.dtype()) throw_runtime_error("mat1 and mat2 must have the same dtype");
  const double be = beta.to_double(), al = alpha.to_double();
  Tensor prod = T::mm(m1, m2);
  if (al != 1.0) prod = T::mul(prod, alpha);
  Tensor out = T::add(prod, be == 1.0 ? bias : T::mul(bias, beta));
  const T::Shape sbias = bias.shape();
  record("AddmmBackward0", {&bias, &m1, &m2}, out, {save_for(m2, m1), save_for(m1, m2)},
         [sbias, be, al](const Tensor& g, const Saved& s) {
           Tensor gs = al == 1.0 ? g : T::mul(g, Scalar(al));
           Tensor gbias = sum_to(be == 1.0 ? g : T::mul(g, Scalar(be)), sbias);
           return TensorList{gbias, if_saved(s[1], [&](const Tensor& w) { return T::mm(gs, T::t(w)); }),
                             if_saved(s[0], [&](const Tensor& x) { return T::mm(T::t(x), gs); })};
         });
  return out;
}

Tensor linear(const Tensor& x, const Tensor& weight, const Tensor& bias) {
  Tensor wt = autograd::t(weight);
  if (x.dim() == 2 && bias.defined()) return autograd::addmm(bias, x, wt);
  if (x.dim() > 2 && bias.defined() && x.is_contiguous()) {
    // PyTorch folds the batch dims into one addmm and views the result back.
    tensor::Shape out_shape = x.shape();
    out_shape.back() = weight.shape()[0];
    Tensor flat = autograd::reshape(x, {-1, x.shape().back()});
    return autograd::view(autograd::addmm(bias, flat, wt), out_shape);
  }
  Tensor out = autograd::matmul(x, wt);
  if (bias.defined()) out = autograd::add(out, bias);
  return out;
}

}  // namespace lesson::autograd
