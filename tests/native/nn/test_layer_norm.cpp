#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "golden.hpp"
#include "nn/layer_norm.hpp"

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
    layer_norm_last_dim(x.data(), rows, cols, w.empty() ? nullptr : w.data(),
                        b.empty() ? nullptr : b.data(), eps, y.data());
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
