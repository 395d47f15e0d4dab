// torch.no_grad, torch.enable_grad and torch.set_grad_enabled: context
// managers (`with torch.no_grad():`) and decorators (`@torch.no_grad()`),
// plus torch.is_grad_enabled.
#include <string>
#include <vector>

#include "autograd/grad_mode.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "python/vm.hpp"

namespace lesson::python::torch {

namespace {

Type no_grad_type("no_grad", &object_type);
Type enable_grad_type("enable_grad", &object_type);
Type set_grad_enabled_type("set_grad_enabled", &object_type);

// One grad-mode switch: the mode it sets and the modes to restore, one per
// active `with` (the same object may be entered more than once).
class GradModeObject : public Object {
 public:
  GradModeObject(Type* t, bool m) : Object(t), mode(m) {}
  bool mode;
  std::vector<bool> previous;
};

GradModeObject* as_mode(Object* o) { return static_cast<GradModeObject*>(o); }

// Runs `func` with grad mode `mode`, restoring the previous mode after.
ObjRef call_with_mode(Vm& vm, Object* func, bool mode, const Args& args) {
  const bool previous = lesson::autograd::grad_enabled();
  lesson::autograd::set_grad_enabled(mode);
  try {
    ObjRef r = vm.call(func, args);
    lesson::autograd::set_grad_enabled(previous);
    return r;
  } catch (...) {
    lesson::autograd::set_grad_enabled(previous);
    throw;
  }
}

void init_mode_type(Type* t, bool settable) {
  type_dict(t);
  t->module = "torch.autograd.grad_mode";
  if (settable) {
    t->slots.construct = [](Vm& vm, Type* cls, const Args& a) -> ObjRef {
      Object* out[1];
      parse_args(a, "set_grad_enabled", {"mode"}, 1, out);
      bool mode = truthy(vm, out[0]);
      // Like PyTorch, the mode changes at construction, so the call works
      // without `with` too; __exit__ restores the mode from before.
      auto* o = new GradModeObject(cls, mode);
      ObjRef keep(o);
      o->previous.push_back(lesson::autograd::grad_enabled());
      lesson::autograd::set_grad_enabled(mode);
      return keep;
    };
  } else {
    t->slots.construct = [](Vm&, Type* cls, const Args& a) -> ObjRef {
      check_nargs(a, cls->name.c_str(), 0, 0);
      return ObjRef(new GradModeObject(cls, cls->is_subtype_of(&enable_grad_type)));
    };
  }
  // Decorator: @torch.no_grad() wraps a function so it runs in that mode.
  t->slots.call = [](Vm& vm, Object* self, const Args& a) -> ObjRef {
    check_nargs(a, "__call__", 1, 1);
    ObjRef func(a[0]);
    const bool mode = as_mode(self)->mode;
    std::string name = "wrapper";
    if (ObjRef n = getattr_opt(vm, func.get(), intern("__name__")))
      if (n->type() == &str_type) name = str_value(n.get());
    return make_native(name, [func, mode](Vm& v, const Args& args) { return call_with_mode(v, func.get(), mode, args); });
  };
  add_method(t, "__enter__", [](Vm&, const Args& a) -> ObjRef {
    GradModeObject* o = as_mode(a[0]);
    if (o->type() != &set_grad_enabled_type) {
      o->previous.push_back(lesson::autograd::grad_enabled());
      lesson::autograd::set_grad_enabled(o->mode);
    }
    return ObjRef(none());
  });
  add_method(t, "__exit__", [](Vm&, const Args& a) -> ObjRef {
    GradModeObject* o = as_mode(a[0]);
    if (!o->previous.empty()) {
      lesson::autograd::set_grad_enabled(o->previous.back());
      o->previous.pop_back();
    }
    return ObjRef(make_bool(false));
  });
}

}  // namespace

void add_grad_mode_bindings(Vm&, Module& m) {
  if (!no_grad_type.dict) {
    init_mode_type(&no_grad_type, false);
    init_mode_type(&enable_grad_type, false);
    init_mode_type(&set_grad_enabled_type, true);
  }
  m.dict->set_str("no_grad", &no_grad_type);
  m.dict->set_str("enable_grad", &enable_grad_type);
  m.dict->set_str("set_grad_enabled", &set_grad_enabled_type);
  m.dict->set_str("is_grad_enabled", make_native("is_grad_enabled", [](Vm&, const Args& a) -> ObjRef {
                                       check_nargs(a, "is_grad_enabled", 0, 0);
                                       return ObjRef(make_bool(lesson::autograd::grad_enabled()));
                                     }).get());
}

}  // namespace lesson::python::torch
