// Float to text exactly as CPython writes it. printf's %e/%f/%g are exactly
// rounded (ties to even on the binary value) in glibc and in Emscripten's
// libc, which is what CPython's dtoa does for those conversions; repr needs
// the shortest string that reads back, found by trying more digits.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "python/format.hpp"

namespace lesson::python {

namespace {

std::string printf_double(const char* spec, int precision, double v) {
  char small[128];
  int n = std::snprintf(small, sizeof small, spec, precision, v);
  if (n >= 0 && static_cast<std::size_t>(n) < sizeof small) return std::string(small, static_cast<std::size_t>(n));
  std::string big(static_cast<std::size_t>(n) + 1, '\0');
  std::snprintf(&big[0], big.size(), spec, precision, v);
  big.resize(static_cast<std::size_t>(n));
  return big;
}

// Significant digits of |v| (v finite, nonzero): value = 0.DIGITS * 10^decpt,
// digits without trailing zeros. ndigits <= 0 means shortest round trip.
void digits_of(double v, int ndigits, std::string& digits, int& decpt) {
  v = std::fabs(v);
  std::string text;
  if (ndigits <= 0) {
    for (int p = 1; p <= 17; ++p) {
      text = printf_double("%.*e", p - 1, v);
      if (std::strtod(text.c_str(), nullptr) == v) break;
    }
  } else {
    text = printf_double("%.*e", ndigits - 1, v);
  }
  std::size_t epos = text.find('e');
  std::string mant = text.substr(0, epos);
  int exp10 = std::atoi(text.c_str() + epos + 1);
  digits.clear();
  for (char c : mant)
    if (c != '.') digits.push_back(c);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  decpt = exp10 + 1;
}

std::string exponent_text(int e) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
  return buf;
}

// Renders digits/decpt in fixed or exponent notation. min_digits pads with
// zeros to that many significant digits (for '#' in 'g').
std::string render(const std::string& digits, int decpt, bool use_exp, bool add_dot_0, std::size_t min_digits) {
  std::string d = digits;
  if (d.size() < min_digits) d.append(min_digits - d.size(), '0');
  std::string out;
  if (use_exp) {
    out.push_back(d[0]);
    if (d.size() > 1) {
      out.push_back('.');
      out.append(d, 1, std::string::npos);
    } else if (add_dot_0) {
      out += ".0";
    }
    out += exponent_text(decpt - 1);
    return out;
  }
  if (decpt <= 0) {
    out = "0.";
    out.append(static_cast<std::size_t>(-decpt), '0');
    out += d;
  } else if (static_cast<std::size_t>(decpt) >= d.size()) {
    out = d;
    out.append(static_cast<std::size_t>(decpt) - d.size(), '0');
    if (add_dot_0) out += ".0";
    else if (min_digits > 0 && static_cast<std::size_t>(decpt) >= min_digits) out += ".";
  } else {
    out = d.substr(0, static_cast<std::size_t>(decpt));
    out.push_back('.');
    out.append(d, static_cast<std::size_t>(decpt), std::string::npos);
  }
  return out;
}

}  // namespace

std::string float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (v == 0.0) return std::signbit(v) ? "-0.0" : "0.0";
  std::string digits;
  int decpt;
  digits_of(v, 0, digits, decpt);
  bool use_exp = decpt <= -4 || decpt > 16;
  std::string body = render(digits, decpt, use_exp, true, 0);
  if (use_exp && body.find(".0e") != std::string::npos) body.erase(body.find(".0e"), 2);
  return (v < 0 ? "-" : "") + body;
}

std::string format_double(double v, char type, int precision, bool alternate) {
  bool upper = type == 'E' || type == 'F' || type == 'G';
  if (std::isnan(v) || std::isinf(v)) {
    std::string s = std::isnan(v) ? "nan" : "inf";
    if (upper)
      for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (type == '%') s += "%";
    return (std::isinf(v) && v < 0) ? "-" + s : s;
  }
  switch (type) {
    case 'r': return float_repr(v);
    case 'e':
    case 'E':
      return printf_double(alternate ? (upper ? "%#.*E" : "%#.*e") : (upper ? "%.*E" : "%.*e"),
                           precision < 0 ? 6 : precision, v);
    case 'f':
    case 'F':
      return printf_double(alternate ? "%#.*f" : "%.*f", precision < 0 ? 6 : precision, v);
    case '%':
      return printf_double(alternate ? "%#.*f" : "%.*f", precision < 0 ? 6 : precision, v * 100.0) + "%";
    case 'g':
    case 'G': {
      int p = precision < 0 ? 6 : (precision == 0 ? 1 : precision);
      return printf_double(alternate ? (upper ? "%#.*G" : "%#.*g") : (upper ? "%.*G" : "%.*g"), p, v);
    }
    default: {
      // No type: repr without a precision; with one, 'g' that keeps ".0"
      // and switches to exponent one digit earlier.
      if (precision < 0) return float_repr(v);
      int p = precision == 0 ? 1 : precision;
      if (v == 0.0) return std::signbit(v) ? "-0.0" : "0.0";
      std::string digits;
      int decpt;
      digits_of(v, p, digits, decpt);
      bool use_exp = decpt <= -4 || decpt > p - 1;
      std::string body = render(digits, decpt, use_exp, !use_exp, alternate ? static_cast<std::size_t>(p) : 0);
      return (v < 0 ? "-" : "") + body;
    }
  }
}

}  // namespace lesson::python
