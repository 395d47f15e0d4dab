// The format specification mini-language:
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
#include <cmath>
#include <string>

#include "python/format.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_int.hpp"
#include "python/obj_str.hpp"
#include "python/vm.hpp"

namespace lesson::python {

namespace {

struct Spec {
  std::string fill = " ";
  char align = 0;
  char sign = 0;
  bool no_neg_zero = false;
  bool alternate = false;
  long width = -1;
  char grouping = 0;
  int precision = -1;
  char type = 0;
};

bool is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

// Length in bytes of the UTF-8 sequence starting with byte c.
std::size_t utf8_len(unsigned char c) {
  return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

Spec parse_spec(std::string_view s, const char* type_label) {
  Spec sp;
  std::size_t i = 0;
  if (!s.empty()) {
    std::size_t n0 = utf8_len(static_cast<unsigned char>(s[0]));
    if (s.size() > n0 && is_align(s[n0])) {
      sp.fill = std::string(s.substr(0, n0));
      sp.align = s[n0];
      i = n0 + 1;
    } else if (is_align(s[0])) {
      sp.align = s[0];
      i = 1;
    }
  }
  if (i < s.size() && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) sp.sign = s[i++];
  if (i < s.size() && s[i] == 'z') {
    sp.no_neg_zero = true;
    ++i;
  }
  if (i < s.size() && s[i] == '#') {
    sp.alternate = true;
    ++i;
  }
  if (i < s.size() && s[i] == '0') {
    if (!sp.align) {
      sp.fill = "0";
      sp.align = '=';
    }
    ++i;
  }
  std::size_t start = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i > start) sp.width = std::stol(std::string(s.substr(start, i - start)));
  if (i < s.size() && (s[i] == ',' || s[i] == '_')) sp.grouping = s[i++];
  if (i < s.size() && (s[i] == ',' || s[i] == '_')) raise_value_error("Cannot specify both ',' and '_'.");
  if (i < s.size() && s[i] == '.') {
    ++i;
    start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start) raise_value_error("Format specifier missing precision");
    sp.precision = std::stoi(std::string(s.substr(start, i - start)));
  }
  if (s.size() - i > 1) raise_value_error("Invalid format specifier '" + std::string(s) + "' for object of type '" + type_label + "'");
  if (i < s.size()) sp.type = s[i];
  return sp;
}

[[noreturn]] void unknown_code(char type, const char* type_label) {
  raise_value_error(std::string("Unknown format code '") + type + "' for object of type '" + type_label + "'");
}

// Inserts grouping separators into a run of digits.
std::string group_digits(const std::string& digits, char sep, int every) {
  std::string out;
  int count = 0;
  for (std::size_t k = digits.size(); k-- > 0;) {
    out.push_back(digits[k]);
    if (++count % every == 0 && k > 0) out.push_back(sep);
  }
  return std::string(out.rbegin(), out.rend());
}

std::int64_t text_width(const std::string& s) { return utf8_length(s); }

std::string pad(const Spec& sp, const std::string& sign_prefix, const std::string& body, char default_align) {
  char align = sp.align ? sp.align : default_align;
  std::int64_t len = text_width(sign_prefix) + text_width(body);
  if (sp.width <= len) return sign_prefix + body;
  std::int64_t total = sp.width - len;
  auto fill = [&](std::int64_t n) {
    std::string f;
    for (std::int64_t k = 0; k < n; ++k) f += sp.fill;
    return f;
  };
  switch (align) {
    case '<': return sign_prefix + body + fill(total);
    case '^': return fill(total / 2) + sign_prefix + body + fill(total - total / 2);
    case '=': return sign_prefix + fill(total) + body;
    default: return fill(total) + sign_prefix + body;
  }
}

std::string sign_text(bool negative, char sign) {
  if (negative) return "-";
  if (sign == '+') return "+";
  if (sign == ' ') return " ";
  return "";
}

// Applies grouping to the integer part of a number's text (digits[.frac][e..]).
std::string group_number(const std::string& text, char grouping) {
  if (!grouping) return text;
  std::size_t end = 0;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
  return group_digits(text.substr(0, end), grouping, 3) + text.substr(end);
}

// Zero padding with grouping ("{:08,}") pads digits so separators land right.
std::string zero_pad_grouped(const Spec& sp, const std::string& sign, std::string text) {
  if (!(sp.grouping && sp.align == '=' && sp.fill == "0")) return pad(sp, sign, text, '>');
  std::size_t end = 0;
  while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
  std::string intpart = text.substr(0, end), rest = text.substr(end);
  std::string grouped = group_digits(intpart, sp.grouping, 3);
  while (static_cast<long>(sign.size() + grouped.size() + rest.size()) < sp.width) {
    intpart.insert(intpart.begin(), '0');
    grouped = group_digits(intpart, sp.grouping, 3);
  }
  return sign + grouped + rest;
}

}  // namespace

std::string format_float_spec(Vm& vm, double v, std::string_view spec) {
  Spec sp = parse_spec(spec, "float");
  char type = sp.type;
  switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': case 'n': break;
    default: unknown_code(type, "float");
  }
  if (type == 'n') type = 'g';
  bool negative = std::signbit(v) && !std::isnan(v);
  double mag = std::fabs(v);
  std::string body = format_double(mag, type, sp.precision, sp.alternate);
  if (sp.no_neg_zero && negative) {
    // z: a value that rounds to zero prints without a sign.
    bool all_zero = true;
    for (char c : body)
      if (c >= '1' && c <= '9') all_zero = false;
    if (all_zero) negative = false;
  }
  (void)vm;
  std::string sign = sign_text(negative, sp.sign);
  if (sp.grouping) {
    if (sp.align == '=' && sp.fill == "0") return zero_pad_grouped(sp, sign, body);
    body = group_number(body, sp.grouping);
  }
  return pad(sp, sign, body, '>');
}

std::string format_int_spec(Vm& vm, std::int64_t v, std::string_view spec) {
  Spec sp = parse_spec(spec, "int");
  char type = sp.type;
  switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return format_float_spec(vm, static_cast<double>(v), spec);
    case 0: case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c': break;
    default: unknown_code(type, "int");
  }
  if (sp.precision >= 0) raise_value_error("Precision not allowed in integer format specifier");
  if (type == 'c') {
    if (sp.sign) raise_value_error("Sign not allowed with integer format specifier 'c'");
    if (v < 0 || v > 0x10ffff) raise(&t_OverflowError, "%c arg not in range(0x110000)");
    std::string ch;
    utf8_append(ch, static_cast<char32_t>(v));
    return pad(sp, "", ch, '<' == sp.align ? '<' : '>');
  }
  bool negative = v < 0;
  std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
  std::string digits;
  const char* dchars = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  do {
    digits.push_back(dchars[mag % static_cast<unsigned>(base)]);
    mag /= static_cast<unsigned>(base);
  } while (mag);
  digits = std::string(digits.rbegin(), digits.rend());
  std::string prefix;
  if (sp.alternate) {
    if (base == 2) prefix = "0b";
    else if (base == 8) prefix = "0o";
    else if (base == 16) prefix = type == 'X' ? "0X" : "0x";
  }
  std::string sign = sign_text(negative, sp.sign) + prefix;
  if (sp.grouping) {
    int every = base == 10 ? 3 : 4;
    if (sp.grouping == ',' && base != 10)
      raise_value_error(std::string("Cannot specify ',' with '") + type + "'.");
    if (sp.align == '=' && sp.fill == "0") {
      std::string grouped = group_digits(digits, sp.grouping, every);
      while (static_cast<long>(sign.size() + grouped.size()) < sp.width) {
        digits.insert(digits.begin(), '0');
        grouped = group_digits(digits, sp.grouping, every);
      }
      return sign + grouped;
    }
    digits = group_digits(digits, sp.grouping, every);
  }
  return pad(sp, sign, digits, '>');
}

std::string format_str_spec(Vm&, std::string_view s, std::string_view spec) {
  Spec sp = parse_spec(spec, "str");
  if (sp.type != 0 && sp.type != 's') unknown_code(sp.type, "str");
  if (sp.sign) raise_value_error("Sign not allowed in string format specifier");
  if (sp.alternate) raise_value_error("Alternate form (#) not allowed in string format specifier");
  if (sp.align == '=') raise_value_error("'=' alignment not allowed in string format specifier");
  if (sp.grouping) raise_value_error(std::string("Cannot specify '") + sp.grouping + "' with 's'.");
  std::string body(s);
  if (sp.precision >= 0 && utf8_length(body) > sp.precision) {
    Str tmp(body);
    body = body.substr(0, tmp.byte_offset(sp.precision));
  }
  return pad(sp, "", body, '<');
}

}  // namespace lesson::python
