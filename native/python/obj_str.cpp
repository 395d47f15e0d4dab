// str: construction, repr, operators, indexing. The methods are in
// str_methods.cpp.
#include "python/obj_str.hpp"

#include <cstring>
#include <cstdio>
#include <unordered_map>

#include "python/format.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_int.hpp"
#include "python/obj_iter.hpp"
#include "python/obj_list.hpp"
#include "python/obj_range.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

Type str_type("str", &object_type);

// ---- UTF-8

std::int64_t utf8_length(std::string_view s) {
  std::int64_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xc0) != 0x80) ++n;
  return n;
}

void utf8_append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
  }
}

std::u32string utf8_decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    std::size_t n;
    if (c < 0x80) {
      cp = c;
      n = 1;
    } else if ((c >> 5) == 6) {
      cp = c & 0x1f;
      n = 2;
    } else if ((c >> 4) == 14) {
      cp = c & 0x0f;
      n = 3;
    } else {
      cp = c & 0x07;
      n = 4;
    }
    for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string utf8_encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) utf8_append(out, c);
  return out;
}

// ---- Str

Str::Str(std::string s) : Object(&str_type), value(std::move(s)) {
  ascii_ = true;
  for (unsigned char c : value)
    if (c >= 0x80) {
      ascii_ = false;
      break;
    }
  length_ = ascii_ ? static_cast<std::int64_t>(value.size()) : utf8_length(value);
}

std::int64_t Str::compute_hash() const {
  // FNV-1a; CPython randomises str hashes, so no program can depend on them.
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : value) {
    h ^= c;
    h *= 1099511628211ull;
  }
  auto r = static_cast<std::int64_t>(h >> 1);
  return r == -1 ? -2 : r;
}

void Str::append_in_place(const Str& other) {
  value += other.value;
  length_ += other.length_;
  ascii_ = ascii_ && other.ascii_;
  hash_ = -1;
}

std::size_t Str::byte_offset(std::int64_t i) const {
  if (ascii_) return static_cast<std::size_t>(i);
  std::size_t pos = 0;
  std::int64_t k = 0;
  while (pos < value.size() && k < i) {
    ++pos;
    while (pos < value.size() && (static_cast<unsigned char>(value[pos]) & 0xc0) == 0x80) ++pos;
    ++k;
  }
  return pos;
}

std::string Str::char_at(std::int64_t i) const {
  if (ascii_) return std::string(1, value[static_cast<std::size_t>(i)]);
  std::size_t b = byte_offset(i);
  std::size_t e = b + 1;
  while (e < value.size() && (static_cast<unsigned char>(value[e]) & 0xc0) == 0x80) ++e;
  return value.substr(b, e - b);
}

namespace {
Str* one_char_strings[128];
}

Ref<Str> make_str(std::string s) {
  if (s.size() == 1 && static_cast<unsigned char>(s[0]) < 128 && one_char_strings[static_cast<unsigned char>(s[0])])
    return Ref<Str>(one_char_strings[static_cast<unsigned char>(s[0])]);
  return Ref<Str>(new Str(std::move(s)));
}
Ref<Str> make_str(std::string_view s) { return make_str(std::string(s)); }
Ref<Str> make_str(const char* s) { return make_str(std::string(s)); }

Str* intern(std::string_view s) {
  static std::unordered_map<std::string, Str*>* table = new std::unordered_map<std::string, Str*>();
  auto it = table->find(std::string(s));
  if (it != table->end()) return it->second;
  Str* str = new Str(std::string(s));
  str->refcount = kImmortal;
  table->emplace(std::string(s), str);
  return str;
}

std::string str_repr(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out;
  out.push_back(quote);
  std::u32string cps = utf8_decode(s);
  for (char32_t c : cps) {
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0xa0) || c == 0xad) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += buf;
    } else if ((c >= 0xd800 && c <= 0xdfff) || c == 0x2028 || c == 0x2029 || (c >= 0x200b && c <= 0x200f) ||
               c == 0xfeff) {
      char buf[12];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      utf8_append(out, c);
    }
  }
  out.push_back(quote);
  return out;
}

namespace {

ObjRef str_getitem(Vm& vm, Object* self, Object* key) {
  auto* s = static_cast<Str*>(self);
  if (key->type() == &slice_type) {
    std::int64_t start, stop, step, count;
    static_cast<Slice*>(key)->indices(vm, s->length(), start, stop, step, count);
    if (step == 1) {
      std::size_t b = s->byte_offset(start);
      std::size_t e = s->byte_offset(stop < start ? start : stop);
      return make_str(s->value.substr(b, e - b));
    }
    if (s->ascii()) {
      std::string out;
      for (std::int64_t k = 0, i = start; k < count; ++k, i += step) out.push_back(s->value[static_cast<std::size_t>(i)]);
      return make_str(std::move(out));
    }
    std::u32string cps = utf8_decode(s->value), out;
    for (std::int64_t k = 0, i = start; k < count; ++k, i += step) out.push_back(cps[static_cast<std::size_t>(i)]);
    return make_str(utf8_encode(out));
  }
  if (!has_index(key)) raise_type_error("string indices must be integers, not '" + type_name(key) + "'");
  std::int64_t i = normalize_index(index_value(vm, key), s->length(), "string index out of range");
  return make_str(s->char_at(i));
}

ObjRef str_binary(Vm& vm, Object* self, Object* other, BinOp op) {
  const std::string& a = str_value(self);
  if (op == BinOp::Add) {
    if (!is_str(other)) return nullptr;
    std::string r;
    r.reserve(a.size() + str_value(other).size());
    r += a;
    r += str_value(other);
    return make_str(std::move(r));
  }
  if (op == BinOp::Mul) {
    if (!has_index(other)) return nullptr;
    std::int64_t n = index_value(vm, other);
    std::string r;
    if (n > 0) {
      if (a.size() * static_cast<std::uint64_t>(n) > (std::uint64_t{1} << 31)) raise(&t_MemoryError, "");
      r.reserve(a.size() * static_cast<std::size_t>(n));
      for (std::int64_t k = 0; k < n; ++k) r += a;
    }
    return make_str(std::move(r));
  }
  if (op == BinOp::Mod) return make_str(percent_format(vm, a, other));
  return nullptr;
}

ObjRef str_rbinary(Vm& vm, Object* self, Object* other, BinOp op) {
  if (op == BinOp::Mul && has_index(other)) return str_binary(vm, self, other, op);
  return nullptr;
}

ObjRef str_compare(Vm&, Object* self, Object* other, CmpOp op) {
  if (!is_str(other)) return nullptr;
  // Byte order of UTF-8 is code point order.
  int c = str_value(self).compare(str_value(other));
  bool r = false;
  switch (op) {
    case CmpOp::Lt: r = c < 0; break;
    case CmpOp::Le: r = c <= 0; break;
    case CmpOp::Eq: r = c == 0; break;
    case CmpOp::Ne: r = c != 0; break;
    case CmpOp::Gt: r = c > 0; break;
    case CmpOp::Ge: r = c >= 0; break;
  }
  return ObjRef(make_bool(r));
}

ObjRef str_construct(Vm& vm, Type* cls, const Args& args) {
  if (cls != &str_type) raise_type_error("subclassing str is not supported");
  Object* out[3] = {nullptr, nullptr, nullptr};
  parse_args(args, "str", {"object", "encoding", "errors"}, 0, out);
  if (!out[0]) return make_str("");
  return str(vm, out[0]);
}

}  // namespace

void init_str_methods();

void init_str_type() {
  for (int c = 0; c < 128; ++c) {
    Str* s = new Str(std::string(1, static_cast<char>(c)));
    s->refcount = kImmortal;
    one_char_strings[c] = s;
  }
  str_type.subclassable = false;
  type_dict(&str_type);
  TypeSlots& s = str_type.slots;
  s.repr = [](Vm&, Object* o) -> ObjRef { return make_str(str_repr(str_value(o))); };
  s.str = [](Vm&, Object* o) -> ObjRef { return ObjRef(o); };
  s.hash = [](Vm&, Object* o) { return static_cast<Str*>(o)->hash(); };
  s.compare = str_compare;
  s.binary = str_binary;
  s.rbinary = str_rbinary;
  s.truth = [](Vm&, Object* o) { return str_value(o).empty() ? 0 : 1; };
  s.len = [](Vm&, Object* o) { return static_cast<Str*>(o)->length(); };
  s.getitem = str_getitem;
  s.iter = [](Vm&, Object* o) { return make_seq_iterator(o); };
  s.contains = [](Vm&, Object* self, Object* item) -> int {
    if (!is_str(item))
      raise_type_error("'in <string>' requires string as left operand, not " + type_name(item));
    return str_value(self).find(str_value(item)) != std::string::npos ? 1 : 0;
  };
  s.construct = str_construct;
  s.format = [](Vm& vm, Object* o, std::string_view spec) -> ObjRef {
    if (spec.empty()) return ObjRef(o);
    return make_str(format_str_spec(vm, str_value(o), spec));
  };
  init_str_methods();
}

}  // namespace lesson::python
