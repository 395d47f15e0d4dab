// torch.Tensor / nn.Parameter objects, torch.dtype and torch.Size values, and
// the argument conversions every torch binding uses.
#include "python/torch/tensor_object.hpp"

#include <string>
#include <utility>

#include "autograd/ops_shape.hpp"
#include "format/tensor_format.hpp"
#include "format/tensor_repr.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "python/vm.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_types.hpp"
#include "tensor/views.hpp"

namespace lesson::python::torch {

Type tensor_type("Tensor", &object_type);
Type parameter_type("Parameter", &tensor_type);
Type dtype_type("dtype", &object_type);
Type size_type("Size", &tuple_type);

namespace {

class DTypeObject : public Object {
 public:
  explicit DTypeObject(tensor::DType d) : Object(&dtype_type), dtype(d) { refcount = kImmortal; }
  tensor::DType dtype;
};

DTypeObject* dtype_singleton(tensor::DType d) {
  static DTypeObject f32(tensor::DType::Float32);
  static DTypeObject i64(tensor::DType::Int64);
  static DTypeObject b(tensor::DType::Bool);
  switch (d) {
    case tensor::DType::Float32: return &f32;
    case tensor::DType::Int64: return &i64;
    case tensor::DType::Bool: return &b;
  }
  return &f32;
}

[[noreturn]] void raise_arg_type(const char* fname, const char* argname, int position, const char* expected,
                                 const Object* got) {
  raise(&t_TypeError, std::string(fname) + "(): argument '" + argname + "' (position " + std::to_string(position) +
                          ") must be " + expected + ", not " + arg_type_name(got));
}

// ---- torch.tensor(data): shape discovery, then the values.

enum class Category { Bool = 0, Int = 1, Float = 2 };

bool is_sequence(const Object* o) { return is_list(o) || is_tuple(o); }

const std::vector<ObjRef>& seq_items(const Object* o) {
  return is_list(o) ? static_cast<const List*>(o)->items : static_cast<const Tuple*>(o)->items;
}

// One element of the data: a number, or a one-element tensor standing for one.
tensor::Scalar element_scalar(Object* o) {
  if (is_bool(o)) return tensor::Scalar(int_value(o) != 0);
  if (is_int(o)) return tensor::Scalar(int_value(o));
  if (is_float(o)) return tensor::Scalar(float_value(o));
  if (is_tensor(o)) {
    const Tensor& t = tensor_value(o);
    if (t.numel() != 1) raise(&t_ValueError, "only one element tensors can be converted to Python scalars");
    return tensor::item_scalar(t.dim() == 0 ? t : t.contiguous());
  }
  raise(&t_TypeError, "new(): invalid data type '" + type_name(o) + "'");
}

void discover_shape(Object* o, tensor::Shape& shape) {
  while (is_sequence(o)) {
    const auto& items = seq_items(o);
    shape.push_back(static_cast<std::int64_t>(items.size()));
    if (items.empty()) return;
    o = items[0].get();
  }
}

void store(Object* o, const tensor::Shape& shape, std::size_t depth, std::vector<tensor::Scalar>& out) {
  if (depth == shape.size()) {
    if (is_sequence(o)) {
      raise(&t_ValueError, "expected sequence of length " + std::to_string(0) + " at dim " + std::to_string(depth) +
                               " (got " + std::to_string(seq_items(o).size()) + ")");
    }
    out.push_back(element_scalar(o));
    return;
  }
  if (!is_sequence(o)) raise(&t_TypeError, "not a sequence");
  const auto& items = seq_items(o);
  if (static_cast<std::int64_t>(items.size()) != shape[depth])
    raise(&t_ValueError, "expected sequence of length " + std::to_string(shape[depth]) + " at dim " +
                             std::to_string(depth) + " (got " + std::to_string(items.size()) + ")");
  for (const ObjRef& item : items) store(item.get(), shape, depth + 1, out);
}

}  // namespace

// ---- TensorObject

TensorObject::TensorObject(tensor::Tensor v, Type* t) : Object(t), value(std::move(v)) {}

TensorObject::~TensorObject() {
  if (dict) decref(dict);
}

Dict* TensorObject::instance_dict() {
  if (!dict) {
    dict = new Dict();
    incref(dict);
  }
  return dict;
}

bool is_tensor(const Object* o) { return isinstance(o, &tensor_type); }

ObjRef wrap_tensor(tensor::Tensor t) { return ObjRef(new TensorObject(std::move(t), &tensor_type)); }
ObjRef wrap_parameter(tensor::Tensor t) { return ObjRef(new TensorObject(std::move(t), &parameter_type)); }
ObjRef wrap_optional(tensor::Tensor t) {
  if (!t.defined()) return ObjRef(none());
  return wrap_tensor(std::move(t));
}

std::string arg_type_name(const Object* o) {
  if (is_none(o)) return "NoneType";
  return type_name(o);
}

const tensor::Tensor& tensor_arg(Object* o, const char* fname, const char* argname, int position) {
  if (!o || !is_tensor(o)) raise_arg_type(fname, argname, position, "Tensor", o ? o : none());
  return tensor_value(o);
}

tensor::Tensor optional_tensor_arg(Object* o, const char* fname, const char* argname, int position) {
  if (!o || is_none(o)) return tensor::Tensor();
  return tensor_arg(o, fname, argname, position);
}

bool is_number(const Object* o) { return is_int(o) || is_float(o); }

tensor::Scalar number_value(const Object* o) {
  if (is_bool(o)) return tensor::Scalar(int_value(o) != 0);
  if (is_int(o)) return tensor::Scalar(int_value(o));
  return tensor::Scalar(float_value(o));
}

TensorOrScalar tensor_or_scalar(Object* o) {
  TensorOrScalar r;
  if (is_tensor(o)) {
    r.tensor = &tensor_value(o);
  } else if (is_number(o)) {
    r.scalar = number_value(o);
  }
  return r;
}

tensor::Scalar scalar_arg(Vm&, Object* o, const char* fname, const char* argname, int position) {
  if (o && is_number(o)) return number_value(o);
  if (o && is_tensor(o)) {
    const Tensor& t = tensor_value(o);
    if (t.numel() == 1) return tensor::item_scalar(t.dim() == 0 ? t : t.contiguous());
  }
  raise_arg_type(fname, argname, position, "Number", o ? o : none());
}

std::vector<std::int64_t> int_list_arg(Vm& vm, Object* o, const char* fname, const char* argname, int position,
                                       std::size_t expand_to) {
  if (o && is_int(o) && !is_bool(o)) {
    return std::vector<std::int64_t>(expand_to > 0 ? expand_to : 1, int_value(o));
  }
  if (o && is_sequence(o)) {
    std::vector<std::int64_t> out;
    for (const ObjRef& item : seq_items(o)) {
      if (!has_index(item.get()) || is_bool(item.get())) {
        // PyTorch 1.13 names sizes "SymInts" (except for the random
        // creators) and counts the element's position from 1.
        const std::string arg(argname), f(fname);
        const bool sym = (arg == "size" || arg == "shape" || arg == "repeats") && f != "randn" && f != "rand" &&
                         f != "randint" && f != "randperm";
        raise(&t_TypeError, f + "(): argument '" + arg + "' must be tuple of " + (sym ? "SymInts" : "ints") +
                                ", but found element of type " + arg_type_name(item.get()) + " at pos " +
                                std::to_string(out.size() + 1));
      }
      out.push_back(index_value(vm, item.get()));
    }
    return out;
  }
  raise_arg_type(fname, argname, position, "tuple of ints", o ? o : none());
}

ObjRef dtype_object(tensor::DType d) { return ObjRef(dtype_singleton(d)); }

tensor::DType dtype_arg(Object* o, const char* fname, const char* argname, int position) {
  if (!o || o->type() != &dtype_type) raise_arg_type(fname, argname, position, "torch.dtype", o ? o : none());
  return static_cast<DTypeObject*>(o)->dtype;
}

ObjRef make_size(const tensor::Shape& shape) {
  std::vector<ObjRef> items;
  items.reserve(shape.size());
  for (std::int64_t s : shape) items.push_back(make_int(s));
  return ObjRef(new Tuple(std::move(items), &size_type));
}

tensor::Tensor tensor_from_data(Vm&, Object* data, std::optional<tensor::DType> dtype) {
  if (is_tensor(data)) {
    Tensor t = tensor_value(data).clone_data();
    return dtype ? t.to_dtype(*dtype) : t;
  }
  tensor::Shape shape;
  discover_shape(data, shape);
  std::vector<tensor::Scalar> values;
  values.reserve(static_cast<std::size_t>(tensor::numel_of(shape)));
  store(data, shape, 0, values);
  Category cat = Category::Bool;
  bool any_value = false;
  for (const tensor::Scalar& s : values) {
    any_value = true;
    Category c = s.is_float() ? Category::Float : s.is_int() ? Category::Int : Category::Bool;
    if (c > cat) cat = c;
  }
  tensor::DType inferred = !any_value           ? tensor::DType::Float32
                           : cat == Category::Float ? tensor::DType::Float32
                           : cat == Category::Int   ? tensor::DType::Int64
                                                    : tensor::DType::Bool;
  tensor::DType out_dtype = dtype ? *dtype : inferred;
  if (out_dtype == tensor::DType::Float32) {
    std::vector<double> v;
    v.reserve(values.size());
    for (const tensor::Scalar& s : values) v.push_back(s.to_double());
    return tensor::from_doubles(shape, v, out_dtype);
  }
  std::vector<std::int64_t> v;
  v.reserve(values.size());
  for (const tensor::Scalar& s : values) {
    if (out_dtype == tensor::DType::Bool) {
      v.push_back(s.to_bool() ? 1 : 0);
    } else {
      v.push_back(s.is_float() ? static_cast<std::int64_t>(s.to_double()) : s.to_int());
    }
  }
  return tensor::from_ints(shape, v, out_dtype);
}

namespace {

ObjRef element_object(const Tensor& t, std::int64_t i, const std::vector<double>& f,
                      const std::vector<std::int64_t>& n) {
  switch (t.dtype()) {
    case tensor::DType::Float32: return make_float(f[static_cast<std::size_t>(i)]);
    case tensor::DType::Int64: return make_int(n[static_cast<std::size_t>(i)]);
    case tensor::DType::Bool: return ObjRef(make_bool(n[static_cast<std::size_t>(i)] != 0));
  }
  return ObjRef(none());
}

ObjRef build_list(const Tensor& t, std::size_t depth, std::int64_t& pos, const std::vector<double>& f,
                  const std::vector<std::int64_t>& n) {
  std::vector<ObjRef> items;
  const std::int64_t count = t.shape()[depth];
  items.reserve(static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) {
    if (depth + 1 == t.shape().size()) {
      items.push_back(element_object(t, pos++, f, n));
    } else {
      items.push_back(build_list(t, depth + 1, pos, f, n));
    }
  }
  return make_list(std::move(items));
}

}  // namespace

ObjRef tensor_to_list(const tensor::Tensor& t) {
  std::vector<double> f;
  std::vector<std::int64_t> n;
  if (t.dtype() == tensor::DType::Float32) {
    f = t.to_double_vector();
  } else {
    n = t.to_int_vector();
  }
  if (t.dim() == 0) return element_object(t, 0, f, n);
  std::int64_t pos = 0;
  return build_list(t, 0, pos, f, n);
}

// ---- types

namespace {

ObjRef tensor_construct(Vm& vm, Type* cls, const Args& a) {
  if (a.has_kwargs()) raise(&t_TypeError, "new() received an invalid combination of arguments");
  Tensor value;
  if (a.npos == 0) {
    value = tensor::empty({0});
  } else if (a.npos == 1 && (is_list(a[0]) || is_tuple(a[0]))) {
    value = tensor_from_data(vm, a[0], tensor::DType::Float32);
  } else if (a.npos == 1 && is_tensor(a[0])) {
    value = tensor_value(a[0]);
  } else {
    tensor::Shape shape;
    for (std::size_t i = 0; i < a.npos; ++i) {
      if (!is_int(a[i]) || is_bool(a[i])) raise(&t_TypeError, "new(): invalid data type '" + type_name(a[i]) + "'");
      shape.push_back(int_value(a[i]));
    }
    tensor::check_sizes_nonnegative(shape);
    value = tensor::zeros(shape);
  }
  return ObjRef(new TensorObject(std::move(value), cls));
}

ObjRef parameter_construct(Vm& vm, Type* cls, const Args& a) {
  Object* out[2];
  parse_args(a, "Parameter", {"data", "requires_grad"}, 0, out);
  Tensor data = given(out[0]) ? tensor_arg(out[0], "Parameter", "data", 1) : tensor::empty({0});
  bool requires_grad = bool_arg(vm, out[1], true);
  // Like torch.Tensor._make_subclass: shares data, drops history.
  Tensor value = tensor::detach(data);
  if (requires_grad && !tensor::is_floating(value.dtype()))
    raise(&t_RuntimeError, "Only Tensors of floating point and complex dtype can require gradients");
  value.set_requires_grad(requires_grad);
  return ObjRef(new TensorObject(std::move(value), cls));
}

ObjRef size_construct(Vm& vm, Type* cls, const Args& a) {
  check_nargs(a, "Size", 0, 1);
  std::vector<ObjRef> items;
  if (a.npos == 1) {
    for (ObjRef& item : to_vector(vm, a[0])) {
      if (!has_index(item.get()))
        raise(&t_TypeError, "torch.Size() takes an iterable of 'int' (item " + std::to_string(items.size()) +
                                " is '" + type_name(item.get()) + "')");
      items.push_back(make_int(index_value(vm, item.get())));
    }
  }
  return ObjRef(new Tuple(std::move(items), cls));
}

tensor::Shape size_values(const Object* o) {
  tensor::Shape shape;
  for (const ObjRef& item : static_cast<const Tuple*>(o)->items) shape.push_back(int_value(item.get()));
  return shape;
}

void init_size_type() {
  type_dict(&size_type);
  size_type.module = "torch";
  size_type.slots = tuple_type.slots;
  TypeSlots& s = size_type.slots;
  s.construct = size_construct;
  s.repr = [](Vm&, Object* self) -> ObjRef { return make_str(format::format_size(size_values(self))); };
  s.getitem = [](Vm& vm, Object* self, Object* key) -> ObjRef {
    ObjRef r = tuple_type.slots.getitem(vm, self, key);
    if (r && r->type() == &tuple_type) return ObjRef(new Tuple(static_cast<Tuple*>(r.get())->items, &size_type));
    return r;
  };
  s.binary = [](Vm& vm, Object* self, Object* other, BinOp op) -> ObjRef {
    ObjRef r = tuple_type.slots.binary(vm, self, other, op);
    if (op == BinOp::Add && r && r->type() == &tuple_type)
      return ObjRef(new Tuple(static_cast<Tuple*>(r.get())->items, &size_type));
    return r;
  };
  add_method(&size_type, "numel", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "numel", 1, 1);
    return make_int(tensor::numel_of(size_values(a[0])));
  });
}

void init_dtype_type() {
  type_dict(&dtype_type);
  dtype_type.module = "torch";
  dtype_type.subclassable = false;
  TypeSlots& s = dtype_type.slots;
  s.repr = [](Vm&, Object* self) -> ObjRef {
    return make_str(format::format_dtype(static_cast<DTypeObject*>(self)->dtype));
  };
  add_getter(&dtype_type, "is_floating_point", [](Vm&, const Args& a) -> ObjRef {
    return ObjRef(make_bool(tensor::is_floating(static_cast<DTypeObject*>(a[0])->dtype)));
  });
  add_getter(&dtype_type, "is_signed", [](Vm&, const Args& a) -> ObjRef {
    return ObjRef(make_bool(static_cast<DTypeObject*>(a[0])->dtype != tensor::DType::Bool));
  });
  add_getter(&dtype_type, "itemsize", [](Vm&, const Args& a) -> ObjRef {
    return make_int(static_cast<std::int64_t>(tensor::dtype_size(static_cast<DTypeObject*>(a[0])->dtype)));
  });
}

}  // namespace

// ---- small argument helpers shared by the bindings

bool bool_arg(Vm& vm, Object* o, bool def) { return given(o) ? truthy(vm, o) : def; }

std::int64_t int_arg(Vm& vm, Object* o, std::int64_t def) { return given(o) ? index_value(vm, o) : def; }

double double_arg(Object* o, double def, const char* fname, const char* argname, int position) {
  if (!given(o)) return def;
  double v = 0;
  if (to_double(o, v)) return v;
  if (is_tensor(o) && tensor_value(o).numel() == 1) return tensor_value(o).item_double();
  raise_arg_type(fname, argname, position, "float", o);
}

tensor::DimList dims_arg(Vm& vm, Object* o, const char* fname) {
  if (!given(o)) return {};
  if (is_sequence(o)) return int_list_arg(vm, o, fname, "dim", 2);
  if (!has_index(o))
    raise(&t_TypeError, std::string(fname) + "(): argument 'dim' must be int, not " + arg_type_name(o));
  return {index_value(vm, o)};
}

std::vector<std::int64_t> size_varargs(Vm& vm, const Args& a, std::size_t start, const char* fname,
                                       const char* argname) {
  if (a.npos == start + 1 && (is_sequence(a[start]) || a[start]->type() == &size_type))
    return int_list_arg(vm, a[start], fname, argname, 1);
  std::vector<std::int64_t> out;
  for (std::size_t i = start; i < a.npos; ++i) {
    Object* o = a[i];
    if (!has_index(o) || is_bool(o) || is_tensor(o))
      raise(&t_TypeError, std::string(fname) + "(): argument '" + argname +
                              "' must be tuple of SymInts, but found element of type " + arg_type_name(o) +
                              " at pos " + std::to_string(i - start + 1));
    out.push_back(index_value(vm, o));
  }
  return out;
}

void init_tensor_types() {
  if (tensor_type.dict) return;
  type_dict(&tensor_type);
  tensor_type.module = "torch";
  tensor_type.slots.construct = tensor_construct;
  tensor_type.slots.repr = [](Vm&, Object* self) -> ObjRef {
    if (isinstance(self, &parameter_type)) return make_str(format::parameter_repr(tensor_value(self)));
    return make_str(format::tensor_repr(tensor_value(self)));
  };
  type_dict(&parameter_type);
  parameter_type.module = "torch.nn.parameter";
  init_dtype_type();
  init_size_type();
  init_return_types();
  init_tensor_operators();
  init_tensor_indexing();
  init_tensor_methods_math();
  init_tensor_methods_rounding();
  init_tensor_methods_reduce();
  init_tensor_methods_shape();
  init_tensor_methods_misc();
  init_tensor_autograd();
  init_tensor_methods_sort();
  // Parameter shares every slot of Tensor; only construction differs.
  parameter_type.slots = tensor_type.slots;
  parameter_type.slots.construct = parameter_construct;
}

}  // namespace lesson::python::torch
