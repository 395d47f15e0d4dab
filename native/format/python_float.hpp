// Python's text for a float: repr(x), '{:.Nf}'.format(x) and '{:.Ne}'.format(x).
//
// PyTorch prints tensors through these Python formats, and `t.item()` prints a
// Python float, so the digits have to be exactly CPython's.
#pragma once

#include <string>

namespace lesson::format {

// repr(x) of a Python float: the shortest digit string that reads back as x
// (the closest such string when there are several), in fixed notation for
// 1e-4 <= |x| < 1e16 and exponent notation otherwise: "0.1", "1.0", "-0.0",
// "1e-05", "1e+16", "1.5e+300", "inf", "-inf", "nan".
std::string format_python_float(double v);

// '{:.Nf}'.format(v): exactly rounded, ties to even on the exact binary value
// ("0.1250" for 0.125 at N=4, "0" for 0.5 at N=0); nan is always "nan".
std::string format_python_fixed(double v, int precision);

// '{:.Ne}'.format(v): "1.0000e-05", "-3.4028e+38"; at least two exponent digits.
std::string format_python_scientific(double v, int precision);

}  // namespace lesson::format
