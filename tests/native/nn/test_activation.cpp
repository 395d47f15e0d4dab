// Activations (native/nn/activation.cpp) against PyTorch 1.13
// (tests/golden/functional.json): outputs, grad_fn names, input gradients
// and error texts; softmax's max subtraction on rows far from zero.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "functional_golden.hpp"
#include "nn/activation.hpp"
#include "tensor/create.hpp"
#include "tensor/views.hpp"

namespace {

using lesson::tensor::Tensor;
using lesson::testing::functional::Args;
using nlohmann::json;

Tensor call(const std::string& op, const Args& a, const json& p) {
  const Tensor x = a.get("input");
  if (op == "leaky_relu") return lesson::nn::leaky_relu(x, p.at("negative_slope"));
  if (op == "gelu") return lesson::nn::gelu(x, p.at("approximate"));
  if (op == "silu") return lesson::nn::silu(x);
  if (op == "softmax") return lesson::nn::softmax(x, p.at("dim"));
  if (op == "log_softmax") return lesson::nn::log_softmax(x, p.at("dim"));
  if (op == "hardtanh") return lesson::nn::hardtanh(x, p.at("min_val"), p.at("max_val"));
  if (op == "relu6") return lesson::nn::relu6(x);
  if (op == "elu") return lesson::nn::elu(x, p.at("alpha"));
  throw std::runtime_error("unknown op " + op);
}

}  // namespace

TEST_CASE("leaky_relu matches PyTorch") {
  lesson::testing::functional::run_cases("activation", "leaky_relu", call, 20);
  lesson::testing::functional::run_error_cases("leaky_relu", call);
}

TEST_CASE("gelu matches PyTorch (exact and tanh)") {
  lesson::testing::functional::run_cases("activation", "gelu", call, 20);
  lesson::testing::functional::run_error_cases("gelu", call);
}

TEST_CASE("silu matches PyTorch") {
  lesson::testing::functional::run_cases("activation", "silu", call, 20);
  lesson::testing::functional::run_error_cases("silu", call);
}

TEST_CASE("softmax matches PyTorch") {
  lesson::testing::functional::run_cases("activation", "softmax", call, 20);
  lesson::testing::functional::run_error_cases("softmax", call);
}

TEST_CASE("log_softmax matches PyTorch") {
  lesson::testing::functional::run_cases("activation", "log_softmax", call, 20);
  lesson::testing::functional::run_error_cases("log_softmax", call);
}

TEST_CASE("hardtanh and relu6 match PyTorch") {
  lesson::testing::functional::run_cases("activation", "hardtanh", call, 20);
  lesson::testing::functional::run_cases("activation", "relu6", call, 20);
  lesson::testing::functional::run_error_cases("hardtanh", call);
}

TEST_CASE("elu matches PyTorch") {
  lesson::testing::functional::run_cases("activation", "elu", call, 20);
  lesson::testing::functional::run_error_cases("elu", call);
}

TEST_CASE("softmax subtracts the row maximum: huge logits stay finite") {
  const Tensor x = lesson::tensor::from_doubles({2, 3}, {1000.0, 1001.0, 1002.0, -1000.0, -1000.0, -999.0});
  const auto y = lesson::nn::softmax(x, 1).to_double_vector();
  const auto ly = lesson::nn::log_softmax(x, 1).to_double_vector();
  // Row 0: exp(-2), exp(-1), 1 over their sum; row 1: exp(-1), exp(-1), 1.
  const double s0 = std::exp(-2.0) + std::exp(-1.0) + 1.0;
  const double s1 = 2.0 * std::exp(-1.0) + 1.0;
  CHECK(y[2] == doctest::Approx(1.0 / s0).epsilon(1e-6));
  CHECK(y[0] == doctest::Approx(std::exp(-2.0) / s0).epsilon(1e-6));
  CHECK(y[5] == doctest::Approx(1.0 / s1).epsilon(1e-6));
  CHECK(y[3] == doctest::Approx(std::exp(-1.0) / s1).epsilon(1e-6));
  CHECK(ly[2] == doctest::Approx(-std::log(s0)).epsilon(1e-6));
  CHECK(ly[3] == doctest::Approx(-1.0 - std::log(s1)).epsilon(1e-6));
}

TEST_CASE("hardtanh clamps integer tensors without autograd") {
  const Tensor x = lesson::tensor::from_ints({4}, {-5, 0, 3, 9});
  const Tensor y = lesson::nn::hardtanh(x, -2.0, 4.0);
  CHECK(y.to_double_vector() == std::vector<double>{-2.0, 0.0, 3.0, 4.0});
}

TEST_CASE("softmax over a dim of a non-contiguous view matches the contiguous copy") {
  const Tensor base = lesson::tensor::from_doubles({3, 4}, {0.1, 2.0, -1.0, 0.5, 3.0, 1.0, 0.0, -2.0, 1.5, 1.5, 0.2, 0.7});
  const Tensor view = lesson::tensor::transpose(base, 0, 1);  // [4, 3], strided
  REQUIRE_FALSE(view.is_contiguous());
  for (std::int64_t dim : {0, 1}) {
    CHECK(lesson::nn::softmax(view, dim).to_double_vector() ==
          lesson::nn::softmax(view.contiguous(), dim).to_double_vector());
    CHECK(lesson::nn::log_softmax(view, dim).to_double_vector() ==
          lesson::nn::log_softmax(view.contiguous(), dim).to_double_vector());
  }
}
