// type and object: class creation (class statements), instances of user
// classes, attribute lookup through the inheritance chain, super().
#pragma once

#include <string>

#include "python/object.hpp"

namespace lesson::python {

extern Type super_type;

// An instance of a class defined in Python (deriving from object).
class Instance : public Object {
 public:
  explicit Instance(Type* t);
  ~Instance() override;
  Dict* instance_dict() override { return dict; }
  Dict* dict;  // owned
};

class Super : public Object {
 public:
  Super(Type* start, ObjRef obj, Type* obj_type);
  ~Super() override;
  Type* start;     // lookup begins after this class (strong)
  ObjRef obj;      // the instance (or class)
  Type* obj_type;  // strong
};

// Creates a heap type: class `name`(base) with the given namespace.
Ref<Type> make_class(Vm& vm, const std::string& name, Type* base, Dict* ns);
// Looks `name` up in t and its bases; borrowed, nullptr if absent.
Object* type_lookup(const Type* t, const Str* name);
Object* type_lookup(const Type* t, std::string_view name);
std::string type_repr(const Type* t);  // "<class 'int'>"

// The generic attribute protocol (object.__getattribute__ / __setattr__).
ObjRef generic_getattr(Vm& vm, Object* self, Str* name);  // empty if absent
void generic_setattr(Vm& vm, Object* self, Str* name, Object* value);

// Calls t(*args): construct, then __init__ for Python classes.
ObjRef type_call(Vm& vm, Type* t, const Args& args);

// The attribute dictionary of a type, created on first use. Callers may
// modify it (this invalidates the attribute lookup cache).
Dict* type_dict(Type* t);
// Invalidates cached type attribute lookups; call after changing any
// type's dictionary by other means than type_dict() or setattr.
void bump_type_epoch();
// Changes whenever any type's dictionary may have changed: attribute caches
// keyed on (type, epoch) are valid while it stays the same.
extern std::uint64_t g_type_epoch;
inline std::uint64_t type_epoch() { return g_type_epoch; }

// Runs __del__ of an instance whose last reference went (once per object);
// returns true when __del__ stored a new reference to it.
bool run_finalizer(Object* o);
// The session whose cell is running (finalizers run only then).
Vm* active_vm();
void set_active_vm(Vm* vm);

void init_type_types();

}  // namespace lesson::python
