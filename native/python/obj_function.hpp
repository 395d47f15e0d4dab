// Callables: Python functions (with closure cells), bound methods, native
// functions, and the staticmethod / classmethod / property descriptors.
#pragma once

#include <functional>
#include <string>

#include "python/code.hpp"
#include "python/object.hpp"

namespace lesson::python {

extern Type function_type;
extern Type native_function_type;
extern Type bound_method_type;
extern Type cell_type;
extern Type staticmethod_type;
extern Type classmethod_type;
extern Type property_type;

class Cell : public Object {
 public:
  explicit Cell(ObjRef v = nullptr) : Object(&cell_type), value(std::move(v)) {}
  ObjRef value;  // empty: unbound
};

class Function : public Object {
 public:
  Function(Ref<Code> c, Ref<Dict> g);
  ~Function() override;
  Dict* instance_dict() override;

  Ref<Code> code;
  Ref<Dict> globals;
  Ref<Tuple> defaults;     // positional defaults (may be empty)
  Ref<Dict> kwdefaults;    // keyword-only defaults (may be empty)
  Ref<Tuple> closure;      // cells for code->freevars
  std::string name;
  std::string qualname;
  std::string module = "__main__";
  ObjRef doc;
  Ref<Dict> dict;          // function attributes, created on demand
};

using NativeFn = std::function<ObjRef(Vm&, const Args&)>;

class NativeFunction : public Object {
 public:
  NativeFunction(std::string n, NativeFn f, Type* owner_type = nullptr)
      : Object(&native_function_type), name(std::move(n)), fn(std::move(f)), owner(owner_type) {}
  std::string name;
  NativeFn fn;
  // For methods of a native type: binds like a function and checks self.
  Type* owner = nullptr;
  // For functions of a native module: "<built-in function sqrt>".
  std::string module;
};

class BoundMethod : public Object {
 public:
  BoundMethod(ObjRef f, ObjRef s) : Object(&bound_method_type), func(std::move(f)), self(std::move(s)) {}
  ObjRef func;
  ObjRef self;
};

class StaticMethod : public Object {
 public:
  explicit StaticMethod(ObjRef f, Type* t = &staticmethod_type) : Object(t), func(std::move(f)) {}
  ObjRef func;
};

class ClassMethod : public Object {
 public:
  explicit ClassMethod(ObjRef f, Type* t = &classmethod_type) : Object(t), func(std::move(f)) {}
  ObjRef func;
};

class Property : public Object {
 public:
  Property() : Object(&property_type) {}
  ObjRef fget, fset, fdel, doc;
};

Ref<NativeFunction> make_native(std::string name, NativeFn fn);
// Adds a method to a native type's dictionary.
void add_method(Type* t, const char* name, NativeFn fn);
// Adds a read-only property whose getter is native.
void add_getter(Type* t, const char* name, NativeFn getter);
// Adds a property with a native getter and setter (setter gets self, value).
void add_property(Type* t, const char* name, NativeFn getter, NativeFn setter);

void init_function_types();

}  // namespace lesson::python
