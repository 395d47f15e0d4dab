// The abstract object protocol: what the evaluator and the builtins do to any
// value — arithmetic, comparison, truth, repr/str, hashing, attributes,
// items, iteration, calls. Native types plug in through their TypeSlots;
// classes defined in Python through their dunder methods.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "python/object.hpp"

namespace lesson::python {

// Type name as used in error messages: 'int', 'list', 'MyClass'.
const std::string& type_name(const Object* o);

ObjRef binary_op(Vm& vm, Object* a, Object* b, BinOp op);
ObjRef inplace_op(Vm& vm, Object* a, Object* b, BinOp op);
ObjRef unary_op(Vm& vm, Object* a, UnaryOp op);
ObjRef compare(Vm& vm, Object* a, Object* b, CmpOp op);
bool compare_bool(Vm& vm, Object* a, Object* b, CmpOp op);
bool equal(Vm& vm, Object* a, Object* b);  // identity, then ==
bool truthy(Vm& vm, Object* o);

Ref<Str> repr(Vm& vm, Object* o);
Ref<Str> str(Vm& vm, Object* o);
std::string repr_string(Vm& vm, Object* o);
std::string str_string(Vm& vm, Object* o);
ObjRef format(Vm& vm, Object* o, std::string_view spec);  // format(o, spec)
std::int64_t hash(Vm& vm, Object* o);

ObjRef getattr(Vm& vm, Object* o, Str* name);           // raises AttributeError
ObjRef getattr_opt(Vm& vm, Object* o, Str* name);       // empty if absent
ObjRef getattr(Vm& vm, Object* o, std::string_view name);
void setattr(Vm& vm, Object* o, Str* name, Object* value);
void delattr(Vm& vm, Object* o, Str* name);
bool hasattr(Vm& vm, Object* o, Str* name);

ObjRef getitem(Vm& vm, Object* o, Object* key);
void setitem(Vm& vm, Object* o, Object* key, Object* value);
void delitem(Vm& vm, Object* o, Object* key);
bool contains(Vm& vm, Object* container, Object* item);
std::int64_t length(Vm& vm, Object* o);

ObjRef get_iter(Vm& vm, Object* o);
ObjRef iter_next(Vm& vm, Object* it);  // empty when exhausted
std::vector<ObjRef> to_vector(Vm& vm, Object* iterable);

bool is_callable(Object* o);

// An integer index from int, bool or __index__; TypeError otherwise.
std::int64_t index_value(Vm& vm, Object* o, const char* what = nullptr);
bool has_index(Object* o);
// Normalises a sequence index (negative from the end); IndexError text given.
std::int64_t normalize_index(std::int64_t i, std::int64_t n, const char* message);

// Looks up a special method on the type (not the instance), as Python does.
ObjRef lookup_special(Vm& vm, Object* o, std::string_view name);  // bound, or empty

// Helpers for native functions: argument checking with CPython's messages.
void check_no_kwargs(const Args& args, const char* fname);
void check_nargs(const Args& args, const char* fname, std::size_t min, std::size_t max);
// Binds positional and keyword arguments to names; missing optionals are
// nullptr. `nposonly` leading names cannot be given by keyword.
void parse_args(const Args& args, const char* fname, std::initializer_list<const char*> names,
                std::size_t nrequired, Object** out, std::size_t nposonly = 0);

}  // namespace lesson::python

namespace lesson::python {

// Lexicographic comparison of two sequences (list and tuple).
ObjRef sequence_compare(Vm& vm, const std::vector<ObjRef>& a, const std::vector<ObjRef>& b, CmpOp op);
// repr of a sequence's items between brackets, with the recursion guard.
std::string sequence_repr(Vm& vm, Object* self, const std::vector<ObjRef>& items, const char* open,
                          const char* close);

// Marks an object as being repr'd; returns false if it already is (cycle).
class ReprGuard {
 public:
  ReprGuard(Vm& vm, Object* o);
  ~ReprGuard();
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
  bool entered() const { return entered_; }

 private:
  Vm& vm_;
  bool entered_;
};

}  // namespace lesson::python

namespace lesson::python {
// The hash slot of mutable containers: raises "unhashable type: 'list'".
std::int64_t unhashable_hash(Vm& vm, Object* o);
}  // namespace lesson::python
