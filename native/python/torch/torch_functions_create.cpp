// torch.* functions that make tensors: tensor, as_tensor, zeros, ones,
// full, empty (+ *_like), arange, linspace, eye, and the random ones (rand,
// randn, randint, randperm, normal, *_like) on PyTorch's default generator,
// with manual_seed / initial_seed and the Generator object it returns.
#include <cstdio>
#include <string>
#include <vector>

#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "random/generator.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_types.hpp"
#include "tensor/random_create.hpp"

namespace lesson::python::torch {

namespace ts = lesson::tensor;

namespace {

Type generator_type("Generator", &object_type);

ObjRef default_generator_object() {
  static Object* g = [] {
    auto* o = new Object(&generator_type);
    o->refcount = kImmortal;
    return o;
  }();
  return ObjRef(g);
}

void init_generator_type() {
  type_dict(&generator_type);
  generator_type.module = "torch._C";
  generator_type.subclassable = false;
  generator_type.slots.repr = [](Vm&, Object* self) -> ObjRef {
    char buf[64];
    std::snprintf(buf, sizeof buf, "<torch._C.Generator object at 0x%012llx>",
                  static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(self)));
    return make_str(std::string(buf));
  };
  add_method(&generator_type, "manual_seed", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "manual_seed", 2, 2);
    random::default_generator().manual_seed(static_cast<std::uint64_t>(index_value(vm, a[1])));
    return self_ref(a);
  });
  add_method(&generator_type, "initial_seed", [](Vm&, const Args&) -> ObjRef {
    return make_int(static_cast<std::int64_t>(random::default_generator().initial_seed()));
  });
}

// Keyword arguments of a factory function that takes its size as varargs.
struct FactoryKw {
  Object* dtype = nullptr;
  Object* requires_grad = nullptr;
  Object* generator = nullptr;
  Object* size = nullptr;
};

FactoryKw factory_kwargs(const Args& a, const char* fname) {
  FactoryKw kw;
  for (std::size_t k = 0; k < a.nkw(); ++k) {
    const std::string& name = str_value((*a.kwnames)[k]);
    Object* v = a.kwvalues[k].get();
    if (name == "dtype") {
      kw.dtype = v;
    } else if (name == "requires_grad") {
      kw.requires_grad = v;
    } else if (name == "generator") {
      kw.generator = v;
    } else if (name == "size") {
      kw.size = v;
    } else if (name == "device" || name == "layout" || name == "pin_memory" || name == "memory_format") {
      if (name == "device" && given(v) && !(is_str(v) && str_value(v) == "cpu") && v->type() != &device_type)
        raise(&t_RuntimeError, "only the 'cpu' device exists in the lesson runtime");
    } else {
      raise(&t_TypeError, std::string(fname) + "() got an unexpected keyword argument '" + name + "'");
    }
  }
  check_generator(kw.generator, fname);
  return kw;
}

Args positional_only(const Args& a) { return Args{a.pos, a.npos, nullptr, nullptr}; }

std::vector<std::int64_t> factory_size(Vm& vm, const Args& a, const FactoryKw& kw, const char* fname) {
  if (kw.size) return int_list_arg(vm, kw.size, fname, "size", 1);
  std::vector<std::int64_t> shape = size_varargs(vm, positional_only(a), 0, fname);
  ts::check_sizes_nonnegative(shape);
  return shape;
}

ObjRef finish(Vm& vm, Tensor t, const FactoryKw& kw) {
  if (given(kw.requires_grad) && truthy(vm, kw.requires_grad)) {
    if (!ts::is_floating(t.dtype()))
      raise(&t_RuntimeError, "Only Tensors of floating point and complex dtype can require gradients");
    t.set_requires_grad(true);
  }
  return wrap_tensor(std::move(t));
}

ts::DType factory_dtype(const FactoryKw& kw, const char* fname, ts::DType def = ts::DType::Float32) {
  return given(kw.dtype) ? dtype_arg(kw.dtype, fname, "dtype", 2) : def;
}

template <class Make>
void add_sized(Module& m, const char* name, Make make) {
  m.dict->set_str(name, make_native(name, [name, make](Vm& vm, const Args& a) -> ObjRef {
                          FactoryKw kw = factory_kwargs(a, name);
                          ts::Shape shape = factory_size(vm, a, kw, name);
                          return finish(vm, make(shape, factory_dtype(kw, name)), kw);
                        }).get());
}

template <class Make>
void add_like(Module& m, const char* name, Make make) {
  m.dict->set_str(name, make_native(name, [name, make](Vm& vm, const Args& a) -> ObjRef {
                          FactoryKw kw = factory_kwargs(a, name);
                          if (a.npos != 1) raise(&t_TypeError, std::string(name) + "() takes 1 positional argument");
                          const Tensor& x = tensor_arg(a[0], name, "input", 1);
                          Tensor t = make(x);
                          if (given(kw.dtype)) t = t.to_dtype(dtype_arg(kw.dtype, name, "dtype", 2));
                          return finish(vm, t, kw);
                        }).get());
}

ObjRef torch_tensor(Vm& vm, const Args& a) {
  Object* out[4];
  parse_args(a, "tensor", {"data", "dtype", "device", "requires_grad"}, 1, out);
  std::optional<ts::DType> dtype;
  if (given(out[1])) dtype = dtype_arg(out[1], "tensor", "dtype", 2);
  FactoryKw kw;
  kw.requires_grad = out[3];
  Tensor t = is_number(out[0]) ? (dtype ? ts::scalar_tensor(number_value(out[0]), *dtype) : ts::scalar_tensor(number_value(out[0])))
                               : tensor_from_data(vm, out[0], dtype);
  return finish(vm, t, kw);
}

ObjRef torch_as_tensor(Vm& vm, const Args& a) {
  Object* out[3];
  parse_args(a, "as_tensor", {"data", "dtype", "device"}, 1, out);
  std::optional<ts::DType> dtype;
  if (given(out[1])) dtype = dtype_arg(out[1], "as_tensor", "dtype", 2);
  if (is_tensor(out[0])) {
    const Tensor& x = tensor_value(out[0]);
    if (!dtype || *dtype == x.dtype()) return ObjRef(out[0]);
    return wrap_tensor(extra::to_dtype(x, *dtype));
  }
  if (is_number(out[0]))
    return wrap_tensor(dtype ? ts::scalar_tensor(number_value(out[0]), *dtype) : ts::scalar_tensor(number_value(out[0])));
  return wrap_tensor(tensor_from_data(vm, out[0], dtype));
}

ObjRef torch_full(Vm& vm, const Args& a) {
  Object* out[5];
  parse_args(a, "full", {"size", "fill_value", "dtype", "requires_grad", "device"}, 2, out);
  std::vector<std::int64_t> shape = int_list_arg(vm, out[0], "full", "size", 1);
  ts::check_sizes_nonnegative(shape);
  ts::Scalar value = scalar_arg(vm, out[1], "full", "fill_value", 2);
  FactoryKw kw;
  kw.requires_grad = out[3];
  Tensor t = given(out[2]) ? ts::full(shape, value, dtype_arg(out[2], "full", "dtype", 3)) : ts::full(shape, value);
  return finish(vm, t, kw);
}

ObjRef torch_full_like(Vm& vm, const Args& a) {
  Object* out[4];
  parse_args(a, "full_like", {"input", "fill_value", "dtype", "requires_grad"}, 2, out);
  const Tensor& x = tensor_arg(out[0], "full_like", "input", 1);
  ts::DType d = given(out[2]) ? dtype_arg(out[2], "full_like", "dtype", 3) : x.dtype();
  FactoryKw kw;
  kw.requires_grad = out[3];
  return finish(vm, ts::full(x.shape(), scalar_arg(vm, out[1], "full_like", "fill_value", 2), d), kw);
}

ObjRef torch_arange(Vm& vm, const Args& a) {
  FactoryKw kw = factory_kwargs(Args{nullptr, 0, a.kwvalues, a.kwnames}, "arange");
  if (a.npos < 1 || a.npos > 3) raise(&t_TypeError, "arange() received an invalid combination of arguments");
  ts::Scalar start(0), end(0), step(1);
  if (a.npos == 1) {
    end = scalar_arg(vm, a[0], "arange", "end", 1);
  } else {
    start = scalar_arg(vm, a[0], "arange", "start", 1);
    end = scalar_arg(vm, a[1], "arange", "end", 2);
    if (a.npos == 3) step = scalar_arg(vm, a[2], "arange", "step", 3);
  }
  Tensor t = ts::arange(start, end, step);
  if (given(kw.dtype)) t = t.to_dtype(dtype_arg(kw.dtype, "arange", "dtype", 4));
  return finish(vm, t, kw);
}

ObjRef torch_linspace(Vm& vm, const Args& a) {
  Object* out[5];
  parse_args(a, "linspace", {"start", "end", "steps", "dtype", "requires_grad"}, 3, out);
  Tensor t = ts::linspace(double_arg(out[0], 0, "linspace", "start", 1), double_arg(out[1], 0, "linspace", "end", 2),
                          index_value(vm, out[2]));
  if (given(out[3])) t = t.to_dtype(dtype_arg(out[3], "linspace", "dtype", 4));
  FactoryKw kw;
  kw.requires_grad = out[4];
  return finish(vm, t, kw);
}

ObjRef torch_eye(Vm& vm, const Args& a) {
  Object* out[4];
  parse_args(a, "eye", {"n", "m", "dtype", "requires_grad"}, 1, out);
  Tensor t = ts::eye(index_value(vm, out[0]), given(out[1]) ? index_value(vm, out[1]) : -1);
  if (given(out[2])) t = t.to_dtype(dtype_arg(out[2], "eye", "dtype", 3));
  FactoryKw kw;
  kw.requires_grad = out[3];
  return finish(vm, t, kw);
}

ObjRef torch_randint(Vm& vm, const Args& a) {
  FactoryKw kw = factory_kwargs(Args{nullptr, 0, a.kwvalues, a.kwnames}, "randint");
  std::int64_t low = 0, high = 0;
  Object* size = kw.size;
  if (a.npos == 2 && !size) {
    high = index_value(vm, a[0]);
    size = a[1];
  } else if (a.npos == 3 && !size) {
    low = index_value(vm, a[0]);
    high = index_value(vm, a[1]);
    size = a[2];
  } else if (a.npos == 1 && size) {
    high = index_value(vm, a[0]);
  } else if (a.npos == 2 && size) {
    low = index_value(vm, a[0]);
    high = index_value(vm, a[1]);
  } else {
    raise(&t_TypeError, "randint() received an invalid combination of arguments");
  }
  std::vector<std::int64_t> shape = int_list_arg(vm, size, "randint", "size", a.npos == 2 ? 2 : 3);
  return finish(vm, ts::randint(low, high, shape, factory_dtype(kw, "randint", ts::DType::Int64)), kw);
}

ObjRef torch_randperm(Vm& vm, const Args& a) {
  FactoryKw kw = factory_kwargs(Args{nullptr, 0, a.kwvalues, a.kwnames}, "randperm");
  check_nargs(positional_only(a), "randperm", 1, 1);
  Tensor t = ts::randperm(index_value(vm, a[0]));
  if (given(kw.dtype)) t = t.to_dtype(dtype_arg(kw.dtype, "randperm", "dtype", 2));
  return finish(vm, t, kw);
}

ObjRef torch_normal(Vm& vm, const Args& a) {
  Object* out[5];
  parse_args(a, "normal", {"mean", "std", "size", "generator", "requires_grad"}, 2, out);
  check_generator(out[3], "normal");
  if (!given(out[2]))
    raise(&t_NotImplementedError, "torch.normal is supported here with float mean and std and a size only");
  std::vector<std::int64_t> shape = int_list_arg(vm, out[2], "normal", "size", 3);
  Tensor t = ts::empty(shape);
  ts::normal_(t, double_arg(out[0], 0, "normal", "mean", 1), double_arg(out[1], 1, "normal", "std", 2));
  FactoryKw kw;
  kw.requires_grad = out[4];
  return finish(vm, t, kw);
}

}  // namespace

void check_generator(Object* generator, const char* fname) {
  if (given(generator) && generator != default_generator_object().get())
    raise(&t_NotImplementedError, std::string(fname) +
                                      "(generator=...) is not supported in the lesson runtime: only torch's default "
                                      "generator exists (seed it with torch.manual_seed)");
}

void add_torch_creation_functions(Vm&, Module& m) {
  if (!generator_type.dict) init_generator_type();
  auto def = [&m](const char* name, NativeFn f) { m.dict->set_str(name, make_native(name, std::move(f)).get()); };
  def("tensor", torch_tensor);
  def("as_tensor", torch_as_tensor);
  def("full", torch_full);
  def("full_like", torch_full_like);
  def("arange", torch_arange);
  def("linspace", torch_linspace);
  def("eye", torch_eye);
  def("randint", torch_randint);
  def("randperm", torch_randperm);
  def("normal", torch_normal);
  add_sized(m, "zeros", [](const ts::Shape& s, ts::DType d) { return ts::zeros(s, d); });
  add_sized(m, "ones", [](const ts::Shape& s, ts::DType d) { return ts::ones(s, d); });
  add_sized(m, "empty", [](const ts::Shape& s, ts::DType d) { return ts::zeros(s, d); });
  add_sized(m, "rand", [](const ts::Shape& s, ts::DType d) {
    if (d != ts::DType::Float32) ts::throw_not_implemented_for("check_uniform_bounds", d);
    return ts::rand(s);
  });
  add_sized(m, "randn", [](const ts::Shape& s, ts::DType d) {
    if (d != ts::DType::Float32) ts::throw_not_implemented_for("normal_kernel_cpu", d);
    return ts::randn(s);
  });
  add_like(m, "zeros_like", [](const Tensor& x) { return ts::zeros_like(x); });
  add_like(m, "ones_like", [](const Tensor& x) { return ts::ones_like(x); });
  add_like(m, "empty_like", [](const Tensor& x) { return ts::zeros_like(x); });
  add_like(m, "rand_like", [](const Tensor& x) { return ts::rand_like(x); });
  add_like(m, "randn_like", [](const Tensor& x) { return ts::randn_like(x); });
  m.dict->set_str("Generator", &generator_type);
  def("manual_seed", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[1];
    parse_args(a, "manual_seed", {"seed"}, 1, out);
    random::default_generator().manual_seed(static_cast<std::uint64_t>(index_value(vm, out[0])));
    return default_generator_object();
  });
  def("initial_seed", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "initial_seed", 0, 0);
    return make_int(static_cast<std::int64_t>(random::default_generator().initial_seed()));
  });
  m.dict->set_str("default_generator", default_generator_object().get());
}

}  // namespace lesson::python::torch
