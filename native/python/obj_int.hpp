// int (64-bit; results that do not fit raise OverflowError, never wrap) and
// bool, which is a subtype of int as in Python.
#pragma once

#include <cstdint>

#include "python/object.hpp"

namespace lesson::python {

extern Type int_type;
extern Type bool_type;

class Int : public Object {
 public:
  explicit Int(std::int64_t v, Type* t = &int_type) : Object(t), value(v) {}
  static void* operator new(std::size_t size);
  static void operator delete(void* p, std::size_t size);

  std::int64_t value;
};

extern Int true_object;
extern Int false_object;

Ref<Int> make_int(std::int64_t v);
inline Object* make_bool(bool b) { return b ? static_cast<Object*>(&true_object) : &false_object; }
// int or bool (int cannot be subclassed here, so this is isinstance(o, int)).
inline bool is_int(const Object* o) { return o->type() == &int_type || o->type() == &bool_type; }
inline bool is_bool(const Object* o) { return o->type() == &bool_type; }
inline std::int64_t int_value(const Object* o) { return static_cast<const Int*>(o)->value; }

[[noreturn]] void raise_int_overflow();
std::int64_t checked_add(std::int64_t a, std::int64_t b);
std::int64_t checked_sub(std::int64_t a, std::int64_t b);
std::int64_t checked_mul(std::int64_t a, std::int64_t b);
std::int64_t int_pow(std::int64_t base, std::int64_t exp);  // exp >= 0
std::int64_t floor_div(std::int64_t a, std::int64_t b);     // b != 0
std::int64_t floor_mod(std::int64_t a, std::int64_t b);     // b != 0
std::int64_t hash_int(std::int64_t v);
// a op b for two ints (the evaluator's fast path); empty for @.
ObjRef int_binary_values(std::int64_t a, std::int64_t b, BinOp op);
// Exact comparison of an int with an int or float; empty otherwise.
ObjRef int_compare_public(Vm& vm, Object* self, Object* other, CmpOp op);
std::string int_to_string(std::int64_t v, int base = 10);
// Parses int(text, base) with Python's rules (underscores, prefixes, spaces);
// returns false on a malformed literal, raises OverflowError on overflow.
bool parse_int(std::string_view text, int base, std::int64_t& out);

void init_int_type();

}  // namespace lesson::python
