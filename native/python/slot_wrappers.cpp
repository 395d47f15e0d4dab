// Exposes the C++ slots of builtin types as dunder methods (list.__len__,
// dict.__getitem__, ...), so they can be called explicitly, found by
// super(), and listed by dir() — CPython's "slot wrappers".
#include "python/slot_wrappers.hpp"

#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

namespace {

void wrap(Type* t, const char* name, NativeFn fn) {
  Dict* d = type_dict(t);
  if (d->get_str(name)) return;
  add_method(t, name, std::move(fn));
}

std::string qual(Type* t, const char* name) { return t->name + "." + name; }

}  // namespace

void add_slot_wrappers(Type* t) {
  const TypeSlots s = t->slots;
  if (s.len) {
    std::string q = qual(t, "__len__");
    wrap(t, "__len__", [fn = s.len, q](Vm& vm, const Args& a) -> ObjRef {
      check_nargs(a, q.c_str(), 1, 1);
      return make_int(fn(vm, a[0]));
    });
  }
  if (s.getitem) {
    std::string q = qual(t, "__getitem__");
    wrap(t, "__getitem__", [fn = s.getitem, q](Vm& vm, const Args& a) -> ObjRef {
      check_nargs(a, q.c_str(), 2, 2);
      return fn(vm, a[0], a[1]);
    });
  }
  if (s.setitem) {
    std::string q = qual(t, "__setitem__");
    wrap(t, "__setitem__", [fn = s.setitem, q](Vm& vm, const Args& a) -> ObjRef {
      check_nargs(a, q.c_str(), 3, 3);
      fn(vm, a[0], a[1], a[2]);
      return ObjRef(none());
    });
    std::string qd = qual(t, "__delitem__");
    wrap(t, "__delitem__", [fn = s.setitem, qd](Vm& vm, const Args& a) -> ObjRef {
      check_nargs(a, qd.c_str(), 2, 2);
      fn(vm, a[0], a[1], nullptr);
      return ObjRef(none());
    });
  }
  if (s.iter) {
    wrap(t, "__iter__", [fn = s.iter](Vm& vm, const Args& a) -> ObjRef { return fn(vm, a[0]); });
  }
  if (s.next) {
    wrap(t, "__next__", [fn = s.next](Vm& vm, const Args& a) -> ObjRef {
      ObjRef r = fn(vm, a[0]);
      if (!r) raise_stop_iteration();
      return r;
    });
  }
  if (s.contains) {
    std::string q = qual(t, "__contains__");
    wrap(t, "__contains__", [fn = s.contains, q](Vm& vm, const Args& a) -> ObjRef {
      check_nargs(a, q.c_str(), 2, 2);
      return ObjRef(make_bool(fn(vm, a[0], a[1]) != 0));
    });
  }
  if (s.compare) {
    static const char* const names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
    for (int k = 0; k < 6; ++k) {
      auto op = static_cast<CmpOp>(k);
      wrap(t, names[k], [fn = s.compare, op](Vm& vm, const Args& a) -> ObjRef {
        if (a.npos != 2) raise_type_error("expected 1 argument, got " + std::to_string(a.npos - 1));
        ObjRef r = fn(vm, a[0], a[1], op);
        return r ? r : ObjRef(not_implemented());
      });
    }
  }
  if (s.repr && t != &object_type) {
    wrap(t, "__repr__", [fn = s.repr](Vm& vm, const Args& a) -> ObjRef { return fn(vm, a[0]); });
  }
  if (s.str) {
    wrap(t, "__str__", [fn = s.str](Vm& vm, const Args& a) -> ObjRef { return fn(vm, a[0]); });
  }
  if (s.hash && t != &object_type) {
    wrap(t, "__hash__", [fn = s.hash](Vm& vm, const Args& a) -> ObjRef { return make_int(fn(vm, a[0])); });
  }
}

void add_object_dunders() {
  Type* o = &object_type;
  for (const char* n : {"__lt__", "__le__", "__gt__", "__ge__"})
    wrap(o, n, [](Vm&, const Args&) -> ObjRef { return ObjRef(not_implemented()); });
  wrap(o, "__sizeof__", [](Vm&, const Args&) -> ObjRef { return make_int(16); });
  wrap(o, "__reduce__", [](Vm&, const Args&) -> ObjRef {
    raise_type_error("pickling is not supported in lesson cells");
  });
  wrap(o, "__reduce_ex__", [](Vm&, const Args&) -> ObjRef {
    raise_type_error("pickling is not supported in lesson cells");
  });
  Ref<NativeFunction> init_subclass = make_native("__init_subclass__", [](Vm&, const Args&) -> ObjRef {
    return ObjRef(none());
  });
  type_dict(o)->set_str("__init_subclass__", ObjRef(new ClassMethod(init_subclass)).get());
  Ref<NativeFunction> hook = make_native("__subclasshook__", [](Vm&, const Args&) -> ObjRef {
    return ObjRef(not_implemented());
  });
  type_dict(o)->set_str("__subclasshook__", ObjRef(new ClassMethod(hook)).get());
}

}  // namespace lesson::python
