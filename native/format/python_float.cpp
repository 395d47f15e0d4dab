#include "format/python_float.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace lesson::format {
namespace {

// printf with a double argument into a std::string. printf's %e and %f are
// exactly rounded (ties to even) in glibc and in Emscripten's musl, which is
// what CPython's own dtoa does for these formats.
std::string printf_double(const char* spec, int precision, double v) {
  char small[64];
  const int n = std::snprintf(small, sizeof small, spec, precision, v);
  if (n >= 0 && static_cast<std::size_t>(n) < sizeof small) {
    return std::string(small, static_cast<std::size_t>(n));
  }
  std::string big(static_cast<std::size_t>(n) + 1, '\0');
  std::snprintf(big.data(), big.size(), spec, precision, v);
  big.resize(static_cast<std::size_t>(n));
  return big;
}

// Python never prints the sign of a NaN.
bool nonfinite_text(double v, std::string& out) {
  if (std::isnan(v)) {
    out = "nan";
    return true;
  }
  if (std::isinf(v)) {
    out = v < 0 ? "-inf" : "inf";
    return true;
  }
  return false;
}

// A positive decimal digits * 10^exponent, digits without trailing zeros.
struct Decimal {
  std::string digits;
  int exponent = 0;  // of the last digit
};

bool reads_back_as(std::uint64_t mantissa, int exponent, double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%llue%d", static_cast<unsigned long long>(mantissa), exponent);
  return std::strtod(buf, nullptr) == v;
}

// The closest decimal with p significant digits that strtod reads back as v
// (v finite and > 0), if there is one.
//
// The correctly rounded p-digit decimal s is the closest one on its side of
// v; the only other p-digit decimal that can read back as v is the closest
// one on the other side (the interval that rounds to v is lopsided at powers
// of two, so s may miss it while that neighbour hits).
bool shortest_with_digits(double v, int p, Decimal& out) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*e", p - 1, v);
  // buf is "d.ddde[+-]xx" (or "de[+-]xx" when p == 1).
  std::uint64_t m = 0;
  const char* c = buf;
  for (; *c != 'e'; ++c) {
    if (*c != '.') m = m * 10 + static_cast<std::uint64_t>(*c - '0');
  }
  int exp10 = std::atoi(c + 1) - (p - 1);  // value = m * 10^exp10
  std::uint64_t smallest = 1;               // 10^(p-1), the smallest p-digit mantissa
  for (int i = 1; i < p; ++i) smallest *= 10;

  const double s = std::strtod(buf, nullptr);
  if (s != v) {
    if (s > v) {  // the closest p-digit decimal below
      if (m == smallest) {  // below a power of ten the spacing shrinks tenfold
        m = smallest * 10 - 1;
        exp10 -= 1;
      } else {
        m -= 1;
      }
    } else {
      m += 1;  // may become 10^p: the same value with one digit more
    }
    if (!reads_back_as(m, exp10, v)) return false;
  }
  while (m % 10 == 0) {
    m /= 10;
    ++exp10;
  }
  out = Decimal{std::to_string(m), exp10};
  return true;
}

// The shortest decimal that strtod reads back as v (v finite and > 0); of
// several with that many digits, the closest to v. This is what CPython's
// repr (David Gay's dtoa, mode 0) produces. std::to_chars would do it
// natively, but Emscripten 3.1.6's libc++ has no floating-point to_chars.
Decimal shortest_decimal(double v) {
  // Integers below 2^53: every other decimal with as few digits is at least
  // 1 away, more than half an ulp, so the integer itself is the answer.
  if (v < 9007199254740992.0 && v == std::floor(v)) {
    auto m = static_cast<std::uint64_t>(v);
    int exp10 = 0;
    while (m % 10 == 0) {
      m /= 10;
      ++exp10;
    }
    return Decimal{std::to_string(m), exp10};
  }
  // If some p-digit decimal reads back as v, so does some (p+1)-digit one
  // (every p-digit decimal is one), so search the length; 17 always works.
  Decimal best;
  shortest_with_digits(v, 17, best);
  int lo = 1, hi = 17;
  while (lo < hi) {
    const int mid = (lo + hi) / 2;
    Decimal d;
    if (shortest_with_digits(v, mid, d)) {
      best = d;
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return best;
}

}  // namespace

std::string format_python_float(double v) {
  std::string text;
  if (nonfinite_text(v, text)) return text;
  if (v == 0.0) return std::signbit(v) ? "-0.0" : "0.0";

  const Decimal d = shortest_decimal(std::fabs(v));
  const int n = static_cast<int>(d.digits.size());
  // decpt: where the decimal point goes, counted from the first digit
  // (0.d1d2... * 10^decpt), as in CPython's format_float_short.
  const int decpt = d.exponent + n;
  std::string out = v < 0 ? "-" : "";
  if (decpt <= -4 || decpt > 16) {
    out += d.digits[0];
    if (n > 1) {
      out += '.';
      out.append(d.digits, 1, std::string::npos);
    }
    const int e = decpt - 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    out += buf;
  } else if (decpt <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-decpt), '0');
    out += d.digits;
  } else if (decpt >= n) {
    out += d.digits;
    out.append(static_cast<std::size_t>(decpt - n), '0');
    out += ".0";
  } else {
    out.append(d.digits, 0, static_cast<std::size_t>(decpt));
    out += '.';
    out.append(d.digits, static_cast<std::size_t>(decpt), std::string::npos);
  }
  return out;
}

std::string format_python_fixed(double v, int precision) {
  std::string text;
  if (nonfinite_text(v, text)) return text;
  return printf_double("%.*f", precision, v);
}

std::string format_python_scientific(double v, int precision) {
  std::string text;
  if (nonfinite_text(v, text)) return text;
  return printf_double("%.*e", precision, v);
}

}  // namespace lesson::format
