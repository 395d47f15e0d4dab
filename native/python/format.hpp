// Python's text formatting: float repr (shortest round trip), the format
// specification mini-language (f-strings, format(), str.format), str.format
// field parsing, and printf-style % formatting.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "python/object.hpp"

namespace lesson::python {

// repr(float): "0.1", "1.0", "1e-05", "1e+16", "inf", "nan".
std::string float_repr(double v);
// The digits of %-style / format-spec float conversions.
// type: 'e', 'E', 'f', 'F', 'g', 'G', '%', 'r' (repr), 0 (format's no-type).
// precision < 0: the type's default.
std::string format_double(double v, char type, int precision, bool alternate);

std::string format_int_spec(Vm& vm, std::int64_t v, std::string_view spec);
std::string format_float_spec(Vm& vm, double v, std::string_view spec);
std::string format_str_spec(Vm& vm, std::string_view s, std::string_view spec);

// str.format(*args, **kwargs) and str.format_map(mapping).
std::string str_format(Vm& vm, std::string_view fmt, const Args& args, Object* mapping = nullptr);
// fmt % values
std::string percent_format(Vm& vm, std::string_view fmt, Object* values);

}  // namespace lesson::python
