// Shared by the functional-op tests (test_conv, test_activation,
// test_dropout, test_loss): runs the cases of tests/golden/functional.json
// (written by tests/golden/generate_functional.py from PyTorch 1.13) through
// our ops and autograd, and checks every recorded error's type and text.
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "autograd/engine.hpp"
#include "autograd/node.hpp"
#include "core/errors.hpp"
#include "golden.hpp"
#include "tensor/create.hpp"
#include "tensor/tensor_json.hpp"

namespace lesson::testing::functional {

using nlohmann::json;
using tensor::Tensor;

// The op's arguments by name; a missing or null argument is an undefined
// Tensor (None).
struct Args {
  std::map<std::string, Tensor> tensors;
  Tensor get(const std::string& name) const {
    const auto it = tensors.find(name);
    return it == tensors.end() ? Tensor() : it->second;
  }
};

using Call = std::function<Tensor(const std::string& op, const Args& args, const json& params)>;

inline const json& golden() {
  static const json doc = load_golden("functional.json");
  return doc;
}

inline void check_case(const json& c, const Call& call) {
  const std::string name = c.at("name");
  const std::string op = c.at("op");
  CAPTURE(name);
  Args args;
  for (const auto& [key, value] : c.at("args").items()) {
    args.tensors[key] = value.is_null() ? Tensor() : tensor_from_json(value);
  }
  for (const auto& key : c.at("requires_grad")) args.tensors.at(key.get<std::string>()).set_requires_grad(true);

  const double atol = c.at("atol"), grad_atol = c.at("grad_atol");
  const json& want = c.at("expected");
  const Tensor y = call(op, args, c.at("params"));
  check_tensor(y, want.at("output"), atol, 1e-5);
  if (want.at("grad_fn").is_null()) {
    CHECK(y.grad_fn() == nullptr);
  } else {
    REQUIRE(y.grad_fn() != nullptr);
    CHECK(y.grad_fn()->name() == want.at("grad_fn").get<std::string>());
  }
  const json& grads = want.at("grads");
  if (grads.empty()) return;
  autograd::backward(y, tensor_from_json(c.at("grad_output")));
  for (const auto& [key, expected] : grads.items()) {
    CAPTURE(key);
    const Tensor g = args.get(key).grad();
    REQUIRE(g.defined());
    check_tensor(g, expected, grad_atol, 1e-4);
  }
}

// Every case of `section` whose op is `op`; at least `minimum` of them.
inline void run_cases(const std::string& section, const std::string& op, const Call& call, std::size_t minimum) {
  std::size_t seen = 0;
  for (const json& c : golden().at(section)) {
    if (c.at("op") != op) continue;
    ++seen;
    check_case(c, call);
  }
  CHECK(seen >= minimum);
}

inline Tensor tensor_of_spec(const json& s) {
  if (s.is_null()) return Tensor();
  const auto dtype = dtype_from_json(s.at("dtype"));
  const json& fill = s.at("fill");
  const tensor::Scalar value = dtype == tensor::DType::Float32
                                   ? tensor::Scalar(fill.get<double>())
                                   : tensor::Scalar(static_cast<std::int64_t>(fill.get<double>()));
  return tensor::full(s.at("shape").get<tensor::Shape>(), value, dtype);
}

// Every error case of `op`: same Python exception type, same text.
inline void run_error_cases(const std::string& op, const Call& call) {
  int seen = 0;
  for (const json& e : golden().at("errors")) {
    if (e.at("op") != op) continue;
    ++seen;
    const std::string message = e.at("message");
    CAPTURE(message);
    Args args;
    for (const auto& [key, value] : e.at("args").items()) args.tensors[key] = tensor_of_spec(value);
    bool thrown = false;
    try {
      call(op, args, e.at("params"));
    } catch (const TorchError& err) {
      thrown = true;
      CHECK(std::string(err.what()) == message);
      CHECK(std::string(error_kind_name(err.kind())) == e.at("error").get<std::string>());
    }
    CHECK(thrown);
  }
  CHECK(seen > 0);
}

}  // namespace lesson::testing::functional
