// LayerNorm (native/nn/layer_norm.cpp): the raw last-dimension kernel the
// page calls (tests/golden/layer_norm.json), and the functional layer_norm
// with autograd against PyTorch 1.13 (tests/golden/norm.json).
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "golden.hpp"
#include "nn/layer_norm.hpp"
#include "nn/norm_golden.hpp"

using lesson::nn::layer_norm_last_dim;
using lesson::nn::RowMoments;

TEST_CASE("layer_norm_last_dim matches PyTorch on every golden case") {
  const auto doc = lesson::testing::load_golden("layer_norm.json");
  REQUIRE(doc["cases"].size() >= 5);
  for (const auto& c : doc["cases"]) {
    const std::string name = c["name"];
    CAPTURE(name);
    const std::size_t rows = c["rows"];
    const std::size_t cols = c["cols"];
    const float eps = c["eps"];
    const float atol = c["atol"];  // 4x PyTorch's own float32 error, see the generator
    const auto x = lesson::testing::floats(c["x"]);
    const auto expected = lesson::testing::floats(c["y"]);
    std::vector<float> w, b;
    if (c.contains("weight")) {
      w = lesson::testing::floats(c["weight"]);
      b = lesson::testing::floats(c["bias"]);
    }
    std::vector<float> y(rows * cols, NAN);
    layer_norm_last_dim(x.data(), rows, cols, w.empty() ? nullptr : w.data(), b.empty() ? nullptr : b.data(),
                        eps, y.data());
    REQUIRE(y.size() == expected.size());
    for (std::size_t i = 0; i < y.size(); ++i) {
      CAPTURE(i);
      CHECK(std::fabs(y[i] - expected[i]) <= atol);
    }
  }
}

TEST_CASE("layer_norm_last_dim gives zero mean and unit variance without affine") {
  const std::size_t rows = 3, cols = 64;
  std::vector<float> x(rows * cols);
  for (std::size_t i = 0; i < x.size(); ++i) {
    x[i] = static_cast<float>(std::sin(0.37 * static_cast<double>(i)) * 3.0 + 2.0);
  }
  std::vector<float> y(x.size());
  std::vector<RowMoments> moments(rows);
  layer_norm_last_dim(x.data(), rows, cols, nullptr, nullptr, 0.0f, y.data(), moments.data());
  for (std::size_t r = 0; r < rows; ++r) {
    double sum = 0.0, sq = 0.0;
    for (std::size_t c = 0; c < cols; ++c) {
      sum += y[r * cols + c];
      sq += static_cast<double>(y[r * cols + c]) * y[r * cols + c];
    }
    CHECK(sum / cols == doctest::Approx(0.0).scale(1.0).epsilon(1e-6));
    CHECK(sq / cols == doctest::Approx(1.0).epsilon(1e-5));
    CHECK(moments[r].rstd > 0.0f);
  }
}

TEST_CASE("layer_norm_last_dim works in place") {
  std::vector<float> x{1.0f, 2.0f, 3.0f, 4.0f};
  std::vector<float> copy = x;
  std::vector<float> out(4);
  layer_norm_last_dim(copy.data(), 1, 4, nullptr, nullptr, 1e-5f, out.data());
  layer_norm_last_dim(x.data(), 1, 4, nullptr, nullptr, 1e-5f, x.data());
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(x[i] == doctest::Approx(out[i]));
  }
}

TEST_CASE("layer_norm_last_dim rejects an empty row and a negative eps") {
  std::vector<float> x{1.0f};
  std::vector<float> y(1);
  CHECK_THROWS_AS(layer_norm_last_dim(x.data(), 1, 0, nullptr, nullptr, 1e-5f, y.data()),
                  std::invalid_argument);
  CHECK_THROWS_AS(layer_norm_last_dim(x.data(), 1, 1, nullptr, nullptr, -1.0f, y.data()),
                  std::invalid_argument);
}

// The functional layer_norm against PyTorch 1.13 (tests/golden/norm.json).

TEST_CASE("layer_norm matches PyTorch on every golden case") {
  lesson::testing::norm::run_golden_cases("layer_norm", 20);
}

TEST_CASE("layer_norm raises PyTorch's errors") { lesson::testing::norm::run_error_cases("layer_norm"); }

TEST_CASE("layer_norm backward agrees with finite differences") {
  using lesson::tensor::Tensor;
  using lesson::testing::norm::pattern;
  SUBCASE("last dim") {
    lesson::testing::norm::finite_difference_check(
        [](const std::vector<Tensor>& a) { return lesson::nn::layer_norm(a[0], {6}, a[1], a[2], 1e-5); },
        {pattern({4, 6}), pattern({6}, 1.0, 0.3, 1.0), pattern({6}, 2.0)});
  }
  SUBCASE("last two dims") {
    lesson::testing::norm::finite_difference_check(
        [](const std::vector<Tensor>& a) {
          return lesson::nn::layer_norm(a[0], {3, 5}, a[1], a[2], 1e-5);
        },
        {pattern({2, 3, 5}), pattern({3, 5}, 1.0, 0.3, 1.0), pattern({3, 5}, 2.0)});
  }
}

TEST_CASE("layer_norm saves PyTorch's mean and rstd shapes") {
  const auto f = lesson::nn::native_layer_norm(lesson::testing::norm::pattern({2, 3, 4, 5}), {4, 5},
                                               lesson::tensor::Tensor(), lesson::tensor::Tensor(), 1e-5);
  CHECK(f.mean.shape() == lesson::tensor::Shape{2, 3, 1, 1});
  CHECK(f.invstd.shape() == lesson::tensor::Shape{2, 3, 1, 1});
}
