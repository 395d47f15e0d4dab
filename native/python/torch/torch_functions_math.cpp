// torch.* functions that mirror Tensor methods (torch.exp(x) is x.exp(),
// torch.sum(x, 1) is x.sum(1), ...), plus the ones with no method form:
// cat, stack, where, is_tensor, numel, set_printoptions.
#include <string>
#include <vector>

#include "autograd/ops_shape.hpp"
#include "format/print_options.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "python/vm.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_close.hpp"
#include "tensor/elementwise_where.hpp"

namespace lesson::python::torch {

namespace ts = lesson::tensor;

namespace {

// torch.NAME(input, ...) calls Tensor.NAME(input, ...).
void add_method_function(Module& m, const char* name) {
  m.dict->set_str(name, make_native(name, [name](Vm& vm, const Args& a) -> ObjRef {
                          if (a.npos == 0 || !is_tensor(a[0])) {
                            // input= given by keyword, or not a tensor.
                            for (std::size_t k = 0; k < a.nkw(); ++k)
                              if (str_value((*a.kwnames)[k]) == "input" && is_tensor(a.kwvalues[k].get()) && a.npos == 0) {
                                std::vector<ObjRef> pos{a.kwvalues[k]};
                                std::vector<ObjRef> kwv;
                                std::vector<ObjRef> kwn;
                                for (std::size_t j = 0; j < a.nkw(); ++j) {
                                  if (j == k) continue;
                                  kwv.push_back(a.kwvalues[j]);
                                  kwn.push_back((*a.kwnames)[j]);
                                }
                                Ref<Tuple> names = python::make_tuple(std::move(kwn));
                                Object* method = type_lookup(&tensor_type, name);
                                return vm.call(method, Args{pos.data(), 1, kwv.data(), kwv.empty() ? nullptr : names.get()});
                              }
                            raise(&t_TypeError, std::string(name) + "(): argument 'input' (position 1) must be Tensor, not " +
                                                    arg_type_name(a.npos ? a[0] : none()));
                          }
                          Object* method = type_lookup(&tensor_type, name);
                          return vm.call(method, a);
                        }).get());
}

std::vector<Tensor> tensor_sequence(Vm& vm, Object* o, const char* fname) {
  if (!is_list(o) && !is_tuple(o))
    raise(&t_TypeError, std::string(fname) + "(): argument 'tensors' (position 1) must be tuple of Tensors, not " +
                            arg_type_name(o));
  std::vector<Tensor> out;
  std::size_t i = 0;
  for (ObjRef& item : to_vector(vm, o)) {
    if (!is_tensor(item.get()))
      raise(&t_TypeError, std::string("expected Tensor as element ") + std::to_string(i) + " in argument 0, but got " +
                              arg_type_name(item.get()));
    out.push_back(tensor_value(item.get()));
    ++i;
  }
  return out;
}

ObjRef torch_cat_stack(Vm& vm, const Args& a, const char* fname, bool stack) {
  Object* out[2];
  parse_args(a, fname, {"tensors", "dim"}, 1, out);
  std::vector<Tensor> ts_ = tensor_sequence(vm, out[0], fname);
  std::int64_t dim = int_arg(vm, out[1], 0);
  return wrap_tensor(stack ? lesson::autograd::stack(ts_, dim) : lesson::autograd::cat(ts_, dim));
}

ObjRef torch_where(Vm&, const Args& a) {
  if (a.npos == 1 && !a.has_kwargs()) return tensor_nonzero(tensor_arg(a[0], "where", "condition", 1), true);
  Object* out[3];
  parse_args(a, "where", {"condition", "input", "other"}, 3, out);
  const Tensor& cond = tensor_arg(out[0], "where", "condition", 1);
  TensorOrScalar x = tensor_or_scalar(out[1]);
  TensorOrScalar y = tensor_or_scalar(out[2]);
  if (!x.ok()) tensor_arg(out[1], "where", "input", 2);
  if (!y.ok()) tensor_arg(out[2], "where", "other", 3);
  if (x.tensor && y.tensor) return wrap_tensor(extra::where(cond, *x.tensor, *y.tensor));
  if (x.tensor) return wrap_tensor(extra::where(cond, *x.tensor, ts::scalar_tensor(*y.scalar, ts::promote_with_scalar(x.tensor->dtype(), *y.scalar))));
  if (y.tensor) return wrap_tensor(extra::where(cond, ts::scalar_tensor(*x.scalar, ts::promote_with_scalar(y.tensor->dtype(), *x.scalar)), *y.tensor));
  return wrap_tensor(ts::where(cond, *x.scalar, *y.scalar));
}

ObjRef torch_set_printoptions(Vm& vm, const Args& a) {
  Object* out[6];
  parse_args(a, "set_printoptions", {"precision", "threshold", "edgeitems", "linewidth", "profile", "sci_mode"}, 0, out);
  format::PrintOptionsUpdate u;
  if (given(out[0])) u.precision = static_cast<int>(index_value(vm, out[0]));
  if (given(out[1])) {
    double v = 0;
    if (is_float(out[1]) && to_double(out[1], v) && v == std::numeric_limits<double>::infinity()) {
      u.threshold = format::kThresholdInfinite;
    } else {
      u.threshold = index_value(vm, out[1]);
    }
  }
  if (given(out[2])) u.edgeitems = index_value(vm, out[2]);
  if (given(out[3])) u.linewidth = index_value(vm, out[3]);
  if (given(out[4])) u.profile = str_value(out[4]);
  if (given(out[5])) u.sci_mode = truthy(vm, out[5]);
  format::set_print_options(u);
  return ObjRef(none());
}

}  // namespace

void add_torch_math_functions(Vm&, Module& m) {
  for (const char* name :
       {"add", "sub", "subtract", "mul", "multiply", "div", "divide", "true_divide", "floor_divide", "remainder",
        "pow", "square", "neg", "negative", "abs", "sqrt", "rsqrt", "exp", "log", "sin", "cos", "tanh", "sigmoid",
        "relu", "reciprocal", "clamp", "clip", "maximum", "minimum", "eq", "ne", "lt", "le", "gt", "ge", "isclose",
        "allclose", "equal", "masked_fill", "matmul", "mm", "bmm", "mv", "dot", "logical_and", "logical_or",
        "logical_xor", "logical_not", "sum", "mean", "prod", "var", "std", "max", "min", "argmax", "argmin", "all",
        "any", "norm", "cumsum", "flatten", "reshape", "transpose", "swapaxes", "permute", "unsqueeze", "squeeze",
        "t", "narrow", "select", "clone", "detach", "split", "chunk", "numel", "is_floating_point", "nonzero", "sort", "argsort", "topk", "softmax", "log_softmax", "floor", "ceil", "trunc", "fix", "round", "frac", "sign",
        "isnan", "isinf", "isfinite"})
    add_method_function(m, name);
  auto def = [&m](const char* name, NativeFn f) { m.dict->set_str(name, make_native(name, std::move(f)).get()); };
  def("cat", [](Vm& vm, const Args& a) { return torch_cat_stack(vm, a, "cat", false); });
  def("concat", [](Vm& vm, const Args& a) { return torch_cat_stack(vm, a, "concat", false); });
  def("stack", [](Vm& vm, const Args& a) { return torch_cat_stack(vm, a, "stack", true); });
  def("where", torch_where);
  def("is_tensor", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "is_tensor", 1, 1);
    return ObjRef(make_bool(is_tensor(a[0])));
  });
  def("set_printoptions", torch_set_printoptions);
  def("get_default_dtype", [](Vm&, const Args&) -> ObjRef { return dtype_object(ts::DType::Float32); });
}

}  // namespace lesson::python::torch
