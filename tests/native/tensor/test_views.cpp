// Views and shape operations against PyTorch 1.13 (tests/golden/views.json):
// values, whether the result is a view of the input, its strides, and the
// exact error texts.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "golden.hpp"
#include "strided_json.hpp"
#include "tensor/clone.hpp"
#include "tensor/join.hpp"
#include "tensor/repeat.hpp"
#include "tensor/reshape.hpp"
#include "tensor/split.hpp"
#include "tensor/views.hpp"

namespace lt = lesson::tensor;
using lesson::testing::check_error;
using lesson::testing::check_strided_result;
using lesson::testing::strided_from_json;
using nlohmann::json;

namespace {

using Ints = std::vector<std::int64_t>;

// One golden op: its result as a list (one element for single-result ops).
std::vector<lt::Tensor> run_single(const std::string& op, const lt::Tensor& x, const json& a) {
  const auto i = [&](const char* k) { return a.at(k).get<std::int64_t>(); };
  const auto v = [&](const char* k) { return a.at(k).get<Ints>(); };
  if (op == "view") return {lt::view(x, v("shape"))};
  if (op == "reshape") return {lt::reshape(x, v("shape"))};
  if (op == "permute") return {lt::permute(x, v("dims"))};
  if (op == "transpose") return {lt::transpose(x, i("dim0"), i("dim1"))};
  if (op == "T") return {lt::numpy_T(x)};
  if (op == "unsqueeze") return {lt::unsqueeze(x, i("dim"))};
  if (op == "squeeze") return {lt::squeeze(x)};
  if (op == "squeeze_dim") return {lt::squeeze(x, i("dim"))};
  if (op == "flatten") return {lt::flatten(x, i("start_dim"), i("end_dim"))};
  if (op == "expand") return {lt::expand(x, v("sizes"))};
  if (op == "repeat") return {lt::repeat(x, v("repeats"))};
  if (op == "contiguous") return {lt::contiguous(x)};
  if (op == "clone") return {lt::clone(x)};
  if (op == "detach") return {lt::detach(x)};
  if (op == "select") return {lt::select(x, i("dim"), i("index"))};
  if (op == "narrow") return {lt::narrow(x, i("dim"), i("start"), i("length"))};
  if (op == "chunk") return lt::chunk(x, i("chunks"), i("dim"));
  if (op == "split") return lt::split(x, i("split_size"), i("dim"));
  if (op == "split_sizes") return lt::split_with_sizes(x, v("split_sizes"), i("dim"));
  throw std::runtime_error("unknown op in views.json: " + op);
}

lt::Tensor run_list(const std::string& op, const std::vector<lt::Tensor>& xs, const json& a) {
  const auto dim = a.at("dim").get<std::int64_t>();
  if (op == "cat") return lt::cat(xs, dim);
  if (op == "stack") return lt::stack(xs, dim);
  throw std::runtime_error("unknown op in views.json: " + op);
}

}  // namespace

TEST_CASE("views and shape ops match PyTorch on every golden case") {
  const auto doc = lesson::testing::load_golden("views.json");
  REQUIRE(doc.at("cases").size() >= 150);
  std::size_t next = 0;
  for (const auto& c : doc.at("cases")) {
    const std::size_t index = next++;
    const std::string op = c.at("op");
    CAPTURE(index);
    CAPTURE(op);
    CAPTURE(c.at("args").dump());
    if (c.contains("inputs")) {
      std::vector<lt::Tensor> xs;
      for (const auto& in : c.at("inputs")) xs.push_back(strided_from_json(in).tensor);
      if (c.contains("error")) {
        check_error([&] { run_list(op, xs, c.at("args")); }, c.at("error"));
        continue;
      }
      const lt::Tensor r = run_list(op, xs, c.at("args"));
      check_strided_result(r, c.at("result"), xs.empty() ? r : xs[0]);
      continue;
    }
    const auto input = strided_from_json(c.at("input"));
    if (c.contains("error")) {
      check_error([&] { run_single(op, input.tensor, c.at("args")); }, c.at("error"));
      continue;
    }
    const auto results = run_single(op, input.tensor, c.at("args"));
    if (c.contains("results")) {
      REQUIRE(results.size() == c.at("results").size());
      for (std::size_t k = 0; k < results.size(); ++k) {
        CAPTURE(k);
        check_strided_result(results[k], c.at("results")[k], input.tensor);
      }
    } else {
      REQUIRE(results.size() == 1);
      check_strided_result(results[0], c.at("result"), input.tensor);
    }
  }
}

TEST_CASE("views write through to the storage they share") {
  lt::Tensor x = lt::Tensor::make({2, 3}, lt::DType::Float32);
  const lt::Tensor t = lt::transpose(x, 0, 1);
  const lt::Tensor row = lt::select(t, 0, 2);  // x[:, 2]
  row.data<float>()[row.strides()[0]] = 5.0f;  // x[1, 2]
  CHECK(x.data<float>()[5] == 5.0f);
  const lt::Tensor d = lt::detach(x);
  CHECK(d.shares_storage(x));
  CHECK_FALSE(d.is_same(x));
  CHECK_FALSE(d.requires_grad());
}

TEST_CASE("reshape copies exactly when no view exists") {
  const lt::Tensor x = lt::Tensor::make({4, 3}, lt::DType::Float32);
  CHECK(lt::reshape(x, {3, 4}).shares_storage(x));
  const lt::Tensor t = lt::transpose(x, 0, 1);
  CHECK_FALSE(lt::reshape(t, {12}).shares_storage(x));
  CHECK(lt::reshape(t, {3, 2, 2}).shares_storage(x));
  CHECK(lt::contiguous(x).is_same(x));
  CHECK_FALSE(lt::clone(x).shares_storage(x));
}
