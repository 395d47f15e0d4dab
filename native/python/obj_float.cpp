#include "python/obj_float.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

#include "python/format.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type float_type("float", &object_type);

namespace {
std::vector<void*>& float_free_list() {
  static std::vector<void*> list;
  return list;
}
}  // namespace

void* Float::operator new(std::size_t size) {
  auto& fl = float_free_list();
  if (size == sizeof(Float) && !fl.empty()) {
    void* p = fl.back();
    fl.pop_back();
    return p;
  }
  return ::operator new(size);
}

void Float::operator delete(void* p, std::size_t size) {
  auto& fl = float_free_list();
  if (size == sizeof(Float) && fl.size() < 4096) {
    fl.push_back(p);
    return;
  }
  ::operator delete(p);
}

Ref<Float> make_float(double v) { return Ref<Float>(new Float(v)); }

bool to_double(const Object* o, double& out) {
  if (is_float(o)) {
    out = float_value(o);
    return true;
  }
  if (is_int(o)) {
    out = static_cast<double>(int_value(o));
    return true;
  }
  return false;
}

std::int64_t hash_float(double v) {
  // CPython's _Py_HashDouble: equal numbers hash equal across int and float.
  constexpr int kBits = 61;
  constexpr std::uint64_t kModulus = (std::uint64_t{1} << kBits) - 1;
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return 0;
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  std::uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & kModulus) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    auto y = static_cast<std::uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kModulus) x -= kModulus;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kModulus) | x >> (kBits - e);
  auto h = static_cast<std::int64_t>(x) * sign;
  if (h == -1) h = -2;
  return h;
}

bool parse_float(std::string_view text, double& out) {
  std::size_t i = 0, n = text.size();
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (i < n && is_space(text[i])) ++i;
  while (n > i && is_space(text[n - 1])) --n;
  std::string s;
  bool last_digit = false;
  for (std::size_t k = i; k < n; ++k) {
    char c = text[k];
    if (c == '_') {
      // Underscores only between digits.
      if (!last_digit || k + 1 >= n || !std::isdigit(static_cast<unsigned char>(text[k + 1]))) return false;
      continue;
    }
    last_digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    s.push_back(c);
  }
  if (s.empty()) return false;
  std::string lower;
  for (char c : s) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  std::string body = lower;
  bool neg = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    neg = body[0] == '-';
    body = body.substr(1);
  }
  if (body == "inf" || body == "infinity") {
    out = neg ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (body == "nan") {
    out = neg ? -std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  // Only decimal literals: digits, one '.', an exponent.
  for (char c : body)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == '+' || c == '-')) return false;
  if (body.find("0x") != std::string::npos) return false;
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return false;
  out = v;
  return true;
}

void float_divmod(double vx, double wx, double& floordiv, double& mod, const char* what) {
  if (wx == 0.0) raise_zero_division(what);
  mod = std::fmod(vx, wx);
  double div = (vx - mod) / wx;
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
}

namespace {

double float_pow(double a, double b) {
  if (b == 0) return 1.0;
  if (std::isnan(a)) return a;
  if (std::isnan(b)) return a == 1.0 ? 1.0 : b;
  if (a == 0.0 && b < 0 && !std::isinf(b)) raise_zero_division("0.0 cannot be raised to a negative power");
  if (a < 0 && !std::isinf(a) && !std::isinf(b) && std::floor(b) != b)
    raise_value_error("complex numbers are not supported: negative number raised to a fractional power");
  errno = 0;
  double r = std::pow(a, b);
  if (std::isinf(r) && !std::isinf(a) && !std::isinf(b))
    raise(&t_OverflowError, "(34, 'Numerical result out of range')");
  return r;
}

}  // namespace

ObjRef float_binary_values(double a, double b, BinOp op) {
  switch (op) {
    case BinOp::Add: return make_float(a + b);
    case BinOp::Sub: return make_float(a - b);
    case BinOp::Mul: return make_float(a * b);
    case BinOp::TrueDiv:
      if (b == 0.0) raise_zero_division("float division by zero");
      return make_float(a / b);
    case BinOp::FloorDiv: {
      double d, m;
      float_divmod(a, b, d, m, "float floor division by zero");
      return make_float(d);
    }
    case BinOp::Mod: {
      double d, m;
      float_divmod(a, b, d, m, "float modulo");
      return make_float(m);
    }
    case BinOp::Pow: return make_float(float_pow(a, b));
    default: return nullptr;
  }
}

namespace {

ObjRef float_binary(Vm&, Object* self, Object* other, BinOp op) {
  double b;
  if (!to_double(other, b)) return nullptr;
  return float_binary_values(float_value(self), b, op);
}

ObjRef float_rbinary(Vm&, Object* self, Object* other, BinOp op) {
  double a;
  if (!to_double(other, a)) return nullptr;
  return float_binary_values(a, float_value(self), op);
}

int compare_doubles(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return 2;
  return a < b ? -1 : a > b ? 1 : 0;
}

ObjRef float_compare(Vm& vm, Object* self, Object* other, CmpOp op) {
  double a = float_value(self);
  int c;
  if (is_float(other)) {
    c = compare_doubles(a, float_value(other));
  } else if (is_int(other)) {
    // Reuse int's exact comparison from the other side.
    return int_compare_public(vm, other, self, cmpop_swapped(op));
  } else {
    return nullptr;
  }
  bool r = false;
  if (c == 2) {
    r = op == CmpOp::Ne;
  } else {
    switch (op) {
      case CmpOp::Lt: r = c < 0; break;
      case CmpOp::Le: r = c <= 0; break;
      case CmpOp::Eq: r = c == 0; break;
      case CmpOp::Ne: r = c != 0; break;
      case CmpOp::Gt: r = c > 0; break;
      case CmpOp::Ge: r = c >= 0; break;
    }
  }
  return ObjRef(make_bool(r));
}

ObjRef float_construct(Vm& vm, Type* cls, const Args& args) {
  if (cls != &float_type) raise_type_error("subclassing float is not supported");
  check_no_kwargs(args, "float");
  if (args.npos > 1) raise_type_error("float expected at most 1 argument, got " + std::to_string(args.npos));
  if (args.npos == 0) return make_float(0.0);
  Object* x = args[0];
  if (is_float(x)) return ObjRef(x);
  if (is_int(x)) return make_float(static_cast<double>(int_value(x)));
  if (is_str(x)) {
    double v;
    if (!parse_float(str_value(x), v)) raise_value_error("could not convert string to float: " + str_repr(str_value(x)));
    return make_float(v);
  }
  for (const char* name : {"__float__", "__index__"}) {
    if (ObjRef m = lookup_special(vm, x, name)) {
      ObjRef r = vm.call(m.get(), {});
      double d;
      if (!to_double(r.get(), d))
        raise_type_error(std::string(type_name(x)) + "." + name + " returned non-float (type " + type_name(r.get()) +
                         ")");
      return make_float(d);
    }
  }
  raise_type_error("float() argument must be a string or a real number, not '" + type_name(x) + "'");
}

}  // namespace

void init_float_type() {
  float_type.subclassable = false;
  type_dict(&float_type);
  TypeSlots& s = float_type.slots;
  s.repr = [](Vm&, Object* o) -> ObjRef { return make_str(float_repr(float_value(o))); };
  s.hash = [](Vm&, Object* o) { return hash_float(float_value(o)); };
  s.compare = float_compare;
  s.binary = float_binary;
  s.rbinary = float_rbinary;
  s.unary = [](Vm&, Object* o, UnaryOp op) -> ObjRef {
    if (op == UnaryOp::Neg) return make_float(-float_value(o));
    if (op == UnaryOp::Pos) return make_float(float_value(o));
    return nullptr;
  };
  s.truth = [](Vm&, Object* o) { return float_value(o) != 0.0 ? 1 : 0; };
  s.construct = float_construct;
  s.format = [](Vm& vm, Object* o, std::string_view spec) -> ObjRef {
    if (spec.empty()) return str(vm, o);
    return make_str(format_float_spec(vm, float_value(o), spec));
  };
  add_method(&float_type, "is_integer", [](Vm&, const Args& a) -> ObjRef {
    double v = float_value(a[0]);
    return ObjRef(make_bool(std::isfinite(v) && std::floor(v) == v));
  });
  add_method(&float_type, "conjugate", [](Vm&, const Args& a) -> ObjRef { return make_float(float_value(a[0])); });
  add_method(&float_type, "__float__", [](Vm&, const Args& a) -> ObjRef { return make_float(float_value(a[0])); });
  add_method(&float_type, "__int__", [](Vm& vm, const Args& a) -> ObjRef {
    ObjRef args[1] = {ObjRef(a[0])};
    return int_type.slots.construct(vm, &int_type, Args{args, 1, nullptr, nullptr});
  });
  add_method(&float_type, "as_integer_ratio", [](Vm&, const Args& a) -> ObjRef {
    double v = float_value(a[0]);
    if (std::isinf(v)) raise(&t_OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(v)) raise_value_error("cannot convert NaN to integer ratio");
    int e;
    double m = std::frexp(v, &e);
    for (int i = 0; i < 300 && m != std::floor(m); ++i) {
      m *= 2.0;
      --e;
    }
    std::int64_t num = static_cast<std::int64_t>(m);
    std::int64_t den = 1;
    if (e > 0) {
      num = checked_mul(num, int_pow(2, e));
    } else {
      if (-e > 62) raise_int_overflow();
      den = std::int64_t{1} << -e;
    }
    return make_tuple({make_int(num).get(), make_int(den).get()});
  });
  add_getter(&float_type, "real", [](Vm&, const Args& a) -> ObjRef { return make_float(float_value(a[0])); });
  add_getter(&float_type, "imag", [](Vm&, const Args&) -> ObjRef { return make_float(0.0); });
}

}  // namespace lesson::python
