#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "format/python_float.hpp"
#include "format_golden.hpp"
#include "golden.hpp"

using lesson::format::format_python_fixed;
using lesson::format::format_python_float;
using lesson::format::format_python_scientific;

TEST_CASE("format_python_float is CPython's repr on every golden double") {
  const auto doc = lesson::testing::load_golden("format.json");
  REQUIRE(doc["python_floats"].size() >= 300);
  for (const auto& c : doc["python_floats"]) {
    const std::string bits = c["bits"];
    CAPTURE(bits);
    CHECK(format_python_float(lesson::testing::double_from_bits(bits)) == c["repr"].get<std::string>());
  }
}

TEST_CASE("format_python_fixed and format_python_scientific are Python's .Nf and .Ne") {
  const auto doc = lesson::testing::load_golden("format.json");
  REQUIRE(doc["python_formats"].size() >= 100);
  for (const auto& c : doc["python_formats"]) {
    const std::string bits = c["bits"];
    const int precision = c["precision"];
    CAPTURE(bits);
    CAPTURE(precision);
    const double v = lesson::testing::double_from_bits(bits);
    CHECK(format_python_fixed(v, precision) == c["fixed"].get<std::string>());
    CHECK(format_python_scientific(v, precision) == c["scientific"].get<std::string>());
  }
}

TEST_CASE("format_python_float examples") {
  CHECK(format_python_float(0.1) == "0.1");
  CHECK(format_python_float(static_cast<double>(0.1f)) == "0.10000000149011612");  // t.item()
  CHECK(format_python_float(1.0) == "1.0");
  CHECK(format_python_float(-0.0) == "-0.0");
  CHECK(format_python_float(1e-5) == "1e-05");
  CHECK(format_python_float(1e-4) == "0.0001");
  CHECK(format_python_float(1e16) == "1e+16");
  CHECK(format_python_float(1e15) == "1000000000000000.0");
  CHECK(format_python_float(1.5e300) == "1.5e+300");
  CHECK(format_python_float(5e-324) == "5e-324");
  CHECK(format_python_float(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(format_python_float(-std::numeric_limits<double>::infinity()) == "-inf");
  CHECK(format_python_float(-std::nan("")) == "nan");
  CHECK(format_python_scientific(1e-5, 4) == "1.0000e-05");
  CHECK(format_python_fixed(-std::nan(""), 4) == "nan");
}
