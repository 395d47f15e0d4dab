// Conformance with CPython 3.11: every program in tests/python/cases/ runs
// through the Interpreter (and through the lessonrun CLI) and must print
// exactly what CPython printed into tests/python/expected/ (stdout, then
// the traceback on stderr). Regenerate the expected files with
// tests/python/generate_expected.sh.
#include <doctest/doctest.h>

#include "conformance_suite.hpp"

namespace {
const lesson::testing::ConformanceSuite kCpython{"cases", "expected", ".out", "conformance cases match CPython", 150};
}

TEST_CASE("python conformance: every case prints what CPython 3.11 prints") {
  lesson::testing::check_through_interpreter(kCpython);
}

TEST_CASE("python conformance: lessonrun FILE.py prints what python3 FILE.py prints") {
  lesson::testing::check_through_lessonrun(kCpython);
}
