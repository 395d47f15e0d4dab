#include "python/obj_function.hpp"

#include <cstdio>

#include "python/frame.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_generator.hpp"
#include "python/obj_int.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type function_type("function", &object_type);
Type native_function_type("builtin_function_or_method", &object_type);
Type bound_method_type("method", &object_type);
Type cell_type("cell", &object_type);
Type staticmethod_type("staticmethod", &object_type);
Type classmethod_type("classmethod", &object_type);
Type property_type("property", &object_type);
Type code_type("code", &object_type);

Function::Function(Ref<Code> c, Ref<Dict> g) : Object(&function_type), code(std::move(c)), globals(std::move(g)) {
  name = code->name;
  qualname = code->qualname;
}

Function::~Function() = default;

Dict* Function::instance_dict() {
  if (!dict) dict = make_dict();
  return dict.get();
}

Ref<NativeFunction> make_native(std::string name, NativeFn fn) {
  return Ref<NativeFunction>(new NativeFunction(std::move(name), std::move(fn)));
}

void add_method(Type* t, const char* name, NativeFn fn) {
  Ref<NativeFunction> f(new NativeFunction(name, std::move(fn), t));
  type_dict(t)->set_str(name, f.get());
}

void add_getter(Type* t, const char* name, NativeFn getter) {
  Ref<Property> p(new Property());
  p->fget = make_native(name, std::move(getter));
  type_dict(t)->set_str(name, p.get());
}

void add_property(Type* t, const char* name, NativeFn getter, NativeFn setter) {
  Ref<Property> p(new Property());
  p->fget = make_native(name, std::move(getter));
  p->fset = make_native(name, std::move(setter));
  type_dict(t)->set_str(name, p.get());
}

namespace {

std::string address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%012llx", static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(p)));
  return buf;
}

ObjRef function_call(Vm& vm, Object* self, const Args& args) {
  auto* f = static_cast<Function*>(self);
  std::unique_ptr<Frame> frame = vm.make_frame(f, args);
  if (f->code->flags & kCodeGenerator) {
    Ref<Generator> g(new Generator(std::move(frame)));
    g->name = f->name;
    g->qualname = f->qualname;
    return g;
  }
  CallDepthGuard guard(vm);
  return vm.run_frame(frame.get());
}

ObjRef function_getattr(Vm& vm, Object* self, Str* name) {
  auto* f = static_cast<Function*>(self);
  const std::string& n = name->value;
  if (n == "__name__") return make_str(f->name);
  if (n == "__qualname__") return make_str(f->qualname);
  if (n == "__module__") return make_str(f->module);
  if (n == "__doc__") return f->doc ? f->doc : ObjRef(none());
  if (n == "__defaults__") return f->defaults && f->defaults->size() ? ObjRef(f->defaults) : ObjRef(none());
  if (n == "__kwdefaults__") return f->kwdefaults && f->kwdefaults->size() ? ObjRef(f->kwdefaults) : ObjRef(none());
  if (n == "__globals__") return f->globals;
  if (n == "__dict__") return ObjRef(f->instance_dict());
  if (n == "__code__") return f->code;
  return generic_getattr(vm, self, name);
}

void function_setattr(Vm& vm, Object* self, Str* name, Object* value) {
  auto* f = static_cast<Function*>(self);
  const std::string& n = name->value;
  if (n == "__name__" || n == "__qualname__") {
    if (!value || !is_str(value)) raise_type_error(n + " must be set to a string object");
    (n == "__name__" ? f->name : f->qualname) = str_value(value);
    return;
  }
  if (n == "__doc__") {
    f->doc = value ? ObjRef(value) : ObjRef();
    return;
  }
  if (n == "__module__") {
    f->module = value && is_str(value) ? str_value(value) : "";
    return;
  }
  generic_setattr(vm, self, name, value);
}

ObjRef native_call(Vm& vm, Object* self, const Args& args) {
  auto* f = static_cast<NativeFunction*>(self);
  if (f->owner) {
    if (args.npos == 0)
      raise_type_error("unbound method " + f->owner->name + "." + f->name + "() needs an argument");
    if (!isinstance(args[0], f->owner))
      raise_type_error("descriptor '" + f->name + "' for '" + f->owner->name + "' objects doesn't apply to a '" +
                       type_name(args[0]) + "' object");
  }
  return f->fn(vm, args);
}

ObjRef bound_call(Vm& vm, Object* self, const Args& args) {
  auto* m = static_cast<BoundMethod*>(self);
  std::vector<ObjRef> pos;
  pos.reserve(args.npos + 1);
  pos.push_back(m->self);
  for (std::size_t i = 0; i < args.npos; ++i) pos.push_back(args.pos[i]);
  return vm.call(m->func.get(), Args{pos.data(), pos.size(), args.kwvalues, args.kwnames});
}

ObjRef bind_descr(Vm&, Object* self, Object* instance, Type*) {
  if (!instance || is_none(instance)) return ObjRef(self);
  return ObjRef(new BoundMethod(ObjRef(self), ObjRef(instance)));
}

ObjRef native_descr(Vm&, Object* self, Object* instance, Type*) {
  auto* f = static_cast<NativeFunction*>(self);
  if (!f->owner || !instance || is_none(instance)) return ObjRef(self);
  return ObjRef(new BoundMethod(ObjRef(self), ObjRef(instance)));
}

std::string callable_qualname(Object* f) {
  if (f->type() == &function_type) return static_cast<Function*>(f)->qualname;
  if (f->type() == &native_function_type) {
    auto* n = static_cast<NativeFunction*>(f);
    return n->owner ? n->owner->name + "." + n->name : n->name;
  }
  return type_name(f);
}

ObjRef property_get(Vm& vm, Object* self, Object* instance, Type*) {
  auto* p = static_cast<Property*>(self);
  if (!instance) return ObjRef(self);
  if (!p->fget) raise(&t_AttributeError, "property has no getter");
  return vm.call(p->fget.get(), {instance});
}

}  // namespace

std::string property_name(Property* p) {
  if (p->fget) {
    if (p->fget->type() == &function_type) return static_cast<Function*>(p->fget.get())->name;
    if (p->fget->type() == &native_function_type) return static_cast<NativeFunction*>(p->fget.get())->name;
  }
  return "?";
}

namespace {

bool property_set(Vm& vm, Object* self, Object* instance, Object* value) {
  auto* p = static_cast<Property*>(self);
  if (value) {
    if (!p->fset)
      raise(&t_AttributeError, "property '" + property_name(p) + "' of '" + type_name(instance) + "' object has no setter");
    vm.call(p->fset.get(), {instance, value});
  } else {
    if (!p->fdel)
      raise(&t_AttributeError,
            "property '" + property_name(p) + "' of '" + type_name(instance) + "' object has no deleter");
    vm.call(p->fdel.get(), {instance});
  }
  return true;
}

Ref<Property> copy_property(Property* p) {
  Ref<Property> q(new Property());
  q->fget = p->fget;
  q->fset = p->fset;
  q->fdel = p->fdel;
  q->doc = p->doc;
  return q;
}

}  // namespace

void init_function_types() {
  for (Type* t : {&function_type, &native_function_type, &bound_method_type, &cell_type, &staticmethod_type,
                  &classmethod_type, &property_type, &code_type}) {
    type_dict(t);
  }
  function_type.subclassable = false;
  native_function_type.subclassable = false;
  bound_method_type.subclassable = false;

  TypeSlots& f = function_type.slots;
  f.call = function_call;
  f.descr_get = bind_descr;
  f.getattr = function_getattr;
  f.setattr = function_setattr;
  f.repr = [](Vm&, Object* o) -> ObjRef {
    return make_str("<function " + static_cast<Function*>(o)->qualname + " at " + address(o) + ">");
  };

  TypeSlots& n = native_function_type.slots;
  n.call = native_call;
  n.descr_get = native_descr;
  n.repr = [](Vm&, Object* o) -> ObjRef {
    auto* nf = static_cast<NativeFunction*>(o);
    if (nf->owner) return make_str("<method '" + nf->name + "' of '" + nf->owner->name + "' objects>");
    return make_str("<built-in function " + nf->name + ">");
  };
  n.getattr = [](Vm& vm, Object* self, Str* name) -> ObjRef {
    auto* nf = static_cast<NativeFunction*>(self);
    if (name->value == "__name__") return make_str(nf->name);
    if (name->value == "__qualname__") return make_str(nf->owner ? nf->owner->name + "." + nf->name : nf->name);
    if (name->value == "__doc__") return ObjRef(none());
    if (name->value == "__module__" && !nf->owner) return make_str(nf->module.empty() ? "builtins" : nf->module);
    return generic_getattr(vm, self, name);
  };

  TypeSlots& b = bound_method_type.slots;
  b.call = bound_call;
  b.repr = [](Vm& vm, Object* o) -> ObjRef {
    auto* m = static_cast<BoundMethod*>(o);
    if (m->func->type() == &native_function_type)
      return make_str("<built-in method " + static_cast<NativeFunction*>(m->func.get())->name + " of " +
                      type_name(m->self.get()) + " object at " + address(m->self.get()) + ">");
    return make_str("<bound method " + callable_qualname(m->func.get()) + " of " + repr_string(vm, m->self.get()) + ">");
  };
  b.getattr = [](Vm& vm, Object* self, Str* name) -> ObjRef {
    auto* m = static_cast<BoundMethod*>(self);
    if (name->value == "__self__") return m->self;
    if (name->value == "__func__") return m->func;
    if (ObjRef r = generic_getattr(vm, self, name)) return r;
    return getattr_opt(vm, m->func.get(), name);
  };
  b.compare = [](Vm&, Object* self, Object* other, CmpOp op) -> ObjRef {
    if (other->type() != &bound_method_type || (op != CmpOp::Eq && op != CmpOp::Ne)) return nullptr;
    auto* x = static_cast<BoundMethod*>(self);
    auto* y = static_cast<BoundMethod*>(other);
    bool eq = x->func == y->func && x->self == y->self;
    return ObjRef(make_bool(op == CmpOp::Eq ? eq : !eq));
  };

  cell_type.slots.repr = [](Vm&, Object* o) -> ObjRef { return make_str("<cell at " + address(o) + ">"); };

  staticmethod_type.slots.descr_get = [](Vm&, Object* self, Object*, Type*) -> ObjRef {
    return static_cast<StaticMethod*>(self)->func;
  };
  staticmethod_type.slots.construct = [](Vm&, Type* cls, const Args& args) -> ObjRef {
    check_nargs(args, "staticmethod", 1, 1);
    return ObjRef(new StaticMethod(args.pos[0], cls));
  };
  staticmethod_type.slots.call = [](Vm& vm, Object* self, const Args& args) -> ObjRef {
    return vm.call(static_cast<StaticMethod*>(self)->func.get(), args);
  };
  classmethod_type.slots.descr_get = [](Vm&, Object* self, Object* instance, Type* owner) -> ObjRef {
    Object* cls = owner ? static_cast<Object*>(owner) : instance->type();
    return ObjRef(new BoundMethod(static_cast<ClassMethod*>(self)->func, ObjRef(cls)));
  };
  classmethod_type.slots.construct = [](Vm&, Type* cls, const Args& args) -> ObjRef {
    check_nargs(args, "classmethod", 1, 1);
    return ObjRef(new ClassMethod(args.pos[0], cls));
  };
  for (Type* t : {&staticmethod_type, &classmethod_type}) {
    add_getter(t, "__func__", [](Vm&, const Args& a) -> ObjRef {
      return a[0]->type()->is_subtype_of(&staticmethod_type) ? static_cast<StaticMethod*>(a[0])->func
                                                              : static_cast<ClassMethod*>(a[0])->func;
    });
  }

  TypeSlots& p = property_type.slots;
  p.descr_get = property_get;
  p.descr_set = property_set;
  p.construct = [](Vm&, Type*, const Args& args) -> ObjRef {
    Object* out[4] = {nullptr, nullptr, nullptr, nullptr};
    parse_args(args, "property", {"fget", "fset", "fdel", "doc"}, 0, out);
    Ref<Property> pr(new Property());
    if (out[0] && !is_none(out[0])) pr->fget = ObjRef(out[0]);
    if (out[1] && !is_none(out[1])) pr->fset = ObjRef(out[1]);
    if (out[2] && !is_none(out[2])) pr->fdel = ObjRef(out[2]);
    if (out[3]) pr->doc = ObjRef(out[3]);
    return pr;
  };
  add_method(&property_type, "setter", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "setter", 2, 2);
    Ref<Property> q = copy_property(static_cast<Property*>(a[0]));
    q->fset = ObjRef(a[1]);
    return q;
  });
  add_method(&property_type, "getter", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "getter", 2, 2);
    Ref<Property> q = copy_property(static_cast<Property*>(a[0]));
    q->fget = ObjRef(a[1]);
    return q;
  });
  add_method(&property_type, "deleter", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "deleter", 2, 2);
    Ref<Property> q = copy_property(static_cast<Property*>(a[0]));
    q->fdel = ObjRef(a[1]);
    return q;
  });
  add_getter(&property_type, "fget", [](Vm&, const Args& a) -> ObjRef {
    auto* pr = static_cast<Property*>(a[0]);
    return pr->fget ? pr->fget : ObjRef(none());
  });
  add_getter(&property_type, "fset", [](Vm&, const Args& a) -> ObjRef {
    auto* pr = static_cast<Property*>(a[0]);
    return pr->fset ? pr->fset : ObjRef(none());
  });
  add_getter(&property_type, "fdel", [](Vm&, const Args& a) -> ObjRef {
    auto* pr = static_cast<Property*>(a[0]);
    return pr->fdel ? pr->fdel : ObjRef(none());
  });
  // __doc__: the doc argument, else the getter's docstring (as CPython).
  add_getter(&property_type, "__doc__", [](Vm& vm, const Args& a) -> ObjRef {
    auto* pr = static_cast<Property*>(a[0]);
    if (pr->doc && !is_none(pr->doc.get())) return pr->doc;
    if (pr->fget) {
      static Str* const s_doc = intern("__doc__");
      if (ObjRef d = getattr_opt(vm, pr->fget.get(), s_doc)) return d;
    }
    return ObjRef(none());
  });
}

}  // namespace lesson::python
