// Conformance with PyTorch 1.13: every program in tests/python/nn_cases/
// (torch.nn layers and Module API, torch.nn.functional, torch.nn.init,
// torch.optim) runs through the Interpreter and through lessonrun, and must
// print exactly what Debian's PyTorch printed into tests/python/nn_expected/
// (stdout, then stderr). Regenerate the expected files with
// tests/python/generate_expected.sh --suite nn.
#include <doctest/doctest.h>

#include "conformance_suite.hpp"

namespace {
const lesson::testing::ConformanceSuite kNn{"nn_cases", "nn_expected", ".txt", "nn cases match PyTorch", 80};
}

TEST_CASE("nn conformance: every torch.nn / optim case prints what PyTorch 1.13 prints") {
  lesson::testing::check_through_interpreter(kNn);
}

TEST_CASE("nn conformance: lessonrun FILE.py prints what PyTorch's python3 FILE.py prints") {
  lesson::testing::check_through_lessonrun(kNn);
}
