// dropout (native/nn/dropout.cpp) against PyTorch 1.13 after
// torch.manual_seed (tests/golden/functional.json): the mask must be
// PyTorch's, element for element, and so must the gradient (MulBackward0).
#include <doctest/doctest.h>

#include "functional_golden.hpp"
#include "nn/dropout.hpp"
#include "random/generator.hpp"
#include "tensor/create.hpp"

namespace {

using lesson::tensor::Tensor;
using lesson::testing::functional::Args;
using nlohmann::json;

lesson::tensor::Scalar number(const json& j) {
  if (j.is_number_integer()) return lesson::tensor::Scalar(j.get<std::int64_t>());
  return lesson::tensor::Scalar(j.get<double>());
}

Tensor call(const std::string&, const Args& a, const json& p) {
  lesson::random::default_generator().manual_seed(p.at("seed").get<std::uint64_t>());
  return lesson::nn::dropout(a.get("input"), number(p.at("p")), p.at("training"));
}

}  // namespace

TEST_CASE("dropout draws PyTorch's mask after manual_seed") {
  lesson::testing::functional::run_cases("dropout", "dropout", call, 20);
}

TEST_CASE("dropout raises PyTorch's errors") { lesson::testing::functional::run_error_cases("dropout", call); }

TEST_CASE("dropout without training, with p = 0 or on an empty input returns the input itself") {
  const Tensor x = lesson::tensor::ones({3, 4});
  CHECK(lesson::nn::dropout(x, 0.5, false).is_same(x));
  CHECK(lesson::nn::dropout(x, 0.0, true).is_same(x));
  const Tensor e = lesson::tensor::ones({0, 4});
  CHECK(lesson::nn::dropout(e, 0.5, true).is_same(e));
}

TEST_CASE("dropout keeps about 1 - p of the entries, scaled by 1 / (1 - p)") {
  lesson::random::Generator g(7);
  const Tensor y = lesson::nn::dropout(lesson::tensor::ones({100000}), 0.3, true, g);
  std::int64_t kept = 0;
  for (double v : y.to_double_vector()) {
    if (v != 0.0) {
      ++kept;
      CHECK(v == doctest::Approx(1.0 / 0.7).epsilon(1e-6));
    }
  }
  CHECK(static_cast<double>(kept) / 100000.0 == doctest::Approx(0.7).epsilon(0.01));
}
