// Losses (native/nn/loss.cpp) against PyTorch 1.13
// (tests/golden/functional.json): values, grad_fn names (which follow
// PyTorch's composite structure), gradients of input and float targets, and
// every error's type and text.
#include <doctest/doctest.h>

#include <cmath>

#include "functional_golden.hpp"
#include "nn/loss.hpp"
#include "tensor/create.hpp"

namespace {

using lesson::tensor::Tensor;
using lesson::testing::functional::Args;
using nlohmann::json;

Tensor call(const std::string& op, const Args& a, const json& p) {
  const std::string reduction = p.at("reduction");
  if (op == "mse_loss") return lesson::nn::mse_loss(a.get("input"), a.get("target"), reduction);
  if (op == "l1_loss") return lesson::nn::l1_loss(a.get("input"), a.get("target"), reduction);
  if (op == "cross_entropy") {
    return lesson::nn::cross_entropy(a.get("input"), a.get("target"), a.get("weight"), p.at("ignore_index"),
                                     reduction, p.at("label_smoothing"));
  }
  if (op == "binary_cross_entropy_with_logits") {
    return lesson::nn::binary_cross_entropy_with_logits(a.get("input"), a.get("target"), a.get("weight"),
                                                        reduction, a.get("pos_weight"));
  }
  throw std::runtime_error("unknown op " + op);
}

}  // namespace

TEST_CASE("mse_loss matches PyTorch") {
  lesson::testing::functional::run_cases("loss", "mse_loss", call, 20);
  lesson::testing::functional::run_error_cases("mse_loss", call);
}

TEST_CASE("l1_loss matches PyTorch") {
  lesson::testing::functional::run_cases("loss", "l1_loss", call, 20);
  lesson::testing::functional::run_error_cases("l1_loss", call);
}

TEST_CASE("cross_entropy matches PyTorch") {
  lesson::testing::functional::run_cases("loss", "cross_entropy", call, 40);
}

TEST_CASE("cross_entropy raises PyTorch's errors") {
  lesson::testing::functional::run_error_cases("cross_entropy", call);
}

TEST_CASE("binary_cross_entropy_with_logits matches PyTorch") {
  lesson::testing::functional::run_cases("loss", "binary_cross_entropy_with_logits", call, 20);
  lesson::testing::functional::run_error_cases("binary_cross_entropy_with_logits", call);
}

TEST_CASE("cross_entropy of confident correct logits is near zero, and uniform logits give log(C)") {
  const Tensor x = lesson::tensor::from_doubles({2, 3}, {20.0, 0.0, 0.0, 0.0, 0.0, 0.0});
  const Tensor t = lesson::tensor::from_ints({2}, {0, 2});
  const auto none = lesson::nn::cross_entropy(x, t, Tensor(), -100, "none").to_double_vector();
  CHECK(none[0] == doctest::Approx(0.0).scale(1.0).epsilon(1e-6));
  CHECK(none[1] == doctest::Approx(std::log(3.0)).epsilon(1e-6));
}
