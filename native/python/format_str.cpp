// str.format / format_map and printf-style % formatting.
#include <cmath>
#include <string>
#include <vector>

#include "python/format.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_int.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/vm.hpp"

namespace lesson::python {

namespace {

struct FormatState {
  Vm& vm;
  const Args& args;
  Object* mapping;
  int auto_index = 0;
  bool used_auto = false;
  bool used_manual = false;
};

ObjRef lookup_keyword(FormatState& st, const std::string& name) {
  if (st.mapping) {
    ObjRef key = make_str(name);
    return getitem(st.vm, st.mapping, key.get());
  }
  for (std::size_t k = 0; k < st.args.nkw(); ++k)
    if (str_value((*st.args.kwnames)[k]) == name) return st.args.kwvalues[k];
  raise_key_error(make_str(name).get());
}

ObjRef resolve_field(FormatState& st, const std::string& field) {
  // arg_name ("." attribute | "[" index "]")*
  std::size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
  std::string first = field.substr(0, i);
  ObjRef obj;
  bool numeric = !first.empty();
  for (char c : first)
    if (!std::isdigit(static_cast<unsigned char>(c))) numeric = false;
  if (first.empty()) {
    if (st.used_manual) raise_value_error("cannot switch from manual field specification to automatic field numbering");
    st.used_auto = true;
    std::size_t idx = static_cast<std::size_t>(st.auto_index++);
    if (idx >= st.args.npos)
      raise_index_error("Replacement index " + std::to_string(idx) + " out of range for positional args tuple");
    obj = st.args.pos[idx];
  } else if (numeric) {
    if (st.used_auto) raise_value_error("cannot switch from automatic field numbering to manual field specification");
    st.used_manual = true;
    std::size_t idx = std::stoul(first);
    if (idx >= st.args.npos)
      raise_index_error("Replacement index " + std::to_string(idx) + " out of range for positional args tuple");
    obj = st.args.pos[idx];
  } else {
    obj = lookup_keyword(st, first);
  }
  while (i < field.size()) {
    if (field[i] == '.') {
      std::size_t j = i + 1;
      while (j < field.size() && field[j] != '.' && field[j] != '[') ++j;
      obj = getattr(st.vm, obj.get(), intern(field.substr(i + 1, j - i - 1)));
      i = j;
    } else {
      std::size_t j = field.find(']', i);
      if (j == std::string::npos) raise_value_error("Missing ']' in format string");
      std::string key = field.substr(i + 1, j - i - 1);
      bool num = !key.empty();
      for (char c : key)
        if (!std::isdigit(static_cast<unsigned char>(c))) num = false;
      ObjRef k = num ? ObjRef(make_int(std::stoll(key))) : ObjRef(make_str(key));
      obj = getitem(st.vm, obj.get(), k.get());
      i = j + 1;
    }
  }
  return obj;
}

std::string format_impl(FormatState& st, std::string_view fmt, int depth);

std::string render_field(FormatState& st, std::string_view inner, int depth) {
  // field_name [!conversion] [:format_spec]
  std::size_t i = 0;
  int bracket = 0;
  while (i < inner.size()) {
    char c = inner[i];
    if (c == '[') bracket++;
    else if (c == ']') bracket--;
    else if (bracket == 0 && (c == '!' || c == ':')) break;
    ++i;
  }
  std::string field(inner.substr(0, i));
  char conversion = 0;
  std::string spec;
  if (i < inner.size() && inner[i] == '!') {
    if (i + 1 >= inner.size()) raise_value_error("end of string while looking for conversion specifier");
    conversion = inner[i + 1];
    i += 2;
    if (i < inner.size() && inner[i] != ':') raise_value_error("expected ':' after conversion specifier");
  }
  if (i < inner.size() && inner[i] == ':') spec = format_impl(st, inner.substr(i + 1), depth + 1);
  ObjRef value = resolve_field(st, field);
  switch (conversion) {
    case 0: break;
    case 's': value = str(st.vm, value.get()); break;
    case 'r': value = repr(st.vm, value.get()); break;
    case 'a': value = repr(st.vm, value.get()); break;
    default:
      raise_value_error(std::string("Unknown conversion specifier ") + conversion);
  }
  return str_value(format(st.vm, value.get(), spec).get());
}

std::string format_impl(FormatState& st, std::string_view fmt, int depth) {
  if (depth > 2) raise_value_error("Max string recursion exceeded");
  std::string out;
  std::size_t i = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c == '{') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
        out.push_back('{');
        i += 2;
        continue;
      }
      // Find the matching '}' (format specs may nest one level of {}).
      int level = 1;
      std::size_t j = i + 1;
      while (j < fmt.size() && level > 0) {
        if (fmt[j] == '{') level++;
        else if (fmt[j] == '}') level--;
        if (level > 0) ++j;
      }
      if (j >= fmt.size()) {
        if (level > 0 && depth == 0) raise_value_error("expected '}' before end of string");
        raise_value_error("unmatched '{' in format spec");
      }
      out += render_field(st, fmt.substr(i + 1, j - i - 1), depth);
      i = j + 1;
    } else if (c == '}') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
        out.push_back('}');
        i += 2;
        continue;
      }
      raise_value_error("Single '}' encountered in format string");
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

}  // namespace

std::string str_format(Vm& vm, std::string_view fmt, const Args& args, Object* mapping) {
  FormatState st{vm, args, mapping};
  return format_impl(st, fmt, 0);
}

// ---- printf-style formatting

namespace {

std::string pad_percent(const std::string& body, long width, bool left, char fill_char, const std::string& sign) {
  long len = static_cast<long>(utf8_length(sign) + utf8_length(body));
  if (width <= len) return sign + body;
  std::string fill(static_cast<std::size_t>(width - len), fill_char);
  if (left) return sign + body + std::string(static_cast<std::size_t>(width - len), ' ');
  if (fill_char == '0') return sign + fill + body;
  return fill + sign + body;
}

}  // namespace

std::string percent_format(Vm& vm, std::string_view fmt, Object* values) {
  std::vector<ObjRef> items;
  bool is_tuple_arg = is_tuple(values);
  if (is_tuple_arg) items = static_cast<Tuple*>(values)->items;
  else items.push_back(ObjRef(values));
  bool has_mapping = !is_tuple_arg && !is_str(values) && (is_dict(values) || lookup_special(vm, values, "__getitem__"));
  std::size_t next = 0;
  bool used_mapping = false;
  auto next_arg = [&]() -> ObjRef {
    if (next >= items.size()) raise_type_error("not enough arguments for format string");
    return items[next++];
  };
  std::string out;
  std::size_t i = 0;
  while (i < fmt.size()) {
    char c = fmt[i];
    if (c != '%') {
      out.push_back(c);
      ++i;
      continue;
    }
    std::size_t spec_start = i;
    ++i;
    if (i >= fmt.size()) raise_value_error("incomplete format");
    ObjRef mapped;
    if (fmt[i] == '(') {
      if (!has_mapping) raise_type_error("format requires a mapping");
      int level = 1;
      std::size_t j = i + 1;
      while (j < fmt.size() && level > 0) {
        if (fmt[j] == '(') level++;
        else if (fmt[j] == ')') level--;
        if (level > 0) ++j;
      }
      if (j >= fmt.size()) raise_value_error("incomplete format key");
      ObjRef key = make_str(fmt.substr(i + 1, j - i - 1));
      mapped = getitem(vm, values, key.get());
      used_mapping = true;
      i = j + 1;
    }
    bool left = false, plus = false, space = false, alt = false, zero = false;
    while (i < fmt.size()) {
      char f = fmt[i];
      if (f == '-') left = true;
      else if (f == '+') plus = true;
      else if (f == ' ') space = true;
      else if (f == '#') alt = true;
      else if (f == '0') zero = true;
      else break;
      ++i;
    }
    long width = -1;
    if (i < fmt.size() && fmt[i] == '*') {
      ObjRef w = next_arg();
      if (!is_int(w.get())) raise_type_error("* wants int");
      width = static_cast<long>(int_value(w.get()));
      if (width < 0) {
        left = true;
        width = -width;
      }
      ++i;
    } else {
      std::size_t s = i;
      while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) ++i;
      if (i > s) width = std::stol(std::string(fmt.substr(s, i - s)));
    }
    int precision = -1;
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      if (i < fmt.size() && fmt[i] == '*') {
        ObjRef p = next_arg();
        if (!is_int(p.get())) raise_type_error("* wants int");
        precision = static_cast<int>(int_value(p.get()));
        ++i;
      } else {
        std::size_t s = i;
        while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) ++i;
        precision = i > s ? std::stoi(std::string(fmt.substr(s, i - s))) : 0;
      }
    }
    while (i < fmt.size() && (fmt[i] == 'l' || fmt[i] == 'h' || fmt[i] == 'L')) ++i;
    if (i >= fmt.size()) raise_value_error("incomplete format");
    char type = fmt[i++];
    if (type == '%') {
      out.push_back('%');
      continue;
    }
    ObjRef arg = mapped ? mapped : next_arg();
    Object* a = arg.get();
    std::string sign;
    std::string body;
    char fill = (zero && !left) ? '0' : ' ';
    switch (type) {
      case 's':
      case 'r':
      case 'a': {
        body = type == 's' ? str_string(vm, a) : repr_string(vm, a);
        if (precision >= 0 && utf8_length(body) > precision) {
          Str tmp(body);
          body = body.substr(0, tmp.byte_offset(precision));
        }
        fill = ' ';
        break;
      }
      case 'd':
      case 'i':
      case 'u':
      case 'o':
      case 'x':
      case 'X':
      case 'c': {
        std::int64_t v;
        if (type == 'c') {
          if (is_str(a)) {
            if (static_cast<Str*>(a)->length() != 1) raise_type_error("%c requires int or char");
            body = str_value(a);
          } else if (is_int(a)) {
            v = int_value(a);
            if (v < 0 || v > 0x10ffff) raise(&t_OverflowError, "%c arg not in range(0x110000)");
            utf8_append(body, static_cast<char32_t>(v));
          } else {
            raise_type_error("%c requires int or char");
          }
          fill = ' ';
          break;
        }
        if (is_int(a)) {
          v = int_value(a);
        } else if (is_float(a)) {
          if (type != 'd' && type != 'i' && type != 'u')
            raise_type_error(std::string("%") + type + " format: an integer is required, not float");
          double d = float_value(a);
          if (std::isinf(d)) raise(&t_OverflowError, "cannot convert float infinity to integer");
          if (std::isnan(d)) raise_value_error("cannot convert float NaN to integer");
          v = static_cast<std::int64_t>(std::trunc(d));
        } else if (has_index(a)) {
          v = index_value(vm, a);
        } else {
          if (type == 'd' || type == 'i' || type == 'u')
            raise_type_error(std::string("%") + type + " format: a real number is required, not " + type_name(a));
          raise_type_error(std::string("%") + type + " format: an integer is required, not " + type_name(a));
        }
        bool neg = v < 0;
        std::uint64_t mag = neg ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
        int base = (type == 'o') ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
        const char* dch = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        std::string digits;
        do {
          digits.push_back(dch[mag % static_cast<unsigned>(base)]);
          mag /= static_cast<unsigned>(base);
        } while (mag);
        body.assign(digits.rbegin(), digits.rend());
        if (precision >= 0 && static_cast<int>(body.size()) < precision)
          body.insert(0, static_cast<std::size_t>(precision) - body.size(), '0');
        sign = neg ? "-" : plus ? "+" : space ? " " : "";
        if (alt && base == 8) sign += "0o";
        if (alt && base == 16) sign += type == 'X' ? "0X" : "0x";
        break;
      }
      case 'e':
      case 'E':
      case 'f':
      case 'F':
      case 'g':
      case 'G': {
        double d;
        if (!to_double(a, d)) {
          if (ObjRef m = lookup_special(vm, a, "__float__")) {
            ObjRef r = vm.call(m.get(), {});
            to_double(r.get(), d);
          } else {
            raise_type_error("must be real number, not " + type_name(a));
          }
        }
        bool neg = std::signbit(d) && !std::isnan(d);
        body = format_double(std::fabs(d), type, precision < 0 ? 6 : precision, alt);
        sign = neg ? "-" : plus ? "+" : space ? " " : "";
        if (!std::isfinite(d)) fill = ' ';
        break;
      }
      default: {
        char buf[96];
        std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu", type,
                      static_cast<unsigned>(static_cast<unsigned char>(type)), i - 1);
        (void)spec_start;
        raise_value_error(buf);
      }
    }
    out += pad_percent(body, width, left, fill, sign);
  }
  if (!used_mapping && next < items.size() && !(has_mapping && !is_tuple_arg))
    raise_type_error("not all arguments converted during string formatting");
  return out;
}

}  // namespace lesson::python
