// The printed form of torch.max/min(x, dim): every case of reduce.json that
// recorded PyTorch's repr of the (values, indices) named tuple.
#include <doctest/doctest.h>

#include <string>

#include "format/return_types.hpp"
#include "golden.hpp"
#include "tensor/reduce_minmax.hpp"
#include "tensor/tensor_json.hpp"

namespace T = lesson::tensor;

TEST_CASE("torch.return_types.max/min print like PyTorch") {
  const auto doc = lesson::testing::load_golden("reduce.json");
  int checked = 0;
  for (const auto& c : doc["cases"]) {
    if (!c.contains("repr")) continue;
    const std::string op = c["op"];
    const std::string name = c["name"];
    CAPTURE(name);
    const T::Tensor x = lesson::testing::tensor_from_json(c["input"]);
    const auto dim = c["args"]["dim"].get<std::int64_t>();
    const bool keepdim = c["args"].value("keepdim", false);
    const T::ValuesIndices r = op == "max" ? T::max(x, dim, keepdim) : T::min(x, dim, keepdim);
    CHECK(lesson::format::values_indices_repr(op, r.values, r.indices) == c["repr"].get<std::string>());
    ++checked;
  }
  CHECK(checked >= 20);
}
