// torch.return_types.max / min / sort / topk ...: named tuples of
// (values, indices) that unpack like tuples and print as PyTorch does.
#include <map>
#include <string>

#include "format/return_types.hpp"
#include "python/obj_function.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/torch/tensor_bindings.hpp"

namespace lesson::python::torch {

namespace {

// Types live as long as the process, like the builtin ones (never freed, so
// no instance can outlive its type at exit).
std::map<std::string, Type*>& return_types() {
  static auto* types = new std::map<std::string, Type*>();
  return *types;
}

Type* return_type(const std::string& op) {
  auto& types = return_types();
  auto it = types.find(op);
  if (it != types.end()) return it->second;
  auto* t = new Type(op, &tuple_type);
  type_dict(t);
  t->module = "torch.return_types";
  t->subclassable = false;
  t->slots = tuple_type.slots;
  t->slots.construct = nullptr;
  t->slots.repr = [](Vm&, Object* self) -> ObjRef {
    auto* tup = static_cast<Tuple*>(self);
    return make_str(format::values_indices_repr(self->type()->name, tensor_value((*tup)[0]), tensor_value((*tup)[1])));
  };
  add_getter(t, "values", [](Vm&, const Args& a) -> ObjRef { return ObjRef((*static_cast<Tuple*>(a[0]))[0]); });
  add_getter(t, "indices", [](Vm&, const Args& a) -> ObjRef { return ObjRef((*static_cast<Tuple*>(a[0]))[1]); });
  types.emplace(op, t);
  return t;
}

}  // namespace

ObjRef make_values_indices(const std::string& op, const Tensor& values, const Tensor& indices) {
  std::vector<ObjRef> items{wrap_tensor(values), wrap_tensor(indices)};
  return ObjRef(new Tuple(std::move(items), return_type(op)));
}

void init_return_types() {
  for (const char* op : {"max", "min", "sort", "topk", "mode", "median", "kthvalue"}) return_type(op);
}

}  // namespace lesson::python::torch
