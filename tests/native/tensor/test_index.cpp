// Indexing and index assignment against PyTorch 1.13
// (tests/golden/index.json): results, whether they are views, their
// strides, the storage after each assignment, and the exact error texts.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "golden.hpp"
#include "strided_json.hpp"
#include "tensor/advanced_index.hpp"
#include "tensor/create.hpp"
#include "tensor/index.hpp"

namespace lt = lesson::tensor;
using lesson::testing::check_error;
using lesson::testing::check_strided_result;
using lesson::testing::check_tensor;
using lesson::testing::strided_from_json;
using lesson::testing::tensor_from_json;
using nlohmann::json;

namespace {

std::optional<std::int64_t> optional_int(const json& j) {
  if (j.is_null()) return std::nullopt;
  return j.get<std::int64_t>();
}

lt::TensorIndex index_entry(const json& e) {
  if (e.contains("int")) return lt::TensorIndex(e.at("int").get<std::int64_t>());
  if (e.contains("slice")) {
    const auto& s = e.at("slice");
    return lt::Slice{optional_int(s[0]), optional_int(s[1]), optional_int(s[2])};
  }
  if (e.contains("none")) return lt::NoneIndex{};
  if (e.contains("ellipsis")) return lt::EllipsisIndex{};
  if (e.contains("bool")) return lt::TensorIndex::boolean(e.at("bool").get<bool>());
  return tensor_from_json(e.at("tensor"));
}

std::vector<lt::TensorIndex> subscript(const json& entries) {
  std::vector<lt::TensorIndex> out;
  for (const auto& e : entries) out.push_back(index_entry(e));
  return out;
}

lt::Scalar scalar_from_json(const json& v) {
  if (v.is_boolean()) return lt::Scalar(v.get<bool>());
  if (v.is_number_integer()) return lt::Scalar(v.get<std::int64_t>());
  return lt::Scalar(v.get<double>());
}

// x[index] = value for a "set" case; the value is a number, a tensor or a
// view of x's own storage.
void assign(const lt::Tensor& storage, const lt::Tensor& x, const json& c) {
  const auto indices = subscript(c.at("index"));
  const auto& v = c.at("value");
  if (v.contains("scalar")) {
    lt::index_put(x, indices, scalar_from_json(v.at("scalar")));
  } else if (v.contains("tensor")) {
    lt::index_put(x, indices, tensor_from_json(v.at("tensor")));
  } else {
    const auto& view = v.at("view");
    lt::index_put(x, indices,
                  storage.as_strided(view.at("shape").get<lt::Shape>(), view.at("strides").get<lt::Strides>(),
                                     view.at("offset").get<std::int64_t>()));
  }
}

void put(const lt::Tensor& x, const json& c) {
  std::vector<lt::Tensor> indices;
  for (const auto& i : c.at("indices")) indices.push_back(i.is_null() ? lt::Tensor() : tensor_from_json(i));
  lt::index_put_with_tensors(x, indices, tensor_from_json(c.at("value")), c.at("accumulate").get<bool>());
}

}  // namespace

TEST_CASE("indexing and index assignment match PyTorch on every golden case") {
  const auto doc = lesson::testing::load_golden("index.json");
  REQUIRE(doc.at("cases").size() >= 120);
  std::size_t next = 0;
  for (const auto& c : doc.at("cases")) {
    const std::size_t number = next++;
    const std::string kind = c.at("kind");
    CAPTURE(number);
    CAPTURE(kind);
    CAPTURE(c.contains("index") ? c.at("index").dump() : c.at("indices").dump());
    const auto input = strided_from_json(c.at("input"));
    if (kind == "get") {
      const auto indices = subscript(c.at("index"));
      if (c.contains("error")) {
        check_error([&] { lt::index(input.tensor, indices); }, c.at("error"));
      } else {
        check_strided_result(lt::index(input.tensor, indices), c.at("result"), input.tensor);
      }
      continue;
    }
    const auto version = input.tensor.version();
    const auto run = [&] { kind == "set" ? assign(input.storage, input.tensor, c) : put(input.tensor, c); };
    if (c.contains("error")) {
      check_error(run, c.at("error"));
      continue;
    }
    run();
    check_tensor(input.storage, c.at("storage_after"), 0.0, 0.0);
    // Every write bumps the version; x[False] = v writes nothing.
    if (kind == "set" && c.at("index").dump() != R"([{"bool":false}])")
      CHECK(input.tensor.version() > version);
  }
}

TEST_CASE("basic indexing gives views that write through, advanced indexing copies") {
  lt::Tensor x = lt::arange(lt::Scalar(0), lt::Scalar(12));
  x = lt::from_ints({3, 4}, x.to_int_vector());
  const lt::Tensor row = lt::index(x, {1});
  CHECK(row.shares_storage(x));
  lt::index_put(row, {lt::Slice{1, 3, std::nullopt}}, lt::Scalar(-1));
  CHECK(x.to_int_vector()[5] == -1);
  CHECK(x.to_int_vector()[6] == -1);
  const lt::Tensor picked = lt::index(x, {lt::from_ints({2}, {0, 2})});
  CHECK_FALSE(picked.shares_storage(x));
  CHECK(picked.shape() == lt::Shape{2, 4});
}

TEST_CASE("x[False] = v writes nothing and leaves the version alone") {
  const lt::Tensor x = lt::zeros({2});
  const auto version = x.version();
  lt::index_put(x, {lt::TensorIndex::boolean(false)}, lt::ones({7}));
  CHECK(x.version() == version);
  CHECK(x.to_double_vector() == std::vector<double>{0.0, 0.0});
}
