// matmul, mm, bmm, mv, dot and t against PyTorch 1.13
// (tests/golden/linalg.json, written by tests/golden/generate_linalg.py).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "golden.hpp"
#include "tensor/create.hpp"
#include "tensor/golden_layout.hpp"
#include "tensor/linalg.hpp"
#include "tensor/tensor_json.hpp"

namespace {

namespace T = lesson::tensor;
using nlohmann::json;

T::Tensor run(const std::string& op, const T::Tensor& a, const T::Tensor& b) {
  if (op == "matmul") return T::matmul(a, b);
  if (op == "mm") return T::mm(a, b);
  if (op == "bmm") return T::bmm(a, b);
  if (op == "mv") return T::mv(a, b);
  if (op == "dot") return T::dot(a, b);
  if (op == "t") return T::t(a);
  FAIL("unknown op " << op);
  return T::Tensor();
}

T::Tensor operand(const json& c, const char* key, const char* layout_key) {
  if (!c.contains(key)) return T::Tensor();
  const T::Tensor x = lesson::testing::tensor_from_json(c.at(key));
  return c.contains(layout_key) ? lesson::testing::with_layout(x, c.at(layout_key)) : x;
}

// As the generator's lcg_values: offset + scale * (24 random bits / 2^24).
T::Tensor lcg_values(std::uint64_t seed, const T::Shape& shape) {
  std::vector<double> values(static_cast<std::size_t>(T::numel_of(shape)));
  std::uint64_t s = seed;
  for (auto& v : values) {
    s = 6364136223846793005ULL * s + 1442695040888963407ULL;
    v = -1.0 + 2.0 * (static_cast<double>(s >> 40) / 16777216.0);
  }
  return T::from_doubles(shape, values, T::DType::Float32);
}

// The generator's exact integers: float32 value * 2^20, truncated.
T::Tensor scaled_to_int(const T::Tensor& x) {
  std::vector<std::int64_t> values;
  for (double v : x.to_double_vector()) values.push_back(static_cast<std::int64_t>(static_cast<float>(v) * 1048576.0f));
  return T::from_ints(x.shape(), values);
}

}  // namespace

TEST_CASE("matrix products match PyTorch on every golden case") {
  const auto doc = lesson::testing::load_golden("linalg.json");
  REQUIRE(doc.at("cases").size() >= 60);
  for (const auto& c : doc.at("cases")) {
    const std::string name = c.at("name");
    CAPTURE(name);
    const T::Tensor a = operand(c, "a", "layout_a");
    const T::Tensor b = operand(c, "b", "layout_b");
    const T::Tensor y = run(c.at("op"), a, b);
    // Float sums of k products: PyTorch's BLAS rounds differently by about sqrt(k) ulps.
    const double tol = 1e-5 * std::sqrt(std::max(1.0, c.at("k").get<double>()));
    lesson::testing::check_tensor(y, c.at("expected"), tol, tol);
  }
}

TEST_CASE("matrix products raise PyTorch's errors with its exact text") {
  const auto doc = lesson::testing::load_golden("linalg.json");
  REQUIRE(doc.at("errors").size() >= 30);
  for (const auto& c : doc.at("errors")) {
    const std::string name = c.at("name");
    CAPTURE(name);
    bool raised = false;
    try {
      run(c.at("op"), operand(c, "a", "-"), operand(c, "b", "-"));
    } catch (const lesson::TorchError& e) {
      raised = true;
      CHECK(std::string(lesson::error_kind_name(e.kind())) == c.at("error").get<std::string>());
      CHECK(std::string(e.what()) == c.at("message").get<std::string>());
    }
    CHECK(raised);
  }
}

TEST_CASE("larger products stay within PyTorch's float32 error, int64 exact") {
  const auto doc = lesson::testing::load_golden("linalg.json");
  for (const auto& c : doc.at("large")) {
    const std::string name = c.at("name");
    CAPTURE(name);
    const auto seeds = c.at("seeds").get<std::vector<std::uint64_t>>();
    T::Tensor a = lcg_values(seeds[0], c.at("shape_a").get<T::Shape>());
    T::Tensor b = lcg_values(seeds[1], c.at("shape_b").get<T::Shape>());
    if (c.at("int").get<bool>()) {
      a = scaled_to_int(a);
      b = scaled_to_int(b);
    }
    const T::Tensor y = run(c.at("op"), a, b);
    std::vector<double> got = y.to_double_vector();
    if (c.at("sample").is_number()) {
      const std::size_t step = c.at("sample");
      std::vector<double> kept;
      for (std::size_t i = 0; i < got.size(); i += step) kept.push_back(got[i]);
      got = kept;
    }
    const auto exact = c.at("exact").get<std::vector<double>>();
    const auto torch_values = c.at("expected").at("values").get<std::vector<double>>();
    REQUIRE(got.size() == exact.size());
    // Our float32 error against float64 may differ from PyTorch's only by
    // the sqrt(k)-ulp scale of reordered sums; integers are exact.
    const double k = c.at("k");
    const double bound = c.at("int").get<bool>() ? 0.0 : 1e-6 * std::sqrt(k) + 2.0 * c.at("torch_error").get<double>();
    for (std::size_t i = 0; i < got.size(); ++i) {
      CAPTURE(i);
      CHECK(std::fabs(got[i] - exact[i]) <= bound);
      CHECK(std::fabs(got[i] - torch_values[i]) <= bound + c.at("torch_error").get<double>());
    }
  }
}

TEST_CASE("t is a view; 0-d and 1-D come back unchanged") {
  const T::Tensor x = T::arange(T::Scalar(0), T::Scalar(6)).as_strided({2, 3}, {3, 1}, 0);
  const T::Tensor y = T::t(x);
  CHECK(y.shape() == T::Shape{3, 2});
  CHECK(y.shares_storage(x));
  CHECK(y.to_int_vector() == std::vector<std::int64_t>{0, 3, 1, 4, 2, 5});
  const T::Tensor v = T::arange(T::Scalar(0), T::Scalar(3));
  CHECK(T::t(v).shape() == T::Shape{3});
  CHECK(T::t(v).shares_storage(v));
}
