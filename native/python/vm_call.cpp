// Calls (argument binding with CPython's error messages), imports, class
// creation, interrupts and the session state of a Vm.
#include <algorithm>
#include <cstdio>

#include "python/builtins.hpp"
#include "python/frame.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/runtime_init.hpp"
#include "python/vm.hpp"
#include "python/vm_internal.hpp"

namespace lesson::python {

Vm::Vm() {
  ensure_runtime_initialized();
  builtins = make_dict();
  install_builtins(*this, builtins.get());
  modules = make_dict();
  register_standard_modules(*this);
  reset_namespace();
}

Vm::~Vm() {
  // Break the cycles a session creates (functions <-> globals, classes <->
  // their methods) so everything it allocated is freed.
  if (main_globals) main_globals->clear();
  if (modules) {
    std::size_t pos = 0;
    const Dict::Entry* e;
    std::vector<ObjRef> mods;
    while (modules->next(pos, e)) mods.push_back(e->value);
    modules->clear();
    for (ObjRef& m : mods)
      if (Dict* d = m->instance_dict()) d->clear();
  }
  for (Ref<Type>& t : heap_types)
    if (t->dict) t->dict->clear();
  heap_types.clear();
  bump_type_epoch();
  handled_exc.reset();
}

void Vm::reset_namespace() {
  if (main_globals) main_globals->clear();
  for (Ref<Type>& t : heap_types)
    if (t->dict) t->dict->clear();
  heap_types.clear();
  bump_type_epoch();
  main_globals = make_dict();
  main_globals->set_str("__name__", make_str("__main__").get());
  main_globals->set_str("__doc__", none());
  main_globals->set_str("__package__", none());
  main_globals->set_str("__loader__", none());
  main_globals->set_str("__spec__", none());
  main_globals->set_str("__annotations__", make_dict().get());
  main_globals->set_str("__builtins__", builtins.get());
  handled_exc.reset();
}

void Vm::enter_call() {
  if (++depth > recursion_limit) {
    --depth;
    raise(&t_RecursionError, "maximum recursion depth exceeded");
  }
}

void Vm::start_budget() {
  stop_reason = 0;
  poll_counter = 0;
  if (time_budget_seconds > 0)
    deadline = std::chrono::steady_clock::now() +
               std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                   std::chrono::duration<double>(time_budget_seconds));
}

void Vm::check_interrupts() {
  if (interrupt_hook && interrupt_hook()) interrupt_requested = 1;
  if (interrupt_requested) {
    interrupt_requested = 0;
    stop_reason = 1;
  }
  if (!stop_reason && time_budget_seconds > 0 && std::chrono::steady_clock::now() > deadline) stop_reason = 2;
  if (stop_reason == 1) throw PyError{make_exception(&t_KeyboardInterrupt, Ref<Tuple>(empty_tuple()))};
  if (stop_reason == 2) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "the cell ran longer than its time budget of %g seconds and was stopped",
                  time_budget_seconds);
    throw PyError{make_exception(&t_TimeoutError, buf)};
  }
}

ObjRef Vm::call(Object* callable, const Args& args) {
  Type* t = callable->type();
  if (t->slots.call) return t->slots.call(*this, callable, args);
  raise_type_error("'" + type_name(callable) + "' object is not callable");
}

ObjRef Vm::call(Object* callable, std::initializer_list<Object*> pos) {
  ObjRef buf[8];
  std::vector<ObjRef> big;
  ObjRef* p = buf;
  if (pos.size() > 8) {
    big.assign(pos.begin(), pos.end());
    p = big.data();
  } else {
    std::size_t i = 0;
    for (Object* o : pos) buf[i++] = ObjRef(o);
  }
  return call(callable, Args{p, pos.size(), nullptr, nullptr});
}

ObjRef Vm::call_method(Object* self, std::string_view name, std::initializer_list<Object*> pos) {
  ObjRef m = getattr(*this, self, name);
  return call(m.get(), pos);
}

ObjRef Vm::run_code(Code* code, Dict* globals, Dict* locals) {
  Frame f{Ref<Code>(code), Ref<Dict>(globals), Ref<Dict>(locals)};
  f.builtins = builtins.get();
  ObjRef* fast = f.slots.get();
  for (int i = 0; i < code->ncells(); ++i) fast[code->nlocals() + i] = ObjRef(new Cell());
  CallDepthGuard guard(*this);
  return run_frame(&f);
}

namespace {

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

}  // namespace

namespace {
std::unique_ptr<Frame> make_frame_general(Vm& vm, Function* fn, const Args& args) __attribute__((noinline));
}  // namespace

std::unique_ptr<Frame> Vm::make_frame(Function* fn, const Args& args) {
  // The common call: exactly the positional parameters, nothing else.
  Code* co = fn->code.get();
  if (static_cast<std::size_t>(co->argcount) == args.npos && !args.kwnames && co->kwonlyargcount == 0 &&
      !(co->flags & (kCodeVarargs | kCodeVarkeywords)) && co->cellvars.empty() && co->freevars.empty()) {
    auto f = std::make_unique<Frame>(fn->code, fn->globals, nullptr);
    f->builtins = builtins.get();
    ObjRef* fast = f->slots.get();
    for (std::size_t i = 0; i < args.npos; ++i) fast[i] = args.pos[i];
    return f;
  }
  return make_frame_general(*this, fn, args);
}

namespace {

std::unique_ptr<Frame> make_frame_general(Vm& vm, Function* fn, const Args& args) {
  Code* co = fn->code.get();
  auto f = std::make_unique<Frame>(fn->code, fn->globals, nullptr);
  f->builtins = vm.builtins.get();
  ObjRef* fast = f->slots.get();
  const auto argcount = static_cast<std::size_t>(co->argcount);
  const auto kwonly = static_cast<std::size_t>(co->kwonlyargcount);
  const auto posonly = static_cast<std::size_t>(co->posonlyargcount);
  const std::size_t npos = args.npos;
  // Only error messages need the name: built on demand, not on every call.
  auto fname = [fn] { return fn->qualname + "()"; };

  std::size_t n = std::min(npos, argcount);
  for (std::size_t i = 0; i < n; ++i) fast[i] = args.pos[i];
  std::size_t extra_slot = argcount + kwonly;
  if (co->flags & kCodeVarargs) {
    std::vector<ObjRef> rest;
    for (std::size_t i = argcount; i < npos; ++i) rest.push_back(args.pos[i]);
    fast[extra_slot++] = make_tuple(std::move(rest));
  }
  // As CPython: keyword problems are reported before too many positionals.
  auto too_many_positional = [&] {
    std::size_t ndef = fn->defaults ? fn->defaults->size() : 0;
    std::size_t kwgiven = 0;
    for (std::size_t k = 0; k < args.nkw(); ++k) {
      const std::string& kw = str_value((*args.kwnames)[k]);
      for (std::size_t j = argcount; j < argcount + kwonly; ++j)
        if (co->varnames[j]->value == kw) ++kwgiven;
    }
    std::string takes = ndef ? "from " + std::to_string(argcount - ndef) + " to " + std::to_string(argcount) +
                                   " positional arguments"
                             : plural(argcount, "positional argument");
    std::string given = kwgiven ? plural(npos, "positional argument") + " (and " +
                                      plural(kwgiven, "keyword-only argument") + ")"
                                : std::to_string(npos);
    raise_type_error(fname() + " takes " + takes + " but " + given + (npos == 1 && !kwgiven ? " was" : " were") +
                     " given");
  };
  Dict* kwdict = nullptr;
  if (co->flags & kCodeVarkeywords) {
    Ref<Dict> d = make_dict();
    kwdict = d.get();
    fast[extra_slot] = std::move(d);
  }
  std::vector<std::string> posonly_as_kw;
  for (std::size_t k = 0; k < args.nkw(); ++k) {
    auto* kwname = static_cast<Str*>((*args.kwnames)[k]);
    std::size_t j = posonly;
    for (; j < argcount + kwonly; ++j)
      if (co->varnames[j] == kwname || co->varnames[j]->value == kwname->value) break;
    if (j == argcount + kwonly) {
      if (kwdict) {
        kwdict->set_str(kwname, args.kwvalues[k].get());
        continue;
      }
      bool is_posonly = false;
      for (std::size_t q = 0; q < posonly; ++q)
        if (co->varnames[q]->value == kwname->value) is_posonly = true;
      if (is_posonly) {
        posonly_as_kw.push_back(kwname->value);
        continue;
      }
      raise_type_error(fname() + " got an unexpected keyword argument '" + kwname->value + "'");
    }
    if (fast[j]) raise_type_error(fname() + " got multiple values for argument '" + kwname->value + "'");
    fast[j] = args.kwvalues[k];
  }
  if (npos > argcount && !(co->flags & kCodeVarargs)) too_many_positional();
  if (!posonly_as_kw.empty()) {
    std::string names;
    for (std::size_t i = 0; i < posonly_as_kw.size(); ++i) names += (i ? ", '" : "'") + posonly_as_kw[i] + "'";
    raise_type_error(fname() + " got some positional-only arguments passed as keyword arguments: " + names);
  }
  std::size_t ndef = fn->defaults ? fn->defaults->size() : 0;
  std::size_t first_default = argcount - ndef;
  std::vector<std::string> missing;
  for (std::size_t i = npos; i < argcount; ++i) {
    if (fast[i]) continue;
    if (i >= first_default) fast[i] = fn->defaults->items[i - first_default];
    else missing.push_back(co->varnames[i]->value);
  }
  if (!missing.empty())
    raise_type_error(fname() + " missing " + plural(missing.size(), "required positional argument") + ": " +
                     quoted_list(missing));
  for (std::size_t i = argcount; i < argcount + kwonly; ++i) {
    if (fast[i]) continue;
    Object* d = fn->kwdefaults ? fn->kwdefaults->get_str(co->varnames[i]) : nullptr;
    if (d) fast[i] = ObjRef(d);
    else missing.push_back(co->varnames[i]->value);
  }
  if (!missing.empty())
    raise_type_error(fname() + " missing " + plural(missing.size(), "required keyword-only argument") + ": " +
                     quoted_list(missing));
  const int nl = co->nlocals();
  for (int c = 0; c < co->ncells(); ++c) {
    int from = co->cell_from_param[static_cast<std::size_t>(c)];
    if (from >= 0) {
      fast[nl + c] = ObjRef(new Cell(std::move(fast[from])));
    } else {
      fast[nl + c] = ObjRef(new Cell());
    }
  }
  for (int i = 0; i < co->nfrees(); ++i) fast[nl + co->ncells() + i] = fn->closure->items[static_cast<std::size_t>(i)];
  return f;
}

}  // namespace

// ---- imports

ObjRef Vm::import_module(const std::string& dotted) {
  if (Object* m = modules->get_str(dotted)) return ObjRef(m);
  auto it = native_modules.find(dotted);
  if (it == native_modules.end()) {
    Ref<BaseExc> e = make_exception(&t_ModuleNotFoundError, "No module named '" + dotted + "'");
    e->dict->set_str("name", make_str(dotted).get());
    throw PyError{e};
  }
  ObjRef parent;
  std::size_t dot = dotted.rfind('.');
  if (dot != std::string::npos) parent = import_module(dotted.substr(0, dot));
  Ref<Module> m = make_module(dotted);
  modules->set_str(dotted, m.get());
  try {
    it->second(*this, *m);
  } catch (...) {
    modules->remove_str(intern(dotted));
    throw;
  }
  if (parent)
    if (Dict* pd = parent->instance_dict()) pd->set_str(dotted.substr(dot + 1), m.get());
  return m;
}

ObjRef import_from(Vm& vm, Object* module, Str* name) {
  if (ObjRef v = getattr_opt(vm, module, name)) return v;
  if (module->type() == &module_type) {
    std::string full = static_cast<Module*>(module)->name + "." + name->value;
    if (vm.native_modules.count(full)) return vm.import_module(full);
    raise(&t_ImportError, "cannot import name '" + name->value + "' from '" + static_cast<Module*>(module)->name +
                              "' (unknown location)");
  }
  raise(&t_ImportError, "cannot import name '" + name->value + "'");
}

void import_star(Vm& vm, Object* module, Dict* into) {
  Dict* d = module->instance_dict();
  if (!d) return;
  if (Object* all = d->get_str("__all__")) {
    for (const ObjRef& n : to_vector(vm, all)) {
      ObjRef v = getattr(vm, module, intern(str_value(n.get())));
      into->set_str(intern(str_value(n.get())), v.get());
    }
    return;
  }
  std::size_t pos = 0;
  const Dict::Entry* e;
  std::vector<std::pair<ObjRef, ObjRef>> items;
  while (d->next(pos, e))
    if (is_str(e->key.get()) && !str_value(e->key.get()).empty() && str_value(e->key.get())[0] != '_')
      items.emplace_back(e->key, e->value);
  for (auto& kv : items) into->set_str(intern(str_value(kv.first.get())), kv.second.get());
}

// ---- helpers for the evaluator

std::string suggest_name(Vm& vm, Frame* f, const std::string& name) {
  std::vector<std::string> names;
  for (Str* s : f->code->varnames) names.push_back(s->value);
  std::string s = closest_name(name, names);
  if (!s.empty()) return s;
  auto dict_names = [](Dict* d) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    const Dict::Entry* e;
    while (d->next(pos, e))
      if (is_str(e->key.get())) out.push_back(str_value(e->key.get()));
    return out;
  };
  s = closest_name(name, dict_names(f->globals.get()));
  if (!s.empty()) return s;
  return closest_name(name, dict_names(vm.builtins.get()));
}

void dict_merge_into(Vm& vm, Dict* d, Object* m, bool check_dups, Object* callee) {
  std::vector<std::pair<ObjRef, ObjRef>> items;
  if (is_dict(m)) {
    auto* src = static_cast<Dict*>(m);
    std::size_t pos = 0;
    const Dict::Entry* e;
    while (src->next(pos, e)) items.emplace_back(e->key, e->value);
  } else if (ObjRef keys = getattr_opt(vm, m, intern("keys"))) {
    ObjRef ks = vm.call(keys.get(), {});
    for (const ObjRef& k : to_vector(vm, ks.get())) items.emplace_back(k, getitem(vm, m, k.get()));
  } else {
    if (check_dups) {
      std::string who = callee ? (callee->type() == &function_type ? static_cast<Function*>(callee)->qualname
                                                                   : type_name(callee))
                               : std::string("function");
      raise_type_error(who + "() argument after ** must be a mapping, not " + type_name(m));
    }
    raise_type_error("'" + type_name(m) + "' object is not a mapping");
  }
  for (auto& kv : items) {
    if (check_dups) {
      if (!is_str(kv.first.get())) raise_type_error("keywords must be strings");
      if (d->get(vm, kv.first.get())) {
        std::string who = callee && callee->type() == &function_type ? static_cast<Function*>(callee)->qualname
                                                                       : (callee ? type_name(callee) : "function");
        raise_type_error(who + "() got multiple values for keyword argument '" + str_value(kv.first.get()) + "'");
      }
    }
    d->set(vm, kv.first.get(), kv.second.get());
  }
}

std::string ascii_of(const std::string& text) {
  std::string out;
  for (char32_t c : utf8_decode(text)) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[16];
      if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
      out += buf;
    }
  }
  return out;
}

// __build_class__(body, name, *bases): runs the class body in a fresh
// namespace and makes the class.
ObjRef build_class(Vm& vm, const Args& args) {
  if (args.npos < 2) raise_type_error("__build_class__: not enough arguments");
  auto* body = static_cast<Function*>(args[0]);
  if (!is_str(args[1])) raise_type_error("__build_class__: name is not a string");
  std::string name = str_value(args[1]);
  if (args.nkw())
    raise(&t_NotImplementedError, "class keyword arguments (such as metaclass=) are not supported (class " + name + ")");
  if (args.npos > 3)
    raise(&t_NotImplementedError, "multiple inheritance is not supported (class " + name + " has " +
                                      std::to_string(args.npos - 2) + " bases)");
  Type* base = &object_type;
  if (args.npos == 3) {
    if (args[2]->type() != &type_type) raise_type_error("bases must be types");
    base = static_cast<Type*>(args[2]);
  }
  Ref<Dict> ns = make_dict();
  if (Object* modname = body->globals->get_str("__name__")) ns->set_str("__module__", modname);
  ns->set_str("__qualname__", make_str(body->code->qualname).get());
  Code* co = body->code.get();
  Frame f(body->code, body->globals, ns);
  f.builtins = vm.builtins.get();
  ObjRef* fast = f.slots.get();
  for (int c = 0; c < co->ncells(); ++c) fast[co->nlocals() + c] = ObjRef(new Cell());
  for (int i = 0; i < co->nfrees(); ++i)
    fast[co->nlocals() + co->ncells() + i] = body->closure->items[static_cast<std::size_t>(i)];
  ObjRef cell;
  {
    CallDepthGuard guard(vm);
    cell = vm.run_frame(&f);
  }
  Ref<Type> cls = make_class(vm, name, base, ns.get());
  if (cell && cell->type() == &cell_type) static_cast<Cell*>(cell.get())->value = cls;
  return cls;
}

}  // namespace lesson::python
