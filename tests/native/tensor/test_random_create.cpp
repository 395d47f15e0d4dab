#include <doctest/doctest.h>

#include <string>

#include "core/errors.hpp"
#include "golden.hpp"
#include "random/generator.hpp"
#include "tensor/create.hpp"
#include "tensor/random_create.hpp"
#include "tensor/tensor_json.hpp"

using namespace lesson::tensor;
using lesson::random::default_generator;
using nlohmann::json;

namespace {

Tensor make_random(const std::string& op, const Shape& shape, const json& args) {
  if (op == "rand") return rand(shape);
  if (op == "randn") return randn(shape);
  if (op == "randint") return randint(args[0], args[1], shape);
  if (op == "randint_float") return randint(args[0], args[1], shape, DType::Float32);
  if (op == "randperm") return randperm(shape.at(0));
  if (op == "rand_like") return rand_like(zeros(shape));
  if (op == "randn_like") return randn_like(zeros(shape));
  FAIL("unknown op " << op);
  return Tensor();
}

void fill(const std::string& op, const Tensor& view) {
  if (op == "uniform_") return uniform_(view, -2.0, 3.0);
  if (op == "normal_") return normal_(view, 1.0, 0.5);
  if (op == "bernoulli_") return bernoulli_(view, 0.3);
  FAIL("unknown fill " << op);
}

}  // namespace

TEST_CASE("random factories reproduce PyTorch bit for bit after manual_seed") {
  const auto doc = lesson::testing::load_golden("random_create.json");
  REQUIRE(doc["factories"].size() >= 60);
  for (const auto& c : doc["factories"]) {
    const std::string op = c["op"];
    CAPTURE(op);
    CAPTURE(c["shape"].dump());
    default_generator().manual_seed(c["seed"].get<std::uint64_t>());
    const Shape shape = c["shape"].get<Shape>();
    const Tensor first = make_random(op, shape, c["args"]);
    const Tensor second = make_random(op, shape, c["args"]);
    lesson::testing::check_tensor(first, c["first"], 0.0, 0.0);
    lesson::testing::check_tensor(second, c["second"], 0.0, 0.0);
  }
}

TEST_CASE("in-place random fills of non-contiguous views follow PyTorch's element order") {
  const auto doc = lesson::testing::load_golden("random_create.json");
  REQUIRE(doc["view_fills"].size() >= 15);
  for (const auto& c : doc["view_fills"]) {
    const std::string op = c["op"];
    const std::string view_name = c["view"];
    CAPTURE(op);
    CAPTURE(view_name);
    const Tensor base = zeros(c["base_shape"].get<Shape>());
    const Tensor view = base.as_strided(c["view_shape"].get<Shape>(), c["view_strides"].get<Strides>(),
                                        c["view_offset"].get<std::int64_t>());
    REQUIRE_FALSE(view.is_contiguous());
    default_generator().manual_seed(c["seed"].get<std::uint64_t>());
    fill(op, view);
    lesson::testing::check_tensor(base, c["base"], 0.0, 0.0);
  }
}

TEST_CASE("random factories and fills raise PyTorch's errors") {
  const auto doc = lesson::testing::load_golden("random_create.json");
  for (const auto& c : doc["errors"]) {
    const std::string op = c["op"];
    const std::string message = c["message"];
    CAPTURE(op);
    auto run = [&] {
      if (op == "randint") return (void)randint(c["args"][0], c["args"][1], c["shape"].get<Shape>());
      if (op == "rand") return (void)rand(c["shape"].get<Shape>());
      if (op == "randperm") return (void)randperm(c["shape"][0].get<std::int64_t>());
      if (op == "uniform_long") return uniform_(zeros({3}, DType::Int64));
      if (op == "normal_long") return normal_(zeros({3}, DType::Int64));
      if (op == "normal_negative_std") return normal_(zeros({3}), 0.0, -1.0);
      if (op == "uniform_reversed") return uniform_(zeros({3}), 2.0, 1.0);
      FAIL("unknown error case " << op);
    };
    CHECK(c["error"] == "RuntimeError");
    CHECK_THROWS_WITH_AS(run(), message.c_str(), lesson::TorchError);
  }
}
