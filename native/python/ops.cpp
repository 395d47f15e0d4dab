#include "python/ops.hpp"

#include <cmath>

#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_iter.hpp"
#include "python/obj_list.hpp"
#include "python/obj_none.hpp"
#include "python/obj_set.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/vm.hpp"

namespace lesson::python {

const std::string& type_name(const Object* o) { return o->type()->name; }

namespace {

bool is_sequence_for_mul(const Object* o) { return is_str(o) || is_list(o) || is_tuple(o); }

[[noreturn]] void binary_type_error(Object* a, Object* b, BinOp op, bool inplace) {
  if (op == BinOp::Add && !inplace) {
    if (is_str(a)) raise_type_error("can only concatenate str (not \"" + type_name(b) + "\") to str");
    if (is_list(a) && a->type() == &list_type)
      raise_type_error("can only concatenate list (not \"" + type_name(b) + "\") to list");
    if (is_tuple(a) && a->type() == &tuple_type)
      raise_type_error("can only concatenate tuple (not \"" + type_name(b) + "\") to tuple");
  }
  if (op == BinOp::Add && inplace && is_str(a))
    raise_type_error("can only concatenate str (not \"" + type_name(b) + "\") to str");
  if (op == BinOp::Mul) {
    if (is_sequence_for_mul(a) && !has_index(b))
      raise_type_error("can't multiply sequence by non-int of type '" + type_name(b) + "'");
    if (is_sequence_for_mul(b) && !has_index(a))
      raise_type_error("can't multiply sequence by non-int of type '" + type_name(a) + "'");
  }
  std::string sym = binop_symbol(op);
  if (inplace) sym += "=";
  else if (op == BinOp::Pow) sym = "** or pow()";
  raise_type_error("unsupported operand type(s) for " + sym + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

ObjRef fast_numeric(Object* a, Object* b, BinOp op) {
  Type* ta = a->type();
  Type* tb = b->type();
  if (ta == &int_type && tb == &int_type) return int_binary_values(int_value(a), int_value(b), op);
  if (op <= BinOp::Pow && op != BinOp::MatMul) {
    if (ta == &float_type && tb == &float_type) return float_binary_values(float_value(a), float_value(b), op);
    if (ta == &float_type && tb == &int_type)
      return float_binary_values(float_value(a), static_cast<double>(int_value(b)), op);
    if (ta == &int_type && tb == &float_type)
      return float_binary_values(static_cast<double>(int_value(a)), float_value(b), op);
  }
  return nullptr;
}

}  // namespace

namespace {

// a op b through the types' slots, CPython's order: a subclass's reflected
// method first, then a's, then b's reflected one. Empty if all decline.
ObjRef dispatch_binary(Vm& vm, Object* a, Object* b, BinOp op) {
  Type* ta = a->type();
  Type* tb = b->type();
  bool tried_b = false;
  if (ta != tb && tb->is_subtype_of(ta) && tb->slots.rbinary) {
    if (ObjRef r = tb->slots.rbinary(vm, b, a, op)) return r;
    tried_b = true;
  }
  if (ta->slots.binary)
    if (ObjRef r = ta->slots.binary(vm, a, b, op)) return r;
  if (ta != tb && !tried_b && tb->slots.rbinary)
    if (ObjRef r = tb->slots.rbinary(vm, b, a, op)) return r;
  return nullptr;
}

}  // namespace

ObjRef binary_op(Vm& vm, Object* a, Object* b, BinOp op) {
  if (ObjRef r = fast_numeric(a, b, op)) return r;
  if (ObjRef r = dispatch_binary(vm, a, b, op)) return r;
  binary_type_error(a, b, op, false);
}

ObjRef inplace_op(Vm& vm, Object* a, Object* b, BinOp op) {
  if (ObjRef r = fast_numeric(a, b, op)) return r;
  if (a->type()->slots.inplace)
    if (ObjRef r = a->type()->slots.inplace(vm, a, b, op)) return r;
  if (ObjRef r = dispatch_binary(vm, a, b, op)) return r;
  binary_type_error(a, b, op, true);
}

ObjRef unary_op(Vm& vm, Object* a, UnaryOp op) {
  if (a->type()->slots.unary)
    if (ObjRef r = a->type()->slots.unary(vm, a, op)) return r;
  const char* sym = op == UnaryOp::Neg ? "-" : op == UnaryOp::Pos ? "+" : "~";
  raise_type_error(std::string("bad operand type for unary ") + sym + ": '" + type_name(a) + "'");
}

ObjRef compare(Vm& vm, Object* a, Object* b, CmpOp op) {
  Type* ta = a->type();
  Type* tb = b->type();
  if (ta == &int_type && tb == &int_type) {
    std::int64_t x = int_value(a), y = int_value(b);
    bool r = false;
    switch (op) {
      case CmpOp::Lt: r = x < y; break;
      case CmpOp::Le: r = x <= y; break;
      case CmpOp::Eq: r = x == y; break;
      case CmpOp::Ne: r = x != y; break;
      case CmpOp::Gt: r = x > y; break;
      case CmpOp::Ge: r = x >= y; break;
    }
    return ObjRef(make_bool(r));
  }
  bool tried_b = false;
  if (ta != tb && tb->is_subtype_of(ta) && tb->slots.compare) {
    if (ObjRef r = tb->slots.compare(vm, b, a, cmpop_swapped(op))) return r;
    tried_b = true;
  }
  if (ta->slots.compare)
    if (ObjRef r = ta->slots.compare(vm, a, b, op)) return r;
  if (!tried_b && tb->slots.compare)
    if (ObjRef r = tb->slots.compare(vm, b, a, cmpop_swapped(op))) return r;
  if (op == CmpOp::Eq) return ObjRef(make_bool(a == b));
  if (op == CmpOp::Ne) return ObjRef(make_bool(a != b));
  raise_type_error(std::string("'") + cmpop_symbol(op) + "' not supported between instances of '" + type_name(a) +
                   "' and '" + type_name(b) + "'");
}

bool compare_bool(Vm& vm, Object* a, Object* b, CmpOp op) {
  ObjRef r = compare(vm, a, b, op);
  if (is_bool(r.get())) return int_value(r.get()) != 0;
  return truthy(vm, r.get());
}

bool equal(Vm& vm, Object* a, Object* b) {
  if (a == b) return true;
  Type* ta = a->type();
  if (ta == b->type()) {
    if (ta == &int_type) return int_value(a) == int_value(b);
    if (ta == &str_type) return str_equal(static_cast<Str*>(a), static_cast<Str*>(b));
  }
  return compare_bool(vm, a, b, CmpOp::Eq);
}

bool truthy(Vm& vm, Object* o) {
  if (o == &true_object) return true;
  if (o == &false_object || o == none()) return false;
  Type* t = o->type();
  if (t->slots.truth) return t->slots.truth(vm, o) != 0;
  if (t->slots.len) return t->slots.len(vm, o) != 0;
  return true;
}

Ref<Str> repr(Vm& vm, Object* o) {
  Type* t = o->type();
  if (t == &str_type) return make_str(str_repr(str_value(o)));
  if (vm.depth >= vm.recursion_limit)
    raise(&t_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
  CallDepthGuard guard(vm);
  ObjRef r = t->slots.repr ? t->slots.repr(vm, o) : object_type.slots.repr(vm, o);
  return Ref<Str>(static_cast<Str*>(r.get()));
}

Ref<Str> str(Vm& vm, Object* o) {
  Type* t = o->type();
  if (t == &str_type) return Ref<Str>(static_cast<Str*>(o));
  if (t->slots.str) {
    CallDepthGuard guard(vm);
    ObjRef r = t->slots.str(vm, o);
    return Ref<Str>(static_cast<Str*>(r.get()));
  }
  return repr(vm, o);
}

std::string repr_string(Vm& vm, Object* o) { return repr(vm, o)->value; }
std::string str_string(Vm& vm, Object* o) { return str(vm, o)->value; }

ObjRef format(Vm& vm, Object* o, std::string_view spec) {
  Type* t = o->type();
  if (t->slots.format) return t->slots.format(vm, o, spec);
  if (!spec.empty()) raise_type_error("unsupported format string passed to " + type_name(o) + ".__format__");
  return str(vm, o);
}

std::int64_t hash(Vm& vm, Object* o) {
  Type* t = o->type();
  if (t == &str_type) return static_cast<Str*>(o)->hash();
  if (t == &int_type) return hash_int(int_value(o));
  if (t->slots.hash) return t->slots.hash(vm, o);
  return static_cast<std::int64_t>(reinterpret_cast<std::uintptr_t>(o) >> 4);
}

ObjRef getattr_opt(Vm& vm, Object* o, Str* name) {
  Type* t = o->type();
  if (t->slots.getattr) return t->slots.getattr(vm, o, name);
  return generic_getattr(vm, o, name);
}

ObjRef getattr(Vm& vm, Object* o, Str* name) {
  ObjRef r = getattr_opt(vm, o, name);
  if (!r) raise_attribute_error(o, name);
  return r;
}

ObjRef getattr(Vm& vm, Object* o, std::string_view name) { return getattr(vm, o, intern(name)); }

void setattr(Vm& vm, Object* o, Str* name, Object* value) {
  Type* t = o->type();
  if (t->slots.setattr) t->slots.setattr(vm, o, name, value);
  else generic_setattr(vm, o, name, value);
}

void delattr(Vm& vm, Object* o, Str* name) { setattr(vm, o, name, nullptr); }

bool hasattr(Vm& vm, Object* o, Str* name) {
  try {
    return static_cast<bool>(getattr_opt(vm, o, name));
  } catch (PyError& e) {
    if (isinstance(e.exc.get(), &t_AttributeError)) return false;
    throw;
  }
}

ObjRef getitem(Vm& vm, Object* o, Object* key) {
  Type* t = o->type();
  if (t->slots.getitem) return t->slots.getitem(vm, o, key);
  if (t == &type_type) {
    // list[int], dict[str, int] in annotations: keep the class itself.
    if (Object* m = type_lookup(static_cast<Type*>(o), "__class_getitem__")) {
      (void)m;
      ObjRef f = getattr(vm, o, "__class_getitem__");
      return vm.call(f.get(), {key});
    }
    Type* self = static_cast<Type*>(o);
    if (!self->heap) return ObjRef(o);
    raise_type_error("type '" + self->name + "' is not subscriptable");
  }
  raise_type_error("'" + type_name(o) + "' object is not subscriptable");
}

void setitem(Vm& vm, Object* o, Object* key, Object* value) {
  Type* t = o->type();
  if (t->slots.setitem) return t->slots.setitem(vm, o, key, value);
  raise_type_error("'" + type_name(o) + "' object does not support item assignment");
}

void delitem(Vm& vm, Object* o, Object* key) {
  Type* t = o->type();
  if (t->slots.setitem) return t->slots.setitem(vm, o, key, nullptr);
  raise_type_error("'" + type_name(o) + "' object doesn't support item deletion");
}

bool contains(Vm& vm, Object* container, Object* item) {
  Type* t = container->type();
  if (t->slots.contains) return t->slots.contains(vm, container, item) != 0;
  if (!t->slots.iter && !t->slots.getitem)
    raise_type_error("argument of type '" + type_name(container) + "' is not iterable");
  ObjRef it = get_iter(vm, container);
  while (ObjRef x = iter_next(vm, it.get()))
    if (equal(vm, x.get(), item)) return true;
  return false;
}

std::int64_t length(Vm& vm, Object* o) {
  Type* t = o->type();
  if (t->slots.len) return t->slots.len(vm, o);
  raise_type_error("object of type '" + type_name(o) + "' has no len()");
}

ObjRef get_iter(Vm& vm, Object* o) {
  Type* t = o->type();
  if (t->slots.iter) return t->slots.iter(vm, o);
  if (t->slots.getitem && t != &type_type) return make_seq_iterator(o);
  raise_type_error("'" + type_name(o) + "' object is not iterable");
}

ObjRef iter_next(Vm& vm, Object* it) {
  Type* t = it->type();
  if (t->slots.next) return t->slots.next(vm, it);
  raise_type_error("'" + type_name(it) + "' object is not an iterator");
}

std::vector<ObjRef> to_vector(Vm& vm, Object* iterable) {
  if (iterable->type() == &list_type) return static_cast<List*>(iterable)->items;
  if (iterable->type() == &tuple_type) return static_cast<Tuple*>(iterable)->items;
  std::vector<ObjRef> out;
  ObjRef it = get_iter(vm, iterable);
  while (ObjRef x = iter_next(vm, it.get())) out.push_back(std::move(x));
  return out;
}

bool is_callable(Object* o) {
  Type* t = o->type();
  return t->slots.call != nullptr || t == &type_type;
}

bool has_index(Object* o) {
  if (is_int(o)) return true;
  return type_lookup(o->type(), "__index__") != nullptr;
}

std::int64_t index_value(Vm& vm, Object* o, const char* what) {
  if (is_int(o)) return int_value(o);
  if (ObjRef m = lookup_special(vm, o, "__index__")) {
    ObjRef r = vm.call(m.get(), {});
    if (!is_int(r.get())) raise_type_error("__index__ returned non-int (type " + type_name(r.get()) + ")");
    return int_value(r.get());
  }
  if (what) raise_type_error(what);
  raise_type_error("'" + type_name(o) + "' object cannot be interpreted as an integer");
}

std::int64_t normalize_index(std::int64_t i, std::int64_t n, const char* message) {
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise_index_error(message);
  return i;
}

ObjRef lookup_special(Vm& vm, Object* o, std::string_view name) {
  Object* v = type_lookup(o->type(), name);
  if (!v) return nullptr;
  ObjRef keep(v);
  if (v->type()->slots.descr_get) return v->type()->slots.descr_get(vm, v, o, o->type());
  return keep;
}

void check_no_kwargs(const Args& args, const char* fname) {
  if (args.nkw()) raise_type_error(std::string(fname) + "() takes no keyword arguments");
}

void check_nargs(const Args& args, const char* fname, std::size_t min, std::size_t max) {
  std::string name = fname;
  std::size_t n = args.npos;
  std::size_t dot = name.find('.');
  bool method = dot != std::string::npos;
  if (args.nkw()) raise_type_error(name + "() takes no keyword arguments");
  if (n >= min && n <= max) return;
  if (method) {
    // Counts include self; messages do not.
    --min;
    --max;
    --n;
  }
  std::string shortname = method ? name.substr(dot + 1) : name;
  if (min == max && min == 0) raise_type_error(name + "() takes no arguments (" + std::to_string(n) + " given)");
  if (min == max && min == 1) raise_type_error(name + "() takes exactly one argument (" + std::to_string(n) + " given)");
  if (min == max)
    raise_type_error(shortname + " expected " + std::to_string(min) + " arguments, got " + std::to_string(n));
  if (n < min)
    raise_type_error(shortname + " expected at least " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") +
                     ", got " + std::to_string(n));
  raise_type_error(shortname + " expected at most " + std::to_string(max) + " argument" + (max == 1 ? "" : "s") +
                   ", got " + std::to_string(n));
}

void parse_args(const Args& args, const char* fname, std::initializer_list<const char*> names, std::size_t nrequired,
                Object** out, std::size_t nposonly) {
  std::size_t n = names.size();
  for (std::size_t i = 0; i < n; ++i) out[i] = nullptr;
  if (args.npos > n)
    raise_type_error(std::string(fname) + "() takes at most " + std::to_string(n) + " argument" + (n == 1 ? "" : "s") +
                     " (" + std::to_string(args.npos) + " given)");
  for (std::size_t i = 0; i < args.npos; ++i) out[i] = args.pos[i].get();
  for (std::size_t k = 0; k < args.nkw(); ++k) {
    const std::string& kw = str_value((*args.kwnames)[k]);
    std::size_t idx = n;
    std::size_t i = 0;
    for (const char* name : names) {
      if (i >= nposonly && kw == name) {
        idx = i;
        break;
      }
      ++i;
    }
    if (idx == n) raise_type_error("'" + kw + "' is an invalid keyword argument for " + fname + "()");
    if (out[idx])
      raise_type_error(std::string("argument for ") + fname + "() given by name ('" + kw + "') and position (" +
                       std::to_string(idx + 1) + ")");
    out[idx] = args.kwvalues[k].get();
  }
  std::size_t i = 0;
  for (const char* name : names) {
    if (i < nrequired && !out[i])
      raise_type_error(std::string(fname) + "() missing required argument '" + name + "' (pos " +
                       std::to_string(i + 1) + ")");
    ++i;
  }
}

ObjRef sequence_compare(Vm& vm, const std::vector<ObjRef>& a, const std::vector<ObjRef>& b, CmpOp op) {
  std::size_t n = std::min(a.size(), b.size());
  std::size_t i = 0;
  for (; i < n; ++i) {
    ObjRef x = a[i], y = b[i];
    if (!equal(vm, x.get(), y.get())) break;
  }
  if (i >= n) {
    std::size_t x = a.size(), y = b.size();
    bool r = false;
    switch (op) {
      case CmpOp::Lt: r = x < y; break;
      case CmpOp::Le: r = x <= y; break;
      case CmpOp::Eq: r = x == y; break;
      case CmpOp::Ne: r = x != y; break;
      case CmpOp::Gt: r = x > y; break;
      case CmpOp::Ge: r = x >= y; break;
    }
    return ObjRef(make_bool(r));
  }
  if (op == CmpOp::Eq) return ObjRef(make_bool(false));
  if (op == CmpOp::Ne) return ObjRef(make_bool(true));
  ObjRef x = a[i], y = b[i];
  return compare(vm, x.get(), y.get(), op);
}

ReprGuard::ReprGuard(Vm& vm, Object* o) : vm_(vm), entered_(true) {
  for (Object* p : vm_.repr_stack)
    if (p == o) {
      entered_ = false;
      return;
    }
  vm_.repr_stack.push_back(o);
}

ReprGuard::~ReprGuard() {
  if (entered_) vm_.repr_stack.pop_back();
}

std::string sequence_repr(Vm& vm, Object* self, const std::vector<ObjRef>& items, const char* open,
                          const char* close) {
  ReprGuard g(vm, self);
  if (!g.entered()) return std::string(open) + "..." + close;
  std::string out = open;
  std::vector<ObjRef> copy = items;  // repr may run code that mutates the list
  for (std::size_t i = 0; i < copy.size(); ++i) {
    if (i) out += ", ";
    out += repr_string(vm, copy[i].get());
  }
  out += close;
  return out;
}

}  // namespace lesson::python

namespace lesson::python {
std::int64_t unhashable_hash(Vm&, Object* o) { raise_type_error("unhashable type: '" + type_name(o) + "'"); }
}  // namespace lesson::python
