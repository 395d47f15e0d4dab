// The math module.
#include <cerrno>
#include <cmath>
#include <limits>
#include <vector>

#include "python/int128.hpp"
#include "python/modules.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

namespace {

double real_arg(Vm& vm, Object* o) {
  double d;
  if (to_double(o, d)) return d;
  if (ObjRef m = lookup_special(vm, o, "__float__")) {
    ObjRef r = vm.call(m.get(), {});
    if (to_double(r.get(), d)) return d;
  }
  if (ObjRef m = lookup_special(vm, o, "__index__")) {
    ObjRef r = vm.call(m.get(), {});
    if (to_double(r.get(), d)) return d;
  }
  raise_type_error("must be real number, not " + type_name(o));
}

[[noreturn]] void domain_error() { raise_value_error("math domain error"); }
[[noreturn]] void range_error() { raise(&t_OverflowError, "math range error"); }

// Applies CPython's error rules to a libm result.
double checked(double x, double r, bool can_overflow = true) {
  if (std::isnan(r) && !std::isnan(x)) domain_error();
  if (std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) range_error();
    domain_error();
  }
  return r;
}

using Fn1 = double (*)(double);

void add_fn(Module& m, const char* name, NativeFn fn) {
  Ref<NativeFunction> f = make_native(name, std::move(fn));
  m.dict->set_str(name, f.get());
}

void add_unary(Module& m, const char* name, Fn1 f, bool overflow_is_range = true) {
  std::string n = name;
  add_fn(m, name, [f, n, overflow_is_range](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, n.c_str(), 1, 1);
    double x = real_arg(vm, a[0]);
    errno = 0;
    double r = f(x);
    return make_float(checked(x, r, overflow_is_range));
  });
}

std::int64_t int_arg(Vm& vm, Object* o) {
  if (is_float(o)) raise_type_error("'float' object cannot be interpreted as an integer");
  return index_value(vm, o);
}

std::int64_t gcd64(std::int64_t a, std::int64_t b) {
  a = a < 0 ? -a : a;
  b = b < 0 ? -b : b;
  while (b) {
    std::int64_t t = a % b;
    a = b;
    b = t;
  }
  return a;
}

ObjRef floor_or_ceil(Vm& vm, const Args& a, bool up) {
  check_nargs(a, up ? "ceil" : "floor", 1, 1);
  Object* x = a[0];
  if (is_int(x)) return make_int(int_value(x));
  if (!is_float(x)) {
    if (ObjRef m = lookup_special(vm, x, up ? "__ceil__" : "__floor__")) return vm.call(m.get(), {});
  }
  double d = real_arg(vm, x);
  double r = up ? std::ceil(d) : std::floor(d);
  if (std::isinf(r)) raise(&t_OverflowError, "cannot convert float infinity to integer");
  if (std::isnan(r)) raise_value_error("cannot convert float NaN to integer");
  if (r >= 9223372036854775808.0 || r < -9223372036854775808.0) raise_int_overflow();
  return make_int(static_cast<std::int64_t>(r));
}

// Shewchuk's exact summation, as math.fsum does.
double fsum(const std::vector<double>& xs) {
  std::vector<double> partials;
  double special = 0.0, inf_sum = 0.0;
  for (double x : xs) {
    if (!std::isfinite(x)) {
      if (std::isinf(x)) inf_sum += x;
      special += x;
      continue;
    }
    std::size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    partials.push_back(x);
  }
  if (special != 0.0) {
    if (std::isnan(inf_sum)) raise_value_error("-inf + inf in fsum");
    return special;
  }
  double hi = 0.0;
  if (!partials.empty()) {
    std::size_t n = partials.size();
    hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return hi;
}

}  // namespace

void init_math_module(Vm&, Module& m) {
  Dict* d = m.dict;
  d->set_str("pi", make_float(M_PI).get());
  d->set_str("e", make_float(M_E).get());
  d->set_str("tau", make_float(2 * M_PI).get());
  d->set_str("inf", make_float(std::numeric_limits<double>::infinity()).get());
  d->set_str("nan", make_float(std::numeric_limits<double>::quiet_NaN()).get());

  add_unary(m, "sqrt", [](double x) { return std::sqrt(x); });
  add_unary(m, "exp", [](double x) { return std::exp(x); });
  add_unary(m, "exp2", [](double x) { return std::exp2(x); });
  add_unary(m, "expm1", [](double x) { return std::expm1(x); });
  add_unary(m, "sin", [](double x) { return std::sin(x); });
  add_unary(m, "cos", [](double x) { return std::cos(x); });
  add_unary(m, "tan", [](double x) { return std::tan(x); });
  add_unary(m, "asin", [](double x) { return std::asin(x); });
  add_unary(m, "acos", [](double x) { return std::acos(x); });
  add_unary(m, "atan", [](double x) { return std::atan(x); });
  add_unary(m, "sinh", [](double x) { return std::sinh(x); });
  add_unary(m, "cosh", [](double x) { return std::cosh(x); });
  add_unary(m, "tanh", [](double x) { return std::tanh(x); });
  add_unary(m, "asinh", [](double x) { return std::asinh(x); });
  add_unary(m, "acosh", [](double x) { return std::acosh(x); });
  add_unary(m, "atanh", [](double x) { return std::fabs(x) >= 1.0 ? std::nan("") : std::atanh(x); });
  add_unary(m, "fabs", [](double x) { return std::fabs(x); });
  add_unary(m, "erf", [](double x) { return std::erf(x); });
  add_unary(m, "erfc", [](double x) { return std::erfc(x); });
  add_unary(m, "log2", [](double x) { return x <= 0 ? std::nan("") : std::log2(x); }, false);
  add_unary(m, "log10", [](double x) { return x <= 0 ? std::nan("") : std::log10(x); }, false);
  add_unary(m, "log1p", [](double x) { return x <= -1 ? std::nan("") : std::log1p(x); }, false);
  add_unary(m, "gamma", [](double x) {
    return (x <= 0 && std::floor(x) == x) ? std::nan("") : std::tgamma(x);
  });
  add_unary(m, "lgamma", [](double x) {
    return (x <= 0 && std::floor(x) == x) ? std::numeric_limits<double>::infinity() : std::lgamma(x);
  }, false);
  add_unary(m, "degrees", [](double x) { return x * (180.0 / M_PI); });
  add_unary(m, "radians", [](double x) { return x * (M_PI / 180.0); });

  add_fn(m, "log", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "log", 1, 2);
    double x = real_arg(vm, a[0]);
    if (x <= 0 || std::isnan(x)) {
      if (std::isnan(x)) return make_float(x);
      domain_error();
    }
    double r = std::log(x);
    if (a.npos == 2) {
      double b = real_arg(vm, a[1]);
      if (b <= 0) domain_error();
      double lb = std::log(b);
      if (lb == 0.0) raise_zero_division("float division by zero");
      r /= lb;
    }
    return make_float(r);
  });
  add_fn(m, "pow", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "pow", 2, 2);
    double x = real_arg(vm, a[0]), y = real_arg(vm, a[1]);
    if (x == 0.0 && y < 0 && std::isfinite(y)) domain_error();
    if (x < 0 && std::isfinite(x) && std::isfinite(y) && std::floor(y) != y) domain_error();
    double r = std::pow(x, y);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) range_error();
    return make_float(r);
  });
  add_fn(m, "atan2", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "atan2", 2, 2);
    return make_float(std::atan2(real_arg(vm, a[0]), real_arg(vm, a[1])));
  });
  add_fn(m, "copysign", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "copysign", 2, 2);
    return make_float(std::copysign(real_arg(vm, a[0]), real_arg(vm, a[1])));
  });
  add_fn(m, "fmod", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "fmod", 2, 2);
    double x = real_arg(vm, a[0]), y = real_arg(vm, a[1]);
    if (y == 0.0 || std::isinf(x)) {
      if (std::isnan(x) || std::isnan(y)) return make_float(std::nan(""));
      domain_error();
    }
    return make_float(std::fmod(x, y));
  });
  add_fn(m, "remainder", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "remainder", 2, 2);
    double x = real_arg(vm, a[0]), y = real_arg(vm, a[1]);
    if (y == 0.0 || std::isinf(x)) domain_error();
    return make_float(std::remainder(x, y));
  });
  add_fn(m, "hypot", [](Vm& vm, const Args& a) -> ObjRef {
    double acc = 0.0;
    if (a.npos == 2) return make_float(std::hypot(real_arg(vm, a[0]), real_arg(vm, a[1])));
    for (std::size_t i = 0; i < a.npos; ++i) acc = std::hypot(acc, real_arg(vm, a[i]));
    return make_float(acc);
  });
  add_fn(m, "dist", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "dist", 2, 2);
    std::vector<ObjRef> p = to_vector(vm, a[0]), q = to_vector(vm, a[1]);
    if (p.size() != q.size()) raise_value_error("both points must have the same number of dimensions");
    double acc = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) acc = std::hypot(acc, real_arg(vm, p[i].get()) - real_arg(vm, q[i].get()));
    return make_float(acc);
  });
  add_fn(m, "floor", [](Vm& vm, const Args& a) { return floor_or_ceil(vm, a, false); });
  add_fn(m, "ceil", [](Vm& vm, const Args& a) { return floor_or_ceil(vm, a, true); });
  add_fn(m, "trunc", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "trunc", 1, 1);
    if (is_int(a[0])) return make_int(int_value(a[0]));
    if (!is_float(a[0])) {
      if (ObjRef mm = lookup_special(vm, a[0], "__trunc__")) return vm.call(mm.get(), {});
      raise_type_error("type " + type_name(a[0]) + " doesn't define __trunc__ method");
    }
    double t = std::trunc(float_value(a[0]));
    if (std::isinf(t)) raise(&t_OverflowError, "cannot convert float infinity to integer");
    if (std::isnan(t)) raise_value_error("cannot convert float NaN to integer");
    return make_int(static_cast<std::int64_t>(t));
  });
  add_fn(m, "modf", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "modf", 1, 1);
    double ip;
    double x = real_arg(vm, a[0]);
    double fp = std::modf(x, &ip);
    return make_tuple({make_float(fp).get(), make_float(ip).get()});
  });
  add_fn(m, "frexp", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "frexp", 1, 1);
    int e;
    double mm = std::frexp(real_arg(vm, a[0]), &e);
    return make_tuple({make_float(mm).get(), make_int(e).get()});
  });
  add_fn(m, "ldexp", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "ldexp", 2, 2);
    double x = real_arg(vm, a[0]);
    double r = std::ldexp(x, static_cast<int>(int_arg(vm, a[1])));
    if (std::isinf(r) && std::isfinite(x)) range_error();
    return make_float(r);
  });
  add_fn(m, "isfinite", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "isfinite", 1, 1);
    return ObjRef(make_bool(std::isfinite(real_arg(vm, a[0]))));
  });
  add_fn(m, "isinf", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "isinf", 1, 1);
    return ObjRef(make_bool(std::isinf(real_arg(vm, a[0]))));
  });
  add_fn(m, "isnan", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "isnan", 1, 1);
    return ObjRef(make_bool(std::isnan(real_arg(vm, a[0]))));
  });
  add_fn(m, "isclose", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[4];
    parse_args(a, "isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, out);
    double x = real_arg(vm, out[0]), y = real_arg(vm, out[1]);
    double rel = out[2] ? real_arg(vm, out[2]) : 1e-9;
    double abs_tol = out[3] ? real_arg(vm, out[3]) : 0.0;
    if (rel < 0.0 || abs_tol < 0.0) raise_value_error("tolerances must be non-negative");
    if (x == y) return ObjRef(make_bool(true));
    if (std::isinf(x) || std::isinf(y)) return ObjRef(make_bool(false));
    double diff = std::fabs(y - x);
    bool r = (diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || (diff <= abs_tol);
    return ObjRef(make_bool(r));
  });
  add_fn(m, "factorial", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "factorial", 1, 1);
    std::int64_t n = int_arg(vm, a[0]);
    if (n < 0) raise_value_error("factorial() not defined for negative values");
    std::int64_t r = 1;
    for (std::int64_t i = 2; i <= n; ++i) r = checked_mul(r, i);
    return make_int(r);
  });
  add_fn(m, "gcd", [](Vm& vm, const Args& a) -> ObjRef {
    std::int64_t g = 0;
    for (std::size_t i = 0; i < a.npos; ++i) g = gcd64(g, int_arg(vm, a[i]));
    return make_int(g);
  });
  add_fn(m, "lcm", [](Vm& vm, const Args& a) -> ObjRef {
    std::int64_t l = 1;
    for (std::size_t i = 0; i < a.npos; ++i) {
      std::int64_t v = int_arg(vm, a[i]);
      if (v == 0) return make_int(0);
      v = v < 0 ? -v : v;
      l = checked_mul(l / gcd64(l, v), v);
    }
    return make_int(l);
  });
  add_fn(m, "isqrt", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "isqrt", 1, 1);
    std::int64_t n = int_arg(vm, a[0]);
    if (n < 0) raise_value_error("isqrt() argument must be nonnegative");
    auto r = static_cast<std::int64_t>(std::sqrt(static_cast<double>(n)));
    while (r > 0 && static_cast<Int128>(r) * r > n) --r;
    while (static_cast<Int128>(r + 1) * (r + 1) <= n) ++r;
    return make_int(r);
  });
  add_fn(m, "comb", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "comb", 2, 2);
    std::int64_t n = int_arg(vm, a[0]), k = int_arg(vm, a[1]);
    if (n < 0) raise_value_error("n must be a non-negative integer");
    if (k < 0) raise_value_error("k must be a non-negative integer");
    if (k > n) return make_int(0);
    if (k > n - k) k = n - k;
    Int128 r = 1;
    for (std::int64_t i = 1; i <= k; ++i) {
      r = r * (n - k + i) / i;
      if (r > std::numeric_limits<std::int64_t>::max()) raise_int_overflow();
    }
    return make_int(static_cast<std::int64_t>(r));
  });
  add_fn(m, "perm", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "perm", 1, 2);
    std::int64_t n = int_arg(vm, a[0]);
    std::int64_t k = a.npos > 1 && !is_none(a[1]) ? int_arg(vm, a[1]) : n;
    if (n < 0) raise_value_error("n must be a non-negative integer");
    if (k < 0) raise_value_error("k must be a non-negative integer");
    if (k > n) return make_int(0);
    std::int64_t r = 1;
    for (std::int64_t i = 0; i < k; ++i) r = checked_mul(r, n - i);
    return make_int(r);
  });
  add_fn(m, "fsum", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "fsum", 1, 1);
    std::vector<double> xs;
    for (const ObjRef& x : to_vector(vm, a[0])) xs.push_back(real_arg(vm, x.get()));
    return make_float(fsum(xs));
  });
  add_fn(m, "prod", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "prod", {"", "start"}, 1, out, 1);
    ObjRef acc = out[1] ? ObjRef(out[1]) : ObjRef(make_int(1));
    for (const ObjRef& x : to_vector(vm, out[0])) acc = binary_op(vm, acc.get(), x.get(), BinOp::Mul);
    return acc;
  });
}

}  // namespace lesson::python
