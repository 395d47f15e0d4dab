// torch.Tensor's Python operators: + - * / // % ** @ & | ^ (plain,
// reflected and in place), unary - + ~, comparisons, truth, len, iteration,
// format() and the number conversions (__float__, __int__, __index__).
// Differentiable ones go through lesson::autograd so gradients flow.
#include <string>
#include <vector>

#include "autograd/graph.hpp"
#include "autograd/ops_arith.hpp"
#include "autograd/ops_linalg.hpp"
#include "autograd/ops_unary.hpp"
#include "autograd/ops_util.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_str.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_binary.hpp"
#include "tensor/elementwise_bitwise.hpp"
#include "tensor/elementwise_compare.hpp"
#include "tensor/elementwise_fill.hpp"
#include "tensor/elementwise_inplace.hpp"
#include "tensor/elementwise_pow.hpp"
#include "tensor/elementwise_types.hpp"
#include "tensor/views.hpp"

namespace lesson::python::torch {

namespace ag = lesson::autograd;
namespace ts = lesson::tensor;

namespace {

// a op b with b a tensor or a number; empty when the op does not apply.
Tensor tensor_binary(const Tensor& a, const TensorOrScalar& b, BinOp op, bool& ok) {
  ok = true;
  if (b.tensor) {
    const Tensor& t = *b.tensor;
    switch (op) {
      case BinOp::Add: return ag::add(a, t);
      case BinOp::Sub: return ag::sub(a, t);
      case BinOp::Mul: return ag::mul(a, t);
      case BinOp::TrueDiv: return ag::div(a, t);
      case BinOp::FloorDiv: return ts::floor_divide(a, t);
      case BinOp::Mod: return extra::remainder(a, t);
      case BinOp::Pow: return ag::pow(a, t);
      case BinOp::MatMul: return ag::matmul(a, t);
      case BinOp::And: return ts::bitwise_and(a, t);
      case BinOp::Or: return ts::bitwise_or(a, t);
      case BinOp::Xor: return ts::bitwise_xor(a, t);
      default: break;
    }
  } else {
    const ts::Scalar& s = *b.scalar;
    switch (op) {
      case BinOp::Add: return ag::add(a, s);
      case BinOp::Sub: return ag::sub(a, s);
      case BinOp::Mul: return ag::mul(a, s);
      case BinOp::TrueDiv: return ag::div(a, s);
      case BinOp::FloorDiv: return ts::floor_divide(a, s);
      case BinOp::Mod: return extra::remainder(a, s);
      case BinOp::Pow: return ag::pow(a, s);
      case BinOp::And: return ts::bitwise_and(a, s);
      case BinOp::Or: return ts::bitwise_or(a, s);
      case BinOp::Xor: return ts::bitwise_xor(a, s);
      default: break;
    }
  }
  ok = false;
  return Tensor();
}

// number op tensor.
Tensor scalar_binary(const ts::Scalar& s, const Tensor& a, BinOp op, bool& ok) {
  ok = true;
  switch (op) {
    case BinOp::Add: return ag::add(a, s);
    case BinOp::Sub: return ag::rsub(a, s);
    case BinOp::Mul: return ag::mul(a, s);
    case BinOp::TrueDiv: return ag::rdiv(a, s);
    case BinOp::FloorDiv: return ts::floor_divide(s, a);
    case BinOp::Mod: return ts::remainder(s, a);
    case BinOp::Pow: return ag::pow(s, a);
    case BinOp::And: return ts::bitwise_and(s, a);
    case BinOp::Or: return ts::bitwise_or(s, a);
    case BinOp::Xor: return ts::bitwise_xor(s, a);
    default: break;
  }
  ok = false;
  return Tensor();
}

ObjRef op_binary(Vm&, Object* self, Object* other, BinOp op) {
  TensorOrScalar b = tensor_or_scalar(other);
  if (!b.ok()) return nullptr;
  bool ok = false;
  Tensor r = tensor_binary(tensor_value(self), b, op, ok);
  if (!ok) return nullptr;
  return wrap_tensor(std::move(r));
}

ObjRef op_rbinary(Vm&, Object* self, Object* other, BinOp op) {
  bool ok = false;
  Tensor r;
  if (is_tensor(other)) {
    TensorOrScalar b;
    b.tensor = &tensor_value(self);
    r = tensor_binary(tensor_value(other), b, op, ok);
  } else if (is_number(other)) {
    r = scalar_binary(number_value(other), tensor_value(self), op, ok);
  }
  if (!ok) return nullptr;
  return wrap_tensor(std::move(r));
}

ObjRef op_inplace(Vm& vm, Object* self, Object* other, BinOp op) {
  TensorOrScalar b = tensor_or_scalar(other);
  if (!b.ok()) return nullptr;
  const Tensor& a = tensor_value(self);
  if (op != BinOp::MatMul) extra::check_inplace_target(a);
  switch (op) {
    case BinOp::Add: b.tensor ? ag::add_(a, *b.tensor) : ag::add_(a, *b.scalar); break;
    case BinOp::Sub: b.tensor ? ag::sub_(a, *b.tensor) : ag::sub_(a, *b.scalar); break;
    case BinOp::Mul: b.tensor ? ag::mul_(a, *b.tensor) : ag::mul_(a, *b.scalar); break;
    case BinOp::TrueDiv: b.tensor ? ag::div_(a, *b.tensor) : ag::div_(a, *b.scalar); break;
    case BinOp::MatMul: return nullptr;
    default: break;
  }
  if (op == BinOp::Add || op == BinOp::Sub || op == BinOp::Mul || op == BinOp::TrueDiv) {
    propagate_view_inplace(self);
    return ObjRef(self);
  }
  // Ops without a differentiable in-place form: computed, then written back
  // when no gradient has to flow through them.
  const bool tracked = ag::needs_grad({&a}) || (b.tensor && ag::needs_grad({b.tensor}));
  if (tracked) {
    ag::check_inplace(a);
    return nullptr;
  }
  bool ok = false;
  Tensor r = tensor_binary(a, b, op, ok);
  if (!ok) return nullptr;
  ts::check_inplace_cast(a, r.dtype());
  ts::check_inplace_shape(a, r.shape());
  ts::copy_(a, r);
  (void)vm;
  propagate_view_inplace(self);
  return ObjRef(self);
}

ObjRef op_unary(Vm&, Object* self, UnaryOp op) {
  const Tensor& a = tensor_value(self);
  switch (op) {
    case UnaryOp::Neg: return wrap_tensor(ag::neg(a));
    case UnaryOp::Pos: return ObjRef(self);
    case UnaryOp::Invert: return wrap_tensor(ts::invert(a));
  }
  return nullptr;
}

Tensor compare_tensors(const Tensor& a, const TensorOrScalar& b, CmpOp op) {
  if (b.tensor) {
    const Tensor& t = *b.tensor;
    switch (op) {
      case CmpOp::Eq: return ts::eq(a, t);
      case CmpOp::Ne: return ts::ne(a, t);
      case CmpOp::Lt: return ts::lt(a, t);
      case CmpOp::Le: return ts::le(a, t);
      case CmpOp::Gt: return ts::gt(a, t);
      case CmpOp::Ge: return ts::ge(a, t);
    }
  }
  const ts::Scalar& s = *b.scalar;
  switch (op) {
    case CmpOp::Eq: return ts::eq(a, s);
    case CmpOp::Ne: return ts::ne(a, s);
    case CmpOp::Lt: return ts::lt(a, s);
    case CmpOp::Le: return ts::le(a, s);
    case CmpOp::Gt: return ts::gt(a, s);
    case CmpOp::Ge: return ts::ge(a, s);
  }
  return Tensor();
}

ObjRef op_compare(Vm&, Object* self, Object* other, CmpOp op) {
  TensorOrScalar b = tensor_or_scalar(other);
  if (!b.ok()) return nullptr;
  return wrap_tensor(compare_tensors(tensor_value(self), b, op));
}

int op_truth(Vm&, Object* self) {
  const Tensor& t = tensor_value(self);
  if (t.numel() == 0) raise(&t_RuntimeError, "Boolean value of Tensor with no values is ambiguous");
  if (t.numel() > 1) raise(&t_RuntimeError, "Boolean value of Tensor with more than one value is ambiguous");
  return ts::item_scalar(t.dim() == 0 ? t : t.contiguous()).to_bool() ? 1 : 0;
}

std::int64_t op_len(Vm&, Object* self) {
  const Tensor& t = tensor_value(self);
  if (t.dim() == 0) raise(&t_TypeError, "len() of a 0-d tensor");
  return t.shape()[0];
}

// One row of x along dim 0, as unbind gives it (UnbindBackward0).
Tensor unbind_row(const Tensor& x, std::int64_t i) {
  Tensor row = ts::select(x, 0, i);
  if (!ag::needs_grad({&x})) return row;
  const ts::Shape shape = x.shape();
  const ts::DType dtype = x.dtype();
  ag::record("UnbindBackward0", {&x}, row, {},
             [shape, dtype, i](const Tensor& grad, const std::vector<ag::SavedTensor>&) -> ag::TensorList {
               Tensor g = ts::zeros(shape, dtype);
               ts::copy_(ts::select(g, 0, i), grad);
               return {g};
             });
  return row;
}

ObjRef op_iter(Vm& vm, Object* self) {
  const Tensor& t = tensor_value(self);
  if (t.dim() == 0) raise(&t_TypeError, "iteration over a 0-d tensor");
  std::vector<ObjRef> rows;
  rows.reserve(static_cast<std::size_t>(t.shape()[0]));
  for (std::int64_t i = 0; i < t.shape()[0]; ++i) rows.push_back(wrap_tensor(unbind_row(t, i)));
  ObjRef list = make_list(std::move(rows));
  return get_iter(vm, list.get());
}

ObjRef scalar_object(const Tensor& t) {
  ts::Scalar s = ts::item_scalar(t.dim() == 0 ? t : t.contiguous());
  if (s.is_float()) return make_float(s.to_double());
  if (s.is_bool()) return ObjRef(make_bool(s.to_bool()));
  return make_int(s.to_int());
}

ObjRef op_format(Vm& vm, Object* self, std::string_view spec) {
  const Tensor& t = tensor_value(self);
  if (t.dim() == 0) {
    ObjRef item = scalar_object(t);
    return format(vm, item.get(), spec);
  }
  if (!spec.empty()) raise(&t_TypeError, "unsupported format string passed to Tensor.__format__");
  return str(vm, self);
}

void require_one_element(const Tensor& t) {
  if (t.numel() != 1) raise(&t_ValueError, "only one element tensors can be converted to Python scalars");
}

}  // namespace

// The Python number a one-element tensor holds (item()).
ObjRef tensor_item(const Tensor& t) {
  require_one_element(t);
  return scalar_object(t);
}

void init_tensor_operators() {
  TypeSlots& s = tensor_type.slots;
  s.binary = op_binary;
  s.rbinary = op_rbinary;
  s.inplace = op_inplace;
  s.unary = op_unary;
  s.compare = op_compare;
  s.truth = op_truth;
  s.len = op_len;
  s.iter = op_iter;
  s.format = op_format;
  add_method(&tensor_type, "__float__", [](Vm&, const Args& a) -> ObjRef {
    const Tensor& t = self_tensor(a);
    require_one_element(t);
    return make_float(t.item_double());
  });
  add_method(&tensor_type, "__int__", [](Vm&, const Args& a) -> ObjRef {
    const Tensor& t = self_tensor(a);
    require_one_element(t);
    if (t.dtype() == ts::DType::Float32) {
      double v = t.item_double();
      if (v != v) raise(&t_ValueError, "cannot convert float NaN to integer");
      return make_int(static_cast<std::int64_t>(v));
    }
    return make_int(t.item_int());
  });
  add_method(&tensor_type, "__index__", [](Vm&, const Args& a) -> ObjRef {
    const Tensor& t = self_tensor(a);
    if (t.numel() != 1 || t.dtype() == ts::DType::Float32)
      raise(&t_TypeError, "only integer tensors of a single element can be converted to an index");
    return make_int(t.item_int());
  });
  add_method(&tensor_type, "__abs__",
             [](Vm&, const Args& a) -> ObjRef { return wrap_tensor(ag::abs(self_tensor(a))); });
  add_method(&tensor_type, "__bool__", [](Vm& vm, const Args& a) -> ObjRef {
    return ObjRef(make_bool(op_truth(vm, a[0]) != 0));
  });
  add_method(&tensor_type, "__len__", [](Vm& vm, const Args& a) -> ObjRef { return make_int(op_len(vm, a[0])); });
  add_method(&tensor_type, "__format__", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "__format__", 2, 2);
    if (!is_str(a[1])) raise(&t_TypeError, "__format__() argument must be str");
    return op_format(vm, a[0], str_value(a[1]));
  });
  add_method(&tensor_type, "__hash__", [](Vm&, const Args& a) -> ObjRef {
    return make_int(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(a[0]) >> 4));
  });
}

}  // namespace lesson::python::torch
