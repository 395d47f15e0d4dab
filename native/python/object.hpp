// The object model of the cell language: every value is an Object with an
// intrusive reference count and a Type. A Type carries C++ slots (fast native
// behaviour, like CPython's tp_* fields) and an attribute dictionary (methods,
// properties, class attributes). Native types — the torch Tensor wrapper, for
// example — are added by filling a Type's slots and dictionary; the evaluator
// never needs to know about them.
//
// Memory: objects are freed the moment their last Ref goes (like CPython).
// Reference cycles (a class and its methods through a __class__ cell, a
// recursive closure) are not collected; Interpreter::reset() breaks the ones a
// session creates through its namespace.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace lesson::python {

class Object;
class Type;
class Str;
class Tuple;
class Dict;
class Vm;

// Immortal objects (builtin types, None, small ints) start with this count
// and are never freed.
inline constexpr std::int32_t kImmortal = std::int32_t{1} << 30;

class Object {
 public:
  explicit Object(Type* type);
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  virtual ~Object();

  Type* type() const { return type_; }
  // The attribute dictionary of objects that have one (instances, functions,
  // modules, classes); nullptr otherwise.
  virtual Dict* instance_dict() { return nullptr; }
  // Replaces the class of an instance (assignment to __class__).
  void reset_type(Type* t);

  std::int32_t refcount = 0;
  std::uint32_t gc_flags = 0;  // kFinalized once __del__ has run

 private:
  Type* type_;
};

inline constexpr std::uint32_t kFinalized = 1;

void destroy_object(Object* o);

inline void incref(Object* o) { ++o->refcount; }
inline void decref(Object* o) {
  if (--o->refcount == 0) destroy_object(o);
}

// Intrusive smart pointer. Ref(p) takes a new reference; Ref::adopt(p) takes
// over one the caller owns.
template <class T>
class Ref {
 public:
  Ref() noexcept = default;
  Ref(std::nullptr_t) noexcept {}  // NOLINT
  Ref(T* p) noexcept : p_(p) {     // NOLINT
    if (p_) incref(p_);
  }
  Ref(const Ref& o) noexcept : Ref(o.p_) {}
  Ref(Ref&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
  Ref(const Ref<U>& o) noexcept : Ref(o.get()) {}  // NOLINT
  template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
  Ref(Ref<U>&& o) noexcept : p_(o.release()) {}  // NOLINT
  ~Ref() {
    if (p_) decref(p_);
  }
  Ref& operator=(const Ref& o) noexcept {
    Ref tmp(o);
    std::swap(p_, tmp.p_);
    return *this;
  }
  Ref& operator=(Ref&& o) noexcept {
    Ref tmp(std::move(o));
    std::swap(p_, tmp.p_);
    return *this;
  }
  static Ref adopt(T* p) noexcept {
    Ref r;
    r.p_ = p;
    return r;
  }
  T* get() const noexcept { return p_; }
  T* operator->() const noexcept { return p_; }
  T& operator*() const noexcept { return *p_; }
  explicit operator bool() const noexcept { return p_ != nullptr; }
  T* release() noexcept {
    T* p = p_;
    p_ = nullptr;
    return p;
  }
  void reset() noexcept { *this = Ref(); }

 private:
  T* p_ = nullptr;
};

template <class T, class U>
bool operator==(const Ref<T>& a, const Ref<U>& b) {
  return static_cast<const void*>(a.get()) == static_cast<const void*>(b.get());
}
template <class T, class U>
bool operator!=(const Ref<T>& a, const Ref<U>& b) {
  return !(a == b);
}

using ObjRef = Ref<Object>;

// Operators, in the order of the BINARY_OP argument.
enum class BinOp : std::uint8_t {
  Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
};
inline constexpr int kBinOpCount = 13;
const char* binop_symbol(BinOp op);          // "+", "//", ...
const char* binop_dunder(BinOp op);          // "__add__"
const char* binop_rdunder(BinOp op);         // "__radd__"
const char* binop_idunder(BinOp op);         // "__iadd__"

enum class CmpOp : std::uint8_t { Lt, Le, Eq, Ne, Gt, Ge };
const char* cmpop_symbol(CmpOp op);
const char* cmpop_dunder(CmpOp op);
CmpOp cmpop_swapped(CmpOp op);  // a < b  <=>  b > a

enum class UnaryOp : std::uint8_t { Neg, Pos, Invert };

// Arguments of a call: positional values, then keyword values named by
// kwnames (a tuple of str, or nullptr when there are none). The values live
// in the caller's storage (usually the VM's value stack).
struct Args {
  const ObjRef* pos = nullptr;
  std::size_t npos = 0;
  const ObjRef* kwvalues = nullptr;
  const Tuple* kwnames = nullptr;

  std::size_t nkw() const;
  Object* operator[](std::size_t i) const { return pos[i].get(); }
  bool has_kwargs() const { return nkw() != 0; }
};

// Native behaviour of a type. nullptr means "not supported" (or "inherit",
// for types created by class statements). Functions that may decline an
// operation return an empty Ref (NotImplemented).
struct TypeSlots {
  ObjRef (*repr)(Vm&, Object* self) = nullptr;  // returns a str
  ObjRef (*str)(Vm&, Object* self) = nullptr;   // returns a str; default: repr
  std::int64_t (*hash)(Vm&, Object* self) = nullptr;
  ObjRef (*compare)(Vm&, Object* self, Object* other, CmpOp) = nullptr;
  ObjRef (*binary)(Vm&, Object* self, Object* other, BinOp) = nullptr;   // self op other
  ObjRef (*rbinary)(Vm&, Object* self, Object* other, BinOp) = nullptr;  // other op self
  ObjRef (*inplace)(Vm&, Object* self, Object* other, BinOp) = nullptr;  // self op= other
  ObjRef (*unary)(Vm&, Object* self, UnaryOp) = nullptr;
  int (*truth)(Vm&, Object* self) = nullptr;  // 0/1
  std::int64_t (*len)(Vm&, Object* self) = nullptr;
  // Full attribute lookup; returns empty when absent (caller raises
  // AttributeError). Default: generic lookup through the type's dictionary.
  ObjRef (*getattr)(Vm&, Object* self, Str* name) = nullptr;
  // Sets (value != nullptr) or deletes an attribute. Default: generic.
  void (*setattr)(Vm&, Object* self, Str* name, Object* value) = nullptr;
  ObjRef (*call)(Vm&, Object* self, const Args&) = nullptr;
  ObjRef (*getitem)(Vm&, Object* self, Object* key) = nullptr;
  void (*setitem)(Vm&, Object* self, Object* key, Object* value) = nullptr;  // value nullptr: delete
  ObjRef (*iter)(Vm&, Object* self) = nullptr;
  ObjRef (*next)(Vm&, Object* self) = nullptr;  // empty when exhausted
  int (*contains)(Vm&, Object* self, Object* item) = nullptr;
  // Called by type(...) for this class (cls may be a subclass): creates the
  // instance and, for native types, initialises it from the arguments.
  ObjRef (*construct)(Vm&, Type* cls, const Args&) = nullptr;
  // Descriptor protocol (functions, property, classmethod, staticmethod).
  ObjRef (*descr_get)(Vm&, Object* self, Object* instance, Type* owner) = nullptr;
  bool (*descr_set)(Vm&, Object* self, Object* instance, Object* value) = nullptr;  // false: not a data descriptor
  // __format__(spec); default: str(self) when spec is empty.
  ObjRef (*format)(Vm&, Object* self, std::string_view spec) = nullptr;
};

class Type : public Object {
 public:
  // A builtin type is immortal; a class created at run time is not.
  Type(std::string name, Type* base, bool immortal = true);
  ~Type() override;

  Dict* instance_dict() override { return dict; }

  std::string name;
  std::string module = "builtins";
  Type* base = nullptr;     // single inheritance; object has none
  Dict* dict = nullptr;     // owned (a strong reference)
  TypeSlots slots;
  bool heap = false;        // created by a class statement
  bool has_finalizer = false;  // defines __del__
  bool subclassable = true;
  // Instances of heap types get an attribute dictionary.
  bool instances_have_dict = false;
  // The largest attribute dictionary an instance has had: new instances
  // reserve that much room.
  std::uint32_t instance_attr_hint = 0;

  bool is_subtype_of(const Type* other) const {
    for (const Type* t = this; t; t = t->base)
      if (t == other) return true;
    return false;
  }
  // __qualname__ ("Outer.Inner"); empty means the same as name.
  std::string qual;
  const std::string& qualname() const { return qual.empty() ? name : qual; }
};

inline Object::Object(Type* type) : type_(type) {
  if (type_) incref(type_);
}

inline bool isinstance(const Object* o, const Type* t) { return o->type()->is_subtype_of(t); }

// Type objects are Objects of type `type`.
extern Type type_type;
extern Type object_type;

}  // namespace lesson::python
