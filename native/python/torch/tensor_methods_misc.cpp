// torch.Tensor's remaining methods and attributes: shape, dtype, device,
// size/dim/numel, item/tolist, dtype conversions (float, long, bool, to,
// type_as), in-place fills (zero_, fill_, copy_) and random fills (normal_,
// uniform_, bernoulli_), new_* constructors.
#include <algorithm>
#include <string>

#include "autograd/graph.hpp"
#include "autograd/ops_shape.hpp"
#include "core/errors.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_fill.hpp"
#include "tensor/random_create.hpp"
#include "tensor/views.hpp"

namespace lesson::python::torch {

namespace ag = lesson::autograd;
namespace ts = lesson::tensor;

Type device_type("device", &object_type);

namespace {

Type* const T = &tensor_type;

ObjRef cpu_device() {
  static Object* d = [] {
    auto* o = new Object(&device_type);
    o->refcount = kImmortal;
    return o;
  }();
  return ObjRef(d);
}

void init_device_type() {
  type_dict(&device_type);
  device_type.module = "torch";
  device_type.subclassable = false;
  device_type.slots.repr = [](Vm&, Object*) -> ObjRef { return make_str("device(type='cpu')"); };
  device_type.slots.str = [](Vm&, Object*) -> ObjRef { return make_str("cpu"); };
  device_type.slots.construct = [](Vm&, Type*, const Args& a) -> ObjRef {
    check_nargs(a, "device", 1, 2);
    if (!is_str(a[0]) || str_value(a[0]) != "cpu")
      raise(&t_RuntimeError, "only the 'cpu' device exists in the lesson runtime");
    return cpu_device();
  };
  add_getter(&device_type, "type", [](Vm&, const Args&) -> ObjRef { return make_str("cpu"); });
}

bool is_cpu_device(Object* o) {
  return o->type() == &device_type || (is_str(o) && str_value(o) == "cpu");
}

ObjRef convert(const Args& a, ts::DType d, const char* name) {
  check_nargs(a, name, 1, 1);
  const Tensor& x = self_tensor(a);
  if (x.dtype() == d) return self_ref(a);
  return wrap_tensor(extra::to_dtype(x, d));
}

// x.to(dtype), x.to(other), x.to('cpu'), x.to('cpu', dtype), with copy=
ObjRef tensor_to(Vm& vm, const Args& a) {
  Object* out[5];
  parse_args(a, "to", {"self", "dtype", "device", "non_blocking", "copy"}, 1, out);
  std::optional<ts::DType> dtype;
  for (int i = 1; i <= 2; ++i) {
    Object* o = out[i];
    if (!given(o)) continue;
    if (o->type() == &dtype_type) {
      dtype = dtype_arg(o, "to", "dtype", i);
    } else if (is_tensor(o)) {
      dtype = tensor_value(o).dtype();
    } else if (!is_cpu_device(o)) {
      if (is_str(o)) raise(&t_RuntimeError, "only the 'cpu' device exists in the lesson runtime");
      raise(&t_TypeError, "to() received an invalid combination of arguments - got (" + arg_type_name(o) + ")");
    }
  }
  const Tensor& x = self_tensor(a);
  const bool copy = bool_arg(vm, out[4], false);
  if (!dtype || *dtype == x.dtype()) {
    if (copy) return wrap_tensor(ag::clone(x));
    return self_ref(a);
  }
  return wrap_tensor(extra::to_dtype(x, *dtype));
}

std::string legacy_type_name(ts::DType d) {
  switch (d) {
    case ts::DType::Float32: return "torch.FloatTensor";
    case ts::DType::Int64: return "torch.LongTensor";
    case ts::DType::Bool: return "torch.BoolTensor";
  }
  return "torch.FloatTensor";
}

ObjRef new_filled(Vm& vm, const Args& a, const char* fname, int kind) {
  const Tensor& x = self_tensor(a);
  // kind: 0 zeros, 1 ones, 2 full (fill value last), 3 empty. The size may
  // be varargs (x.new_zeros(2, 3)) or one sequence.
  Object* dtype = nullptr;
  Object* requires_grad = nullptr;
  Object* fill = nullptr;
  for (std::size_t k = 0; k < a.nkw(); ++k) {
    const std::string& name = str_value((*a.kwnames)[k]);
    if (name == "dtype") {
      dtype = a.kwvalues[k].get();
    } else if (name == "requires_grad") {
      requires_grad = a.kwvalues[k].get();
    } else if (name == "fill_value" && kind == 2) {
      fill = a.kwvalues[k].get();
    } else if (name != "device") {
      raise(&t_TypeError, std::string(fname) + "() got an unexpected keyword argument '" + name + "'");
    }
  }
  std::size_t npos = a.npos;
  if (kind == 2 && !fill) {
    if (npos < 3) raise(&t_TypeError, std::string(fname) + "() missing required argument 'fill_value'");
    fill = a[--npos];
  }
  std::vector<std::int64_t> shape = size_varargs(vm, Args{a.pos, npos, nullptr, nullptr}, 1, fname);
  ts::DType d = given(dtype) ? dtype_arg(dtype, fname, "dtype", 2) : x.dtype();
  Tensor t = kind == 2   ? ts::full(shape, scalar_arg(vm, fill, fname, "fill_value", 2), d)
             : kind == 1 ? ts::ones(shape, d)
                         : ts::zeros(shape, d);
  if (given(requires_grad) && truthy(vm, requires_grad)) t.set_requires_grad(true);
  return wrap_tensor(t);
}

}  // namespace

ObjRef tensor_nonzero(const Tensor& x, bool as_tuple) {
  std::vector<double> values = x.to_double_vector();
  const ts::Shape& shape = x.shape();
  const std::size_t nd = shape.size();
  std::vector<std::int64_t> coords;  // row-major [count, nd]
  std::int64_t count = 0;
  std::vector<std::int64_t> index(nd, 0);
  for (std::size_t flat = 0; flat < values.size(); ++flat) {
    if (values[flat] != 0.0) {
      coords.insert(coords.end(), index.begin(), index.end());
      ++count;
    }
    for (std::size_t d = nd; d-- > 0;) {
      if (++index[d] < shape[d]) break;
      index[d] = 0;
    }
  }
  if (!as_tuple) return wrap_tensor(ts::from_ints({count, static_cast<std::int64_t>(nd)}, coords));
  std::vector<ObjRef> parts;
  for (std::size_t d = 0; d < std::max<std::size_t>(nd, 1); ++d) {
    std::vector<std::int64_t> column;
    for (std::int64_t i = 0; i < count; ++i) column.push_back(nd ? coords[static_cast<std::size_t>(i) * nd + d] : 0);
    parts.push_back(wrap_tensor(ts::from_ints({count}, column)));
  }
  return python::make_tuple(std::move(parts));
}

namespace {

void random_fill_check(const Tensor& x, const char* op) {
  extra::check_inplace_target(x);
  if (!ts::is_floating(x.dtype()))
    throw_runtime_error(std::string("\"") + op + "\" not implemented for '" + (x.dtype() == ts::DType::Int64 ? "Long" : "Bool") + "'");
}

}  // namespace

void init_tensor_methods_misc() {
  init_device_type();
  add_getter(T, "shape", [](Vm&, const Args& a) -> ObjRef { return make_size(self_tensor(a).shape()); });
  add_getter(T, "dtype", [](Vm&, const Args& a) -> ObjRef { return dtype_object(self_tensor(a).dtype()); });
  add_getter(T, "ndim", [](Vm&, const Args& a) -> ObjRef { return make_int(self_tensor(a).dim()); });
  add_getter(T, "device", [](Vm&, const Args&) -> ObjRef { return cpu_device(); });
  add_getter(T, "is_cuda", [](Vm&, const Args&) -> ObjRef { return ObjRef(make_bool(false)); });
  add_method(T, "size", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "size", {"self", "dim"}, 1, out);
    const Tensor& x = self_tensor(a);
    if (!given(out[1])) return make_size(x.shape());
    return make_int(x.size(index_value(vm, out[1])));
  });
  add_method(T, "stride", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "stride", {"self", "dim"}, 1, out);
    const Tensor& x = self_tensor(a);
    if (given(out[1])) return make_int(x.stride(index_value(vm, out[1])));
    std::vector<ObjRef> items;
    for (std::int64_t s : x.strides()) items.push_back(make_int(s));
    return python::make_tuple(std::move(items));
  });
  for (const char* name : {"dim", "ndimension"}) {
    add_method(T, name, [name](Vm&, const Args& a) -> ObjRef {
      check_nargs(a, name, 1, 1);
      return make_int(self_tensor(a).dim());
    });
  }
  for (const char* name : {"numel", "nelement"}) {
    add_method(T, name, [name](Vm&, const Args& a) -> ObjRef {
      check_nargs(a, name, 1, 1);
      return make_int(self_tensor(a).numel());
    });
  }
  add_method(T, "element_size", [](Vm&, const Args& a) -> ObjRef {
    return make_int(static_cast<std::int64_t>(ts::dtype_size(self_tensor(a).dtype())));
  });
  add_method(T, "is_contiguous", [](Vm&, const Args& a) -> ObjRef {
    return ObjRef(make_bool(self_tensor(a).is_contiguous()));
  });
  add_method(T, "is_floating_point", [](Vm&, const Args& a) -> ObjRef {
    return ObjRef(make_bool(ts::is_floating(self_tensor(a).dtype())));
  });
  add_method(T, "item", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "item", 1, 1);
    const Tensor& x = self_tensor(a);
    if (x.numel() != 1)
      raise(&t_ValueError, "only one element tensors can be converted to Python scalars");
    return tensor_item(x);
  });
  add_method(T, "tolist", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "tolist", 1, 1);
    return tensor_to_list(self_tensor(a));
  });
  add_method(T, "float", [](Vm&, const Args& a) { return convert(a, ts::DType::Float32, "float"); });
  add_method(T, "long", [](Vm&, const Args& a) { return convert(a, ts::DType::Int64, "long"); });
  add_method(T, "bool", [](Vm&, const Args& a) { return convert(a, ts::DType::Bool, "bool"); });
  add_method(T, "to", tensor_to);
  add_method(T, "cpu", [](Vm&, const Args& a) -> ObjRef { return self_ref(a); });
  add_method(T, "type_as", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "type_as", 2, 2);
    const Tensor& x = self_tensor(a);
    ts::DType d = tensor_arg(a[1], "type_as", "other", 1).dtype();
    if (d == x.dtype()) return self_ref(a);
    return wrap_tensor(extra::to_dtype(x, d));
  });
  add_method(T, "type", [](Vm&, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "type", {"self", "dtype"}, 1, out);
    const Tensor& x = self_tensor(a);
    if (!given(out[1])) return make_str(legacy_type_name(x.dtype()));
    ts::DType d = dtype_arg(out[1], "type", "dtype", 1);
    if (d == x.dtype()) return self_ref(a);
    return wrap_tensor(extra::to_dtype(x, d));
  });
  add_method(T, "zero_", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "zero_", 1, 1);
    extra::check_inplace_target(self_tensor(a));
    ts::zero_(self_tensor(a));
    extra::rebase_history(self_tensor(a), "ZeroBackward0");
    return inplace_result(a);
  });
  add_method(T, "fill_", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "fill_", {"self", "value"}, 2, out);
    extra::check_inplace_target(self_tensor(a));
    if (is_tensor(out[1])) {
      ts::fill_(self_tensor(a), tensor_value(out[1]));
      if (ts::is_floating(self_tensor(a).dtype()))
        extra::rebase_history(self_tensor(a), "FillBackward3", &tensor_value(out[1]));
    } else {
      ts::fill_(self_tensor(a), scalar_arg(vm, out[1], "fill_", "value", 1));
      extra::rebase_history(self_tensor(a), "FillBackward2");
    }
    return inplace_result(a);
  });
  add_method(T, "copy_", [](Vm&, const Args& a) -> ObjRef {
    Object* out[3];
    parse_args(a, "copy_", {"self", "src", "non_blocking"}, 2, out);
    const Tensor& src = tensor_arg(out[1], "copy_", "src", 1);
    extra::check_inplace_target(self_tensor(a));
    ts::copy_(self_tensor(a), src);
    if (ts::is_floating(self_tensor(a).dtype())) extra::rebase_history(self_tensor(a), "CopyBackwards", &src);
    return inplace_result(a);
  });
  add_method(T, "normal_", [](Vm&, const Args& a) -> ObjRef {
    Object* out[4];
    parse_args(a, "normal_", {"self", "mean", "std", "generator"}, 1, out);
    check_generator(out[3], "normal_");
    random_fill_check(self_tensor(a), "normal_kernel_cpu");
    ts::normal_(self_tensor(a), double_arg(out[1], 0.0, "normal_", "mean", 1), double_arg(out[2], 1.0, "normal_", "std", 2));
    extra::rebase_history(self_tensor(a), "NormalBackward0");
    return inplace_result(a);
  });
  add_method(T, "uniform_", [](Vm&, const Args& a) -> ObjRef {
    Object* out[4];
    parse_args(a, "uniform_", {"self", "from", "to", "generator"}, 1, out);
    check_generator(out[3], "uniform_");
    random_fill_check(self_tensor(a), "uniform_kernel_cpu");
    ts::uniform_(self_tensor(a), double_arg(out[1], 0.0, "uniform_", "from", 1), double_arg(out[2], 1.0, "uniform_", "to", 2));
    extra::rebase_history(self_tensor(a), "UniformBackward0");
    return inplace_result(a);
  });
  add_method(T, "bernoulli_", [](Vm&, const Args& a) -> ObjRef {
    Object* out[3];
    parse_args(a, "bernoulli_", {"self", "p", "generator"}, 1, out);
    check_generator(out[2], "bernoulli_");
    extra::check_inplace_target(self_tensor(a));
    ts::bernoulli_(self_tensor(a), double_arg(out[1], 0.5, "bernoulli_", "p", 1));
    extra::rebase_history(self_tensor(a), "BernoulliBackward0");
    return inplace_result(a);
  });
  add_method(T, "nonzero", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "nonzero", {"self", "as_tuple"}, 1, out);
    return tensor_nonzero(self_tensor(a), bool_arg(vm, out[1], false));
  });
  add_method(T, "new_zeros", [](Vm& vm, const Args& a) { return new_filled(vm, a, "new_zeros", 0); });
  add_method(T, "new_ones", [](Vm& vm, const Args& a) { return new_filled(vm, a, "new_ones", 1); });
  add_method(T, "new_full", [](Vm& vm, const Args& a) { return new_filled(vm, a, "new_full", 2); });
  add_method(T, "new_empty", [](Vm& vm, const Args& a) { return new_filled(vm, a, "new_empty", 3); });
  add_method(T, "new_tensor", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[3];
    parse_args(a, "new_tensor", {"self", "data", "dtype"}, 2, out);
    std::optional<ts::DType> d = self_tensor(a).dtype();
    if (given(out[2])) d = dtype_arg(out[2], "new_tensor", "dtype", 2);
    return wrap_tensor(tensor_from_data(vm, out[1], d));
  });
}

}  // namespace lesson::python::torch
