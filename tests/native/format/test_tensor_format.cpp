#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#include "format/tensor_format.hpp"
#include "format_golden.hpp"
#include "golden.hpp"

using lesson::format::format_dtype;
using lesson::format::format_parameter;
using lesson::format::format_size;
using lesson::format::format_tensor;
using lesson::format::PrintOptions;
using lesson::format::TensorData;
using lesson::tensor::DType;

namespace {

std::string repr(const TensorData& t, bool parameter, const PrintOptions& options) {
  return parameter ? format_parameter(t, options) : format_tensor(t, options);
}

// Puts the process-wide options back to PyTorch's defaults when a test ends.
struct DefaultOptionsAfter {
  ~DefaultOptionsAfter() { lesson::format::print_options() = PrintOptions{}; }
};

}  // namespace

TEST_CASE("format_tensor prints every golden tensor exactly as PyTorch 1.13") {
  const auto doc = lesson::testing::load_golden("format.json");
  REQUIRE(doc["tensors"].size() >= 80);
  for (const auto& c : doc["tensors"]) {
    const std::string name = c["name"];
    CAPTURE(name);
    const TensorData t = lesson::testing::tensor_data_from_case(c);
    const PrintOptions options = lesson::testing::options_from_json(c["options"]);
    CHECK(repr(t, c["parameter"], options) == c["repr"].get<std::string>());
  }
}

TEST_CASE("format_tensor uses the options set_print_options leaves, as torch.set_printoptions") {
  DefaultOptionsAfter restore;
  const auto doc = lesson::testing::load_golden("format.json");
  for (const auto& c : doc["tensors"]) {
    const std::string name = c["name"];
    CAPTURE(name);
    auto& global = lesson::format::print_options();
    global = PrintOptions{};
    lesson::format::set_print_options({{}, {}, {}, {}, std::string("default"), {}});
    for (const auto& kwargs : c["set_printoptions"]) {
      lesson::format::set_print_options(lesson::testing::update_from_kwargs(kwargs));
    }
    const PrintOptions expected = lesson::testing::options_from_json(c["options"]);
    CHECK(global.precision == expected.precision);
    CHECK(global.threshold == expected.threshold);
    CHECK(global.edgeitems == expected.edgeitems);
    CHECK(global.linewidth == expected.linewidth);
    CHECK(global.sci_mode == expected.sci_mode);
    const TensorData t = lesson::testing::tensor_data_from_case(c);
    const std::string text = c["parameter"] ? format_parameter(t) : format_tensor(t);
    CHECK(text == c["repr"].get<std::string>());
  }
}

TEST_CASE("format_size and format_dtype match PyTorch") {
  const auto doc = lesson::testing::load_golden("format.json");
  REQUIRE(doc["sizes"].size() >= 5);
  for (const auto& c : doc["sizes"]) {
    CHECK(format_size(c["shape"].get<std::vector<std::int64_t>>()) == c["str"].get<std::string>());
  }
  REQUIRE(doc["dtypes"].size() == 3);
  for (const auto& c : doc["dtypes"]) {
    CHECK(format_dtype(lesson::testing::dtype_from_name(c["dtype"])) == c["str"].get<std::string>());
  }
}

TEST_CASE("format_tensor examples") {
  TensorData t;
  t.dtype = DType::Float32;
  t.shape = {2};
  t.floats = {1.0, 2.5};
  CHECK(format_tensor(t, PrintOptions{}) == "tensor([1.0000, 2.5000])");
  t.grad_fn = "MulBackward0";
  t.requires_grad = true;  // grad_fn wins, as a non-leaf never shows requires_grad
  CHECK(format_tensor(t, PrintOptions{}) == "tensor([1.0000, 2.5000], grad_fn=<MulBackward0>)");

  TensorData b;
  b.dtype = DType::Bool;
  b.shape = {};
  b.ints = {1};
  CHECK(format_tensor(b, PrintOptions{}) == "tensor(True)");

  CHECK(format_size({}) == "torch.Size([])");
  CHECK(format_size({64}) == "torch.Size([64])");
  CHECK(format_size({8, 64, 56, 56}) == "torch.Size([8, 64, 56, 56])");
}

TEST_CASE("format_tensor rejects data that does not fit the shape") {
  TensorData t;
  t.dtype = DType::Float32;
  t.shape = {2, 3};
  t.floats = {1.0, 2.0};
  CHECK_THROWS_AS(format_tensor(t, PrintOptions{}), std::invalid_argument);
  t.dtype = DType::Int64;  // the ints are what an int64 tensor reads
  t.ints = {1, 2, 3, 4, 5, 6};
  CHECK(format_tensor(t, PrintOptions{}) == "tensor([[1, 2, 3],\n        [4, 5, 6]])");
  t.shape = {-1};
  CHECK_THROWS_AS(format_tensor(t, PrintOptions{}), std::invalid_argument);
}

TEST_CASE("summarizing two or more dimensions with edgeitems 0 fails like PyTorch") {
  // torch.set_printoptions(threshold=3, edgeitems=0); print(torch.zeros(2, 2))
  // raises "stack expects a non-empty TensorList" in get_summarized_data.
  TensorData t;
  t.dtype = DType::Float32;
  t.shape = {2, 2};
  t.floats = {0, 0, 0, 0};
  PrintOptions options;
  options.threshold = 3;
  options.edgeitems = 0;
  CHECK_THROWS_AS(format_tensor(t, options), std::runtime_error);
  options.threshold = 4;  // not summarized: prints
  CHECK(format_tensor(t, options) == "tensor([[0., 0.],\n        [0., 0.]])");
}
