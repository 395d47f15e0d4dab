// Reductions against PyTorch 1.13 (tests/golden/reduce.json, written by
// tests/golden/generate_reduce.py): values, dtypes and shapes of every
// case, exact error types and texts, and float32 error on large inputs no
// worse than PyTorch's own.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <variant>
#include <vector>

#include "core/errors.hpp"
#include "golden.hpp"
#include "tensor/golden_layout.hpp"
#include "tensor/reduce_cumsum.hpp"
#include "tensor/reduce_logical.hpp"
#include "tensor/reduce_minmax.hpp"
#include "tensor/reduce_moments.hpp"
#include "tensor/reduce_norm.hpp"
#include "tensor/reduce_sum.hpp"
#include "tensor/tensor_json.hpp"

namespace {

namespace T = lesson::tensor;
using nlohmann::json;
using Result = std::variant<T::Tensor, T::ValuesIndices>;

bool has(const json& args, const char* key) { return args.contains(key) && !args.at(key).is_null(); }

T::DimList dim_list(const json& args) {
  if (!has(args, "dim")) return {};
  const auto& d = args.at("dim");
  return d.is_array() ? d.get<T::DimList>() : T::DimList{d.get<std::int64_t>()};
}

// Calls the op the way the generator called torch.<op> for these args.
Result run(const std::string& op, const T::Tensor& x, const json& args) {
  const bool keepdim = args.value("keepdim", false);
  const bool dim_given = has(args, "dim");
  const bool dim_is_int = dim_given && args.at("dim").is_number_integer();
  const std::int64_t dim = dim_is_int ? args.at("dim").get<std::int64_t>() : 0;
  if (op == "sum") return dim_is_int ? T::sum(x, dim, keepdim) : T::sum(x, dim_list(args), keepdim);
  if (op == "mean") return dim_is_int ? T::mean(x, dim, keepdim) : T::mean(x, dim_list(args), keepdim);
  if (op == "prod") return dim_given ? T::prod(x, dim, keepdim) : T::prod(x);
  if (op == "all") return dim_given ? T::all(x, dim, keepdim) : T::all(x);
  if (op == "any") return dim_given ? T::any(x, dim, keepdim) : T::any(x);
  if (op == "var" || op == "std") {
    const std::int64_t correction = args.contains("unbiased") ? (args.at("unbiased").get<bool>() ? 1 : 0)
                                                              : args.at("correction").get<std::int64_t>();
    return op == "var" ? T::var(x, dim_list(args), correction, keepdim)
                       : T::std_dev(x, dim_list(args), correction, keepdim);
  }
  if (op == "max") return dim_given ? Result(T::max(x, dim, keepdim)) : Result(T::max(x));
  if (op == "min") return dim_given ? Result(T::min(x, dim, keepdim)) : Result(T::min(x));
  if (op == "argmax" || op == "argmin") {
    const std::optional<std::int64_t> d = dim_given ? std::optional<std::int64_t>(dim) : std::nullopt;
    return op == "argmax" ? T::argmax(x, d, keepdim) : T::argmin(x, d, keepdim);
  }
  if (op == "norm") {
    // torch.norm's default p is 'fro', which has its own checks.
    if (!args.contains("p")) return T::norm(x, std::string("fro"), dim_list(args), keepdim);
    const auto& p = args.at("p");
    if (p.is_string()) {
      const std::string s = p;
      if (s == "inf" || s == "-inf") {
        const double inf = std::numeric_limits<double>::infinity();
        return T::norm(x, s == "inf" ? inf : -inf, dim_list(args), keepdim);
      }
      return T::norm(x, s, dim_list(args), keepdim);
    }
    return T::norm(x, p.get<double>(), dim_list(args), keepdim);
  }
  if (op == "cumsum") return T::cumsum(x, dim);
  FAIL("unknown op " << op);
  return T::Tensor();
}

// The LCG inputs of the generator's large cases: offset + scale * u, u
// being 24 random bits / 2^24, computed in double and rounded once.
T::Tensor lcg_values(std::uint64_t seed, const T::Shape& shape, double scale, double offset) {
  const std::int64_t n = T::numel_of(shape);
  std::vector<double> values(static_cast<std::size_t>(n));
  std::uint64_t s = seed;
  for (auto& v : values) {
    s = 6364136223846793005ULL * s + 1442695040888963407ULL;
    v = offset + scale * (static_cast<double>(s >> 40) / 16777216.0);
  }
  return T::from_doubles(shape, values, T::DType::Float32);
}

}  // namespace

TEST_CASE("reductions match PyTorch on every golden case") {
  const auto doc = lesson::testing::load_golden("reduce.json");
  REQUIRE(doc.at("cases").size() >= 150);
  for (const auto& c : doc.at("cases")) {
    const std::string name = c.at("name");
    CAPTURE(name);
    const T::Tensor input = lesson::testing::tensor_from_json(c.at("input"));
    const T::Tensor x = lesson::testing::with_layout(input, c.at("layout"));
    const std::vector<double> before = x.to_double_vector();
    const Result got = run(c.at("op"), x, c.at("args"));
    if (const auto* pair = std::get_if<T::ValuesIndices>(&got)) {
      lesson::testing::check_tensor(pair->values, c.at("expected").at("values"));
      lesson::testing::check_tensor(pair->indices, c.at("expected").at("indices"));
    } else {
      lesson::testing::check_tensor(std::get<T::Tensor>(got), c.at("expected"));
    }
    // The input is left alone (compared bit for bit, nan included).
    const std::vector<double> after = x.to_double_vector();
    for (std::size_t i = 0; i < before.size(); ++i) {
      CHECK((before[i] == after[i] || (std::isnan(before[i]) && std::isnan(after[i]))));
    }
  }
}

TEST_CASE("reductions raise PyTorch's errors with its exact text") {
  const auto doc = lesson::testing::load_golden("reduce.json");
  REQUIRE(doc.at("errors").size() >= 30);
  for (const auto& c : doc.at("errors")) {
    const std::string name = c.at("name");
    CAPTURE(name);
    const T::Tensor x = lesson::testing::tensor_from_json(c.at("input"));
    bool raised = false;
    try {
      run(c.at("op"), x, c.at("args"));
    } catch (const lesson::TorchError& e) {
      raised = true;
      CHECK(std::string(lesson::error_kind_name(e.kind())) == c.at("error").get<std::string>());
      CHECK(std::string(e.what()) == c.at("message").get<std::string>());
    }
    CHECK(raised);
  }
}

TEST_CASE("float32 reductions of large inputs stay at PyTorch's error level") {
  const auto doc = lesson::testing::load_golden("reduce.json");
  REQUIRE(doc.at("large").size() >= 5);
  for (const auto& c : doc.at("large")) {
    const std::string name = c.at("name");
    CAPTURE(name);
    const T::Tensor x = lcg_values(c.at("seed"), c.at("shape").get<T::Shape>(), c.at("scale"), c.at("offset"));
    const Result got = run(c.at("op"), x, c.at("args"));
    T::Tensor y = std::get<T::Tensor>(got);
    std::vector<double> values = y.to_double_vector();
    if (c.at("sample").is_number()) {  // the generator kept every sample-th element
      const std::size_t step = c.at("sample");
      std::vector<double> kept;
      for (std::size_t i = 0; i < values.size(); i += step) kept.push_back(values[i]);
      values = kept;
    }
    const auto& expected = c.at("expected");
    REQUIRE(T::dtype_name(y.dtype()) == std::string("torch.") + expected.at("dtype").get<std::string>());
    const auto exact = c.at("exact").get<std::vector<double>>();
    const auto torch_values = expected.at("values").get<std::vector<double>>();
    REQUIRE(values.size() == exact.size());
    const double torch_error = c.at("torch_error");
    for (std::size_t i = 0; i < values.size(); ++i) {
      CAPTURE(i);
      // Our distance from the float64 result is within PyTorch's own (or
      // within 4 float ulps of the result, when PyTorch happens to be exact).
      const double ulps4 = 4.0 * std::fabs(exact[i]) * std::numeric_limits<float>::epsilon();
      CHECK(std::fabs(values[i] - exact[i]) <= std::max(1.5 * torch_error, ulps4));
      CHECK(std::fabs(values[i] - torch_values[i]) <= 2.5 * torch_error + ulps4);
    }
  }
}
