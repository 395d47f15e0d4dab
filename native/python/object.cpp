#include "python/object.hpp"

#include <vector>

#include "python/obj_dict.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"

namespace lesson::python {

Object::~Object() {
  if (type_) decref(type_);
}

void Object::reset_type(Type* t) {
  incref(t);
  Type* old = type_;
  type_ = t;
  decref(old);
}

void destroy_object(Object* o) {
  // Immortal objects never get here; everything else was made with new.
  if (o->type()->has_finalizer && run_finalizer(o)) return;  // resurrected by __del__
  // Freeing a long chain (a list nested 100000 deep) would recurse once per
  // link; past a modest depth, objects are queued and freed by the outermost
  // call instead (CPython's "trashcan").
  static int depth = 0;
  static std::vector<Object*> pending;
  if (depth >= 200) {
    pending.push_back(o);
    return;
  }
  ++depth;
  delete o;
  if (depth == 1) {
    while (!pending.empty()) {
      Object* p = pending.back();
      pending.pop_back();
      delete p;
    }
  }
  --depth;
}

std::size_t Args::nkw() const { return kwnames ? kwnames->size() : 0; }

Type::Type(std::string n, Type* b, bool immortal)
    : Object(&type_type), name(std::move(n)), base(b) {
  if (immortal) {
    refcount = kImmortal;
  } else if (base) {
    incref(base);
  }
}

Type::~Type() {
  // Builtin types are static and immortal: their dictionaries live until the
  // process ends, so nothing is torn down during static destruction.
  if (!heap) return;
  bump_type_epoch();  // a later type may reuse this address
  if (dict) decref(dict);
  if (base) decref(base);
}

const char* binop_symbol(BinOp op) {
  static const char* const names[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
  return names[static_cast<int>(op)];
}
const char* binop_dunder(BinOp op) {
  static const char* const names[] = {"__add__",      "__sub__",      "__mul__",    "__matmul__", "__truediv__",
                                      "__floordiv__", "__mod__",      "__pow__",    "__lshift__", "__rshift__",
                                      "__and__",      "__or__",       "__xor__"};
  return names[static_cast<int>(op)];
}
const char* binop_rdunder(BinOp op) {
  static const char* const names[] = {"__radd__",      "__rsub__", "__rmul__",    "__rmatmul__", "__rtruediv__",
                                      "__rfloordiv__", "__rmod__", "__rpow__",    "__rlshift__", "__rrshift__",
                                      "__rand__",      "__ror__",  "__rxor__"};
  return names[static_cast<int>(op)];
}
const char* binop_idunder(BinOp op) {
  static const char* const names[] = {"__iadd__",      "__isub__", "__imul__",    "__imatmul__", "__itruediv__",
                                      "__ifloordiv__", "__imod__", "__ipow__",    "__ilshift__", "__irshift__",
                                      "__iand__",      "__ior__",  "__ixor__"};
  return names[static_cast<int>(op)];
}
const char* cmpop_symbol(CmpOp op) {
  static const char* const names[] = {"<", "<=", "==", "!=", ">", ">="};
  return names[static_cast<int>(op)];
}
const char* cmpop_dunder(CmpOp op) {
  static const char* const names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  return names[static_cast<int>(op)];
}
CmpOp cmpop_swapped(CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return CmpOp::Gt;
    case CmpOp::Le: return CmpOp::Ge;
    case CmpOp::Gt: return CmpOp::Lt;
    case CmpOp::Ge: return CmpOp::Le;
    default: return op;
  }
}

}  // namespace lesson::python
