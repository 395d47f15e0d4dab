// The autograd face of torch.Tensor: requires_grad, grad, grad_fn (node
// objects printed as <MulBackward0 object at 0x...>), is_leaf, data,
// backward, detach, retain_grad.
#include <cstdio>
#include <memory>
#include <string>

#include "autograd/engine.hpp"
#include "autograd/graph.hpp"
#include "autograd/node.hpp"
#include "autograd/ops_shape.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "python/torch/torch_warn.hpp"
#include "tensor/elementwise_types.hpp"
#include "tensor/views.hpp"

namespace lesson::python::torch {

namespace ag = lesson::autograd;
namespace ts = lesson::tensor;

namespace {

// A backward node seen from Python. Every node shares this one type; repr
// and name() give the node's own class name, as PyTorch prints it.
Type node_type("Node", &object_type);

class NodeObject : public Object {
 public:
  explicit NodeObject(std::shared_ptr<ag::Node> n) : Object(&node_type), node(std::move(n)) {}
  std::shared_ptr<ag::Node> node;
};

ObjRef wrap_node(const std::shared_ptr<ag::Node>& n) {
  if (!n) return ObjRef(none());
  return ObjRef(new NodeObject(n));
}

const std::shared_ptr<ag::Node>& node_of(Object* o) { return static_cast<NodeObject*>(o)->node; }

std::string address_of(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%012llx", static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(p)));
  return buf;
}

void init_node_type() {
  type_dict(&node_type);
  node_type.module = "torch.autograd.graph";
  node_type.subclassable = false;
  node_type.slots.repr = [](Vm&, Object* self) -> ObjRef {
    return make_str("<" + node_of(self)->name() + " object at " + address_of(node_of(self).get()) + ">");
  };
  node_type.slots.compare = [](Vm&, Object* self, Object* other, CmpOp op) -> ObjRef {
    if ((op != CmpOp::Eq && op != CmpOp::Ne) || other->type() != &node_type) return nullptr;
    bool same = node_of(self) == node_of(other);
    return ObjRef(make_bool(op == CmpOp::Eq ? same : !same));
  };
  node_type.slots.hash = [](Vm&, Object* self) -> std::int64_t {
    return static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(node_of(self).get()) >> 4);
  };
  add_method(&node_type, "name", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "name", 1, 1);
    std::string name = node_of(a[0])->name();
    // PyTorch's C++-only nodes keep their namespace in name().
    if (name == "AccumulateGrad" || name == "CopySlices") name = "torch::autograd::" + name;
    return make_str(name);
  });
  add_getter(&node_type, "next_functions", [](Vm&, const Args& a) -> ObjRef {
    std::vector<ObjRef> items;
    for (const ag::Edge& e : node_of(a[0])->next_edges)
      items.push_back(python::make_tuple({wrap_node(e.function).get(), make_int(e.input_nr).get()}));
    return python::make_tuple(std::move(items));
  });
  add_getter(&node_type, "__name__", [](Vm&, const Args& a) -> ObjRef { return make_str(node_of(a[0])->name()); });
}

Tensor& mutable_tensor(Object* o) { return static_cast<TensorObject*>(o)->value; }

void set_requires_grad_attr(const Tensor& t, bool value) {
  if (!t.is_leaf()) {
    std::string msg = "you can only change requires_grad flags of leaf variables.";
    if (!value)
      msg += " If you want to use a computed variable in a subgraph that doesn't require differentiation use "
             "var_no_grad = var.detach().";
    raise(&t_RuntimeError, msg);
  }
  if (value && !ts::is_floating(t.dtype()))
    raise(&t_RuntimeError, "only Tensors of floating point and complex dtype can require gradients");
  Tensor(t).set_requires_grad(value);
}

void set_grad_attr(const Tensor& t, Object* value) {
  if (!value || is_none(value)) {
    Tensor(t).set_grad(Tensor());
    return;
  }
  if (!is_tensor(value))
    raise(&t_TypeError, "assigned grad expected to be a Tensor or None but got grad of type" + type_name(value));
  const Tensor& g = tensor_value(value);
  if (g.dtype() != t.dtype()) raise(&t_RuntimeError, "assigned grad has data of a different type");
  if (g.shape() != t.shape()) raise(&t_RuntimeError, "assigned grad has data of a different size");
  Tensor(t).set_grad(g);
}

ObjRef tensor_backward(Vm& vm, const Args& a) {
  Object* out[5];
  parse_args(a, "backward", {"self", "gradient", "retain_graph", "create_graph", "inputs"}, 1, out);
  const Tensor& self = self_tensor(a);
  bool create_graph = bool_arg(vm, out[3], false);
  if (create_graph)
    raise(&t_NotImplementedError, "backward(create_graph=True) is not supported here: higher-order gradients are not recorded");
  if (given(out[4])) raise(&t_NotImplementedError, "backward(inputs=...) is not supported here");
  bool retain_graph = bool_arg(vm, out[2], create_graph);
  Tensor gradient = optional_tensor_arg(out[1], "backward", "gradient", 1);
  ag::backward(self, gradient, retain_graph);
  return ObjRef(none());
}

}  // namespace

void init_tensor_autograd() {
  init_node_type();
  Type* T = &tensor_type;
  add_property(
      T, "requires_grad", [](Vm&, const Args& a) -> ObjRef { return ObjRef(make_bool(self_tensor(a).requires_grad())); },
      [](Vm& vm, const Args& a) -> ObjRef {
        if (!is_bool(a[1]))
          raise(&t_TypeError, "'requires_grad' must be a bool, not " + type_name(a[1]));
        set_requires_grad_attr(self_tensor(a), truthy(vm, a[1]));
        return ObjRef(none());
      });
  {
    // grad has a deleter too (del x.grad is x.grad = None).
    Ref<Property> grad(new Property());
    grad->fget = make_native("grad", [](Vm& vm, const Args& a) -> ObjRef {
      const Tensor& self = self_tensor(a);
      // PyTorch 1.13's TensorBase::grad() warns (TORCH_WARN) on a non-leaf
      // that does not retain its gradient.
      if (self.requires_grad() && !self.is_leaf() && !self.impl()->autograd.retains_grad)
        torch_warn(vm,
                   "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute "
                   "won't be populated during autograd.backward(). If you indeed want the .grad field to be populated "
                   "for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor "
                   "by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 "
                   "for more informations. (Triggered internally at  ./build/aten/src/ATen/core/TensorBody.h:480.)");
      return wrap_optional(self.grad());
    });
    grad->fset = make_native("grad", [](Vm&, const Args& a) -> ObjRef {
      set_grad_attr(self_tensor(a), a.npos > 1 ? a[1] : nullptr);
      return ObjRef(none());
    });
    grad->fdel = make_native("grad", [](Vm&, const Args& a) -> ObjRef {
      set_grad_attr(self_tensor(a), nullptr);
      return ObjRef(none());
    });
    type_dict(T)->set_str("grad", grad.get());
  }
  add_getter(T, "grad_fn", [](Vm&, const Args& a) -> ObjRef { return wrap_node(self_tensor(a).grad_fn()); });
  // The version counter in-place operations bump (shared by views).
  add_getter(T, "_version", [](Vm&, const Args& a) -> ObjRef {
    return make_int(static_cast<std::int64_t>(self_tensor(a).version()));
  });
  add_getter(T, "is_leaf", [](Vm&, const Args& a) -> ObjRef { return ObjRef(make_bool(self_tensor(a).is_leaf())); });
  add_getter(T, "retains_grad", [](Vm&, const Args& a) -> ObjRef {
    return ObjRef(make_bool(self_tensor(a).impl()->autograd.retains_grad));
  });
  add_property(
      T, "data", [](Vm&, const Args& a) -> ObjRef { return wrap_tensor(ts::detach(self_tensor(a))); },
      [](Vm&, const Args& a) -> ObjRef {
        const Tensor& src = tensor_arg(a[1], "data", "data", 1);
        ts::TensorImpl* dst = mutable_tensor(a[0]).impl();
        dst->storage = src.impl()->storage;
        dst->dtype = src.dtype();
        dst->shape = src.shape();
        dst->strides = src.strides();
        dst->offset = src.offset();
        return ObjRef(none());
      });
  add_method(T, "backward", tensor_backward);
  add_method(T, "detach", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "detach", 1, 1);
    return wrap_tensor(ag::detach(self_tensor(a)));
  });
  add_method(T, "detach_", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "detach_", 1, 1);
    auto& meta = self_tensor(a).impl()->autograd;
    meta.grad_fn.reset();
    meta.output_nr = 0;
    meta.requires_grad = false;
    return self_ref(a);
  });
  add_method(T, "requires_grad_", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "requires_grad_", {"self", "requires_grad"}, 1, out);
    bool value = bool_arg(vm, out[1], true);
    const Tensor& t = self_tensor(a);
    if (!t.is_leaf()) {
      if (!value) set_requires_grad_attr(t, false);
      return self_ref(a);
    }
    if (value && !ts::is_floating(t.dtype()))
      raise(&t_RuntimeError, "only Tensors of floating point dtype can require gradients");
    Tensor(t).set_requires_grad(value);
    return self_ref(a);
  });
  add_method(T, "retain_grad", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "retain_grad", 1, 1);
    ag::retain_grad(self_tensor(a));
    return ObjRef(none());
  });
}

}  // namespace lesson::python::torch
