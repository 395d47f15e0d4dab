// float: a C double with Python's repr, formatting and arithmetic rules.
#pragma once

#include "python/object.hpp"

namespace lesson::python {

extern Type float_type;

class Float : public Object {
 public:
  explicit Float(double v) : Object(&float_type), value(v) {}
  static void* operator new(std::size_t size);
  static void operator delete(void* p, std::size_t size);

  double value;
};

Ref<Float> make_float(double v);
inline bool is_float(const Object* o) { return o->type() == &float_type; }
inline double float_value(const Object* o) { return static_cast<const Float*>(o)->value; }
std::int64_t hash_float(double v);
// a op b for two floats, with Python's division and modulo rules.
ObjRef float_binary_values(double a, double b, BinOp op);
// Python's divmod for floats (raises on a zero divisor).
void float_divmod(double a, double b, double& div, double& mod, const char* what);
// Converts an int, bool or float to double; false for anything else.
bool to_double(const Object* o, double& out);
// float(text) rules: strips spaces, accepts inf/nan/underscores.
bool parse_float(std::string_view text, double& out);

void init_float_type();

}  // namespace lesson::python
