// A directory of Python programs with the outputs an oracle printed for them
// (CPython for tests/python/cases, PyTorch 1.13 for torch_cases and
// nn_cases): each program runs through the Interpreter, or through the
// lessonrun CLI, and must print exactly the recorded text (stdout, then
// stderr).
#pragma once

#include <cstddef>
#include <string>

namespace lesson::testing {

struct ConformanceSuite {
  std::string cases;         // directory under tests/python holding NAME.py
  std::string expected;      // directory under tests/python holding NAME + extension
  std::string extension;     // ".out" or ".txt"
  std::string label;         // "conformance cases match CPython"
  std::size_t min_cases;     // the suite must not shrink below this
};

// Every case through a fresh Interpreter (run_cell as "<cell 1>", then
// shutdown); doctest CHECKs per mismatch and a MESSAGE with the count.
void check_through_interpreter(const ConformanceSuite& suite);
// Every case as `lessonrun FILE.py` (the binary next to the test binary):
// the same text with the script's path in tracebacks, exit status 0 exactly
// when nothing went to stderr.
void check_through_lessonrun(const ConformanceSuite& suite);

}  // namespace lesson::testing
