#include "python/builtins.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "python/format.hpp"
#include "python/int128.hpp"
#include "python/frame.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_generator.hpp"
#include "python/obj_int.hpp"
#include "python/obj_iter.hpp"
#include "python/obj_list.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_range.hpp"
#include "python/obj_set.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"
#include "python/vm_internal.hpp"

namespace lesson::python {

std::vector<std::string> dir_names(Vm& vm, Object* o) {
  std::set<std::string> names;
  auto add_dict = [&](Dict* d) {
    if (!d) return;
    std::size_t pos = 0;
    const Dict::Entry* e;
    while (d->next(pos, e))
      if (is_str(e->key.get())) names.insert(str_value(e->key.get()));
  };
  if (o->type() == &module_type) {
    add_dict(o->instance_dict());
  } else if (o->type() == &type_type) {
    for (Type* t = static_cast<Type*>(o); t; t = t->base) add_dict(t->dict);
    names.insert({"__class__", "__doc__", "__module__"});
  } else {
    if (ObjRef custom = lookup_special(vm, o, "__dir__")) {
      Object* f = type_lookup(o->type(), "__dir__");
      if (f && f->type() == &function_type) {
        ObjRef r = vm.call(custom.get(), {});
        std::vector<std::string> out;
        for (const ObjRef& x : to_vector(vm, r.get()))
          if (is_str(x.get())) out.push_back(str_value(x.get()));
        std::sort(out.begin(), out.end());
        return out;
      }
    }
    add_dict(o->instance_dict());
    for (Type* t = o->type(); t; t = t->base) add_dict(t->dict);
    names.insert("__class__");
    if (o->instance_dict()) names.insert("__dict__");
  }
  return std::vector<std::string>(names.begin(), names.end());
}

ObjRef builtin_dir_of(Vm& vm, Object* o) {
  std::vector<ObjRef> items;
  for (const std::string& n : dir_names(vm, o)) items.push_back(make_str(n));
  return make_list(std::move(items));
}

namespace {

void add(Dict* b, const char* name, NativeFn fn) {
  Ref<NativeFunction> f = make_native(name, std::move(fn));
  b->set_str(name, f.get());
}

Object* kwarg(const Args& a, const char* name) {
  for (std::size_t k = 0; k < a.nkw(); ++k)
    if (str_value((*a.kwnames)[k]) == name) return a.kwvalues[k].get();
  return nullptr;
}

void only_kwargs(const Args& a, const char* fname, std::initializer_list<const char*> allowed) {
  for (std::size_t k = 0; k < a.nkw(); ++k) {
    const std::string& n = str_value((*a.kwnames)[k]);
    bool ok = false;
    for (const char* x : allowed)
      if (n == x) ok = true;
    if (!ok) raise_type_error("'" + n + "' is an invalid keyword argument for " + fname + "()");
  }
}

ObjRef builtin_print(Vm& vm, const Args& a) {
  only_kwargs(a, "print", {"sep", "end", "file", "flush"});
  Object* sep = kwarg(a, "sep");
  Object* end = kwarg(a, "end");
  Object* file = kwarg(a, "file");
  if (sep && !is_none(sep) && !is_str(sep)) raise_type_error("sep must be None or a string, not " + type_name(sep));
  if (end && !is_none(end) && !is_str(end)) raise_type_error("end must be None or a string, not " + type_name(end));
  std::string s;
  for (std::size_t i = 0; i < a.npos; ++i) {
    if (i) s += (sep && !is_none(sep)) ? str_value(sep) : " ";
    s += str_string(vm, a[i]);
  }
  s += (end && !is_none(end)) ? str_value(end) : "\n";
  if (file && !is_none(file)) {
    ObjRef text = make_str(s);
    vm.call_method(file, "write", {text.get()});
  } else {
    vm.write(OutputStream::Stdout, s);
  }
  return ObjRef(none());
}

ObjRef builtin_len(Vm& vm, const Args& a) {
  check_nargs(a, "len", 1, 1);
  return make_int(length(vm, a[0]));
}

ObjRef builtin_sorted(Vm& vm, const Args& a) {
  if (a.npos != 1) raise_type_error("sorted expected 1 argument, got " + std::to_string(a.npos));
  only_kwargs(a, "sort", {"key", "reverse"});
  std::vector<ObjRef> items = to_vector(vm, a[0]);
  Object* rev = kwarg(a, "reverse");
  list_sort(vm, items, kwarg(a, "key"), rev && truthy(vm, rev));
  return make_list(std::move(items));
}

ObjRef builtin_sum(Vm& vm, const Args& a) {
  Object* out[2];
  parse_args(a, "sum", {"", "start"}, 1, out, 1);
  ObjRef acc = out[1] ? ObjRef(out[1]) : ObjRef(make_int(0));
  if (is_str(acc.get())) raise_type_error("sum() can't sum strings [use ''.join(seq) instead]");
  ObjRef it = get_iter(vm, out[0]);
  while (ObjRef x = iter_next(vm, it.get())) acc = binary_op(vm, acc.get(), x.get(), BinOp::Add);
  return acc;
}

ObjRef min_max(Vm& vm, const Args& a, bool is_max) {
  const char* name = is_max ? "max" : "min";
  only_kwargs(a, name, {"key", "default"});
  Object* key = kwarg(a, "key");
  if (key && is_none(key)) key = nullptr;
  Object* def = kwarg(a, "default");
  if (a.npos == 0) raise_type_error(std::string(name) + " expected at least 1 argument, got 0");
  std::vector<ObjRef> items;
  if (a.npos == 1) {
    items = to_vector(vm, a[0]);
  } else {
    if (def)
      raise_type_error(std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    items.assign(a.pos, a.pos + a.npos);
  }
  if (items.empty()) {
    if (def) return ObjRef(def);
    raise_value_error(std::string(name) + "() arg is an empty sequence");
  }
  ObjRef best = items[0];
  ObjRef best_key = key ? vm.call(key, {best.get()}) : best;
  for (std::size_t i = 1; i < items.size(); ++i) {
    ObjRef k = key ? vm.call(key, {items[i].get()}) : items[i];
    if (compare_bool(vm, k.get(), best_key.get(), is_max ? CmpOp::Gt : CmpOp::Lt)) {
      best = items[i];
      best_key = k;
    }
  }
  return best;
}

ObjRef builtin_abs(Vm& vm, const Args& a) {
  check_nargs(a, "abs", 1, 1);
  Object* x = a[0];
  if (is_int(x)) return make_int(int_value(x) < 0 ? checked_sub(0, int_value(x)) : int_value(x));
  if (is_float(x)) return make_float(std::fabs(float_value(x)));
  if (ObjRef m = lookup_special(vm, x, "__abs__")) return vm.call(m.get(), {});
  raise_type_error("bad operand type for abs(): '" + type_name(x) + "'");
}

double round_half_even(double x) {
  double r = std::round(x);
  if (std::fabs(x - std::trunc(x)) == 0.5) r = 2.0 * std::round(x / 2.0);
  return r;
}

ObjRef builtin_round(Vm& vm, const Args& a) {
  Object* out[2];
  parse_args(a, "round", {"number", "ndigits"}, 1, out);
  Object* x = out[0];
  Object* nd = out[1] && !is_none(out[1]) ? out[1] : nullptr;
  if (is_int(x)) {
    std::int64_t v = int_value(x);
    if (!nd) return make_int(v);
    std::int64_t n = index_value(vm, nd);
    if (n >= 0) return make_int(v);
    if (n < -18) return make_int(0);
    std::int64_t p = int_pow(10, -n);
    std::int64_t q = floor_div(v, p), r = floor_mod(v, p);
    // Round half to even.
    if (2 * r > p || (2 * r == p && (q & 1))) ++q;
    return make_int(checked_mul(q, p));
  }
  if (is_float(x)) {
    double v = float_value(x);
    if (!nd) {
      if (std::isinf(v)) raise(&t_OverflowError, "cannot convert float infinity to integer");
      if (std::isnan(v)) raise_value_error("cannot convert float NaN to integer");
      double r = round_half_even(v);
      if (r >= 9223372036854775808.0 || r < -9223372036854775808.0) raise_int_overflow();
      return make_int(static_cast<std::int64_t>(r));
    }
    std::int64_t n = index_value(vm, nd);
    if (!std::isfinite(v) || v == 0.0) return make_float(v);
    if (n > 323) return make_float(v);
    if (n >= 0) {
      // printf rounds the exact binary value, ties to even: CPython's rule.
      char buf[400];
      std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(n), v);
      return make_float(std::strtod(buf, nullptr));
    }
    if (n < -308) return make_float(std::copysign(0.0, v));
    double p = std::pow(10.0, static_cast<double>(-n));
    double r = round_half_even(v / p) * p;
    if (std::isinf(r)) raise(&t_OverflowError, "rounded value too large to represent");
    return make_float(r);
  }
  if (ObjRef m = lookup_special(vm, x, "__round__")) return nd ? vm.call(m.get(), {nd}) : vm.call(m.get(), {});
  raise_type_error("type " + type_name(x) + " doesn't define __round__ method");
}

bool isinstance_check(Vm& vm, Object* obj, Object* spec, const char* fname) {
  if (spec->type() == &type_type) return obj->type()->is_subtype_of(static_cast<Type*>(spec));
  if (is_tuple(spec)) {
    for (const ObjRef& t : static_cast<Tuple*>(spec)->items)
      if (isinstance_check(vm, obj, t.get(), fname)) return true;
    return false;
  }
  raise_type_error(std::string(fname) + "() arg 2 must be a type, a tuple of types, or a union");
}

bool issubclass_check(Vm& vm, Type* cls, Object* spec) {
  if (spec->type() == &type_type) return cls->is_subtype_of(static_cast<Type*>(spec));
  if (is_tuple(spec)) {
    for (const ObjRef& t : static_cast<Tuple*>(spec)->items)
      if (issubclass_check(vm, cls, t.get())) return true;
    return false;
  }
  raise_type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

std::string int_with_prefix(std::int64_t v, int base, const char* prefix) {
  std::string digits = int_to_string(v < 0 ? 0 : v, base);
  if (v < 0) {
    std::uint64_t mag = 0 - static_cast<std::uint64_t>(v);
    std::string d;
    do {
      d.push_back("0123456789abcdef"[mag % static_cast<unsigned>(base)]);
      mag /= static_cast<unsigned>(base);
    } while (mag);
    return std::string("-") + prefix + std::string(d.rbegin(), d.rend());
  }
  return prefix + digits;
}

std::int64_t mulmod(std::int64_t a, std::int64_t b, std::int64_t m) {
  return static_cast<std::int64_t>((static_cast<Int128>(a) * b) % m);
}

ObjRef builtin_pow(Vm& vm, const Args& a) {
  Object* out[3];
  parse_args(a, "pow", {"base", "exp", "mod"}, 2, out);
  if (!out[2] || is_none(out[2])) return binary_op(vm, out[0], out[1], BinOp::Pow);
  if (!is_int(out[0]) || !is_int(out[1]) || !is_int(out[2]))
    raise_type_error("pow() 3rd argument not allowed unless all arguments are integers");
  std::int64_t b = int_value(out[0]), e = int_value(out[1]), m = int_value(out[2]);
  if (m == 0) raise_value_error("pow() 3rd argument cannot be 0");
  bool neg_mod = m < 0;
  if (neg_mod) m = -m;
  b = floor_mod(b, m);
  if (e < 0) {
    // Modular inverse (extended Euclid).
    std::int64_t g = m, x = 0, x1 = 1, a1 = b;
    while (a1) {
      std::int64_t q = g / a1;
      std::int64_t t = g - q * a1;
      g = a1;
      a1 = t;
      t = x - q * x1;
      x = x1;
      x1 = t;
    }
    if (g != 1) raise_value_error("base is not invertible for the given modulus");
    b = floor_mod(x, m);
    e = -e;
  }
  std::int64_t r = 1 % m;
  while (e > 0) {
    if (e & 1) r = mulmod(r, b, m);
    b = mulmod(b, b, m);
    e >>= 1;
  }
  if (neg_mod && r != 0) r -= m;
  return make_int(r);
}

ObjRef builtin_divmod(Vm& vm, const Args& a) {
  check_nargs(a, "divmod", 2, 2);
  Object* x = a[0];
  Object* y = a[1];
  if (is_int(x) && is_int(y)) {
    if (int_value(y) == 0) raise_zero_division("integer division or modulo by zero");
    return make_tuple({make_int(floor_div(int_value(x), int_value(y))).get(),
                       make_int(floor_mod(int_value(x), int_value(y))).get()});
  }
  double dx, dy;
  if (to_double(x, dx) && to_double(y, dy)) {
    double d, m;
    float_divmod(dx, dy, d, m, "float divmod()");
    return make_tuple({make_float(d).get(), make_float(m).get()});
  }
  if (ObjRef m = lookup_special(vm, x, "__divmod__")) {
    ObjRef r = vm.call(m.get(), {y});
    if (r.get() != not_implemented()) return r;
  }
  raise_type_error("unsupported operand type(s) for divmod(): '" + type_name(x) + "' and '" + type_name(y) + "'");
}

ObjRef builtin_super(Vm& vm, const Args& a) {
  if (a.npos == 2) {
    if (a[0]->type() != &type_type) raise_type_error("super() argument 1 must be a type, not " + type_name(a[0]));
    auto* t = static_cast<Type*>(a[0]);
    Object* obj = a[1];
    Type* ot = obj->type() == &type_type && static_cast<Type*>(obj)->is_subtype_of(t) ? static_cast<Type*>(obj)
                                                                                      : obj->type();
    if (!ot->is_subtype_of(t)) raise_type_error("super(type, obj): obj must be an instance or subtype of type");
    return ObjRef(new Super(t, ObjRef(obj), ot));
  }
  if (a.npos != 0) raise_type_error("super() takes at most 2 arguments");
  Frame* f = vm.frame;
  if (!f) raise(&t_RuntimeError, "super(): no current frame");
  Code* co = f->code.get();
  int idx = -1;
  for (int i = 0; i < co->nfrees(); ++i)
    if (co->freevars[static_cast<std::size_t>(i)]->value == "__class__") idx = co->nlocals() + co->ncells() + i;
  if (idx < 0) raise(&t_RuntimeError, "super(): __class__ cell not found");
  auto* cell = static_cast<Cell*>(f->slots[static_cast<std::size_t>(idx)].get());
  if (!cell->value || cell->value->type() != &type_type) raise(&t_RuntimeError, "super(): empty __class__ cell");
  if (co->argcount == 0 && !(co->flags & kCodeVarargs)) raise(&t_RuntimeError, "super(): no arguments");
  ObjRef self = f->slots[0];
  if (!self) {
    // The first parameter may live in a cell.
    for (int c = 0; c < co->ncells(); ++c)
      if (co->cell_from_param[static_cast<std::size_t>(c)] == 0)
        self = static_cast<Cell*>(f->slots[static_cast<std::size_t>(co->nlocals() + c)].get())->value;
  }
  if (!self) raise(&t_RuntimeError, "super(): arg[0] deleted");
  auto* t = static_cast<Type*>(cell->value.get());
  Type* ot = self->type() == &type_type && static_cast<Type*>(self.get())->is_subtype_of(t)
                 ? static_cast<Type*>(self.get())
                 : self->type();
  return ObjRef(new Super(t, self, ot));
}

ObjRef builtin_iter(Vm& vm, const Args& a) {
  check_nargs(a, "iter", 1, 2);
  if (a.npos == 2) {
    if (!is_callable(a[0])) raise_type_error("iter(v, w): v must be callable");
    return make_callable_iterator(a.pos[0], a.pos[1]);
  }
  return get_iter(vm, a[0]);
}

ObjRef builtin_next(Vm& vm, const Args& a) {
  check_nargs(a, "next", 1, 2);
  Object* it = a[0];
  if (!it->type()->slots.next) raise_type_error("'" + type_name(it) + "' object is not an iterator");
  ObjRef v = iter_next(vm, it);
  if (v) return v;
  if (a.npos == 2) return ObjRef(a[1]);
  if (it->type() == &generator_type) {
    auto* g = static_cast<Generator*>(it);
    ObjRef rv = g->return_value;
    g->return_value.reset();
    raise_stop_iteration(rv && !is_none(rv.get()) ? rv : ObjRef());
  }
  raise_stop_iteration();
}

Dict* current_locals(Vm& vm, Ref<Dict>& holder) {
  Frame* f = vm.frame;
  if (!f) return vm.main_globals.get();
  if (f->locals) return f->locals.get();
  holder = make_dict();
  Code* co = f->code.get();
  for (int i = 0; i < co->nlocals(); ++i)
    if (f->slots[static_cast<std::size_t>(i)]) holder->set_str(co->varnames[static_cast<std::size_t>(i)], f->slots[static_cast<std::size_t>(i)].get());
  for (int c = 0; c < co->ncells() + co->nfrees(); ++c) {
    auto* cell = static_cast<Cell*>(f->slots[static_cast<std::size_t>(co->nlocals() + c)].get());
    Str* name = c < co->ncells() ? co->cellvars[static_cast<std::size_t>(c)]
                                 : co->freevars[static_cast<std::size_t>(c - co->ncells())];
    if (cell && cell->value) holder->set_str(name, cell->value.get());
  }
  return holder.get();
}

}  // namespace

void install_builtins(Vm&, Dict* b) {
  b->set_str("__name__", make_str("builtins").get());
  b->set_str("__doc__", none());
  add(b, "__build_class__", build_class);
  add(b, "abs", builtin_abs);
  add(b, "all", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "all", 1, 1);
    ObjRef it = get_iter(vm, a[0]);
    while (ObjRef x = iter_next(vm, it.get()))
      if (!truthy(vm, x.get())) return ObjRef(make_bool(false));
    return ObjRef(make_bool(true));
  });
  add(b, "any", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "any", 1, 1);
    ObjRef it = get_iter(vm, a[0]);
    while (ObjRef x = iter_next(vm, it.get()))
      if (truthy(vm, x.get())) return ObjRef(make_bool(true));
    return ObjRef(make_bool(false));
  });
  add(b, "ascii", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "ascii", 1, 1);
    return make_str(ascii_of(repr_string(vm, a[0])));
  });
  add(b, "bin", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "bin", 1, 1);
    return make_str(int_with_prefix(index_value(vm, a[0]), 2, "0b"));
  });
  add(b, "callable", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "callable", 1, 1);
    return ObjRef(make_bool(is_callable(a[0])));
  });
  add(b, "chr", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "chr", 1, 1);
    std::int64_t v = index_value(vm, a[0]);
    if (v < 0 || v > 0x10ffff) raise_value_error("chr() arg not in range(0x110000)");
    std::string s;
    utf8_append(s, static_cast<char32_t>(v));
    return make_str(std::move(s));
  });
  add(b, "delattr", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "delattr", 2, 2);
    if (!is_str(a[1])) raise_type_error("attribute name must be string, not '" + type_name(a[1]) + "'");
    delattr(vm, a[0], intern(str_value(a[1])));
    return ObjRef(none());
  });
  add(b, "dir", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "dir", 0, 1);
    if (a.npos == 1) return builtin_dir_of(vm, a[0]);
    Ref<Dict> holder;
    Dict* d = current_locals(vm, holder);
    std::vector<std::string> names;
    std::size_t pos = 0;
    const Dict::Entry* e;
    while (d->next(pos, e))
      if (is_str(e->key.get())) names.push_back(str_value(e->key.get()));
    std::sort(names.begin(), names.end());
    std::vector<ObjRef> items;
    for (auto& n : names) items.push_back(make_str(n));
    return make_list(std::move(items));
  });
  add(b, "divmod", builtin_divmod);
  add(b, "format", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "format", 1, 2);
    if (a.npos == 2 && !is_str(a[1])) raise_type_error("format() argument 2 must be str, not " + type_name(a[1]));
    return format(vm, a[0], a.npos == 2 ? std::string_view(str_value(a[1])) : std::string_view());
  });
  add(b, "getattr", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "getattr", 2, 3);
    if (!is_str(a[1])) raise_type_error("attribute name must be string, not '" + type_name(a[1]) + "'");
    Str* name = intern(str_value(a[1]));
    if (a.npos == 3) {
      try {
        if (ObjRef r = getattr_opt(vm, a[0], name)) return r;
      } catch (PyError& e) {
        if (!isinstance(e.exc.get(), &t_AttributeError)) throw;
      }
      return ObjRef(a[2]);
    }
    return getattr(vm, a[0], name);
  });
  add(b, "globals", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "globals", 0, 0);
    return vm.frame ? ObjRef(vm.frame->globals) : ObjRef(vm.main_globals);
  });
  add(b, "hasattr", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "hasattr", 2, 2);
    if (!is_str(a[1])) raise_type_error("attribute name must be string, not '" + type_name(a[1]) + "'");
    return ObjRef(make_bool(hasattr(vm, a[0], intern(str_value(a[1])))));
  });
  add(b, "hash", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "hash", 1, 1);
    return make_int(hash(vm, a[0]));
  });
  add(b, "hex", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "hex", 1, 1);
    return make_str(int_with_prefix(index_value(vm, a[0]), 16, "0x"));
  });
  add(b, "id", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "id", 1, 1);
    return make_int(static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(a[0])));
  });
  add(b, "input", [](Vm&, const Args&) -> ObjRef {
    raise(&t_RuntimeError, "input() is not supported: lesson cells cannot read keyboard input");
  });
  add(b, "isinstance", [](Vm& vm, const Args& a) -> ObjRef {
    if (a.npos != 2) raise_type_error("isinstance expected 2 arguments, got " + std::to_string(a.npos));
    return ObjRef(make_bool(isinstance_check(vm, a[0], a[1], "isinstance")));
  });
  add(b, "issubclass", [](Vm& vm, const Args& a) -> ObjRef {
    if (a.npos != 2) raise_type_error("issubclass expected 2 arguments, got " + std::to_string(a.npos));
    if (a[0]->type() != &type_type) raise_type_error("issubclass() arg 1 must be a class");
    return ObjRef(make_bool(issubclass_check(vm, static_cast<Type*>(a[0]), a[1])));
  });
  add(b, "iter", builtin_iter);
  add(b, "len", builtin_len);
  add(b, "locals", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "locals", 0, 0);
    Ref<Dict> holder;
    Dict* d = current_locals(vm, holder);
    return ObjRef(d);
  });
  add(b, "max", [](Vm& vm, const Args& a) { return min_max(vm, a, true); });
  add(b, "min", [](Vm& vm, const Args& a) { return min_max(vm, a, false); });
  add(b, "next", builtin_next);
  add(b, "oct", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "oct", 1, 1);
    return make_str(int_with_prefix(index_value(vm, a[0]), 8, "0o"));
  });
  add(b, "ord", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "ord", 1, 1);
    if (!is_str(a[0])) raise_type_error("ord() expected string of length 1, but " + type_name(a[0]) + " found");
    auto* s = static_cast<Str*>(a[0]);
    if (s->length() != 1)
      raise_type_error("ord() expected a character, but string of length " + std::to_string(s->length()) + " found");
    return make_int(static_cast<std::int64_t>(utf8_decode(s->value)[0]));
  });
  add(b, "pow", builtin_pow);
  add(b, "print", builtin_print);
  add(b, "repr", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "repr", 1, 1);
    return repr(vm, a[0]);
  });
  add(b, "round", builtin_round);
  add(b, "setattr", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "setattr", 3, 3);
    if (!is_str(a[1])) raise_type_error("attribute name must be string, not '" + type_name(a[1]) + "'");
    setattr(vm, a[0], intern(str_value(a[1])), a[2]);
    return ObjRef(none());
  });
  add(b, "sorted", builtin_sorted);
  add(b, "sum", builtin_sum);
  add(b, "vars", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "vars", 0, 1);
    if (a.npos == 0) {
      Ref<Dict> holder;
      return ObjRef(current_locals(vm, holder));
    }
    if (a[0]->type() == &type_type) return getattr(vm, a[0], "__dict__");
    Dict* d = a[0]->instance_dict();
    if (!d) raise_type_error("vars() argument must have __dict__ attribute");
    return ObjRef(d);
  });
  add(b, "open", [](Vm&, const Args&) -> ObjRef {
    raise(&t_PermissionError, "open() is not available: lesson cells cannot read or write files");
  });
  add(b, "exit", [](Vm&, const Args& a) -> ObjRef {
    throw PyError{make_exception(&t_SystemExit, make_tuple(std::vector<ObjRef>(a.pos, a.pos + a.npos)))};
  });
  add(b, "quit", [](Vm&, const Args& a) -> ObjRef {
    throw PyError{make_exception(&t_SystemExit, make_tuple(std::vector<ObjRef>(a.pos, a.pos + a.npos)))};
  });
  add(b, "super", builtin_super);
  // Builtins of CPython that lesson cells do not support: present (so a
  // misspelt name gets the same "Did you mean" as in CPython) but raising
  // a clear error when called.
  for (const char* name : {"aiter", "anext", "breakpoint", "compile", "eval", "exec", "help", "memoryview",
                           "bytearray", "bytes", "complex", "__import__", "copyright", "credits", "license"}) {
    std::string n = name;
    add(b, name, [n](Vm&, const Args&) -> ObjRef {
      raise(&t_NotImplementedError, n + "() is not supported in lesson cells");
    });
  }
  b->set_str("__debug__", make_bool(true));

  b->set_str("None", none());
  b->set_str("Ellipsis", ellipsis());
  b->set_str("NotImplemented", not_implemented());
  b->set_str("False", make_bool(false));
  b->set_str("True", make_bool(true));
  for (Type* t : {&bool_type, &classmethod_type, &dict_type, &enumerate_type, &filter_type, &float_type,
                  &frozenset_type, &property_type, &int_type, &list_type, &map_type, &object_type, &range_type,
                  &reversed_type, &set_type, &slice_type, &staticmethod_type, &str_type, &tuple_type, &type_type,
                  &zip_type})
    b->set_str(t->name, t);
  Type* excs[] = {
#define LESSON_PY_EXC_PTR(name, base) &t_##name,
      LESSON_PY_EXCEPTIONS(LESSON_PY_EXC_PTR)
#undef LESSON_PY_EXC_PTR
  };
  for (Type* t : excs) b->set_str(t->name, t);
}

}  // namespace lesson::python
