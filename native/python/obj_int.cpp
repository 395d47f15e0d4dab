#include "python/obj_int.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

#include "python/format.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type int_type("int", &object_type);
Type bool_type("bool", &int_type);

Int true_object(1, &bool_type);
Int false_object(0, &bool_type);

// ---- allocation: a free list, since ints are created on every operation.
namespace {
std::vector<void*>& int_free_list() {
  static std::vector<void*> list;
  return list;
}
constexpr std::int64_t kSmallMin = -5;
constexpr std::int64_t kSmallMax = 1024;
Int* small_ints[kSmallMax - kSmallMin + 1];
}  // namespace

void* Int::operator new(std::size_t size) {
  auto& fl = int_free_list();
  if (size == sizeof(Int) && !fl.empty()) {
    void* p = fl.back();
    fl.pop_back();
    return p;
  }
  return ::operator new(size);
}

void Int::operator delete(void* p, std::size_t size) {
  auto& fl = int_free_list();
  if (size == sizeof(Int) && fl.size() < 4096) {
    fl.push_back(p);
    return;
  }
  ::operator delete(p);
}

Ref<Int> make_int(std::int64_t v) {
  if (v >= kSmallMin && v <= kSmallMax) return Ref<Int>(small_ints[v - kSmallMin]);
  return Ref<Int>(new Int(v));
}

[[noreturn]] void raise_int_overflow() {
  raise(&t_OverflowError, "integer result too large: this runtime's int is 64-bit");
}

std::int64_t checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) raise_int_overflow();
  return r;
}
std::int64_t checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) raise_int_overflow();
  return r;
}
std::int64_t checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) raise_int_overflow();
  return r;
}
std::int64_t int_pow(std::int64_t base, std::int64_t exp) {
  std::int64_t result = 1;
  while (exp > 0) {
    if (exp & 1) result = checked_mul(result, base);
    exp >>= 1;
    if (exp) base = checked_mul(base, base);
  }
  return result;
}
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  if (a == std::numeric_limits<std::int64_t>::min() && b == -1) raise_int_overflow();
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  if (b == -1) return 0;
  std::int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  return m;
}

std::int64_t hash_int(std::int64_t v) {
  constexpr std::uint64_t kModulus = (std::uint64_t{1} << 61) - 1;
  std::uint64_t mag = v < 0 ? (v == std::numeric_limits<std::int64_t>::min() ? std::uint64_t{1} << 63
                                                                              : static_cast<std::uint64_t>(-v))
                            : static_cast<std::uint64_t>(v);
  std::int64_t h = static_cast<std::int64_t>(mag % kModulus);
  if (v < 0) h = -h;
  if (h == -1) h = -2;
  return h;
}

std::string int_to_string(std::int64_t v, int base) {
  if (base == 10) return std::to_string(v);
  const char* digits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  std::string out;
  do {
    out.push_back(digits[mag % static_cast<unsigned>(base)]);
    mag /= static_cast<unsigned>(base);
  } while (mag);
  if (v < 0) out.push_back('-');
  return std::string(out.rbegin(), out.rend());
}

bool parse_int(std::string_view text, int base, std::int64_t& out) {
  std::size_t i = 0, n = text.size();
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (i < n && is_space(text[i])) ++i;
  while (n > i && is_space(text[n - 1])) --n;
  bool neg = false;
  if (i < n && (text[i] == '+' || text[i] == '-')) {
    neg = text[i] == '-';
    ++i;
  }
  auto prefix_base = [&](char c) -> int {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
  };
  bool had_prefix = false;
  if (i + 1 < n && text[i] == '0' && prefix_base(text[i + 1])) {
    int pb = prefix_base(text[i + 1]);
    if (base == 0 || base == pb) {
      base = pb;
      i += 2;
      had_prefix = true;
    }
  }
  if (base == 0) {
    base = 10;
    // "010" is not a valid literal in base 0 (only zeros may lead).
    if (i + 1 < n && text[i] == '0') {
      for (std::size_t j = i; j < n; ++j)
        if (text[j] != '0' && text[j] != '_') return false;
    }
  }
  if (i >= n) return false;
  std::uint64_t acc = 0;
  bool any = false;
  bool can_underscore = had_prefix;  // "0x_1f" is allowed
  bool last_underscore = false;
  bool overflow = false;
  for (; i < n; ++i) {
    char c = text[i];
    if (c == '_') {
      if (!can_underscore) return false;
      can_underscore = false;
      last_underscore = true;
      continue;
    }
    int d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
    else return false;
    if (d >= base) return false;
    if (acc > (std::numeric_limits<std::uint64_t>::max() - static_cast<unsigned>(d)) / static_cast<unsigned>(base))
      overflow = true;
    else
      acc = acc * static_cast<unsigned>(base) + static_cast<unsigned>(d);
    any = true;
    can_underscore = true;
    last_underscore = false;
  }
  if (!any || last_underscore) return false;
  const std::uint64_t limit = neg ? (std::uint64_t{1} << 63) : (std::uint64_t{1} << 63) - 1;
  if (overflow || acc > limit) raise_int_overflow();
  out = neg ? static_cast<std::int64_t>(0 - acc) : static_cast<std::int64_t>(acc);
  return true;
}

namespace {

// Compares an int with a double exactly: -1, 0, 1, or 2 when unordered (nan).
int compare_int_double(std::int64_t i, double d) {
  if (std::isnan(d)) return 2;
  if (d >= 9223372036854775808.0) return -1;
  if (d < -9223372036854775808.0) return 1;
  double fl = std::floor(d);
  auto di = static_cast<std::int64_t>(fl);
  if (i < di) return -1;
  if (i > di) return 1;
  return fl < d ? -1 : 0;
}

bool cmp_result(int c, CmpOp op) {
  if (c == 2) return op == CmpOp::Ne;
  switch (op) {
    case CmpOp::Lt: return c < 0;
    case CmpOp::Le: return c <= 0;
    case CmpOp::Eq: return c == 0;
    case CmpOp::Ne: return c != 0;
    case CmpOp::Gt: return c > 0;
    case CmpOp::Ge: return c >= 0;
  }
  return false;
}

ObjRef int_compare(Vm&, Object* self, Object* other, CmpOp op) {
  std::int64_t a = int_value(self);
  if (is_int(other)) {
    std::int64_t b = int_value(other);
    return make_bool(cmp_result(a < b ? -1 : a > b ? 1 : 0, op));
  }
  if (is_float(other)) return make_bool(cmp_result(compare_int_double(a, float_value(other)), op));
  return nullptr;
}

double int_true_div(std::int64_t a, std::int64_t b) {
  if (b == 0) raise_zero_division();
  // Exact when both fit in a double's mantissa, which is the common case.
  return static_cast<double>(a) / static_cast<double>(b);
}

}  // namespace

ObjRef int_compare_public(Vm& vm, Object* self, Object* other, CmpOp op) { return int_compare(vm, self, other, op); }

ObjRef int_binary_values(std::int64_t a, std::int64_t b, BinOp op) {
  switch (op) {
    case BinOp::Add: return make_int(checked_add(a, b));
    case BinOp::Sub: return make_int(checked_sub(a, b));
    case BinOp::Mul: return make_int(checked_mul(a, b));
    case BinOp::TrueDiv: return make_float(int_true_div(a, b));
    case BinOp::FloorDiv:
      if (b == 0) raise_zero_division("integer division or modulo by zero");
      return make_int(floor_div(a, b));
    case BinOp::Mod:
      if (b == 0) raise_zero_division("integer modulo by zero");
      return make_int(floor_mod(a, b));
    case BinOp::Pow:
      if (b < 0) {
        if (a == 0) raise_zero_division("0.0 cannot be raised to a negative power");
        return make_float(std::pow(static_cast<double>(a), static_cast<double>(b)));
      }
      return make_int(int_pow(a, b));
    case BinOp::LShift:
      if (b < 0) raise_value_error("negative shift count");
      if (a == 0) return make_int(0);
      if (b >= 63) raise_int_overflow();
      {
        std::int64_t r = static_cast<std::int64_t>(static_cast<std::uint64_t>(a) << b);
        if ((r >> b) != a) raise_int_overflow();
        return make_int(r);
      }
    case BinOp::RShift:
      if (b < 0) raise_value_error("negative shift count");
      return make_int(b >= 64 ? (a < 0 ? -1 : 0) : (a >> b));
    case BinOp::And: return make_int(a & b);
    case BinOp::Or: return make_int(a | b);
    case BinOp::Xor: return make_int(a ^ b);
    case BinOp::MatMul: return nullptr;
  }
  return nullptr;
}

namespace {

ObjRef int_binary(Vm&, Object* self, Object* other, BinOp op) {
  if (!is_int(other)) return nullptr;
  if (is_bool(self) && is_bool(other) && (op == BinOp::And || op == BinOp::Or || op == BinOp::Xor)) {
    bool a = int_value(self) != 0, b = int_value(other) != 0;
    return make_bool(op == BinOp::And ? (a && b) : op == BinOp::Or ? (a || b) : (a != b));
  }
  return int_binary_values(int_value(self), int_value(other), op);
}

ObjRef int_rbinary(Vm& vm, Object* self, Object* other, BinOp op) {
  if (!is_int(other)) return nullptr;
  return int_binary(vm, other, self, op);
}

ObjRef int_unary(Vm&, Object* self, UnaryOp op) {
  std::int64_t v = int_value(self);
  switch (op) {
    case UnaryOp::Neg: return make_int(checked_sub(0, v));
    case UnaryOp::Pos: return make_int(v);
    case UnaryOp::Invert: return make_int(~v);
  }
  return nullptr;
}

ObjRef int_repr(Vm&, Object* self) {
  if (is_bool(self)) return make_str(int_value(self) ? "True" : "False");
  return make_str(std::to_string(int_value(self)));
}

std::int64_t to_int_from_float(double d) {
  if (std::isinf(d)) raise(&t_OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(d)) raise_value_error("cannot convert float NaN to integer");
  double t = std::trunc(d);
  if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) raise_int_overflow();
  return static_cast<std::int64_t>(t);
}

ObjRef int_construct(Vm& vm, Type* cls, const Args& args) {
  if (cls != &int_type) raise_type_error("subclassing int is not supported");
  Object* x = nullptr;
  Object* base = nullptr;
  Object* out[2] = {nullptr, nullptr};
  parse_args(args, "int", {"", "base"}, 0, out, 1);
  x = out[0];
  base = out[1];
  if (!x) {
    if (base) raise_type_error("int() missing string argument");
    return make_int(0);
  }
  if (base) {
    if (!is_str(x)) raise_type_error("int() can't convert non-string with explicit base");
    std::int64_t b = index_value(vm, base);
    if (b != 0 && (b < 2 || b > 36)) raise_value_error("int() base must be >= 2 and <= 36, or 0");
    std::int64_t v;
    if (!parse_int(str_value(x), static_cast<int>(b), v))
      raise_value_error("invalid literal for int() with base " + std::to_string(b) + ": " + str_repr(str_value(x)));
    return make_int(v);
  }
  if (is_bool(x)) return make_int(int_value(x));
  if (is_int(x)) return ObjRef(x);
  if (is_float(x)) return make_int(to_int_from_float(float_value(x)));
  if (is_str(x)) {
    std::int64_t v;
    if (!parse_int(str_value(x), 10, v))
      raise_value_error("invalid literal for int() with base 10: " + str_repr(str_value(x)));
    return make_int(v);
  }
  for (const char* name : {"__int__", "__index__", "__trunc__"}) {
    if (ObjRef m = lookup_special(vm, x, name)) {
      ObjRef r = vm.call(m.get(), {});
      if (!is_int(r.get()))
        raise_type_error(std::string(name) + " returned non-int (type " + type_name(r.get()) + ")");
      return make_int(int_value(r.get()));
    }
  }
  raise_type_error("int() argument must be a string, a bytes-like object or a real number, not '" + type_name(x) +
                   "'");
}

ObjRef bool_construct(Vm& vm, Type*, const Args& args) {
  check_no_kwargs(args, "bool");
  if (args.npos > 1) raise_type_error("bool expected at most 1 argument, got " + std::to_string(args.npos));
  if (args.npos == 0) return ObjRef(make_bool(false));
  return ObjRef(make_bool(truthy(vm, args[0])));
}

ObjRef int_format(Vm& vm, Object* self, std::string_view spec) {
  if (spec.empty()) return str(vm, self);
  return make_str(format_int_spec(vm, int_value(self), spec));
}

}  // namespace

void init_int_type() {
  true_object.refcount = kImmortal;
  false_object.refcount = kImmortal;
  for (std::int64_t v = kSmallMin; v <= kSmallMax; ++v) {
    Int* i = new Int(v);
    i->refcount = kImmortal;
    small_ints[v - kSmallMin] = i;
  }
  int_type.subclassable = false;
  bool_type.subclassable = false;
  type_dict(&int_type);
  type_dict(&bool_type);
  TypeSlots& s = int_type.slots;
  s.repr = int_repr;
  s.hash = [](Vm&, Object* o) { return hash_int(int_value(o)); };
  s.compare = int_compare;
  s.binary = int_binary;
  s.rbinary = int_rbinary;
  s.unary = int_unary;
  s.truth = [](Vm&, Object* o) { return int_value(o) != 0 ? 1 : 0; };
  s.construct = int_construct;
  s.format = int_format;
  bool_type.slots = s;
  bool_type.slots.construct = bool_construct;

  add_method(&int_type, "bit_length", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "bit_length", 1, 1);
    std::int64_t v = int_value(a[0]);
    std::uint64_t m = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    int n = 0;
    while (m) {
      ++n;
      m >>= 1;
    }
    return make_int(n);
  });
  add_method(&int_type, "conjugate", [](Vm&, const Args& a) -> ObjRef { return make_int(int_value(a[0])); });
  add_method(&int_type, "__index__", [](Vm&, const Args& a) -> ObjRef { return make_int(int_value(a[0])); });
  add_method(&int_type, "__int__", [](Vm&, const Args& a) -> ObjRef { return make_int(int_value(a[0])); });
  add_method(&int_type, "__float__",
             [](Vm&, const Args& a) -> ObjRef { return make_float(static_cast<double>(int_value(a[0]))); });
  add_method(&int_type, "as_integer_ratio", [](Vm&, const Args& a) -> ObjRef {
    return make_tuple({make_int(int_value(a[0])).get(), make_int(1).get()});
  });
  add_getter(&int_type, "real", [](Vm&, const Args& a) -> ObjRef { return make_int(int_value(a[0])); });
  add_getter(&int_type, "imag", [](Vm&, const Args&) -> ObjRef { return make_int(0); });
  add_getter(&int_type, "numerator", [](Vm&, const Args& a) -> ObjRef { return make_int(int_value(a[0])); });
  add_getter(&int_type, "denominator", [](Vm&, const Args&) -> ObjRef { return make_int(1); });
}

}  // namespace lesson::python
