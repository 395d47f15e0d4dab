// The methods of str.
#include <algorithm>
#include <string>
#include <vector>

#include "python/format.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

namespace {

const std::string& self_str(const Args& a) { return str_value(a[0]); }
Str* self_obj(const Args& a) { return static_cast<Str*>(a[0]); }

bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x1c || c == 0x1d ||
         c == 0x1e || c == 0x1f || c == 0x85 || c == 0xa0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200a) ||
         c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f;
}
bool is_upper_cp(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3a9); }
bool is_lower_cp(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xdf && c <= 0xff && c != 0xf7) || (c >= 0x3b1 && c <= 0x3c9);
}
bool is_alpha_cp(char32_t c) { return is_upper_cp(c) || is_lower_cp(c) || (c > 0x100 && !is_space_cp(c) && c < 0x2000); }
bool is_digit_cp(char32_t c) { return c >= '0' && c <= '9'; }
char32_t to_upper_cp(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c >= 0xe0 && c <= 0xfe && c != 0xf7) return c - 32;
  if (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) return c - 32;
  return c;
}
char32_t to_lower_cp(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 32;
  if (c >= 0x391 && c <= 0x3a9) return c + 32;
  return c;
}

template <class F>
ObjRef map_chars(const Args& a, F f) {
  const std::string& s = self_str(a);
  if (self_obj(a)->ascii()) {
    std::string out = s;
    for (char& c : out) c = static_cast<char>(f(static_cast<char32_t>(c)));
    return make_str(std::move(out));
  }
  std::u32string cps = utf8_decode(s);
  for (char32_t& c : cps) c = f(c);
  return make_str(utf8_encode(cps));
}

template <class P>
ObjRef all_chars(const Args& a, P pred) {
  std::u32string cps = utf8_decode(self_str(a));
  if (cps.empty()) return ObjRef(make_bool(false));
  for (char32_t c : cps)
    if (!pred(c)) return ObjRef(make_bool(false));
  return ObjRef(make_bool(true));
}

// Optional start/end arguments (code point indices) to a byte range.
void byte_range(Vm& vm, const Args& a, std::size_t first, std::size_t& b, std::size_t& e, std::int64_t* cp_start = nullptr) {
  Str* s = self_obj(a);
  std::int64_t n = s->length();
  std::int64_t start = 0, end = n;
  auto value = [&](std::size_t i, std::int64_t def) -> std::int64_t {
    if (a.npos <= i || is_none(a[i])) return def;
    std::int64_t v = index_value(vm, a[i], "slice indices must be integers or None or have an __index__ method");
    if (v < 0) v = std::max<std::int64_t>(0, v + n);
    return std::min(v, n);
  };
  start = value(first, 0);
  end = value(first + 1, n);
  if (cp_start) *cp_start = start;
  if (end < start) {
    b = e = std::string::npos;
    return;
  }
  b = s->byte_offset(start);
  e = s->byte_offset(end);
}

std::int64_t cp_index(const Str* s, std::size_t byte) {
  if (s->ascii()) return static_cast<std::int64_t>(byte);
  return utf8_length(std::string_view(s->value).substr(0, byte));
}

std::int64_t find_impl(Vm& vm, const Args& a, const char* name, bool reverse) {
  check_nargs(a, (std::string("str.") + name).c_str(), 2, 4);
  if (!is_str(a[1])) raise_type_error("must be str, not " + type_name(a[1]));
  const std::string& s = self_str(a);
  const std::string& sub = str_value(a[1]);
  std::size_t b, e;
  byte_range(vm, a, 2, b, e);
  if (b == std::string::npos || e - b < sub.size()) return -1;
  std::string_view hay = std::string_view(s).substr(b, e - b);
  std::size_t pos = reverse ? hay.rfind(sub) : hay.find(sub);
  if (pos == std::string_view::npos) return -1;
  return cp_index(self_obj(a), b + pos);
}

std::vector<std::string> split_whitespace(const std::string& s, std::int64_t maxsplit) {
  std::vector<std::string> out;
  std::u32string cps = utf8_decode(s);
  std::size_t i = 0, n = cps.size();
  while (i < n) {
    while (i < n && is_space_cp(cps[i])) ++i;
    if (i >= n) break;
    if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) >= maxsplit) {
      out.push_back(utf8_encode(cps.substr(i)));  // the rest keeps its trailing spaces
      return out;
    }
    std::size_t j = i;
    while (j < n && !is_space_cp(cps[j])) ++j;
    out.push_back(utf8_encode(cps.substr(i, j - i)));
    i = j;
  }
  return out;
}

std::vector<std::string> rsplit_whitespace(const std::string& s, std::int64_t maxsplit) {
  std::vector<std::string> out;
  std::u32string cps = utf8_decode(s);
  std::size_t i = cps.size();
  while (i > 0) {
    while (i > 0 && is_space_cp(cps[i - 1])) --i;
    if (i == 0) break;
    if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) >= maxsplit) {
      out.push_back(utf8_encode(cps.substr(0, i)));  // the rest keeps its leading spaces
      break;
    }
    std::size_t j = i;
    while (j > 0 && !is_space_cp(cps[j - 1])) --j;
    out.push_back(utf8_encode(cps.substr(j, i - j)));
    i = j;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

ObjRef to_list(const std::vector<std::string>& parts) {
  std::vector<ObjRef> items;
  items.reserve(parts.size());
  for (const auto& p : parts) items.push_back(make_str(p));
  return make_list(std::move(items));
}

ObjRef split_impl(Vm& vm, const Args& a, bool reverse) {
  Object* out[2] = {nullptr, nullptr};
  Args rest{a.pos + 1, a.npos - 1, a.kwvalues, a.kwnames};
  parse_args(rest, reverse ? "rsplit" : "split", {"sep", "maxsplit"}, 0, out);
  std::int64_t maxsplit = out[1] ? index_value(vm, out[1]) : -1;
  const std::string& s = self_str(a);
  if (!out[0] || is_none(out[0])) return to_list(reverse ? rsplit_whitespace(s, maxsplit) : split_whitespace(s, maxsplit));
  if (!is_str(out[0])) raise_type_error("must be str or None, not " + type_name(out[0]));
  const std::string& sep = str_value(out[0]);
  if (sep.empty()) raise_value_error("empty separator");
  std::vector<std::string> parts;
  if (!reverse) {
    std::size_t pos = 0;
    while (maxsplit < 0 || static_cast<std::int64_t>(parts.size()) < maxsplit) {
      std::size_t f = s.find(sep, pos);
      if (f == std::string::npos) break;
      parts.push_back(s.substr(pos, f - pos));
      pos = f + sep.size();
    }
    parts.push_back(s.substr(pos));
  } else {
    std::size_t end = s.size();
    while (maxsplit < 0 || static_cast<std::int64_t>(parts.size()) < maxsplit) {
      if (end < sep.size()) break;
      std::size_t f = s.rfind(sep, end - sep.size());
      if (f == std::string::npos) break;
      parts.push_back(s.substr(f + sep.size(), end - f - sep.size()));
      end = f;
    }
    parts.push_back(s.substr(0, end));
    std::reverse(parts.begin(), parts.end());
  }
  return to_list(parts);
}

ObjRef strip_impl(const Args& a, int which, const char* name) {
  check_nargs(a, (std::string("str.") + name).c_str(), 1, 2);
  std::u32string cps = utf8_decode(self_str(a));
  std::u32string chars;
  bool ws = a.npos < 2 || is_none(a[1]);
  if (!ws) {
    if (!is_str(a[1])) raise_type_error(std::string(name) + " arg must be None or str");
    chars = utf8_decode(str_value(a[1]));
  }
  auto strip_char = [&](char32_t c) { return ws ? is_space_cp(c) : chars.find(c) != std::u32string::npos; };
  std::size_t b = 0, e = cps.size();
  if (which & 1)
    while (b < e && strip_char(cps[b])) ++b;
  if (which & 2)
    while (e > b && strip_char(cps[e - 1])) --e;
  return make_str(utf8_encode(cps.substr(b, e - b)));
}

ObjRef starts_ends(Vm& vm, const Args& a, bool ends, const char* name) {
  check_nargs(a, (std::string("str.") + name).c_str(), 2, 4);
  std::size_t b, e;
  byte_range(vm, a, 2, b, e);
  const std::string& s = self_str(a);
  auto test = [&](Object* p) {
    if (!is_str(p))
      raise_type_error(std::string(name) + " first arg must be str or a tuple of str, not " + type_name(p));
    if (b == std::string::npos) return false;
    const std::string& x = str_value(p);
    if (e - b < x.size()) return false;
    return ends ? s.compare(e - x.size(), x.size(), x) == 0 : s.compare(b, x.size(), x) == 0;
  };
  if (is_tuple(a[1])) {
    for (const ObjRef& p : static_cast<Tuple*>(a[1])->items)
      if (test(p.get())) return ObjRef(make_bool(true));
    return ObjRef(make_bool(false));
  }
  return ObjRef(make_bool(test(a[1])));
}

std::int64_t width_arg(Vm& vm, const Args& a, const char* name, std::u32string& fill) {
  check_nargs(a, (std::string("str.") + name).c_str(), 2, 3);
  std::int64_t w = index_value(vm, a[1]);
  fill = U" ";
  if (a.npos > 2) {
    if (!is_str(a[2]) || static_cast<Str*>(a[2])->length() != 1)
      raise_type_error("The fill character must be exactly one character long");
    fill = utf8_decode(str_value(a[2]));
  }
  return w;
}

ObjRef justify(Vm& vm, const Args& a, const char* name, int mode) {
  std::u32string fill;
  std::int64_t w = width_arg(vm, a, name, fill);
  Str* s = self_obj(a);
  std::int64_t n = s->length();
  if (w <= n) return ObjRef(s);
  std::int64_t total = w - n;
  std::int64_t left = mode == 0 ? 0 : mode == 1 ? total : total / 2 + (total & w & 1);
  std::string lf, rf;
  std::string f = utf8_encode(fill);
  for (std::int64_t k = 0; k < left; ++k) lf += f;
  for (std::int64_t k = 0; k < total - left; ++k) rf += f;
  return make_str(lf + s->value + rf);
}

ObjRef partition_impl(const Args& a, bool reverse) {
  check_nargs(a, reverse ? "rpartition" : "partition", 2, 2);
  if (!is_str(a[1])) raise_type_error("must be str, not " + type_name(a[1]));
  const std::string& s = self_str(a);
  const std::string& sep = str_value(a[1]);
  if (sep.empty()) raise_value_error("empty separator");
  std::size_t f = reverse ? s.rfind(sep) : s.find(sep);
  if (f == std::string::npos) {
    if (reverse) return make_tuple({make_str("").get(), make_str("").get(), a[0]});
    return make_tuple({a[0], make_str("").get(), make_str("").get()});
  }
  return make_tuple({make_str(s.substr(0, f)).get(), a[1], make_str(s.substr(f + sep.size())).get()});
}

}  // namespace

void init_str_methods() {
  Type* t = &str_type;
  add_method(t, "upper", [](Vm&, const Args& a) { check_nargs(a, "str.upper", 1, 1); return map_chars(a, to_upper_cp); });
  add_method(t, "lower", [](Vm&, const Args& a) { check_nargs(a, "str.lower", 1, 1); return map_chars(a, to_lower_cp); });
  add_method(t, "casefold", [](Vm&, const Args& a) { return map_chars(a, to_lower_cp); });
  add_method(t, "swapcase", [](Vm&, const Args& a) {
    return map_chars(a, [](char32_t c) { return is_upper_cp(c) ? to_lower_cp(c) : is_lower_cp(c) ? to_upper_cp(c) : c; });
  });
  add_method(t, "title", [](Vm&, const Args& a) -> ObjRef {
    std::u32string cps = utf8_decode(self_str(a));
    bool prev_cased = false;
    for (char32_t& c : cps) {
      bool cased = is_upper_cp(c) || is_lower_cp(c);
      if (cased) c = prev_cased ? to_lower_cp(c) : to_upper_cp(c);
      prev_cased = cased;
    }
    return make_str(utf8_encode(cps));
  });
  add_method(t, "capitalize", [](Vm&, const Args& a) -> ObjRef {
    std::u32string cps = utf8_decode(self_str(a));
    for (std::size_t i = 0; i < cps.size(); ++i) cps[i] = i == 0 ? to_upper_cp(cps[i]) : to_lower_cp(cps[i]);
    return make_str(utf8_encode(cps));
  });
  add_method(t, "isdigit", [](Vm&, const Args& a) { return all_chars(a, is_digit_cp); });
  add_method(t, "isdecimal", [](Vm&, const Args& a) { return all_chars(a, is_digit_cp); });
  add_method(t, "isnumeric", [](Vm&, const Args& a) { return all_chars(a, is_digit_cp); });
  add_method(t, "isalpha", [](Vm&, const Args& a) { return all_chars(a, is_alpha_cp); });
  add_method(t, "isalnum", [](Vm&, const Args& a) {
    return all_chars(a, [](char32_t c) { return is_alpha_cp(c) || is_digit_cp(c); });
  });
  add_method(t, "isspace", [](Vm&, const Args& a) { return all_chars(a, is_space_cp); });
  add_method(t, "isascii", [](Vm&, const Args& a) -> ObjRef { return ObjRef(make_bool(self_obj(a)->ascii())); });
  add_method(t, "isprintable", [](Vm&, const Args& a) -> ObjRef {
    for (char32_t c : utf8_decode(self_str(a)))
      if (c < 0x20 || c == 0x7f) return ObjRef(make_bool(false));
    return ObjRef(make_bool(true));
  });
  add_method(t, "isidentifier", [](Vm&, const Args& a) -> ObjRef {
    std::u32string cps = utf8_decode(self_str(a));
    if (cps.empty() || is_digit_cp(cps[0])) return ObjRef(make_bool(false));
    for (char32_t c : cps)
      if (!(is_alpha_cp(c) || is_digit_cp(c) || c == '_')) return ObjRef(make_bool(false));
    return ObjRef(make_bool(true));
  });
  add_method(t, "isupper", [](Vm&, const Args& a) -> ObjRef {
    bool any = false;
    for (char32_t c : utf8_decode(self_str(a))) {
      if (is_lower_cp(c)) return ObjRef(make_bool(false));
      if (is_upper_cp(c)) any = true;
    }
    return ObjRef(make_bool(any));
  });
  add_method(t, "islower", [](Vm&, const Args& a) -> ObjRef {
    bool any = false;
    for (char32_t c : utf8_decode(self_str(a))) {
      if (is_upper_cp(c)) return ObjRef(make_bool(false));
      if (is_lower_cp(c)) any = true;
    }
    return ObjRef(make_bool(any));
  });
  add_method(t, "istitle", [](Vm&, const Args& a) -> ObjRef {
    bool prev_cased = false, any = false;
    for (char32_t c : utf8_decode(self_str(a))) {
      if (is_upper_cp(c)) {
        if (prev_cased) return ObjRef(make_bool(false));
        prev_cased = any = true;
      } else if (is_lower_cp(c)) {
        if (!prev_cased) return ObjRef(make_bool(false));
        prev_cased = true;
      } else {
        prev_cased = false;
      }
    }
    return ObjRef(make_bool(any));
  });
  add_method(t, "split", [](Vm& vm, const Args& a) { return split_impl(vm, a, false); });
  add_method(t, "rsplit", [](Vm& vm, const Args& a) { return split_impl(vm, a, true); });
  add_method(t, "splitlines", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[1] = {nullptr};
    Args rest{a.pos + 1, a.npos - 1, a.kwvalues, a.kwnames};
    parse_args(rest, "splitlines", {"keepends"}, 0, out);
    bool keep = out[0] && truthy(vm, out[0]);
    const std::string& s = self_str(a);
    std::vector<std::string> parts;
    std::size_t i = 0, start = 0;
    while (i < s.size()) {
      char c = s[i];
      if (c == '\n' || c == '\r') {
        std::size_t eol = i;
        if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
        ++i;
        parts.push_back(s.substr(start, (keep ? i : eol) - start));
        start = i;
      } else {
        ++i;
      }
    }
    if (start < s.size()) parts.push_back(s.substr(start));
    return to_list(parts);
  });
  add_method(t, "join", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "str.join", 2, 2);
    std::vector<ObjRef> items = to_vector(vm, a[1]);
    const std::string& sep = self_str(a);
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!is_str(items[i].get()))
        raise_type_error("sequence item " + std::to_string(i) + ": expected str instance, " +
                         type_name(items[i].get()) + " found");
      if (i) out += sep;
      out += str_value(items[i].get());
    }
    return make_str(std::move(out));
  });
  add_method(t, "strip", [](Vm&, const Args& a) { return strip_impl(a, 3, "strip"); });
  add_method(t, "lstrip", [](Vm&, const Args& a) { return strip_impl(a, 1, "lstrip"); });
  add_method(t, "rstrip", [](Vm&, const Args& a) { return strip_impl(a, 2, "rstrip"); });
  add_method(t, "replace", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "str.replace", 3, 4);
    if (!is_str(a[1]) || !is_str(a[2]))
      raise_type_error("replace() argument " + std::string(is_str(a[1]) ? "2" : "1") + " must be str, not " +
                       type_name(is_str(a[1]) ? a[2] : a[1]));
    std::int64_t count = a.npos > 3 ? index_value(vm, a[3]) : -1;
    const std::string& s = self_str(a);
    const std::string& old = str_value(a[1]);
    const std::string& rep = str_value(a[2]);
    std::string out;
    if (old.empty()) {
      std::u32string cps = utf8_decode(s);
      std::int64_t done = 0;
      for (std::size_t i = 0; i <= cps.size(); ++i) {
        if (count < 0 || done < count) {
          out += rep;
          ++done;
        }
        if (i < cps.size()) utf8_append(out, cps[i]);
      }
      return make_str(std::move(out));
    }
    std::size_t pos = 0;
    std::int64_t done = 0;
    while (count < 0 || done < count) {
      std::size_t f = s.find(old, pos);
      if (f == std::string::npos) break;
      out.append(s, pos, f - pos);
      out += rep;
      pos = f + old.size();
      ++done;
    }
    out.append(s, pos, std::string::npos);
    return make_str(std::move(out));
  });
  add_method(t, "find", [](Vm& vm, const Args& a) -> ObjRef { return make_int(find_impl(vm, a, "find", false)); });
  add_method(t, "rfind", [](Vm& vm, const Args& a) -> ObjRef { return make_int(find_impl(vm, a, "rfind", true)); });
  add_method(t, "index", [](Vm& vm, const Args& a) -> ObjRef {
    std::int64_t r = find_impl(vm, a, "index", false);
    if (r < 0) raise_value_error("substring not found");
    return make_int(r);
  });
  add_method(t, "rindex", [](Vm& vm, const Args& a) -> ObjRef {
    std::int64_t r = find_impl(vm, a, "rindex", true);
    if (r < 0) raise_value_error("substring not found");
    return make_int(r);
  });
  add_method(t, "count", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "str.count", 2, 4);
    if (!is_str(a[1])) raise_type_error("must be str, not " + type_name(a[1]));
    std::size_t b, e;
    byte_range(vm, a, 2, b, e);
    if (b == std::string::npos) return make_int(0);
    std::string_view hay = std::string_view(self_str(a)).substr(b, e - b);
    const std::string& sub = str_value(a[1]);
    if (sub.empty()) return make_int(utf8_length(hay) + 1);
    std::int64_t n = 0;
    for (std::size_t pos = hay.find(sub); pos != std::string_view::npos; pos = hay.find(sub, pos + sub.size())) ++n;
    return make_int(n);
  });
  add_method(t, "startswith", [](Vm& vm, const Args& a) { return starts_ends(vm, a, false, "startswith"); });
  add_method(t, "endswith", [](Vm& vm, const Args& a) { return starts_ends(vm, a, true, "endswith"); });
  add_method(t, "center", [](Vm& vm, const Args& a) { return justify(vm, a, "center", 2); });
  add_method(t, "ljust", [](Vm& vm, const Args& a) { return justify(vm, a, "ljust", 0); });
  add_method(t, "rjust", [](Vm& vm, const Args& a) { return justify(vm, a, "rjust", 1); });
  add_method(t, "zfill", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "str.zfill", 2, 2);
    std::int64_t w = index_value(vm, a[1]);
    Str* s = self_obj(a);
    if (w <= s->length()) return ObjRef(s);
    std::string v = s->value;
    std::size_t signlen = (!v.empty() && (v[0] == '+' || v[0] == '-')) ? 1 : 0;
    v.insert(signlen, static_cast<std::size_t>(w - s->length()), '0');
    return make_str(std::move(v));
  });
  add_method(t, "partition", [](Vm&, const Args& a) { return partition_impl(a, false); });
  add_method(t, "rpartition", [](Vm&, const Args& a) { return partition_impl(a, true); });
  add_method(t, "removeprefix", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "str.removeprefix", 2, 2);
    const std::string& s = self_str(a);
    const std::string& p = str_value(a[1]);
    if (s.compare(0, p.size(), p) == 0) return make_str(s.substr(p.size()));
    return ObjRef(a[0]);
  });
  add_method(t, "removesuffix", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "str.removesuffix", 2, 2);
    const std::string& s = self_str(a);
    const std::string& p = str_value(a[1]);
    if (!p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0)
      return make_str(s.substr(0, s.size() - p.size()));
    return ObjRef(a[0]);
  });
  add_method(t, "expandtabs", [](Vm& vm, const Args& a) -> ObjRef {
    std::int64_t tab = a.npos > 1 ? index_value(vm, a[1]) : 8;
    std::string out;
    std::int64_t col = 0;
    for (char32_t c : utf8_decode(self_str(a))) {
      if (c == '\t') {
        if (tab > 0) {
          std::int64_t n = tab - col % tab;
          out.append(static_cast<std::size_t>(n), ' ');
          col += n;
        }
      } else {
        utf8_append(out, c);
        col = (c == '\n' || c == '\r') ? 0 : col + 1;
      }
    }
    return make_str(std::move(out));
  });
  add_method(t, "format", [](Vm& vm, const Args& a) -> ObjRef {
    Args rest{a.pos + 1, a.npos - 1, a.kwvalues, a.kwnames};
    return make_str(str_format(vm, self_str(a), rest));
  });
  add_method(t, "format_map", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "str.format_map", 2, 2);
    Args none{};
    return make_str(str_format(vm, self_str(a), none, a[1]));
  });
  add_method(t, "encode", [](Vm&, const Args&) -> ObjRef {
    raise(&t_NotImplementedError, "bytes are not supported in lesson cells");
  });
  add_method(t, "__format__", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "str.__format__", 2, 2);
    return format(vm, a[0], str_value(a[1]));
  });
}

}  // namespace lesson::python
