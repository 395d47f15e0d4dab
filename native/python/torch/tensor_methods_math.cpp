// torch.Tensor's arithmetic and element-wise methods: add/sub/mul/div/pow
// and their in-place forms, the unary math functions, clamp, comparisons,
// closeness, where / masked_fill and the matrix products.
#include <string>

#include "autograd/ops_arith.hpp"
#include "autograd/ops_linalg.hpp"
#include "autograd/ops_unary.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_binary.hpp"
#include "tensor/elementwise_bitwise.hpp"
#include "tensor/elementwise_clamp.hpp"
#include "tensor/elementwise_close.hpp"
#include "tensor/elementwise_compare.hpp"
#include "tensor/elementwise_unary.hpp"

namespace lesson::python::torch {

namespace ag = lesson::autograd;
namespace ts = lesson::tensor;

namespace {

Type* const T = &tensor_type;

// other as a tensor or a number, with PyTorch's message otherwise.
TensorOrScalar other_arg(Object* o, const char* fname) {
  TensorOrScalar r = tensor_or_scalar(o);
  if (!r.ok())
    raise(&t_TypeError, std::string(fname) + "(): argument 'other' (position 1) must be Tensor, not " +
                            arg_type_name(o));
  return r;
}

ts::Scalar times(const ts::Scalar& s, const ts::Scalar& alpha) {
  if (s.is_float() || alpha.is_float()) return ts::Scalar(s.to_double() * alpha.to_double());
  if (s.is_bool() && alpha.is_bool()) return ts::Scalar(s.to_bool() && alpha.to_bool());
  return ts::Scalar(s.to_int() * alpha.to_int());
}

// add / sub with alpha; in place when `inplace`.
ObjRef add_sub(Vm& vm, const Args& a, const char* fname, bool subtract, bool inplace) {
  Object* out[3];
  parse_args(a, fname, {"self", "other", "alpha"}, 2, out);
  const Tensor& self = self_tensor(a);
  TensorOrScalar b = other_arg(out[1], fname);
  ts::Scalar alpha = given(out[2]) ? scalar_arg(vm, out[2], fname, "alpha", 2) : ts::Scalar(1);
  if (inplace) extra::check_inplace_target(self);
  Tensor r;
  if (b.tensor) {
    if (inplace) {
      subtract ? ag::sub_(self, *b.tensor, alpha) : ag::add_(self, *b.tensor, alpha);
      return inplace_result(a);
    }
    r = subtract ? ag::sub(self, *b.tensor, alpha) : ag::add(self, *b.tensor, alpha);
  } else {
    if (alpha.is_float() && !ts::is_floating(ts::promote_with_scalar(self.dtype(), *b.scalar)))
      raise(&t_RuntimeError, "For integral input tensors, argument alpha must not be a floating point number.");
    ts::Scalar s = times(*b.scalar, alpha);
    if (inplace) {
      subtract ? ag::sub_(self, s) : ag::add_(self, s);
      return inplace_result(a);
    }
    r = subtract ? ag::sub(self, s) : ag::add(self, s);
  }
  return wrap_tensor(r);
}

ObjRef mul_div(const Args& a, const char* fname, bool divide, bool inplace) {
  Object* out[3];
  parse_args(a, fname, {"self", "other", "rounding_mode"}, 2, out);
  const Tensor& self = self_tensor(a);
  TensorOrScalar b = other_arg(out[1], fname);
  if (divide && given(out[2])) {
    const std::string mode = is_str(out[2]) ? str_value(out[2]) : "";
    if (mode != "floor")
      raise(&t_NotImplementedError, "div(rounding_mode='" + mode + "') is not supported here; use 'floor' or //");
    Tensor r = b.tensor ? ts::floor_divide(self, *b.tensor) : ts::floor_divide(self, *b.scalar);
    if (inplace) {
      extra::assign_inplace(self, r);
      return inplace_result(a);
    }
    return wrap_tensor(r);
  }
  if (inplace) {
    extra::check_inplace_target(self);
    if (divide) {
      b.tensor ? ag::div_(self, *b.tensor) : ag::div_(self, *b.scalar);
    } else {
      b.tensor ? ag::mul_(self, *b.tensor) : ag::mul_(self, *b.scalar);
    }
    return inplace_result(a);
  }
  if (divide) return wrap_tensor(b.tensor ? ag::div(self, *b.tensor) : ag::div(self, *b.scalar));
  return wrap_tensor(b.tensor ? ag::mul(self, *b.tensor) : ag::mul(self, *b.scalar));
}

Tensor pow_of(const Tensor& self, Object* e, const char* fname) {
  TensorOrScalar b = tensor_or_scalar(e);
  if (!b.ok())
    raise(&t_TypeError, std::string(fname) + "(): argument 'exponent' (position 1) must be Tensor, not " +
                            arg_type_name(e));
  return b.tensor ? ag::pow(self, *b.tensor) : ag::pow(self, *b.scalar);
}

void add_unary(const char* name, Tensor (*f)(const Tensor&)) {
  add_method(T, name, [name, f](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, name, 1, 1);
    return wrap_tensor(f(self_tensor(a)));
  });
  std::string inplace_name = std::string(name) + "_";
  add_method(T, intern(inplace_name)->value.c_str(), [name, f](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, name, 1, 1);
    extra::assign_inplace(self_tensor(a), f(extra::inplace_source(self_tensor(a))));
    return inplace_result(a);
  });
}

std::optional<ts::Scalar> optional_scalar(Vm& vm, Object* o, const char* fname, const char* argname, int pos) {
  if (!given(o)) return std::nullopt;
  return scalar_arg(vm, o, fname, argname, pos);
}

// `source` stands for self when given (the in-place forms).
Tensor clamp_of(Vm& vm, const Args& a, const char* fname, const Tensor* source = nullptr) {
  Object* out[3];
  parse_args(a, fname, {"self", "min", "max"}, 1, out);
  const Tensor& self = source ? *source : self_tensor(a);
  if ((given(out[1]) && is_tensor(out[1])) || (given(out[2]) && is_tensor(out[2]))) {
    if (!given(out[1]) && !given(out[2]))
      raise(&t_RuntimeError, "torch.clamp: At least one of 'min' or 'max' must not be None");
    return extra::clamp(self, optional_tensor_arg(out[1], fname, "min", 1), optional_tensor_arg(out[2], fname, "max", 2));
  }
  std::optional<ts::Scalar> lo = optional_scalar(vm, out[1], fname, "min", 1);
  std::optional<ts::Scalar> hi = optional_scalar(vm, out[2], fname, "max", 2);
  if (!lo && !hi) raise(&t_RuntimeError, "torch.clamp: At least one of 'min' or 'max' must not be None");
  return ag::clamp(self, lo, hi);
}

using CompareTT = Tensor (*)(const Tensor&, const Tensor&);
using CompareTS = Tensor (*)(const Tensor&, const ts::Scalar&);

void add_compare(const char* name, CompareTT tt, CompareTS tsf) {
  add_method(T, name, [name, tt, tsf](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, name, 2, 2);
    TensorOrScalar b = other_arg(a[1], name);
    return wrap_tensor(b.tensor ? tt(self_tensor(a), *b.tensor) : tsf(self_tensor(a), *b.scalar));
  });
}

void add_binary_tensor(const char* name, Tensor (*f)(const Tensor&, const Tensor&), const char* argname) {
  add_method(T, name, [name, f, argname](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, name, 2, 2);
    return wrap_tensor(f(self_tensor(a), tensor_arg(a[1], name, argname, 1)));
  });
}

Tensor close_args(Vm& vm, const Args& a, const char* fname, double& rtol, double& atol, bool& equal_nan) {
  Object* out[5];
  parse_args(a, fname, {"self", "other", "rtol", "atol", "equal_nan"}, 2, out);
  rtol = double_arg(out[2], 1e-05, fname, "rtol", 2);
  atol = double_arg(out[3], 1e-08, fname, "atol", 3);
  equal_nan = bool_arg(vm, out[4], false);
  return tensor_arg(out[1], fname, "other", 1);
}

}  // namespace

void init_tensor_methods_math() {
  add_method(T, "add", [](Vm& vm, const Args& a) { return add_sub(vm, a, "add", false, false); });
  add_method(T, "add_", [](Vm& vm, const Args& a) { return add_sub(vm, a, "add_", false, true); });
  add_method(T, "sub", [](Vm& vm, const Args& a) { return add_sub(vm, a, "sub", true, false); });
  add_method(T, "sub_", [](Vm& vm, const Args& a) { return add_sub(vm, a, "sub_", true, true); });
  add_method(T, "subtract", [](Vm& vm, const Args& a) { return add_sub(vm, a, "subtract", true, false); });
  add_method(T, "mul", [](Vm&, const Args& a) { return mul_div(a, "mul", false, false); });
  add_method(T, "mul_", [](Vm&, const Args& a) { return mul_div(a, "mul_", false, true); });
  add_method(T, "multiply", [](Vm&, const Args& a) { return mul_div(a, "multiply", false, false); });
  add_method(T, "div", [](Vm&, const Args& a) { return mul_div(a, "div", true, false); });
  add_method(T, "div_", [](Vm&, const Args& a) { return mul_div(a, "div_", true, true); });
  add_method(T, "divide", [](Vm&, const Args& a) { return mul_div(a, "divide", true, false); });
  add_method(T, "true_divide", [](Vm&, const Args& a) { return mul_div(a, "true_divide", true, false); });
  add_method(T, "floor_divide", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "floor_divide", 2, 2);
    TensorOrScalar b = other_arg(a[1], "floor_divide");
    return wrap_tensor(b.tensor ? ts::floor_divide(self_tensor(a), *b.tensor) : ts::floor_divide(self_tensor(a), *b.scalar));
  });
  add_method(T, "remainder", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "remainder", 2, 2);
    TensorOrScalar b = other_arg(a[1], "remainder");
    return wrap_tensor(b.tensor ? extra::remainder(self_tensor(a), *b.tensor) : extra::remainder(self_tensor(a), *b.scalar));
  });
  add_method(T, "pow", [](Vm&, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "pow", {"self", "exponent"}, 2, out);
    return wrap_tensor(pow_of(self_tensor(a), out[1], "pow"));
  });
  add_method(T, "pow_", [](Vm&, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "pow_", {"self", "exponent"}, 2, out);
    extra::assign_inplace(self_tensor(a), pow_of(extra::inplace_source(self_tensor(a)), out[1], "pow_"));
    return inplace_result(a);
  });
  add_method(T, "square", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "square", 1, 1);
    return wrap_tensor(ag::pow(self_tensor(a), ts::Scalar(2)));
  });
  add_unary("neg", ag::neg);
  add_unary("negative", ag::neg);
  add_unary("abs", ag::abs);
  add_unary("sqrt", ag::sqrt);
  add_unary("rsqrt", ag::rsqrt);
  add_unary("exp", ag::exp);
  add_unary("log", ag::log);
  add_unary("sin", ag::sin);
  add_unary("cos", ag::cos);
  add_unary("tanh", ag::tanh);
  add_unary("sigmoid", ag::sigmoid);
  add_unary("relu", ag::relu);
  add_unary("reciprocal", ag::reciprocal);
  for (const char* name : {"clamp", "clip"}) {
    add_method(T, name, [name](Vm& vm, const Args& a) { return wrap_tensor(clamp_of(vm, a, name)); });
  }
  for (const char* name : {"clamp_", "clip_"}) {
    add_method(T, name, [name](Vm& vm, const Args& a) -> ObjRef {
      const Tensor source = extra::inplace_source(self_tensor(a));
      extra::assign_inplace(self_tensor(a), clamp_of(vm, a, name, &source));
      return inplace_result(a);
    });
  }
  add_compare("eq", ts::eq, ts::eq);
  add_compare("ne", ts::ne, ts::ne);
  add_compare("lt", ts::lt, ts::lt);
  add_compare("le", ts::le, ts::le);
  add_compare("gt", ts::gt, ts::gt);
  add_compare("ge", ts::ge, ts::ge);
  add_compare("__eq__", ts::eq, ts::eq);
  add_compare("__ne__", ts::ne, ts::ne);
  add_compare("__lt__", ts::lt, ts::lt);
  add_compare("__le__", ts::le, ts::le);
  add_compare("__gt__", ts::gt, ts::gt);
  add_compare("__ge__", ts::ge, ts::ge);
  add_binary_tensor("maximum", extra::maximum, "other");
  add_binary_tensor("minimum", extra::minimum, "other");
  add_binary_tensor("matmul", ag::matmul, "other");
  add_binary_tensor("mm", ag::mm, "mat2");
  add_binary_tensor("bmm", ag::bmm, "mat2");
  add_binary_tensor("mv", ag::mv, "vec");
  add_binary_tensor("dot", ag::dot, "tensor");
  add_binary_tensor("logical_and", ts::bitwise_and, "other");
  add_binary_tensor("logical_or", ts::bitwise_or, "other");
  add_binary_tensor("logical_xor", ts::bitwise_xor, "other");
  add_method(T, "logical_not", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "logical_not", 1, 1);
    return wrap_tensor(ts::eq(self_tensor(a), ts::Scalar(0)));
  });
  add_method(T, "isclose", [](Vm& vm, const Args& a) -> ObjRef {
    double rtol, atol;
    bool equal_nan;
    Tensor other = close_args(vm, a, "isclose", rtol, atol, equal_nan);
    return wrap_tensor(ts::isclose(self_tensor(a), other, rtol, atol, equal_nan));
  });
  add_method(T, "allclose", [](Vm& vm, const Args& a) -> ObjRef {
    double rtol, atol;
    bool equal_nan;
    Tensor other = close_args(vm, a, "allclose", rtol, atol, equal_nan);
    return ObjRef(make_bool(ts::allclose(self_tensor(a), other, rtol, atol, equal_nan)));
  });
  add_method(T, "equal", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "equal", 2, 2);
    return ObjRef(make_bool(ts::equal(self_tensor(a), tensor_arg(a[1], "equal", "other", 1))));
  });
  add_method(T, "where", [](Vm&, const Args& a) -> ObjRef {
    Object* out[3];
    parse_args(a, "where", {"self", "condition", "other"}, 3, out);
    const Tensor& cond = tensor_arg(out[1], "where", "condition", 1);
    return wrap_tensor(extra::where(cond, self_tensor(a), tensor_arg(out[2], "where", "other", 2)));
  });
  for (const char* name : {"masked_fill", "masked_fill_"}) {
    add_method(T, name, [name](Vm& vm, const Args& a) -> ObjRef {
      Object* out[3];
      parse_args(a, name, {"self", "mask", "value"}, 3, out);
      Tensor mask = tensor_arg(out[1], name, "mask", 1);
      if (mask.dtype() == ts::DType::Int64) mask = ts::ne(mask, ts::Scalar(0));
      Tensor value = is_tensor(out[2]) ? tensor_value(out[2]) : ts::scalar_tensor(scalar_arg(vm, out[2], name, "value", 2));
      Tensor r = extra::masked_fill(self_tensor(a), mask, value);
      if (name[11] == '_') {
        extra::assign_inplace(self_tensor(a), r);
        return inplace_result(a);
      }
      return wrap_tensor(r);
    });
  }
}

}  // namespace lesson::python::torch
