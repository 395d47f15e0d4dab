#include "python/obj_type.hpp"

#include <cstdio>

#include "python/builtins.hpp"
#include "python/frame.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_iter.hpp"
#include "python/obj_list.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type object_type("object", nullptr);
Type type_type("type", &object_type);
Type super_type("super", &object_type);

namespace {

// A small direct-mapped cache of type_lookup results (including misses),
// keyed by type and interned name and valid while no type dictionary has
// changed since (the epoch).
struct LookupCacheEntry {
  const Type* type = nullptr;
  const Str* name = nullptr;
  std::uint64_t epoch = 0;
  Object* result = nullptr;
};
constexpr std::size_t kLookupCacheSize = 2048;
LookupCacheEntry lookup_cache[kLookupCacheSize];

Object* type_lookup_uncached(const Type* t, const Str* name) {
  for (; t; t = t->base)
    if (t->dict)
      if (Object* v = t->dict->get_str(name)) return v;
  return nullptr;
}

}  // namespace

std::uint64_t g_type_epoch = 1;

void bump_type_epoch() { ++g_type_epoch; }

Dict* type_dict(Type* t) {
  bump_type_epoch();
  if (!t->dict) {
    t->dict = new Dict();
    incref(t->dict);
    if (!t->heap) t->dict->refcount = kImmortal;
  }
  return t->dict;
}

Instance::Instance(Type* t) : Object(t), dict(new Dict()) {
  incref(dict);
  if (t->instance_attr_hint) dict->reserve(t->instance_attr_hint);
}
Instance::~Instance() {
  Type* t = type();
  if (dict->size() > t->instance_attr_hint && dict->size() <= 64)
    t->instance_attr_hint = static_cast<std::uint32_t>(dict->size());
  decref(dict);
}

Super::Super(Type* s, ObjRef o, Type* ot) : Object(&super_type), start(s), obj(std::move(o)), obj_type(ot) {
  incref(start);
  incref(obj_type);
}
Super::~Super() {
  decref(start);
  decref(obj_type);
}

Object* type_lookup(const Type* t, const Str* name) {
  auto key = reinterpret_cast<std::uintptr_t>(t) ^ (reinterpret_cast<std::uintptr_t>(name) >> 3);
  LookupCacheEntry& e = lookup_cache[(key ^ (key >> 11)) % kLookupCacheSize];
  if (e.type == t && e.name == name && e.epoch == g_type_epoch) return e.result;
  Object* r = type_lookup_uncached(t, name);
  e.type = t;
  e.name = name;
  e.epoch = g_type_epoch;
  e.result = r;
  return r;
}

Object* type_lookup(const Type* t, std::string_view name) { return type_lookup(t, intern(name)); }

std::string type_repr(const Type* t) {
  if (t->module == "builtins") return "<class '" + t->qualname() + "'>";
  return "<class '" + t->module + "." + t->qualname() + "'>";
}

namespace {

std::string address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%012llx", static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(p)));
  return buf;
}

// The nearest builtin ancestor: its slots implement what the class doesn't.
Type* native_base(Type* t) {
  while (t->heap) t = t->base;
  return t;
}

// A dunder defined by the class or one of its Python-defined bases.
Object* heap_attr(const Type* t, const Str* name) {
  for (; t && t->heap; t = t->base)
    if (Object* v = t->dict->get_str(name)) return v;
  return nullptr;
}

ObjRef call_dunder(Vm& vm, Object* self, Object* f, std::initializer_list<Object*> rest) {
  std::vector<ObjRef> pos;
  pos.reserve(rest.size() + 1);
  pos.emplace_back(self);
  for (Object* o : rest) pos.emplace_back(o);
  // Bind like attribute access would (staticmethod/classmethod aware).
  if (f->type() == &function_type || (f->type() == &native_function_type))
    return vm.call(f, Args{pos.data(), pos.size(), nullptr, nullptr});
  if (f->type()->slots.descr_get) {
    ObjRef bound = f->type()->slots.descr_get(vm, f, self, self->type());
    return vm.call(bound.get(), Args{pos.data() + 1, pos.size() - 1, nullptr, nullptr});
  }
  return vm.call(f, Args{pos.data() + 1, pos.size() - 1, nullptr, nullptr});
}

Str* S(const char* s) { return intern(s); }

// ---- trampolines from slots to dunder methods of classes defined in Python

ObjRef heap_repr(Vm& vm, Object* self) {
  if (Object* f = heap_attr(self->type(), S("__repr__"))) {
    ObjRef r = call_dunder(vm, self, f, {});
    if (!is_str(r.get())) raise_type_error("__repr__ returned non-string (type " + type_name(r.get()) + ")");
    return r;
  }
  Type* nb = native_base(self->type());
  if (nb->slots.repr) return nb->slots.repr(vm, self);
  return make_str("<" + self->type()->module + "." + self->type()->qualname() + " object at " + address(self) + ">");
}

ObjRef heap_str(Vm& vm, Object* self) {
  if (Object* f = heap_attr(self->type(), S("__str__"))) {
    ObjRef r = call_dunder(vm, self, f, {});
    if (!is_str(r.get())) raise_type_error("__str__ returned non-string (type " + type_name(r.get()) + ")");
    return r;
  }
  Type* nb = native_base(self->type());
  if (nb->slots.str) return nb->slots.str(vm, self);
  return repr(vm, self);
}

std::int64_t heap_hash(Vm& vm, Object* self) {
  Object* f = heap_attr(self->type(), S("__hash__"));
  if (f && is_none(f)) raise_type_error("unhashable type: '" + type_name(self) + "'");
  if (f) {
    ObjRef r = call_dunder(vm, self, f, {});
    if (!is_int(r.get())) raise_type_error("__hash__ method should return an integer");
    std::int64_t h = int_value(r.get());
    return h == -1 ? -2 : h;
  }
  Type* nb = native_base(self->type());
  if (nb->slots.hash) return nb->slots.hash(vm, self);
  return static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(self) >> 4);
}

ObjRef not_impl_to_empty(ObjRef r) {
  if (r.get() == not_implemented()) return nullptr;
  return r;
}

ObjRef heap_compare(Vm& vm, Object* self, Object* other, CmpOp op) {
  if (Object* f = heap_attr(self->type(), S(cmpop_dunder(op)))) return not_impl_to_empty(call_dunder(vm, self, f, {other}));
  if (op == CmpOp::Ne) {
    if (Object* f = heap_attr(self->type(), S("__eq__"))) {
      ObjRef r = call_dunder(vm, self, f, {other});
      if (r.get() == not_implemented()) return nullptr;
      return ObjRef(make_bool(!truthy(vm, r.get())));
    }
  }
  Type* nb = native_base(self->type());
  if (nb->slots.compare) return nb->slots.compare(vm, self, other, op);
  return nullptr;
}

ObjRef heap_binary(Vm& vm, Object* self, Object* other, BinOp op) {
  if (Object* f = heap_attr(self->type(), S(binop_dunder(op)))) return not_impl_to_empty(call_dunder(vm, self, f, {other}));
  Type* nb = native_base(self->type());
  if (nb->slots.binary) return nb->slots.binary(vm, self, other, op);
  return nullptr;
}

ObjRef heap_rbinary(Vm& vm, Object* self, Object* other, BinOp op) {
  if (Object* f = heap_attr(self->type(), S(binop_rdunder(op)))) return not_impl_to_empty(call_dunder(vm, self, f, {other}));
  Type* nb = native_base(self->type());
  if (nb->slots.rbinary) return nb->slots.rbinary(vm, self, other, op);
  return nullptr;
}

ObjRef heap_inplace(Vm& vm, Object* self, Object* other, BinOp op) {
  if (Object* f = heap_attr(self->type(), S(binop_idunder(op)))) return not_impl_to_empty(call_dunder(vm, self, f, {other}));
  Type* nb = native_base(self->type());
  if (nb->slots.inplace) return nb->slots.inplace(vm, self, other, op);
  return nullptr;
}

ObjRef heap_unary(Vm& vm, Object* self, UnaryOp op) {
  const char* name = op == UnaryOp::Neg ? "__neg__" : op == UnaryOp::Pos ? "__pos__" : "__invert__";
  if (Object* f = heap_attr(self->type(), S(name))) return call_dunder(vm, self, f, {});
  Type* nb = native_base(self->type());
  if (nb->slots.unary) return nb->slots.unary(vm, self, op);
  return nullptr;
}

std::int64_t heap_len(Vm& vm, Object* self) {
  if (Object* f = heap_attr(self->type(), S("__len__"))) {
    ObjRef r = call_dunder(vm, self, f, {});
    if (!is_int(r.get()))
      raise_type_error("'" + type_name(r.get()) + "' object cannot be interpreted as an integer");
    if (int_value(r.get()) < 0) raise_value_error("__len__() should return >= 0");
    return int_value(r.get());
  }
  Type* nb = native_base(self->type());
  if (nb->slots.len) return nb->slots.len(vm, self);
  raise_type_error("object of type '" + type_name(self) + "' has no len()");
}

int heap_truth(Vm& vm, Object* self) {
  if (Object* f = heap_attr(self->type(), S("__bool__"))) {
    ObjRef r = call_dunder(vm, self, f, {});
    if (!is_bool(r.get())) raise_type_error("__bool__ should return bool, returned " + type_name(r.get()));
    return int_value(r.get()) ? 1 : 0;
  }
  if (heap_attr(self->type(), S("__len__"))) return heap_len(vm, self) ? 1 : 0;
  Type* nb = native_base(self->type());
  if (nb->slots.truth) return nb->slots.truth(vm, self);
  if (nb->slots.len) return nb->slots.len(vm, self) ? 1 : 0;
  return 1;
}

ObjRef heap_getattr(Vm& vm, Object* self, Str* name) {
  Type* nb = native_base(self->type());
  ObjRef r = nb->slots.getattr ? nb->slots.getattr(vm, self, name) : generic_getattr(vm, self, name);
  if (r) return r;
  if (Object* f = heap_attr(self->type(), S("__getattr__"))) {
    ObjRef n(name);
    return call_dunder(vm, self, f, {name});
  }
  return nullptr;
}

void heap_setattr(Vm& vm, Object* self, Str* name, Object* value) {
  if (value) {
    if (Object* f = heap_attr(self->type(), S("__setattr__"))) {
      call_dunder(vm, self, f, {name, value});
      return;
    }
  } else if (Object* f = heap_attr(self->type(), S("__delattr__"))) {
    call_dunder(vm, self, f, {name});
    return;
  }
  Type* nb = native_base(self->type());
  if (nb->slots.setattr) nb->slots.setattr(vm, self, name, value);
  else generic_setattr(vm, self, name, value);
}

ObjRef heap_call(Vm& vm, Object* self, const Args& args) {
  Object* f = heap_attr(self->type(), S("__call__"));
  if (!f) {
    Type* nb = native_base(self->type());
    if (nb->slots.call) return nb->slots.call(vm, self, args);
    raise_type_error("'" + type_name(self) + "' object is not callable");
  }
  std::vector<ObjRef> pos;
  pos.reserve(args.npos + 1);
  pos.emplace_back(self);
  for (std::size_t i = 0; i < args.npos; ++i) pos.push_back(args.pos[i]);
  if (f->type() == &function_type || f->type() == &native_function_type)
    return vm.call(f, Args{pos.data(), pos.size(), args.kwvalues, args.kwnames});
  ObjRef bound = getattr(vm, self, S("__call__"));
  return vm.call(bound.get(), args);
}

ObjRef heap_getitem(Vm& vm, Object* self, Object* key) {
  if (Object* f = heap_attr(self->type(), S("__getitem__"))) return call_dunder(vm, self, f, {key});
  Type* nb = native_base(self->type());
  if (nb->slots.getitem) return nb->slots.getitem(vm, self, key);
  raise_type_error("'" + type_name(self) + "' object is not subscriptable");
}

void heap_setitem(Vm& vm, Object* self, Object* key, Object* value) {
  Object* f = heap_attr(self->type(), S(value ? "__setitem__" : "__delitem__"));
  if (f) {
    if (value) call_dunder(vm, self, f, {key, value});
    else call_dunder(vm, self, f, {key});
    return;
  }
  Type* nb = native_base(self->type());
  if (nb->slots.setitem) return nb->slots.setitem(vm, self, key, value);
  if (value) raise_type_error("'" + type_name(self) + "' object does not support item assignment");
  raise_type_error("'" + type_name(self) + "' object does not support item deletion");
}

ObjRef heap_iter(Vm& vm, Object* self) {
  if (Object* f = heap_attr(self->type(), S("__iter__"))) {
    ObjRef it = call_dunder(vm, self, f, {});
    if (!it->type()->slots.next)
      raise_type_error("iter() returned non-iterator of type '" + type_name(it.get()) + "'");
    return it;
  }
  Type* nb = native_base(self->type());
  if (nb->slots.iter) return nb->slots.iter(vm, self);
  if (heap_attr(self->type(), S("__getitem__"))) return make_seq_iterator(self);
  raise_type_error("'" + type_name(self) + "' object is not iterable");
}

ObjRef heap_next(Vm& vm, Object* self) {
  if (Object* f = heap_attr(self->type(), S("__next__"))) {
    try {
      return call_dunder(vm, self, f, {});
    } catch (PyError& e) {
      if (isinstance(e.exc.get(), &t_StopIteration)) return nullptr;
      throw;
    }
  }
  Type* nb = native_base(self->type());
  if (nb->slots.next) return nb->slots.next(vm, self);
  raise_type_error("'" + type_name(self) + "' object is not an iterator");
}

int heap_contains(Vm& vm, Object* self, Object* item) {
  if (Object* f = heap_attr(self->type(), S("__contains__"))) {
    ObjRef r = call_dunder(vm, self, f, {item});
    return truthy(vm, r.get()) ? 1 : 0;
  }
  Type* nb = native_base(self->type());
  if (nb->slots.contains) return nb->slots.contains(vm, self, item);
  ObjRef it = get_iter(vm, self);
  while (ObjRef x = iter_next(vm, it.get()))
    if (equal(vm, x.get(), item)) return 1;
  return 0;
}

ObjRef heap_format(Vm& vm, Object* self, std::string_view spec) {
  if (Object* f = heap_attr(self->type(), S("__format__"))) {
    ObjRef s = make_str(spec);
    ObjRef r = call_dunder(vm, self, f, {s.get()});
    if (!is_str(r.get())) raise_type_error("__format__ must return a str, not " + type_name(r.get()));
    return r;
  }
  Type* nb = native_base(self->type());
  if (nb->slots.format) return nb->slots.format(vm, self, spec);
  if (!spec.empty())
    raise_type_error("unsupported format string passed to " + type_name(self) + ".__format__");
  return str(vm, self);
}

ObjRef heap_descr_get(Vm& vm, Object* self, Object* instance, Type* owner) {
  Object* f = heap_attr(self->type(), S("__get__"));
  return call_dunder(vm, self, f, {instance ? instance : none(), owner ? static_cast<Object*>(owner) : none()});
}

bool heap_descr_set(Vm& vm, Object* self, Object* instance, Object* value) {
  Object* f = heap_attr(self->type(), S(value ? "__set__" : "__delete__"));
  if (!f) return false;
  if (value) call_dunder(vm, self, f, {instance, value});
  else call_dunder(vm, self, f, {instance});
  return true;
}

}  // namespace

namespace {
Vm* the_active_vm = nullptr;
}

Vm* active_vm() { return the_active_vm; }
void set_active_vm(Vm* vm) { the_active_vm = vm; }

bool run_finalizer(Object* o) {
  if (o->gc_flags & kFinalized) return false;
  o->gc_flags |= kFinalized;
  Vm* vm = the_active_vm;
  Object* del = type_lookup(o->type(), intern("__del__"));
  if (!vm || !del) return false;
  o->refcount = 1;  // alive again while __del__ runs
  {
    ObjRef keep_del(del);
    try {
      call_dunder(*vm, o, del, {});
    } catch (PyError& e) {
      // As CPython: report and carry on; the object is still freed.
      std::string where = "Exception ignored in: " + repr_string(*vm, del) + "\n";
      vm->write(OutputStream::Stderr, where + format_exception(*vm, e.exc.get()));
    }
  }
  return --o->refcount != 0;
}

// Points each slot of a class at the dunder trampoline when the class (or a
// Python-defined base) defines that dunder, else at the builtin base's slot.
void update_heap_slots(Type* t) {
  Type* nb = native_base(t);
  TypeSlots s = nb->slots;
  auto has = [&](const char* name) { return heap_attr(t, S(name)) != nullptr; };
  if (has("__repr__")) s.repr = heap_repr;
  if (has("__str__") || has("__repr__")) s.str = heap_str;
  if (has("__hash__") || has("__eq__")) s.hash = heap_hash;
  for (const char* n : {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"})
    if (has(n)) s.compare = heap_compare;
  for (int k = 0; k < kBinOpCount; ++k) {
    auto op = static_cast<BinOp>(k);
    if (has(binop_dunder(op))) s.binary = heap_binary;
    if (has(binop_rdunder(op))) s.rbinary = heap_rbinary;
    if (has(binop_idunder(op))) s.inplace = heap_inplace;
  }
  if (has("__neg__") || has("__pos__") || has("__invert__")) s.unary = heap_unary;
  if (has("__len__")) s.len = heap_len;
  if (has("__bool__") || has("__len__")) s.truth = heap_truth;
  if (has("__getattr__")) s.getattr = heap_getattr;
  if (has("__setattr__") || has("__delattr__")) s.setattr = heap_setattr;
  if (has("__call__")) s.call = heap_call;
  if (has("__getitem__")) s.getitem = heap_getitem;
  if (has("__setitem__") || has("__delitem__")) s.setitem = heap_setitem;
  if (has("__iter__") || (has("__getitem__") && !s.iter)) s.iter = heap_iter;
  if (has("__next__")) s.next = heap_next;
  if (has("__contains__")) s.contains = heap_contains;
  if (has("__format__")) s.format = heap_format;
  if (has("__get__")) s.descr_get = heap_descr_get;
  if (has("__set__") || has("__delete__")) s.descr_set = heap_descr_set;
  t->slots = s;
  t->has_finalizer = has("__del__");
}

Ref<Type> make_class(Vm& vm, const std::string& name, Type* base, Dict* ns) {
  if (!base) base = &object_type;
  if (!base->subclassable) raise_type_error("type '" + base->name + "' is not an acceptable base type");
  Ref<Type> t(new Type(name, base, false));
  t->heap = true;
  t->module = "__main__";
  if (Object* m = ns->get_str("__module__"))
    if (is_str(m)) t->module = str_value(m);
  t->dict = new Dict();
  incref(t->dict);
  std::size_t pos = 0;
  const Dict::Entry* e;
  while (ns->next(pos, e)) t->dict->set(vm, e->key.get(), e->value.get());
  if (!t->dict->get_str("__doc__")) t->dict->set_str("__doc__", none());
  // As CPython's type(): __qualname__ goes from the namespace to the type.
  if (Object* q = t->dict->get_str("__qualname__")) {
    if (!is_str(q)) raise_type_error("type __qualname__ must be a str, not " + type_name(q));
    t->qual = str_value(q);
    t->dict->remove_str(intern("__qualname__"));
  }
  // __new__ is implicitly a static method, as in CPython.
  if (Object* nw = t->dict->get_str("__new__"))
    if (nw->type() == &function_type) t->dict->set_str("__new__", ObjRef(new StaticMethod(ObjRef(nw))).get());
  // Defining __eq__ without __hash__ makes instances unhashable, as in Python.
  if (t->dict->get_str("__eq__") && !t->dict->get_str("__hash__")) t->dict->set_str("__hash__", none());
  t->instances_have_dict = true;
  update_heap_slots(t.get());
  vm.heap_types.push_back(t);
  bump_type_epoch();
  return t;
}

ObjRef generic_getattr(Vm& vm, Object* self, Str* name) {
  Type* t = self->type();
  Object* descr = type_lookup(t, name);
  ObjRef keep(descr);
  if (descr) {
    const TypeSlots& ds = descr->type()->slots;
    if (ds.descr_set && ds.descr_get) return ds.descr_get(vm, descr, self, t);
  }
  if (Dict* d = self->instance_dict())
    if (Object* v = d->get_str(name)) return ObjRef(v);
  if (descr) {
    const TypeSlots& ds = descr->type()->slots;
    if (ds.descr_get) return ds.descr_get(vm, descr, self, t);
    return keep;
  }
  if (name->value == "__class__") return ObjRef(t);
  if (name->value == "__dict__") {
    if (Dict* d = self->instance_dict()) return ObjRef(d);
  }
  return nullptr;
}

void generic_setattr(Vm& vm, Object* self, Str* name, Object* value) {
  Type* t = self->type();
  if (Object* descr = type_lookup(t, name)) {
    ObjRef keep(descr);
    const TypeSlots& ds = descr->type()->slots;
    if (ds.descr_set && ds.descr_set(vm, descr, self, value)) return;
  }
  if (name->value == "__class__") {
    if (!value || value->type() != &type_type || !static_cast<Type*>(value)->heap || !t->heap)
      raise_type_error("__class__ assignment only supported for classes defined in Python");
    self->reset_type(static_cast<Type*>(value));
    return;
  }
  Dict* d = self->instance_dict();
  if (!d || t == &object_type) {
    if (type_lookup(t, name))
      raise(&t_AttributeError, "'" + type_name(self) + "' object attribute '" + name->value + "' is read-only");
    raise_attribute_error(self, name);
  }
  if (value) {
    d->set_str(name, value);
  } else if (!d->remove_str(name)) {
    raise_attribute_error(self, name);
  }
}

ObjRef type_call(Vm& vm, Type* t, const Args& args) {
  if (t == &type_type) {
    if (args.npos == 1 && !args.has_kwargs()) return ObjRef(args[0]->type());
    if (args.npos == 3) {
      if (!is_str(args[0]) || !is_tuple(args[1]) || !is_dict(args[2]))
        raise_type_error("type() argument 1 must be str, not " + type_name(args[0]));
      auto* bases = static_cast<Tuple*>(args[1]);
      if (bases->size() > 1) raise(&t_NotImplementedError, "multiple inheritance is not supported");
      Type* base = bases->size() ? static_cast<Type*>((*bases)[0]) : &object_type;
      return make_class(vm, str_value(args[0]), base, static_cast<Dict*>(args[2]));
    }
    raise_type_error("type() takes 1 or 3 arguments");
  }
  if (!t->slots.construct) raise_type_error("cannot create '" + t->name + "' instances");
  if (!t->heap) return t->slots.construct(vm, t, args);
  static Str* const s_init = intern("__init__");
  static Str* const s_new = intern("__new__");
  Object* init = heap_attr(t, s_init);
  Type* nb = native_base(t);
  bool exception_base = nb->is_subtype_of(&t_BaseException);
  ObjRef obj;
  if (Object* nw = heap_attr(t, s_new)) {
    // A Python __new__(cls, *args): its result is initialised only when it
    // is an instance of the class.
    ObjRef keep(nw);
    Object* fn = nw->type() == &staticmethod_type ? static_cast<StaticMethod*>(nw)->func.get() : nw;
    std::vector<ObjRef> pos;
    pos.reserve(args.npos + 1);
    pos.emplace_back(t);
    for (std::size_t i = 0; i < args.npos; ++i) pos.push_back(args.pos[i]);
    obj = vm.call(fn, Args{pos.data(), pos.size(), args.kwvalues, args.kwnames});
    if (!isinstance(obj.get(), t)) return obj;
    if (!init) return obj;
  } else if (init && !exception_base) {
    Args none_args{};
    obj = t->slots.construct(vm, t, none_args);
  } else {
    obj = t->slots.construct(vm, t, args);
  }
  if (init) {
    std::vector<ObjRef> pos;
    pos.reserve(args.npos + 1);
    pos.push_back(obj);
    for (std::size_t i = 0; i < args.npos; ++i) pos.push_back(args.pos[i]);
    ObjRef r;
    if (init->type() == &function_type || init->type() == &native_function_type) {
      r = vm.call(init, Args{pos.data(), pos.size(), args.kwvalues, args.kwnames});
    } else {
      ObjRef bound = getattr(vm, obj.get(), s_init);
      r = vm.call(bound.get(), args);
    }
    if (!is_none(r.get())) raise_type_error("__init__() should return None, not '" + type_name(r.get()) + "'");
  } else if (nb == &object_type && (args.npos || args.has_kwargs()) && !heap_attr(t, s_new)) {
    raise_type_error(t->name + "() takes no arguments");
  }
  return obj;
}

namespace {

ObjRef type_getattr(Vm& vm, Object* self, Str* name) {
  auto* t = static_cast<Type*>(self);
  const std::string& n = name->value;
  if (n == "__name__") return make_str(t->name);
  if (n == "__qualname__") return make_str(t->qualname());
  if (n == "__module__") return make_str(t->module);
  if (n == "__bases__") {
    if (!t->base) return ObjRef(empty_tuple());
    return make_tuple({t->base});
  }
  if (n == "__base__") return t->base ? ObjRef(t->base) : ObjRef(none());
  if (n == "__mro__") {
    std::vector<ObjRef> mro;
    for (Type* k = t; k; k = k->base) mro.emplace_back(k);
    return make_tuple(std::move(mro));
  }
  if (n == "__dict__") {
    // A read-only view in CPython; a copy here keeps the lookup cache valid.
    Ref<Dict> copy = make_dict();
    std::size_t pos = 0;
    const Dict::Entry* e;
    if (t->dict)
      while (t->dict->next(pos, e)) copy->set(vm, e->key.get(), e->value.get());
    return copy;
  }
  if (Object* v = type_lookup(t, name)) {
    ObjRef keep(v);
    const TypeSlots& ds = v->type()->slots;
    if (ds.descr_get && v->type() != &function_type) {
      if (v->type() == &property_type) return keep;
      if (v->type() == &native_function_type) return keep;
      return ds.descr_get(vm, v, nullptr, t);
    }
    return keep;
  }
  // Attributes of the metaclass (type.mro, ...).
  if (Object* v = type_lookup(&type_type, name)) {
    ObjRef keep(v);
    if (v->type()->slots.descr_get) return v->type()->slots.descr_get(vm, v, self, &type_type);
    return keep;
  }
  if (n == "__class__") return ObjRef(&type_type);
  if (n == "__doc__") return ObjRef(none());
  return nullptr;
}

void type_setattr(Vm&, Object* self, Str* name, Object* value) {
  auto* t = static_cast<Type*>(self);
  if (!t->heap)
    raise_type_error("cannot set '" + name->value + "' attribute of immutable type '" + t->name + "'");
  if (name->value == "__name__" || name->value == "__qualname__") {
    if (!value) raise_type_error("cannot delete '" + name->value + "' attribute of immutable type '" + t->name + "'");
    if (!is_str(value))
      raise_type_error("can only assign string to " + t->name + "." + name->value + ", not '" + type_name(value) + "'");
    if (name->value == "__name__") {
      if (t->qual.empty()) t->qual = t->name;
      t->name = str_value(value);
    } else {
      t->qual = str_value(value);
    }
    return;
  }
  bump_type_epoch();
  if (value) {
    t->dict->set_str(name, value);
  } else if (!t->dict->remove_str(name)) {
    raise(&t_AttributeError, "type object '" + t->name + "' has no attribute '" + name->value + "'");
  }
  if (name->value.size() > 4 && name->value.compare(0, 2, "__") == 0) update_heap_slots(t);
}

ObjRef super_getattr(Vm& vm, Object* self, Str* name) {
  auto* s = static_cast<Super*>(self);
  if (name->value == "__class__") return generic_getattr(vm, self, name);
  for (Type* t = s->start->base; t; t = t->base) {
    if (!t->dict) continue;
    Object* v = t->dict->get_str(name);
    if (!v) continue;
    ObjRef keep(v);
    const TypeSlots& ds = v->type()->slots;
    if (!ds.descr_get) return keep;
    bool obj_is_type = s->obj.get() == s->obj_type;
    return ds.descr_get(vm, v, obj_is_type ? nullptr : s->obj.get(), s->obj_type);
  }
  return generic_getattr(vm, self, name);
}

}  // namespace

void init_type_types() {
  for (Type* t : {&object_type, &type_type, &super_type}) type_dict(t);
  super_type.subclassable = false;

  TypeSlots& o = object_type.slots;
  o.construct = [](Vm&, Type* cls, const Args&) -> ObjRef { return ObjRef(new Instance(cls)); };
  o.repr = [](Vm&, Object* self) -> ObjRef {
    Type* t = self->type();
    std::string prefix = t->module == "builtins" ? "" : t->module + ".";
    return make_str("<" + prefix + t->qualname() + " object at " + address(self) + ">");
  };
  o.hash = [](Vm&, Object* self) -> std::int64_t {
    return static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(self) >> 4);
  };

  Type* ot = &object_type;
  // object.__new__(cls, *args): an instance of cls made by its nearest
  // builtin base (tuple.__new__(cls, iterable), int.__new__(cls, x), ...).
  type_dict(ot)->set_str("__new__", ObjRef(new StaticMethod(make_native("__new__", [](Vm& vm, const Args& a) -> ObjRef {
    if (a.npos < 1) raise_type_error("object.__new__(): not enough arguments");
    if (a[0]->type() != &type_type)
      raise_type_error("object.__new__(X): X is not a type object (" + type_name(a[0]) + ")");
    auto* cls = static_cast<Type*>(a[0]);
    Type* nb = native_base(cls);
    if (!nb->slots.construct || cls == &type_type) raise_type_error("cannot create '" + cls->name + "' instances");
    if (nb == &object_type && !cls->heap) return ObjRef(new Instance(cls));
    return nb->slots.construct(vm, cls, Args{a.pos + 1, a.npos - 1, a.kwvalues, a.kwnames});
  }))).get());
  add_method(ot, "__init__", [](Vm&, const Args& a) -> ObjRef {
    if (a.npos > 1 || a.has_kwargs())
      raise_type_error("object.__init__() takes exactly one argument (the instance to initialize)");
    return ObjRef(none());
  });
  add_method(ot, "__repr__", [](Vm& vm, const Args& a) -> ObjRef { return object_type.slots.repr(vm, a[0]); });
  add_method(ot, "__str__", [](Vm& vm, const Args& a) -> ObjRef { return repr(vm, a[0]); });
  add_method(ot, "__hash__", [](Vm& vm, const Args& a) -> ObjRef { return make_int(object_type.slots.hash(vm, a[0])); });
  add_method(ot, "__eq__", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "__eq__", 2, 2);
    return ObjRef(a[0] == a[1] ? make_bool(true) : not_implemented());
  });
  add_method(ot, "__ne__", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "__ne__", 2, 2);
    ObjRef r = compare(vm, a[0], a[1], CmpOp::Eq);
    return ObjRef(make_bool(!truthy(vm, r.get())));
  });
  add_method(ot, "__setattr__", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "__setattr__", 3, 3);
    if (!is_str(a[1])) raise_type_error("attribute name must be string, not '" + type_name(a[1]) + "'");
    generic_setattr(vm, a[0], intern(str_value(a[1])), a[2]);
    return ObjRef(none());
  });
  add_method(ot, "__delattr__", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "__delattr__", 2, 2);
    generic_setattr(vm, a[0], intern(str_value(a[1])), nullptr);
    return ObjRef(none());
  });
  add_method(ot, "__getattribute__", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "__getattribute__", 2, 2);
    if (!is_str(a[1])) raise_type_error("attribute name must be string, not '" + type_name(a[1]) + "'");
    Str* n = intern(str_value(a[1]));
    ObjRef r = generic_getattr(vm, a[0], n);
    if (!r) raise_attribute_error(a[0], n);
    return r;
  });
  add_method(ot, "__format__", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "__format__", 2, 2);
    if (!str_value(a[1]).empty())
      raise_type_error("unsupported format string passed to " + type_name(a[0]) + ".__format__");
    return str(vm, a[0]);
  });
  add_method(ot, "__dir__", [](Vm& vm, const Args& a) -> ObjRef {
    return builtin_dir_of(vm, a[0]);
  });

  TypeSlots& t = type_type.slots;
  t.repr = [](Vm&, Object* self) -> ObjRef { return make_str(type_repr(static_cast<Type*>(self))); };
  t.getattr = type_getattr;
  t.setattr = type_setattr;
  t.call = [](Vm& vm, Object* self, const Args& args) { return type_call(vm, static_cast<Type*>(self), args); };
  t.hash = o.hash;
  t.binary = [](Vm&, Object*, Object*, BinOp) -> ObjRef { return nullptr; };
  add_method(&type_type, "mro", [](Vm&, const Args& a) -> ObjRef {
    std::vector<ObjRef> mro;
    for (Type* k = static_cast<Type*>(a[0]); k; k = k->base) mro.emplace_back(k);
    return make_list(std::move(mro));
  });
  add_method(&type_type, "__subclasses__", [](Vm& vm, const Args& a) -> ObjRef {
    std::vector<ObjRef> out;
    for (const Ref<Type>& h : vm.heap_types)
      if (h->base == a[0]) out.emplace_back(h);
    return make_list(std::move(out));
  });

  super_type.slots.getattr = super_getattr;
  super_type.slots.repr = [](Vm&, Object* self) -> ObjRef {
    auto* s = static_cast<Super*>(self);
    return make_str("<super: <class '" + s->start->name + "'>, <" + s->obj_type->name + " object>>");
  };
}

}  // namespace lesson::python
