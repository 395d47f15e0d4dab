// Conformance with PyTorch 1.13: every program in tests/python/torch_cases/
// runs through the Interpreter (and through the lessonrun CLI) and must print
// exactly what Debian's PyTorch printed into tests/python/torch_expected/
// (stdout, then the traceback on stderr). Regenerate the expected files with
// tests/python/generate_expected.sh --suite torch.
#include <doctest/doctest.h>

#include "conformance_suite.hpp"

namespace {
const lesson::testing::ConformanceSuite kTorch{"torch_cases", "torch_expected", ".txt", "torch cases match PyTorch", 80};
}

TEST_CASE("torch conformance: every case prints what PyTorch 1.13 prints") {
  lesson::testing::check_through_interpreter(kTorch);
}

TEST_CASE("torch conformance: lessonrun FILE.py prints what PyTorch's python3 FILE.py prints") {
  lesson::testing::check_through_lessonrun(kTorch);
}
