// The bytecode evaluator. Python-to-Python calls push a heap frame and stay in
// this loop (no C++ recursion), so deep recursion is bounded by the recursion
// limit rather than the native stack, and generators keep their frames.
// Exceptions travel as C++ PyError exceptions; each frame's block stack says
// where its handlers are.
#include <cstring>
#include <new>
#include <stdexcept>

#include "core/errors.hpp"
#include "python/frame.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_generator.hpp"
#include "python/obj_int.hpp"
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

#define LESSON_COLD __attribute__((noinline))

namespace lesson::python {

namespace {

[[noreturn]] void raise_name_error(Vm& vm, Frame* f, Str* name) {
  Ref<BaseExc> e = make_exception(&t_NameError, "name '" + name->value + "' is not defined");
  e->name = ObjRef(name);
  e->suggestion = suggest_name(vm, f, name->value);
  throw PyError{e};
}

[[noreturn]] void raise_unbound_local(Str* name) {
  Ref<BaseExc> e = make_exception(&t_UnboundLocalError,
                                  "cannot access local variable '" + name->value + "' where it is not associated with a value");
  e->name = ObjRef(name);
  throw PyError{e};
}

Str* deref_name(const Code* c, std::uint32_t i) {
  auto nc = static_cast<std::uint32_t>(c->ncells());
  return i < nc ? c->cellvars[i] : c->freevars[i - nc];
}

[[noreturn]] void raise_unbound_deref(const Code* c, std::uint32_t i) {
  Str* name = deref_name(c, i);
  if (i < static_cast<std::uint32_t>(c->ncells())) raise_unbound_local(name);
  Ref<BaseExc> e = make_exception(&t_NameError, "cannot access free variable '" + name->value +
                                                    "' where it is not associated with a value in enclosing scope");
  e->name = ObjRef(name);
  throw PyError{e};
}

// Converts any C++ exception escaping native code into a Python exception.
PyError to_py_error() {
  try {
    throw;
  } catch (PyError& e) {
    return e;
  } catch (const std::bad_alloc&) {
    return PyError{make_exception(&t_MemoryError, Ref<Tuple>(empty_tuple()))};
  } catch (const lesson::TorchError& e) {
    Type* t = &t_RuntimeError;
    switch (e.kind()) {
      case lesson::ErrorKind::RuntimeError: t = &t_RuntimeError; break;
      case lesson::ErrorKind::IndexError: t = &t_IndexError; break;
      case lesson::ErrorKind::ValueError: t = &t_ValueError; break;
      case lesson::ErrorKind::TypeError: t = &t_TypeError; break;
      case lesson::ErrorKind::NotImplementedError: t = &t_NotImplementedError; break;
    }
    return PyError{make_exception(t, e.what())};
  } catch (const std::length_error&) {
    return PyError{make_exception(&t_MemoryError, Ref<Tuple>(empty_tuple()))};
  } catch (const std::exception& e) {
    return PyError{make_exception(&t_RuntimeError, e.what())};
  }
}

// Links the exception being handled as the new exception's __context__,
// never creating a cycle in the chain.
void set_context(Vm& vm, BaseExc* exc) {
  Object* handled = vm.handled_exc.get();
  if (!handled || handled == exc || is_none(handled)) return;
  Object* o = handled;
  while (o && is_exception(o)) {
    auto* be = static_cast<BaseExc*>(o);
    if (be->context.get() == exc) {
      be->context.reset();
      break;
    }
    o = be->context.get();
  }
  exc->context = ObjRef(handled);
}

Ref<BaseExc> exception_from(Vm& vm, Object* v, const char* what) {
  if (is_exception(v)) return Ref<BaseExc>(static_cast<BaseExc*>(v));
  if (is_exception_type(v)) {
    ObjRef made = vm.call(v, {});
    if (!is_exception(made.get()))
      raise_type_error(std::string("calling ") + repr_string(vm, v) +
                       " should have returned an instance of BaseException, not " + type_name(made.get()));
    return Ref<BaseExc>(static_cast<BaseExc*>(made.get()));
  }
  raise_type_error(what);
}

bool exception_matches(Vm& vm, Object* exc, Object* spec) {
  if (is_tuple(spec)) {
    for (const ObjRef& t : static_cast<Tuple*>(spec)->items)
      if (exception_matches(vm, exc, t.get())) return true;
    return false;
  }
  if (!is_exception_type(spec))
    raise_type_error("catching classes that do not inherit from BaseException is not allowed");
  return isinstance(exc, static_cast<Type*>(spec));
}

void unpack_into(Vm& vm, Object* seq, std::uint32_t before, std::uint32_t after, bool starred, ObjRef*& sp) {
  std::vector<ObjRef> items;
  if (seq->type() == &tuple_type) {
    items = static_cast<Tuple*>(seq)->items;
  } else if (seq->type() == &list_type) {
    items = static_cast<List*>(seq)->items;
  } else {
    Type* t = seq->type();
    if (!t->slots.iter && !t->slots.getitem)
      raise_type_error("cannot unpack non-iterable " + type_name(seq) + " object");
    ObjRef it = get_iter(vm, seq);
    std::size_t limit = starred ? SIZE_MAX : before + 1;
    while (items.size() < limit) {
      ObjRef x = iter_next(vm, it.get());
      if (!x) break;
      items.push_back(std::move(x));
    }
  }
  std::size_t n = items.size();
  if (!starred) {
    if (n < before)
      raise_value_error("not enough values to unpack (expected " + std::to_string(before) + ", got " +
                        std::to_string(n) + ")");
    if (n > before) raise_value_error("too many values to unpack (expected " + std::to_string(before) + ")");
    for (std::size_t i = n; i-- > 0;) *sp++ = std::move(items[i]);
    return;
  }
  if (n < before + after)
    raise_value_error("not enough values to unpack (expected at least " + std::to_string(before + after) + ", got " +
                      std::to_string(n) + ")");
  for (std::size_t i = n; i-- > n - after;) *sp++ = std::move(items[i]);
  std::vector<ObjRef> middle(items.begin() + static_cast<std::ptrdiff_t>(before),
                             items.begin() + static_cast<std::ptrdiff_t>(n - after));
  *sp++ = make_list(std::move(middle));
  for (std::size_t i = before; i-- > 0;) *sp++ = std::move(items[i]);
}

[[noreturn]] LESSON_COLD void raise_init_not_none(Object* r) {
  raise_type_error("__init__() should return None, not '" + type_name(r) + "'");
}

// What `name` means on the type's side, for the attribute caches.
void fill_attr_cache(AttrCache& c, Type* t, Str* name) {
  static Str* const s_class = intern("__class__");
  static Str* const s_dict = intern("__dict__");
  c.type = t;
  c.epoch = g_type_epoch;
  Object* descr = type_lookup(t, name);
  c.descr = descr;
  if (name == s_class || name == s_dict) {
    c.kind = AttrCache::kData;
  } else if (!descr) {
    c.kind = AttrCache::kAbsent;
  } else {
    const TypeSlots& ds = descr->type()->slots;
    if (ds.descr_set) c.kind = AttrCache::kData;
    else if (descr->type() == &function_type ||
             (descr->type() == &native_function_type && static_cast<NativeFunction*>(descr)->owner))
      c.kind = AttrCache::kMethod;
    else if (ds.descr_get) c.kind = AttrCache::kNonData;
    else c.kind = AttrCache::kPlain;
  }
}

// The class's Python __init__ when `Class(...)` can be run as: make a plain
// instance, then call __init__ in a new frame of the evaluator loop.
Function* simple_init(Type* t) {
  static Str* const s_init = intern("__init__");
  static Str* const s_new = intern("__new__");
  Type* nb = t;
  while (nb->heap) nb = nb->base;
  if (nb != &object_type || t->slots.construct != object_type.slots.construct) return nullptr;
  Object* nw = type_lookup(t, s_new);
  if (nw && nw != type_lookup(&object_type, s_new)) return nullptr;
  Object* init = type_lookup(t, s_init);
  if (!init || init->type() != &function_type) return nullptr;
  auto* fn = static_cast<Function*>(init);
  if (fn->code->flags & kCodeGenerator) return nullptr;
  return fn;
}

// The cold opcodes, outside the evaluator loop: a smaller loop function
// compiles (and, in a WebAssembly engine, tiers up) much faster. One function
// with many call sites, so the optimizer does not inline it back.
LESSON_COLD void cold_op(Vm& vm, Frame* f, Code* code, ObjRef*& sp, std::uint32_t word) {
  std::uint32_t arg = arg_of(word);
  ObjRef* fast = f->slots.get();
  (void)fast;
  (void)code;
#define PUSH(v) (*sp++ = (v))
#define POP() (std::move(*--sp))
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])
  switch (op_of(word)) {
    case OP_DELETE_ATTR: {
      ObjRef obj = POP();
      delattr(vm, obj.get(), code->names[arg]);
      break;
    }
    case OP_DELETE_SUBSCR: {
      ObjRef key = POP();
      ObjRef container = POP();
      delitem(vm, container.get(), key.get());
      break;
    }
    case OP_BUILD_SLICE: {
      ObjRef step = arg == 3 ? POP() : ObjRef(none());
      ObjRef stop = POP();
      ObjRef start = POP();
      PUSH(ObjRef(new Slice(std::move(start), std::move(stop), std::move(step))));
      break;
    }
    case OP_BUILD_SET: {
      Ref<Set> s = make_set();
      for (std::uint32_t i = arg; i > 0; --i) s->add(vm, sp[-static_cast<std::ptrdiff_t>(i)].get());
      for (std::uint32_t i = 0; i < arg; ++i) (--sp)->reset();
      PUSH(std::move(s));
      break;
    }
    case OP_BUILD_CONST_SET: {
      // CPython builds a frozenset constant and merges it into a new
      // set; the merge decides the iteration order, so do the same.
      // (The compiler's constant cache rebuilds that frozenset once
      // from its own iteration order; that is repeated here too.)
      ObjRef items = POP();
      Ref<Set> first = make_set(&frozenset_type);
      first->add_all(vm, items.get());
      Ref<Set> constant = make_set(&frozenset_type);
      for (std::size_t k = 0; k < first->slot_count(); ++k)
        if (first->slot(k).key) constant->add(vm, first->slot(k).key.get());
      Ref<Set> s = make_set();
      s->merge(vm, *constant);
      PUSH(std::move(s));
      break;
    }
    case OP_BUILD_MAP: {
      Ref<Dict> d = make_dict();
      for (std::uint32_t i = arg; i > 0; --i)
        d->set(vm, sp[-2 * static_cast<std::ptrdiff_t>(i)].get(),
               sp[-2 * static_cast<std::ptrdiff_t>(i) + 1].get());
      for (std::uint32_t i = 0; i < 2 * arg; ++i) (--sp)->reset();
      PUSH(std::move(d));
      break;
    }
    case OP_BUILD_STRING: {
      std::string s;
      for (std::uint32_t i = arg; i > 0; --i) s += str_value(sp[-static_cast<std::ptrdiff_t>(i)].get());
      for (std::uint32_t i = 0; i < arg; ++i) (--sp)->reset();
      PUSH(make_str(std::move(s)));
      break;
    }
    case OP_SET_ADD: {
      ObjRef v = POP();
      static_cast<Set*>(PEEK(arg).get())->add(vm, v.get());
      break;
    }
    case OP_MAP_ADD: {
      ObjRef v = POP();
      ObjRef k = POP();
      static_cast<Dict*>(PEEK(arg).get())->set(vm, k.get(), v.get());
      break;
    }
    case OP_LIST_EXTEND: {
      ObjRef it = POP();
      auto* l = static_cast<List*>(PEEK(arg).get());
      Type* t = it->type();
      if (!t->slots.iter && !t->slots.getitem)
        raise_type_error("Value after * must be an iterable, not " + type_name(it.get()));
      std::vector<ObjRef> items = to_vector(vm, it.get());
      l->items.insert(l->items.end(), items.begin(), items.end());
      break;
    }
    case OP_SET_UPDATE: {
      ObjRef it = POP();
      static_cast<Set*>(PEEK(arg).get())->add_all(vm, it.get());
      break;
    }
    case OP_LIST_TO_TUPLE: {
      ObjRef l = POP();
      PUSH(make_tuple(static_cast<List*>(l.get())->items));
      break;
    }
    case OP_UNPACK_SEQUENCE: {
      ObjRef seq = POP();
      unpack_into(vm, seq.get(), arg, 0, false, sp);
      break;
    }
    case OP_UNPACK_EX: {
      ObjRef seq = POP();
      unpack_into(vm, seq.get(), arg & 0xff, arg >> 8, true, sp);
      break;
    }
    case OP_CALL_EX: {
      ObjRef kwargs = (arg & 1) ? POP() : ObjRef();
      ObjRef posargs = POP();
      ObjRef callable = POP();
      (--sp)->reset();  // the NULL slot
      std::vector<ObjRef> pos = static_cast<Tuple*>(posargs.get())->items;
      std::vector<ObjRef> kwvals;
      Ref<Tuple> kwnames;
      if (kwargs) {
        auto* d = static_cast<Dict*>(kwargs.get());
        std::vector<ObjRef> names;
        std::size_t p = 0;
        const Dict::Entry* e;
        while (d->next(p, e)) {
          if (!is_str(e->key.get())) raise_type_error("keywords must be strings");
          names.push_back(ObjRef(intern(str_value(e->key.get()))));
          kwvals.push_back(e->value);
        }
        if (!names.empty()) kwnames = make_tuple(std::move(names));
      }
      Args args{pos.data(), pos.size(), kwvals.data(), kwnames.get()};
      PUSH(vm.call(callable.get(), args));
      break;
    }
    case OP_MAKE_FUNCTION: {
      ObjRef c = POP();
      Ref<Function> fn(new Function(Ref<Code>(static_cast<Code*>(c.get())), f->globals));
      if (arg & 8) fn->closure = Ref<Tuple>::adopt(static_cast<Tuple*>(POP().release()));
      if (arg & 2) fn->kwdefaults = Ref<Dict>::adopt(static_cast<Dict*>(POP().release()));
      if (arg & 1) fn->defaults = Ref<Tuple>::adopt(static_cast<Tuple*>(POP().release()));
      fn->doc = fn->code->doc;
      if (Object* modname = f->globals->get_str("__name__"))
        if (is_str(modname)) fn->module = str_value(modname);
      PUSH(std::move(fn));
      break;
    }
    case OP_GET_YIELD_FROM_ITER: {
      ObjRef v = POP();
      if (v->type() == &generator_type) PUSH(std::move(v));
      else PUSH(get_iter(vm, v.get()));
      break;
    }
    case OP_PUSH_EXC_INFO: {
      ObjRef exc = POP();
      PUSH(vm.handled_exc ? vm.handled_exc : ObjRef(none()));
      vm.handled_exc = exc;
      PUSH(std::move(exc));
      break;
    }
    case OP_CHECK_EXC_MATCH: {
      ObjRef spec = POP();
      bool match = exception_matches(vm, TOP().get(), spec.get());
      PUSH(ObjRef(make_bool(match)));
      break;
    }
    case OP_BEFORE_WITH: {
      ObjRef mgr = POP();
      ObjRef enter = lookup_special(vm, mgr.get(), "__enter__");
      ObjRef exit = lookup_special(vm, mgr.get(), "__exit__");
      if (!enter || !exit)
        raise_type_error("'" + type_name(mgr.get()) + "' object does not support the context manager protocol");
      PUSH(std::move(exit));
      PUSH(vm.call(enter.get(), {}));
      break;
    }
    case OP_WITH_EXCEPT_START: {
      Object* exit = PEEK(3).get();
      Object* exc = TOP().get();
      PUSH(vm.call(exit, {exc->type(), exc, none()}));
      break;
    }
    case OP_IMPORT_FROM: {
      Object* m = TOP().get();
      Str* name = code->names[arg];
      PUSH(import_from(vm, m, name));
      break;
    }
    case OP_IMPORT_STAR: {
      ObjRef m = POP();
      import_star(vm, m.get(), f->locals ? f->locals.get() : f->globals.get());
      break;
    }
    case OP_RAISE_VARARGS: {
      if (arg == 0) {
        if (!vm.handled_exc || is_none(vm.handled_exc.get())) raise(&t_RuntimeError, "No active exception to reraise");
        throw PyError{Ref<BaseExc>(static_cast<BaseExc*>(vm.handled_exc.get())), true};
      }
      ObjRef cause = arg == 2 ? POP() : ObjRef();
      ObjRef v = POP();
      Ref<BaseExc> exc = exception_from(vm, v.get(), "exceptions must derive from BaseException");
      if (arg == 2) {
        if (is_none(cause.get())) {
          exc->cause.reset();
        } else {
          Ref<BaseExc> c = exception_from(vm, cause.get(), "exception causes must derive from BaseException");
          exc->cause = c;
        }
        exc->suppress_context = true;
      }
      throw PyError{exc};
      break;
    }
    case OP_LOAD_CLASSDEREF: {
      Str* name = deref_name(code, arg);
      if (Object* v = f->locals ? f->locals->get_str(name) : nullptr) {
        PUSH(ObjRef(v));
        break;
      }
      auto* cell = static_cast<Cell*>(fast[code->nlocals() + static_cast<int>(arg)].get());
      if (!cell->value) raise_unbound_deref(code, arg);
      PUSH(cell->value);
      break;
    }
    case OP_FORMAT_VALUE: {
      ObjRef spec = (arg & 4) ? POP() : ObjRef();
      ObjRef v = POP();
      switch (arg & 3) {
        case 1: v = str(vm, v.get()); break;
        case 2: v = repr(vm, v.get()); break;
        case 3: v = make_str(ascii_of(repr_string(vm, v.get()))); break;
        default: break;
      }
      std::string_view sv = spec ? std::string_view(str_value(spec.get())) : std::string_view();
      if (v->type() == &str_type && sv.empty()) PUSH(std::move(v));
      else PUSH(format(vm, v.get(), sv));
      break;
    }
    case OP_IMPORT_NAME: {
      ObjRef fromlist = POP();
      const std::string& name = code->names[arg]->value;
      ObjRef leaf = vm.import_module(name);
      if (is_none(fromlist.get())) {
        std::size_t dot = name.find('.');
        if (dot != std::string::npos) {
          PUSH(vm.import_module(name.substr(0, dot)));
          break;
        }
      }
      PUSH(std::move(leaf));
      break;
    }
    case OP_DELETE_DEREF: {
      auto* cell = static_cast<Cell*>(fast[code->nlocals() + static_cast<int>(arg)].get());
      if (!cell->value) raise_unbound_deref(code, arg);
      cell->value.reset();
      break;
    }
    case OP_STORE_GLOBAL: {
      ObjRef v = POP();
      f->globals->set_str(code->names[arg], v.get());
      break;
    }
    case OP_POP_EXCEPT_RERAISE: {
      // Stack: prev, (the handled exception or an empty slot), new.
      ObjRef exc = POP();
      (--sp)->reset();
      ObjRef prev = POP();
      vm.handled_exc = is_none(prev.get()) ? ObjRef() : std::move(prev);
      throw PyError{Ref<BaseExc>(static_cast<BaseExc*>(exc.get())), true};
    }
    default:
      break;
  }
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
}

}  // namespace

ObjRef Vm::run_frame(Frame* entry) {
  Frame* f = entry;
  Frame* const caller = frame;
  f->back = caller;
  frame = f;
  struct Restore {
    Vm& vm;
    Frame* caller;
    ~Restore() { vm.frame = caller; }
  } restore{*this, caller};

  Code* code = f->code.get();
  const std::uint32_t* ops = code->ops.data();
  ObjRef* fast = f->slots.get();
  ObjRef* sp = f->sp;
  std::uint32_t pc = f->pc;

  // Switches the cached state to another frame.
#define LOAD_FRAME()           \
  do {                         \
    code = f->code.get();      \
    ops = code->ops.data();    \
    fast = f->slots.get();     \
    sp = f->sp;                \
    pc = f->pc;                \
  } while (0)

#define PUSH(v) (*sp++ = (v))
#define POP() (std::move(*--sp))
#define TOP() (sp[-1])
#define PEEK(n) (sp[-static_cast<std::ptrdiff_t>(n)])

  bool throw_pending = static_cast<bool>(f->pending_throw);

  for (;;) {
    try {
      if (throw_pending) {
        throw_pending = false;
        ObjRef e = std::move(f->pending_throw);
        f->last_pc = pc ? pc - 1 : 0;
        throw PyError{Ref<BaseExc>(static_cast<BaseExc*>(e.get()))};
      }
      for (;;) {
        std::uint32_t word = ops[pc];
        f->last_pc = pc;
        ++pc;
        std::uint32_t arg = arg_of(word);
        switch (op_of(word)) {
          case OP_NOP:
            break;
          case OP_POP_TOP:
            (--sp)->reset();
            break;
          case OP_ROT_TWO:
            std::swap(sp[-1], sp[-2]);
            break;
          case OP_ROT_THREE: {
            ObjRef top = std::move(sp[-1]);
            sp[-1] = std::move(sp[-2]);
            sp[-2] = std::move(sp[-3]);
            sp[-3] = std::move(top);
            break;
          }
          case OP_ROT_FOUR: {
            ObjRef top = std::move(sp[-1]);
            sp[-1] = std::move(sp[-2]);
            sp[-2] = std::move(sp[-3]);
            sp[-3] = std::move(sp[-4]);
            sp[-4] = std::move(top);
            break;
          }
          case OP_DUP_TOP: {
            ObjRef v = TOP();
            PUSH(std::move(v));
            break;
          }
          case OP_DUP_TOP_TWO: {
            ObjRef a = PEEK(2), b = PEEK(1);
            PUSH(std::move(a));
            PUSH(std::move(b));
            break;
          }
          case OP_PUSH_NULL:
            PUSH(ObjRef());
            break;
          case OP_LOAD_CONST:
            PUSH(code->consts[arg]);
            break;
          case OP_LOAD_FAST: {
            const ObjRef& v = fast[arg];
            if (!v) raise_unbound_local(code->varnames[arg]);
            PUSH(v);
            break;
          }
          case OP_STORE_FAST:
            fast[arg] = POP();
            break;
          case OP_DELETE_FAST:
            if (!fast[arg]) raise_unbound_local(code->varnames[arg]);
            fast[arg].reset();
            break;
          case OP_LOAD_DEREF: {
            auto* cell = static_cast<Cell*>(fast[code->nlocals() + static_cast<int>(arg)].get());
            if (!cell->value) raise_unbound_deref(code, arg);
            PUSH(cell->value);
            break;
          }
          // Rare instructions, outside this loop so it stays small (cold_op).
          case OP_LOAD_CLASSDEREF:
          case OP_DELETE_DEREF:
          case OP_STORE_GLOBAL:
          case OP_DELETE_ATTR:
          case OP_DELETE_SUBSCR:
          case OP_BUILD_SLICE:
          case OP_BUILD_SET:
          case OP_BUILD_CONST_SET:
          case OP_BUILD_MAP:
          case OP_BUILD_STRING:
          case OP_SET_ADD:
          case OP_MAP_ADD:
          case OP_LIST_EXTEND:
          case OP_SET_UPDATE:
          case OP_LIST_TO_TUPLE:
          case OP_FORMAT_VALUE:
          case OP_UNPACK_SEQUENCE:
          case OP_UNPACK_EX:
          case OP_CALL_EX:
          case OP_MAKE_FUNCTION:
          case OP_GET_YIELD_FROM_ITER:
          case OP_RAISE_VARARGS:
          case OP_PUSH_EXC_INFO:
          case OP_POP_EXCEPT_RERAISE:
          case OP_CHECK_EXC_MATCH:
          case OP_BEFORE_WITH:
          case OP_WITH_EXCEPT_START:
          case OP_IMPORT_NAME:
          case OP_IMPORT_FROM:
          case OP_IMPORT_STAR:
            cold_op(*this, f, code, sp, word);
            break;
          case OP_STORE_DEREF: {
            auto* cell = static_cast<Cell*>(fast[code->nlocals() + static_cast<int>(arg)].get());
            cell->value = POP();
            break;
          }
          case OP_LOAD_CLOSURE:
            PUSH(fast[code->nlocals() + static_cast<int>(arg)]);
            break;
          case OP_LOAD_NAME: {
            Str* name = code->names[arg];
            Object* v = f->locals->get_str(name);
            if (!v) v = f->globals->get_str(name);
            if (!v) v = f->builtins->get_str(name);
            if (!v) raise_name_error(*this, f, name);
            PUSH(ObjRef(v));
            break;
          }
          case OP_STORE_NAME: {
            ObjRef v = POP();
            f->locals->set_str(code->names[arg], v.get());
            break;
          }
          case OP_DELETE_NAME:
            if (!f->locals->remove_str(code->names[arg])) raise_name_error(*this, f, code->names[arg]);
            break;
          case OP_LOAD_GLOBAL: {
            // Cached: the name's position in globals (or builtins), and that
            // it is absent from globals while their version is unchanged.
            Str* name = code->names[arg];
            AttrCache& c = code->attr_caches()[pc - 1];
            Dict* g = f->globals.get();
            Object* v = nullptr;
            if (c.descr == g && c.epoch == g->version()) {
              v = f->builtins->get_str_hint(name, c.hint);
            } else {
              v = g->get_str_hint(name, c.hint);
              if (!v) {
                c.descr = g;
                c.epoch = g->version();
                v = f->builtins->get_str_hint(name, c.hint);
              }
            }
            if (!v) raise_name_error(*this, f, name);
            PUSH(ObjRef(v));
            break;
          }
          case OP_DELETE_GLOBAL:
            if (!f->globals->remove_str(code->names[arg])) raise_name_error(*this, f, code->names[arg]);
            break;
          case OP_LOAD_ATTR: {
            Object* obj = TOP().get();
            Type* t = obj->type();
            if (t->heap && !t->slots.getattr) {
              // Instances of Python classes with the generic protocol.
              AttrCache& c = code->attr_caches()[pc - 1];
              Str* name = code->names[arg];
              if (c.type != t || c.epoch != g_type_epoch) fill_attr_cache(c, t, name);
              if (c.kind != AttrCache::kData) {
                if (Dict* d = obj->instance_dict())
                  if (Object* v = d->get_str_hint(name, c.hint)) {
                    TOP() = ObjRef(v);
                    break;
                  }
                if (c.kind == AttrCache::kPlain) {
                  TOP() = ObjRef(c.descr);
                  break;
                }
              }
            }
            ObjRef o = POP();
            PUSH(getattr(*this, o.get(), code->names[arg]));
            break;
          }
          case OP_STORE_ATTR: {
            Object* obj = TOP().get();
            Type* t = obj->type();
            if (t->heap && !t->slots.setattr) {
              AttrCache& c = code->attr_caches()[pc - 1];
              Str* name = code->names[arg];
              if (c.type != t || c.epoch != g_type_epoch) fill_attr_cache(c, t, name);
              if (c.kind != AttrCache::kData)
                if (Dict* d = obj->instance_dict()) {
                  d->set_str_hint(name, sp[-2].get(), c.hint);
                  (--sp)->reset();
                  (--sp)->reset();
                  break;
                }
            }
            ObjRef o = POP();
            ObjRef v = POP();
            setattr(*this, o.get(), code->names[arg], v.get());
            break;
          }
          case OP_LOAD_METHOD: {
            Str* name = code->names[arg];
            Object* obj = TOP().get();
            Type* t = obj->type();
            if (!t->slots.getattr) {
              AttrCache& c = code->attr_caches()[pc - 1];
              if (c.type != t || c.epoch != g_type_epoch) fill_attr_cache(c, t, name);
              if (c.kind == AttrCache::kMethod) {
                Dict* d = obj->instance_dict();
                if (!d || d->size() == 0 || !d->get_str(name)) {
                  ObjRef self = POP();
                  PUSH(ObjRef(c.descr));
                  PUSH(std::move(self));
                  break;
                }
              }
            }
            ObjRef attr = getattr(*this, obj, name);
            sp[-1].reset();
            PUSH(std::move(attr));
            break;
          }
          case OP_BINARY_OP: {
            ObjRef b = POP();
            ObjRef a = POP();
            if (arg == 16 + static_cast<std::uint32_t>(BinOp::Add) && a->type() == &str_type &&
                b->type() == &str_type) {
              // s += t: when the variable being assigned holds the only other
              // reference, drop it and extend the string in place (CPython
              // does the same), so building a string in a loop is linear.
              std::uint32_t next = ops[pc];
              Opcode nop = op_of(next);
              std::uint32_t narg = arg_of(next);
              if (nop == OP_STORE_FAST && fast[narg].get() == a.get()) {
                fast[narg].reset();
              } else if (nop == OP_STORE_NAME && f->locals && f->locals->get_str(code->names[narg]) == a.get()) {
                f->locals->set_str(code->names[narg], none());
              } else if (nop == OP_STORE_GLOBAL && f->globals->get_str(code->names[narg]) == a.get()) {
                f->globals->set_str(code->names[narg], none());
              } else if (nop == OP_STORE_DEREF) {
                auto* cell = static_cast<Cell*>(fast[code->nlocals() + static_cast<int>(narg)].get());
                if (cell->value.get() == a.get()) cell->value.reset();
              }
              if (a->refcount == 1) {
                static_cast<Str*>(a.get())->append_in_place(*static_cast<Str*>(b.get()));
                PUSH(std::move(a));
                break;
              }
            }
            if (arg >= 16) PUSH(inplace_op(*this, a.get(), b.get(), static_cast<BinOp>(arg - 16)));
            else PUSH(binary_op(*this, a.get(), b.get(), static_cast<BinOp>(arg)));
            break;
          }
          case OP_UNARY_OP: {
            ObjRef a = POP();
            PUSH(unary_op(*this, a.get(), static_cast<UnaryOp>(arg)));
            break;
          }
          case OP_UNARY_NOT: {
            ObjRef a = POP();
            PUSH(ObjRef(make_bool(!truthy(*this, a.get()))));
            break;
          }
          case OP_COMPARE_OP: {
            ObjRef b = POP();
            ObjRef a = POP();
            PUSH(compare(*this, a.get(), b.get(), static_cast<CmpOp>(arg)));
            break;
          }
          case OP_IS_OP: {
            ObjRef b = POP();
            ObjRef a = POP();
            PUSH(ObjRef(make_bool((a.get() == b.get()) != (arg != 0))));
            break;
          }
          case OP_CONTAINS_OP: {
            ObjRef container = POP();
            ObjRef item = POP();
            PUSH(ObjRef(make_bool(contains(*this, container.get(), item.get()) != (arg != 0))));
            break;
          }
          case OP_BINARY_SUBSCR: {
            ObjRef key = POP();
            ObjRef container = POP();
            Object* c = container.get();
            if (c->type() == &list_type && key->type() == &int_type) {
              auto* l = static_cast<List*>(c);
              std::int64_t i = int_value(key.get());
              auto n = static_cast<std::int64_t>(l->size());
              if (i < 0) i += n;
              if (i >= 0 && i < n) {
                PUSH(l->items[static_cast<std::size_t>(i)]);
                break;
              }
            }
            PUSH(getitem(*this, c, key.get()));
            break;
          }
          case OP_STORE_SUBSCR: {
            ObjRef key = POP();
            ObjRef container = POP();
            ObjRef v = POP();
            setitem(*this, container.get(), key.get(), v.get());
            break;
          }
          case OP_BUILD_TUPLE: {
            std::vector<ObjRef> items(arg);
            for (std::uint32_t i = arg; i-- > 0;) items[i] = POP();
            PUSH(make_tuple(std::move(items)));
            break;
          }
          case OP_BUILD_LIST: {
            std::vector<ObjRef> items(arg);
            for (std::uint32_t i = arg; i-- > 0;) items[i] = POP();
            PUSH(make_list(std::move(items)));
            break;
          }
          case OP_LIST_APPEND: {
            ObjRef v = POP();
            static_cast<List*>(PEEK(arg).get())->items.push_back(std::move(v));
            break;
          }
          case OP_DICT_UPDATE:
          case OP_DICT_MERGE: {
            ObjRef m = POP();
            auto* d = static_cast<Dict*>(PEEK(arg).get());
            bool merge = op_of(word) == OP_DICT_MERGE;  // a call's **kwargs: callee 2 below
            dict_merge_into(*this, d, m.get(), merge, merge ? PEEK(arg + 2).get() : nullptr);
            break;
          }
          case OP_JUMP:
            pc = arg;
            break;
          case OP_JUMP_BACKWARD:
            pc = arg;
            poll();
            break;
          case OP_POP_JUMP_IF_FALSE: {
            ObjRef v = POP();
            if (v.get() == &false_object || (v.get() != &true_object && !truthy(*this, v.get()))) {
              if (arg < pc) poll();
              pc = arg;
            }
            break;
          }
          case OP_POP_JUMP_IF_TRUE: {
            ObjRef v = POP();
            if (v.get() == &true_object || (v.get() != &false_object && truthy(*this, v.get()))) {
              if (arg < pc) poll();
              pc = arg;
            }
            break;
          }
          case OP_JUMP_IF_FALSE_OR_POP:
            if (!truthy(*this, TOP().get())) pc = arg;
            else (--sp)->reset();
            break;
          case OP_JUMP_IF_TRUE_OR_POP:
            if (truthy(*this, TOP().get())) pc = arg;
            else (--sp)->reset();
            break;
          case OP_GET_ITER: {
            ObjRef v = POP();
            PUSH(get_iter(*this, v.get()));
            break;
          }
          case OP_FOR_ITER: {
            ObjRef v = iter_next(*this, TOP().get());
            if (v) {
              PUSH(std::move(v));
            } else {
              (--sp)->reset();
              pc = arg;
            }
            break;
          }
          case OP_CALL:
          case OP_CALL_KW: {
            Ref<Tuple> kwnames;
            if (op_of(word) == OP_CALL_KW) kwnames = Ref<Tuple>::adopt(static_cast<Tuple*>(POP().release()));
            std::size_t nkw = kwnames ? kwnames->size() : 0;
            ObjRef* base = sp - arg - 2;
            if (!base[0] && base[1]->type() == &bound_method_type) {
              auto* bm = static_cast<BoundMethod*>(base[1].get());
              ObjRef func = bm->func;
              ObjRef self = bm->self;
              base[0] = std::move(func);
              base[1] = std::move(self);
            }
            Object* callable;
            ObjRef* argv;
            std::size_t argc;
            if (base[0]) {
              callable = base[0].get();
              argv = base + 1;
              argc = arg + 1;
            } else {
              callable = base[1].get();
              argv = base + 2;
              argc = arg;
            }
            Args args{argv, argc - nkw, argv + (argc - nkw), kwnames.get()};
            if (callable->type() == &type_type && !base[0] && static_cast<Type*>(callable)->heap) {
              if (Function* init = simple_init(static_cast<Type*>(callable))) {
                // Class(args): the instance takes the class's stack slot as
                // __init__'s self; __init__ runs as a frame of this loop.
                ObjRef inst(new Instance(static_cast<Type*>(callable)));
                base[1] = inst;
                Args iargs{base + 1, argc + 1 - nkw, args.kwvalues, args.kwnames};
                poll();
                enter_call();
                std::unique_ptr<Frame> nf;
                try {
                  nf = make_frame(init, iargs);
                } catch (...) {
                  leave_call();
                  throw;
                }
                nf->init_self = std::move(inst);
                while (sp > base) (--sp)->reset();
                f->sp = sp;
                f->pc = pc;
                nf->back = f;
                f = nf.release();
                frame = f;
                LOAD_FRAME();
                break;
              }
            }
            if (callable->type() == &function_type &&
                !(static_cast<Function*>(callable)->code->flags & kCodeGenerator)) {
              // Python-to-Python call: push a frame and keep going here.
              poll();
              enter_call();
              std::unique_ptr<Frame> nf;
              try {
                nf = make_frame(static_cast<Function*>(callable), args);
              } catch (...) {
                leave_call();
                throw;
              }
              while (sp > base) (--sp)->reset();
              f->sp = sp;
              f->pc = pc;
              nf->back = f;
              f = nf.release();
              frame = f;
              LOAD_FRAME();
              break;
            }
            ObjRef r = call(callable, args);
            while (sp > base) (--sp)->reset();
            PUSH(std::move(r));
            break;
          }
          case OP_RETURN_VALUE: {
            ObjRef r = POP();
            if (f == entry) {
              f->sp = sp;
              f->pc = pc;
              f->yielded = false;
              return r;
            }
            Frame* back = f->back;
            ObjRef init_self = std::move(f->init_self);
            frame = back;
            delete f;  // may run __del__ of its locals
            leave_call();
            f = back;
            LOAD_FRAME();
            if (init_self) {
              if (!is_none(r.get())) raise_init_not_none(r.get());
              r = std::move(init_self);
            }
            PUSH(std::move(r));
            break;
          }
          case OP_YIELD_VALUE: {
            ObjRef r = POP();
            f->sp = sp;
            f->pc = pc;
            f->yielded = true;
            return r;
          }
          case OP_YIELD_FROM: {
            ObjRef sent = POP();
            Object* it = TOP().get();
            ObjRef r;
            if (it->type() == &generator_type) {
              auto* g = static_cast<Generator*>(it);
              r = g->resume(*this, sent.get());
              if (!r) {
                ObjRef value = g->return_value ? g->return_value : ObjRef(none());
                g->return_value.reset();
                (--sp)->reset();
                PUSH(std::move(value));
                break;
              }
            } else {
              if (is_none(sent.get())) {
                r = iter_next(*this, it);
              } else {
                ObjRef send = getattr(*this, it, "send");
                r = call(send.get(), {sent.get()});
              }
              if (!r) {
                (--sp)->reset();
                PUSH(ObjRef(none()));
                break;
              }
            }
            f->sp = sp;
            f->pc = pc - 1;  // resume here with the sent value
            f->yielded = true;
            return r;
          }
          case OP_SETUP_FINALLY:
          case OP_SETUP_WITH:
            if (f->nblocks >= static_cast<int>(f->blocks.size()))
              raise(&t_SystemError, "too many statically nested blocks");
            f->blocks[static_cast<std::size_t>(f->nblocks++)] =
                Block{arg, static_cast<std::uint32_t>(sp - f->stack_base()) - (op_of(word) == OP_SETUP_WITH ? 1u : 0u)};
            break;
          case OP_POP_BLOCK:
            --f->nblocks;
            break;
          case OP_POP_EXCEPT: {
            ObjRef prev = POP();
            handled_exc = is_none(prev.get()) ? ObjRef() : std::move(prev);
            break;
          }
          case OP_RERAISE: {
            ObjRef exc = POP();
            throw PyError{Ref<BaseExc>(static_cast<BaseExc*>(exc.get())), true};
          }
          case OP_WITH_EXIT: {
            ObjRef exit = POP();
            call(exit.get(), {none(), none(), none()});
            break;
          }
          case OP_LOAD_BUILD_CLASS:
            PUSH(ObjRef(builtins->get_str("__build_class__")));
            break;
          case OP_LOAD_ASSERTION_ERROR:
            PUSH(ObjRef(&t_AssertionError));
            break;
          case OP_SETUP_ANNOTATIONS:
            break;
          default:
            raise(&t_SystemError, std::string("unknown opcode ") + opcode_name(op_of(word)));
        }
      }
    } catch (...) {
      PyError err = to_py_error();
      BaseExc* exc = err.exc.get();
      if (!err.reraise) {
        set_context(*this, exc);
        exc->traceback.push_back(TracebackEntry{f->code, f->code->line_for(f->last_pc)});
      }
      // Unwind to the nearest handler, popping frames pushed by this loop.
      for (;;) {
        if (f->nblocks > 0) {
          Block b = f->blocks[static_cast<std::size_t>(--f->nblocks)];
          ObjRef* keep = f->stack_base() + b.level;
          ObjRef* end = f->slots.get() + f->nfast + f->code->stacksize + 2;
          for (ObjRef* p = keep; p < end; ++p) p->reset();
          sp = keep;
          PUSH(err.exc);
          pc = b.handler;
          f->sp = sp;
          break;
        }
        if (f == entry) {
          // No handler here: clear the value stack and let the caller see it.
          ObjRef* end = f->slots.get() + f->nfast + f->code->stacksize + 2;
          for (ObjRef* p = f->stack_base(); p < end; ++p) p->reset();
          f->sp = f->stack_base();
          f->yielded = false;
          err.reraise = false;
          throw err;
        }
        Frame* back = f->back;
        frame = back;
        delete f;
        leave_call();
        f = back;
        LOAD_FRAME();
        exc->traceback.push_back(TracebackEntry{f->code, f->code->line_for(f->last_pc)});
      }
      code = f->code.get();
      ops = code->ops.data();
      fast = f->slots.get();
    }
  }
#undef LOAD_FRAME
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
}

}  // namespace lesson::python
