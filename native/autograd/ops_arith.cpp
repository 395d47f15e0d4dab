#include "autograd/ops_arith.hpp"

#include <cmath>

#include "autograd/ops_util.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_binary.hpp"
#include "tensor/elementwise_pow.hpp"
#include "tensor/elementwise_unary.hpp"
#include "tensor/elementwise_where.hpp"
#include "tensor/elementwise_compare.hpp"

namespace lesson::autograd {

namespace T = lesson::tensor;

namespace {

using Saved = std::vector<SavedTensor>;

// Records a binary tensor-tensor op whose local gradients are given by `fn`
// before reduction to the input shapes.
void record_binary(const std::string& name, const Tensor& a, const Tensor& b, const Tensor& out,
                   Saved saved, std::function<TensorList(const Tensor&, const Saved&)> fn) {
  const T::Shape sa = a.shape(), sb = b.shape();
  record(name, {&a, &b}, out, std::move(saved), [fn, sa, sb](const Tensor& g, const Saved& s) {
    TensorList r = fn(g, s);
    return TensorList{sum_to(r[0], sa), sum_to(r[1], sb)};
  });
}

// Rebases `self`'s history after an in-place op computed into it: `node_in`
// is a copy of the pre-op history edge holder.
template <class Fn>
Tensor inplace(const std::string& name, const Tensor& self, const Tensor* other, Fn&& fn_forward,
               Saved saved, LambdaNode::Fn backward) {
  check_inplace(self);
  const bool record_it = needs_grad({&self, other});
  // Keep self's old history (edge) before it is replaced.
  Edge self_edge = gradient_edge(self);
  fn_forward();
  if (record_it) {
    auto node = std::make_shared<LambdaNode>(name, std::move(saved), std::move(backward));
    set_history(node, {&self, other}, {&self});
    node->next_edges[0] = self_edge;
  }
  return self;
}

// g * saved, or nothing when the operand was not saved (its partner needs
// no gradient; see save_for).
Tensor product(const Tensor& g, const SavedTensor& s) {
  return if_saved(s, [&](const Tensor& v) { return T::mul(g, v); });
}

// PyTorch wraps the scalar of `x * 2` or `x / 2` in a tensor that the
// backward node saves (as `other`); a second backward through the freed node
// then fails. The node here keeps that wrapped scalar for the same check
// (LambdaNode::apply unpacks every saved tensor).
Saved wrapped_scalar(const Tensor& self, const Scalar& value) {
  if (!needs_grad({&self})) return {};
  return {SavedTensor(T::scalar_tensor(value))};
}

}  // namespace

Tensor add(const Tensor& a, const Tensor& b, const Scalar& alpha) {
  Tensor out = T::add(a, b, alpha);
  const double al = alpha.to_double();
  record_binary("AddBackward0", a, b, out, {}, [al](const Tensor& g, const Saved&) {
    return TensorList{g, al == 1.0 ? g : T::mul(g, Scalar(al))};
  });
  return out;
}

Tensor add(const Tensor& a, const Scalar& b) {
  Tensor out = T::add(a, b);
  record("AddBackward0", {&a, nullptr}, out, {}, [](const Tensor& g, const Saved&) { return TensorList{g}; });
  return out;
}

Tensor sub(const Tensor& a, const Tensor& b, const Scalar& alpha) {
  Tensor out = T::sub(a, b, alpha);
  const double al = alpha.to_double();
  record_binary("SubBackward0", a, b, out, {}, [al](const Tensor& g, const Saved&) {
    return TensorList{g, T::mul(g, Scalar(-al))};
  });
  return out;
}

Tensor sub(const Tensor& a, const Scalar& b) {
  Tensor out = T::sub(a, b);
  record("SubBackward0", {&a, nullptr}, out, {}, [](const Tensor& g, const Saved&) { return TensorList{g}; });
  return out;
}

Tensor rsub(const Tensor& a, const Scalar& b) {
  Tensor out = T::sub(b, a);
  record("RsubBackward1", {&a}, out, {}, [](const Tensor& g, const Saved&) { return TensorList{T::neg(g)}; });
  return out;
}

Tensor mul(const Tensor& a, const Tensor& b) {
  Tensor out = T::mul(a, b);
  record_binary("MulBackward0", a, b, out, {save_for(b, a), save_for(a, b)},
                [](const Tensor& g, const Saved& s) {
                  return TensorList{product(g, s[1]), product(g, s[0])};
                });
  return out;
}

Tensor mul(const Tensor& a, const Scalar& b) {
  Tensor out = T::mul(a, b);
  record("MulBackward0", {&a, nullptr}, out, wrapped_scalar(a, b), [b](const Tensor& g, const Saved&) {
    return TensorList{T::mul(g, b)};
  });
  return out;
}

Tensor div(const Tensor& a, const Tensor& b) {
  Tensor out = T::div(a, b);
  record_binary("DivBackward0", a, b, out, {save_for(b, a), SavedTensor(b)},
                [](const Tensor& g, const Saved& s) {
                  Tensor bb = s[1].unpack();
                  Tensor ga = T::div(g, bb);
                  Tensor gb = if_saved(s[0], [&](const Tensor& a0) { return T::neg(T::div(T::mul(g, a0), T::mul(bb, bb))); });
                  return TensorList{ga, gb};
                });
  return out;
}

Tensor div(const Tensor& a, const Scalar& b) {
  Tensor out = T::div(a, b);
  record("DivBackward0", {&a, nullptr}, out, wrapped_scalar(a, b), [b](const Tensor& g, const Saved&) {
    return TensorList{T::div(g, b)};
  });
  return out;
}

Tensor reciprocal(const Tensor& a) {
  Tensor out = T::reciprocal(a);
  record("ReciprocalBackward0", {&a}, out, {SavedTensor(out)}, [](const Tensor& g, const Saved& s) {
    Tensor r = s[0].unpack();
    return TensorList{T::neg(T::mul(g, T::mul(r, r)))};
  });
  return out;
}

Tensor rdiv(const Tensor& a, const Scalar& b) { return autograd::mul(autograd::reciprocal(a), b); }

Tensor neg(const Tensor& a) {
  Tensor out = T::neg(a);
  record("NegBackward0", {&a}, out, {}, [](const Tensor& g, const Saved&) { return TensorList{T::neg(g)}; });
  return out;
}

Tensor pow(const Tensor& a, const Scalar& e) {
  Tensor out = T::pow(a, e);
  const double ed = e.to_double();
  record("PowBackward0", {&a}, out, {SavedTensor(a)}, [ed](const Tensor& g, const Saved& s) {
    if (ed == 0.0) return TensorList{T::mul(g, Scalar(0.0))};
    return TensorList{T::mul(g, T::mul(T::pow(s[0].unpack(), Scalar(ed - 1.0)), Scalar(ed)))};
  });
  return out;
}

Tensor pow(const Tensor& a, const Tensor& e) {
  Tensor out = T::pow(a, e);
  record_binary("PowBackward1", a, e, out, {SavedTensor(a), SavedTensor(e), SavedTensor(out)},
                [](const Tensor& g, const Saved& s) {
                  Tensor base = s[0].unpack(), ex = s[1].unpack(), res = s[2].unpack();
                  Tensor ga = T::mul(g, T::mul(ex, T::pow(base, T::sub(ex, Scalar(1)))));
                  // d/de: res * log(base), 0 where base == 0 and e >= 0 (PyTorch's mask).
                  Tensor gl = T::mul(res, T::log(base));
                  gl = T::where(T::eq(base, Scalar(0)), T::where(T::ge(ex, Scalar(0)), Scalar(0.0), gl), gl);
                  return TensorList{ga, T::mul(g, gl)};
                });
  return out;
}

Tensor pow(const Scalar& a, const Tensor& e) {
  Tensor out = T::pow(a, e);
  const double ad = a.to_double();
  record("PowBackward1", {nullptr, &e}, out, {SavedTensor(out)}, [ad](const Tensor& g, const Saved& s) {
    if (ad == 0.0) return TensorList{Tensor(), T::mul(g, Scalar(0.0))};
    return TensorList{Tensor(), T::mul(g, T::mul(s[0].unpack(), Scalar(std::log(ad))))};
  });
  return out;
}

// ---- in place ----

Tensor add_(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  const double al = alpha.to_double();
  const T::Shape so = other.shape();
  return inplace("AddBackward0", self, &other, [&] { T::add_(self, other, alpha); }, {},
                 [al, so](const Tensor& g, const Saved&) {
                   return TensorList{g, sum_to(al == 1.0 ? g : T::mul(g, Scalar(al)), so)};
                 });
}

Tensor add_(const Tensor& self, const Scalar& other) {
  return inplace("AddBackward0", self, nullptr, [&] { T::add_(self, other); }, {},
                 [](const Tensor& g, const Saved&) { return TensorList{g}; });
}

Tensor sub_(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  const double al = alpha.to_double();
  const T::Shape so = other.shape();
  return inplace("SubBackward0", self, &other, [&] { T::sub_(self, other, alpha); }, {},
                 [al, so](const Tensor& g, const Saved&) {
                   return TensorList{g, sum_to(T::mul(g, Scalar(-al)), so)};
                 });
}

Tensor sub_(const Tensor& self, const Scalar& other) {
  return inplace("SubBackward0", self, nullptr, [&] { T::sub_(self, other); }, {},
                 [](const Tensor& g, const Saved&) { return TensorList{g}; });
}

Tensor mul_(const Tensor& self, const Tensor& other) {
  const T::Shape so = other.shape();
  Saved saved;
  if (needs_grad({&self, &other}))
    saved = {other.requires_grad() ? SavedTensor(self.clone_data()) : SavedTensor(), save_for(self, other)};
  return inplace("MulBackward0", self, &other, [&] { T::mul_(self, other); }, std::move(saved),
                 [so](const Tensor& g, const Saved& s) {
                   return TensorList{product(g, s[1]), sum_to(product(g, s[0]), so)};
                 });
}

Tensor mul_(const Tensor& self, const Scalar& other) {
  return inplace("MulBackward0", self, nullptr, [&] { T::mul_(self, other); }, wrapped_scalar(self, other),
                 [other](const Tensor& g, const Saved&) {
                                  return TensorList{T::mul(g, other)};
                 });
}

Tensor div_(const Tensor& self, const Tensor& other) {
  const T::Shape so = other.shape();
  Saved saved;
  if (needs_grad({&self, &other}))
    saved = {other.requires_grad() ? SavedTensor(self.clone_data()) : SavedTensor(), SavedTensor(other)};
  return inplace("DivBackward0", self, &other, [&] { T::div_(self, other); }, std::move(saved),
                 [so](const Tensor& g, const Saved& s) {
                   Tensor b = s[1].unpack();
                   Tensor gb = if_saved(s[0], [&](const Tensor& a0) { return T::neg(T::div(T::mul(g, a0), T::mul(b, b))); });
                   return TensorList{T::div(g, b), sum_to(gb, so)};
                 });
}

Tensor div_(const Tensor& self, const Scalar& other) {
  return inplace("DivBackward0", self, nullptr, [&] { T::div_(self, other); }, wrapped_scalar(self, other),
                 [other](const Tensor& g, const Saved&) {
                                  return TensorList{T::div(g, other)};
                 });
}

}  // namespace lesson::autograd
