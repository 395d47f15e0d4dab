// Golden inputs and results of the view and indexing tests (written by
// tests/golden/strided_inputs.py): an input is its 1-d storage plus shape,
// strides and offset; a result also says whether PyTorch's result shared the
// input's storage ("shares"), was the input itself ("same"), and its strides.
#pragma once

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/errors.hpp"
#include "tensor/layout.hpp"
#include "tensor_json.hpp"

namespace lesson::testing {

struct StridedInput {
  tensor::Tensor storage;  // the whole 1-d storage, to check writes through views
  tensor::Tensor tensor;
};

inline StridedInput strided_from_json(const nlohmann::json& j) {
  StridedInput in;
  in.storage = tensor_from_json(j.at("storage"));
  in.tensor =
      in.storage.as_strided(j.at("shape").get<tensor::Shape>(), j.at("strides").get<tensor::Strides>(),
                            j.at("offset").get<std::int64_t>());
  return in;
}

// Values, dtype and shape; the strides always (PyTorch's layout decides
// whether a later .view() works); the offset and storage sharing of views.
inline void check_strided_result(const tensor::Tensor& actual, const nlohmann::json& expected,
                                 const tensor::Tensor& input) {
  check_tensor(actual, expected, 0.0, 0.0);
  CHECK(tensor::shape_str(actual.strides()) ==
        tensor::shape_str(expected.at("strides").get<tensor::Strides>()));
  const bool shares = expected.at("shares");
  CHECK(actual.shares_storage(input) == shares);
  if (shares) CHECK(actual.offset() == expected.at("offset").get<std::int64_t>());
  if (expected.contains("same")) CHECK(actual.is_same(input) == expected.at("same").get<bool>());
}

// Runs f expecting PyTorch's error: same Python type, same text.
template <class F>
void check_error(F&& f, const nlohmann::json& expected) {
  const std::string type = expected.at("error");
  const std::string message = expected.at("message");
  try {
    f();
    FAIL("expected " << type << ": " << message);
  } catch (const TorchError& e) {
    CHECK(std::string(error_kind_name(e.kind())) == type);
    CHECK(std::string(e.what()) == message);
  }
}

}  // namespace lesson::testing
