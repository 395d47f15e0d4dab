#include "python/obj_exception.hpp"

#include <algorithm>
#include <climits>
#include <set>

#include "python/builtins.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type t_BaseException("BaseException", &object_type);
#define LESSON_PY_EXC_DEF(name, base) Type t_##name(#name, &t_##base);
#define LESSON_PY_EXC_SKIP_BASE(name, base)
// BaseException is defined above; the rest derive from an earlier entry.
Type t_SystemExit("SystemExit", &t_BaseException);
Type t_KeyboardInterrupt("KeyboardInterrupt", &t_BaseException);
Type t_GeneratorExit("GeneratorExit", &t_BaseException);
Type t_Exception("Exception", &t_BaseException);
Type t_StopIteration("StopIteration", &t_Exception);
Type t_ArithmeticError("ArithmeticError", &t_Exception);
Type t_FloatingPointError("FloatingPointError", &t_ArithmeticError);
Type t_OverflowError("OverflowError", &t_ArithmeticError);
Type t_ZeroDivisionError("ZeroDivisionError", &t_ArithmeticError);
Type t_AssertionError("AssertionError", &t_Exception);
Type t_AttributeError("AttributeError", &t_Exception);
Type t_BufferError("BufferError", &t_Exception);
Type t_EOFError("EOFError", &t_Exception);
Type t_ImportError("ImportError", &t_Exception);
Type t_ModuleNotFoundError("ModuleNotFoundError", &t_ImportError);
Type t_LookupError("LookupError", &t_Exception);
Type t_IndexError("IndexError", &t_LookupError);
Type t_KeyError("KeyError", &t_LookupError);
Type t_MemoryError("MemoryError", &t_Exception);
Type t_NameError("NameError", &t_Exception);
Type t_UnboundLocalError("UnboundLocalError", &t_NameError);
Type t_OSError("OSError", &t_Exception);
Type t_FileNotFoundError("FileNotFoundError", &t_OSError);
Type t_PermissionError("PermissionError", &t_OSError);
Type t_TimeoutError("TimeoutError", &t_OSError);
Type t_ReferenceError("ReferenceError", &t_Exception);
Type t_RuntimeError("RuntimeError", &t_Exception);
Type t_NotImplementedError("NotImplementedError", &t_RuntimeError);
Type t_RecursionError("RecursionError", &t_RuntimeError);
Type t_SyntaxError("SyntaxError", &t_Exception);
Type t_IndentationError("IndentationError", &t_SyntaxError);
Type t_TabError("TabError", &t_IndentationError);
Type t_SystemError("SystemError", &t_Exception);
Type t_TypeError("TypeError", &t_Exception);
Type t_ValueError("ValueError", &t_Exception);
Type t_UnicodeError("UnicodeError", &t_ValueError);
Type t_Warning("Warning", &t_Exception);
Type t_UserWarning("UserWarning", &t_Warning);
Type t_DeprecationWarning("DeprecationWarning", &t_Warning);
Type t_RuntimeWarning("RuntimeWarning", &t_Warning);
Type t_FutureWarning("FutureWarning", &t_Warning);
Type t_PendingDeprecationWarning("PendingDeprecationWarning", &t_Warning);
Type t_SyntaxWarning("SyntaxWarning", &t_Warning);
Type t_ImportWarning("ImportWarning", &t_Warning);
Type t_UnicodeWarning("UnicodeWarning", &t_Warning);
Type t_BytesWarning("BytesWarning", &t_Warning);
Type t_ResourceWarning("ResourceWarning", &t_Warning);
#undef LESSON_PY_EXC_DEF
#undef LESSON_PY_EXC_SKIP_BASE

BaseExc::BaseExc(Type* t) : Object(t), args(empty_tuple()), dict(new Dict()) { incref(dict); }
BaseExc::~BaseExc() { decref(dict); }

bool is_exception_type(const Object* o) {
  return o->type() == &type_type && static_cast<const Type*>(o)->is_subtype_of(&t_BaseException);
}

Ref<BaseExc> make_exception(Type* t, Ref<Tuple> args) {
  Ref<BaseExc> e(new BaseExc(t));
  e->args = std::move(args);
  if (t->is_subtype_of(&t_StopIteration) && e->args->size()) e->value = e->args->items[0];
  return e;
}

Ref<BaseExc> make_exception(Type* t, std::string message) {
  return make_exception(t, make_tuple({make_str(std::move(message)).get()}));
}

void raise(Type* t, std::string message) { throw PyError{make_exception(t, std::move(message))}; }
void raise(Ref<BaseExc> exc) { throw PyError{std::move(exc)}; }
void raise_type_error(std::string message) { raise(&t_TypeError, std::move(message)); }
void raise_value_error(std::string message) { raise(&t_ValueError, std::move(message)); }
void raise_index_error(std::string message) { raise(&t_IndexError, std::move(message)); }
void raise_zero_division(std::string message) { raise(&t_ZeroDivisionError, std::move(message)); }

void raise_key_error(Object* key) { throw PyError{make_exception(&t_KeyError, make_tuple({key}))}; }

void raise_stop_iteration(ObjRef value) {
  Ref<BaseExc> e = value ? make_exception(&t_StopIteration, make_tuple({value.get()}))
                         : make_exception(&t_StopIteration, Ref<Tuple>(empty_tuple()));
  throw PyError{e};
}

void raise_attribute_error(Object* obj, const Str* name) {
  std::string msg;
  if (obj->type() == &type_type) {
    msg = "type object '" + static_cast<Type*>(obj)->name + "' has no attribute '" + name->value + "'";
  } else if (obj->type() == &module_type) {
    msg = "module '" + static_cast<Module*>(obj)->name + "' has no attribute '" + name->value + "'";
  } else {
    msg = "'" + type_name(obj) + "' object has no attribute '" + name->value + "'";
  }
  Ref<BaseExc> e = make_exception(&t_AttributeError, msg);
  e->name = ObjRef(const_cast<Str*>(name));
  e->obj = ObjRef(obj);
  throw PyError{e};
}

namespace {

// A 1-based byte column of `text` as a 1-based character column.
int char_offset(const std::string& text, int byte_offset) {
  if (byte_offset <= 0) return byte_offset;
  int chars = 0;
  for (std::size_t i = 0; i < text.size() && i + 1 < static_cast<std::size_t>(byte_offset); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  const auto bytes = static_cast<std::size_t>(byte_offset - 1);
  return chars + 1 + static_cast<int>(bytes > text.size() ? bytes - text.size() : 0);
}

}  // namespace

Ref<BaseExc> make_syntax_error(Type* t, const std::string& msg, const std::string& filename, int lineno, int offset,
                               const std::string& text, int end_offset) {
  offset = char_offset(text, offset);
  end_offset = end_offset > 0 ? char_offset(text, end_offset) : offset;
  Ref<Tuple> details = make_tuple({make_str(filename).get(), make_int(lineno).get(), make_int(offset).get(),
                                   text.empty() ? none() : static_cast<Object*>(make_str(text).get())});
  Ref<BaseExc> e = make_exception(t, make_tuple({make_str(msg).get(), details.get()}));
  e->dict->set_str("msg", make_str(msg).get());
  e->dict->set_str("filename", make_str(filename).get());
  e->dict->set_str("lineno", make_int(lineno).get());
  e->dict->set_str("offset", make_int(offset).get());
  e->dict->set_str("end_offset", make_int(end_offset).get());
  e->dict->set_str("text", text.empty() ? none() : static_cast<Object*>(make_str(text).get()));
  return e;
}

// ---- "Did you mean" (CPython's Python/suggestions.c metric)

namespace {

constexpr std::size_t kMaxCandidates = 750;
constexpr std::size_t kMaxStringSize = 40;
constexpr std::size_t kMoveCost = 2;
constexpr std::size_t kCaseCost = 1;

std::size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
  if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

std::size_t levenshtein(std::string_view a, std::string_view b, std::size_t max_cost) {
  if (a == b && a.data() == b.data()) return 0;
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  std::vector<std::size_t> buffer(a.size());
  std::size_t tmp = kMoveCost;
  for (std::size_t i = 0; i < a.size(); ++i) {
    buffer[i] = tmp;
    tmp += kMoveCost;
  }
  std::size_t result = 0;
  for (std::size_t bi = 0; bi < b.size(); ++bi) {
    char code = b[bi];
    std::size_t distance = result = bi * kMoveCost;
    std::size_t minimum = SIZE_MAX;
    for (std::size_t ai = 0; ai < a.size(); ++ai) {
      std::size_t substitute = distance + substitution_cost(code, a[ai]);
      distance = buffer[ai];
      std::size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[ai] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

}  // namespace

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
  if (candidates.size() >= kMaxCandidates) return "";
  std::size_t best = SIZE_MAX;
  std::string suggestion;
  bool found = false;
  for (const std::string& item : candidates) {
    if (item == name) continue;
    std::size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
    if (best != SIZE_MAX) max_distance = std::min(max_distance, best - 1);
    std::size_t d = levenshtein(name, item, max_distance);
    if (d > max_distance) continue;
    if (!found || d < best) {
      suggestion = item;
      best = d;
      found = true;
    }
  }
  return suggestion;
}

// ---- str / repr / summary

std::string exception_str(Vm& vm, BaseExc* e) {
  ObjRef s = str(vm, e);
  return str_value(s.get());
}

namespace {

ObjRef base_exc_str(Vm& vm, Object* self) {
  auto* e = static_cast<BaseExc*>(self);
  const Tuple* a = e->args.get();
  if (self->type()->is_subtype_of(&t_SyntaxError)) {
    Object* msg = e->dict->get_str("msg");
    Object* lineno = e->dict->get_str("lineno");
    Object* filename = e->dict->get_str("filename");
    if (msg && lineno && filename && is_str(filename) && is_int(lineno)) {
      std::string fname = str_value(filename);
      return make_str(str_string(vm, msg) + " (" + fname + ", line " + std::to_string(int_value(lineno)) + ")");
    }
    if (msg) return str(vm, msg);
  }
  if (self->type()->is_subtype_of(&t_KeyError) && a->size() == 1) return repr(vm, (*a)[0]);
  if (a->size() == 0) return make_str("");
  if (a->size() == 1) return str(vm, (*a)[0]);
  return repr(vm, e->args.get());
}

ObjRef base_exc_repr(Vm& vm, Object* self) {
  auto* e = static_cast<BaseExc*>(self);
  const std::string& n = self->type()->name;
  if (e->args->size() == 1) return make_str(n + "(" + repr_string(vm, (*e->args)[0]) + ")");
  if (e->args->size() == 0) return make_str(n + "()");
  return make_str(n + repr_string(vm, e->args.get()));
}

ObjRef base_exc_construct(Vm&, Type* cls, const Args& args) {
  std::vector<ObjRef> items(args.pos, args.pos + args.npos);
  Ref<BaseExc> e = make_exception(cls, make_tuple(std::move(items)));
  return e;
}

ObjRef base_exc_getattr(Vm& vm, Object* self, Str* name) {
  auto* e = static_cast<BaseExc*>(self);
  const std::string& n = name->value;
  if (n == "args") return e->args;
  if (n == "__cause__") return e->cause ? e->cause : ObjRef(none());
  if (n == "__context__") return e->context ? e->context : ObjRef(none());
  if (n == "__suppress_context__") return ObjRef(make_bool(e->suppress_context));
  if (n == "__traceback__") return ObjRef(none());
  if (n == "value" && self->type()->is_subtype_of(&t_StopIteration)) return e->value ? e->value : ObjRef(none());
  if (n == "name" && (self->type()->is_subtype_of(&t_NameError) || self->type()->is_subtype_of(&t_AttributeError)))
    return e->name ? e->name : ObjRef(none());
  if (n == "obj" && self->type()->is_subtype_of(&t_AttributeError)) return e->obj ? e->obj : ObjRef(none());
  if (n == "code" && self->type()->is_subtype_of(&t_SystemExit)) {
    if (Object* v = e->dict->get_str(name)) return ObjRef(v);
    return e->args->size() == 1 ? e->args->items[0] : e->args->size() == 0 ? ObjRef(none()) : ObjRef(e->args);
  }
  return generic_getattr(vm, self, name);
}

void base_exc_setattr(Vm& vm, Object* self, Str* name, Object* value) {
  auto* e = static_cast<BaseExc*>(self);
  const std::string& n = name->value;
  if (n == "args") {
    if (!value) raise_type_error("args may not be deleted");
    e->args = make_tuple(to_vector(vm, value));
    return;
  }
  if (n == "__cause__") {
    e->cause = value && !is_none(value) ? ObjRef(value) : ObjRef();
    e->suppress_context = true;
    return;
  }
  if (n == "__context__") {
    e->context = value && !is_none(value) ? ObjRef(value) : ObjRef();
    return;
  }
  if (n == "__suppress_context__") {
    e->suppress_context = value && truthy(vm, value);
    return;
  }
  if (n == "__traceback__") return;
  generic_setattr(vm, self, name, value);
}

}  // namespace

std::string exception_summary(Vm& vm, BaseExc* e) {
  Type* t = e->type();
  std::string type_label = t->name;
  if (t->module != "builtins" && t->module != "__main__") type_label = t->module + "." + t->name;
  std::string s;
  try {
    s = exception_str(vm, e);
  } catch (PyError&) {
    s = "<exception str() failed>";
  }
  if (t->is_subtype_of(&t_NameError) && !e->suggestion.empty()) s += ". Did you mean: '" + e->suggestion + "'?";
  if (t->is_subtype_of(&t_AttributeError) && e->name && e->obj && is_str(e->name.get())) {
    try {
      std::string sug = closest_name(str_value(e->name.get()), dir_names(vm, e->obj.get()));
      if (!sug.empty()) s += ". Did you mean: '" + sug + "'?";
    } catch (PyError&) {
    }
  }
  if (s.empty()) return type_label;
  return type_label + ": " + s;
}

namespace {

std::string strip(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\f\r\n");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t\f\r\n");
  return s.substr(b, e - b + 1);
}

std::set<std::string>& library_sources() {
  static std::set<std::string> names;
  return names;
}

std::string format_traceback_entries(const BaseExc* e) {
  std::string out;
  // Library frames are hidden unless nothing else is left to show.
  bool any_user_frame = false;
  for (const TracebackEntry& t : e->traceback) any_user_frame |= !is_library_source(t.code->filename());
  std::string last_file, last_name;
  int last_line = -1;
  int repeat = 0;
  auto flush_repeat = [&]() {
    if (repeat > 3) {
      int count = repeat - 3;
      out += "  [Previous line repeated " + std::to_string(count) + " more time" + (count > 1 ? "s" : "") + "]\n";
    }
  };
  for (auto it = e->traceback.rbegin(); it != e->traceback.rend(); ++it) {
    const Code* code = it->code.get();
    const std::string& file = code->filename();
    const std::string& name = code->name;
    if (any_user_frame && is_library_source(file)) continue;
    if (file == last_file && name == last_name && it->line == last_line) {
      ++repeat;
      if (repeat > 3) continue;
    } else {
      flush_repeat();
      repeat = 1;
      last_file = file;
      last_name = name;
      last_line = it->line;
    }
    out += "  File \"" + file + "\", line " + std::to_string(it->line) + ", in " + name + "\n";
    if (code->source) {
      std::string src = strip(code->source->line(it->line));
      if (!src.empty()) out += "    " + src + "\n";
    }
  }
  flush_repeat();
  return out;
}

}  // namespace

void mark_library_source(const std::string& filename) { library_sources().insert(filename); }
bool is_library_source(const std::string& filename) { return library_sources().count(filename) != 0; }

namespace {

// The source line of a SyntaxError and, under it, carets from offset to
// end_offset (character columns), as CPython 3.11's print_error_text: leading
// blanks stripped, the offset clipped to the line, no carets left of it.
std::string syntax_error_text(std::string t, Object* offset_obj, Object* end_obj) {
  while (!t.empty() && (t.back() == '\n' || t.back() == '\r')) t.pop_back();
  std::size_t b = 0;
  while (b < t.size() && (t[b] == ' ' || t[b] == '\t' || t[b] == '\f')) ++b;
  const std::string line = t.substr(b);
  std::string out = "    " + line + "\n";
  if (line.empty() || !offset_obj || !is_int(offset_obj)) return out;
  std::int64_t chars = 0;
  for (unsigned char c : line) chars += (c & 0xC0) != 0x80;
  std::int64_t offset = int_value(offset_obj) - 1 - static_cast<std::int64_t>(b);
  std::int64_t end = end_obj && is_int(end_obj) ? int_value(end_obj) - 1 - static_cast<std::int64_t>(b) : offset;
  if (offset > chars) offset = chars;
  if (offset < 0) return out;
  const std::int64_t carets = end > offset ? std::min(end, chars + 1) - offset : 1;
  return out + "    " + std::string(static_cast<std::size_t>(offset), ' ') +
         std::string(static_cast<std::size_t>(std::max<std::int64_t>(carets, 1)), '^') + "\n";
}

std::string format_single(Vm& vm, BaseExc* e) {
  std::string out;
  if (!e->traceback.empty()) {
    out += "Traceback (most recent call last):\n";
    out += format_traceback_entries(e);
  }
  if (e->type()->is_subtype_of(&t_SyntaxError)) {
    Object* filename = e->dict->get_str("filename");
    Object* lineno = e->dict->get_str("lineno");
    Object* text = e->dict->get_str("text");
    Object* msg = e->dict->get_str("msg");
    if (filename && lineno && is_int(lineno)) {
      out += "  File \"" + (is_str(filename) ? str_value(filename) : std::string("<string>")) + "\", line " +
             std::to_string(int_value(lineno)) + "\n";
      if (text && is_str(text)) out += syntax_error_text(str_value(text), e->dict->get_str("offset"),
                                                         e->dict->get_str("end_offset"));
      std::string label = e->type()->name;
      std::string m = msg ? str_string(vm, msg) : std::string();
      out += m.empty() ? label + "\n" : label + ": " + m + "\n";
      return out;
    }
  }
  out += exception_summary(vm, e) + "\n";
  return out;
}

void format_chain(Vm& vm, BaseExc* e, std::string& out, std::set<const Object*>& seen) {
  seen.insert(e);
  if (e->cause && is_exception(e->cause.get()) && !seen.count(e->cause.get())) {
    format_chain(vm, static_cast<BaseExc*>(e->cause.get()), out, seen);
    out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (e->context && !e->suppress_context && is_exception(e->context.get()) && !seen.count(e->context.get())) {
    format_chain(vm, static_cast<BaseExc*>(e->context.get()), out, seen);
    out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  out += format_single(vm, e);
}

}  // namespace

std::string format_exception(Vm& vm, BaseExc* e) {
  std::string out;
  std::set<const Object*> seen;
  format_chain(vm, e, out, seen);
  return out;
}

void init_exception_types() {
  Type* all[] = {
#define LESSON_PY_EXC_PTR(name, base) &t_##name,
      LESSON_PY_EXCEPTIONS(LESSON_PY_EXC_PTR)
#undef LESSON_PY_EXC_PTR
  };
  for (Type* t : all) type_dict(t);
  TypeSlots& s = t_BaseException.slots;
  s.construct = base_exc_construct;
  s.repr = base_exc_repr;
  s.str = base_exc_str;
  s.getattr = base_exc_getattr;
  s.setattr = base_exc_setattr;
  for (Type* t : all) t->slots = s;
  add_method(&t_BaseException, "__init__", [](Vm&, const Args& a) -> ObjRef {
    if (a.npos == 0 || !is_exception(a[0])) raise_type_error("descriptor '__init__' requires a 'BaseException' object");
    auto* e = static_cast<BaseExc*>(a[0]);
    e->args = make_tuple(std::vector<ObjRef>(a.pos + 1, a.pos + a.npos));
    if (e->type()->is_subtype_of(&t_StopIteration)) e->value = e->args->size() ? e->args->items[0] : ObjRef();
    return ObjRef(none());
  });
  add_method(&t_BaseException, "__str__", [](Vm& vm, const Args& a) -> ObjRef { return base_exc_str(vm, a[0]); });
  add_method(&t_BaseException, "__repr__", [](Vm& vm, const Args& a) -> ObjRef { return base_exc_repr(vm, a[0]); });
  add_method(&t_BaseException, "with_traceback", [](Vm&, const Args& a) -> ObjRef { return ObjRef(a[0]); });
}

}  // namespace lesson::python
