// Subscripts on tensors: x[i], x[a:b:c], x[None], x[...], x[mask],
// x[index_tensor], x[[0, 2]], and tuples mixing them, read and written,
// through the differentiable indexing of lesson::autograd.
#include <vector>

#include "autograd/grad_mode.hpp"
#include "autograd/ops_index.hpp"
#include "core/errors.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_none.hpp"
#include "python/obj_range.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "tensor/tensor_index.hpp"
#include "tensor/views.hpp"

namespace lesson::python::torch {

namespace ts = lesson::tensor;

namespace {

std::optional<std::int64_t> slice_part(Vm& vm, Object* o) {
  if (!o || is_none(o)) return std::nullopt;
  return index_value(vm, o, "slice indices must be integers or None or have an __index__ method");
}

ts::TensorIndex one_index(Vm& vm, Object* o) {
  if (is_bool(o)) return ts::TensorIndex::boolean(int_value(o) != 0);
  if (is_int(o)) return ts::TensorIndex(int_value(o));
  if (is_none(o)) return ts::TensorIndex(ts::NoneIndex{});
  if (o == ellipsis()) return ts::TensorIndex(ts::EllipsisIndex{});
  if (o->type() == &slice_type) {
    auto* s = static_cast<lesson::python::Slice*>(o);
    ts::Slice out;
    out.start = slice_part(vm, s->start.get());
    out.stop = slice_part(vm, s->stop.get());
    out.step = slice_part(vm, s->step.get());
    return ts::TensorIndex(out);
  }
  if (is_tensor(o)) return ts::TensorIndex(tensor_value(o));
  if (is_list(o)) return ts::TensorIndex(tensor_from_data(vm, o, std::nullopt));
  if (has_index(o)) return ts::TensorIndex(index_value(vm, o));
  // PyTorch tries to make a tensor of anything else.
  if (is_str(o)) raise(&t_TypeError, "new(): invalid data type 'str'");
  raise(&t_IndexError,
        "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got " +
            type_name(o) + ")");
}

// NumPy's legacy rule, which PyTorch keeps: a short list holding a
// sequence, slice, None, Ellipsis or tensor is read as a tuple.
bool list_as_tuple(const Object* key) {
  if (!is_list(key)) return false;
  const auto& items = static_cast<const List*>(key)->items;
  if (items.size() >= 32) return false;
  for (const ObjRef& item : items) {
    Object* o = item.get();
    if (is_list(o) || is_tuple(o) || o->type() == &slice_type || is_none(o) || o == ellipsis() || is_tensor(o))
      return true;
  }
  return false;
}

std::vector<ts::TensorIndex> indices_of(Vm& vm, Object* key) {
  std::vector<ts::TensorIndex> out;
  if (is_tuple(key) || list_as_tuple(key)) {
    const auto& items = is_tuple(key) ? static_cast<Tuple*>(key)->items : static_cast<List*>(key)->items;
    for (const ObjRef& item : items) out.push_back(one_index(vm, item.get()));
  } else {
    out.push_back(one_index(vm, key));
  }
  return out;
}

}  // namespace

void propagate_view_inplace(Object* self) {
  auto* o = static_cast<TensorObject*>(self);
  if (!o->view_origin || !lesson::autograd::grad_enabled() || !o->value.requires_grad()) return;
  // The view's data already holds the result; writing it back through the
  // base's subscript gives the base PyTorch's CopySlices history.
  lesson::autograd::index_put(o->view_origin->base, o->view_origin->indices, o->value);
}

void init_tensor_indexing() {
  TypeSlots& s = tensor_type.slots;
  s.getitem = [](Vm& vm, Object* self, Object* key) -> ObjRef {
    std::vector<ts::TensorIndex> idx = indices_of(vm, key);
    const Tensor& base = tensor_value(self);
    ObjRef r = wrap_tensor(lesson::autograd::index(base, idx));
    bool basic = true;
    for (const ts::TensorIndex& i : idx) basic = basic && !i.is_tensor() && !i.is_boolean();
    if (basic && lesson::autograd::grad_enabled() && base.requires_grad() && !base.is_leaf())
      static_cast<TensorObject*>(r.get())->view_origin = std::make_shared<const ViewOrigin>(ViewOrigin{base, idx});
    return r;
  };
  s.setitem = [](Vm& vm, Object* self, Object* key, Object* value) {
    if (!value) raise(&t_TypeError, "'Tensor' object does not support item deletion");
    std::vector<ts::TensorIndex> idx = indices_of(vm, key);
    const Tensor& x = tensor_value(self);
    // A basic subscript writes through a view of x, so PyTorch names the view.
    bool basic = true;
    for (const ts::TensorIndex& i : idx) basic = basic && !i.is_tensor() && !i.is_boolean();
    if (basic && lesson::autograd::grad_enabled() && x.requires_grad() && x.is_leaf())
      throw_runtime_error("a view of a leaf Variable that requires grad is being used in an in-place operation.");
    extra::check_inplace_target(x);
    if (is_tensor(value)) {
      lesson::autograd::index_put(tensor_value(self), idx, tensor_value(value));
    } else if (is_number(value)) {
      lesson::autograd::index_put(tensor_value(self), idx, number_value(value));
    } else if (is_list(value) || is_tuple(value)) {
      lesson::autograd::index_put(tensor_value(self), idx, tensor_from_data(vm, value, tensor_value(self).dtype()));
    } else {
      raise(&t_TypeError, "can't assign a " + type_name(value) + " to a " +
                              std::string(ts::tensor_type_string(tensor_value(self).dtype())));
    }
  };
}

}  // namespace lesson::python::torch
