// Running tests/golden/pool.json (written by tests/golden/generate_pool.py)
// through the pooling functions: arguments converted the way Python's
// argument parser hands them to ATen, forward, indices, grad_fn chain and
// backward checked against PyTorch 1.13, and the error cases' types and
// texts.
#pragma once

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "autograd/engine.hpp"
#include "autograd/grad_mode.hpp"
#include "autograd/node.hpp"
#include "core/errors.hpp"
#include "golden.hpp"
#include "nn/adaptive_pool.hpp"
#include "nn/avg_pool.hpp"
#include "nn/max_pool.hpp"
#include "tensor/create.hpp"
#include "tensor/tensor_json.hpp"

namespace lesson::testing::pool {

using nlohmann::json;
using tensor::Tensor;

inline const json& doc() {
  static const json d = load_golden("pool.json");
  return d;
}

// null -> {} (stride None), int k -> {k}, [a, b] -> {a, b}.
inline nn::IntList int_list(const json& v) {
  if (v.is_null()) return {};
  if (v.is_number_integer()) return {v.get<std::int64_t>()};
  return v.get<nn::IntList>();
}

inline nn::OptionalSizes optional_sizes(const json& v) {
  nn::OptionalSizes out;
  for (const auto& e : v) out.push_back(e.is_null() ? std::nullopt : std::optional<std::int64_t>(e.get<std::int64_t>()));
  return out;
}

struct Result {
  Tensor output;
  Tensor indices;
};

// Calls the op the way the generator called torch.nn.functional.
inline Result run_op(const std::string& op, const Tensor& x, const json& a) {
  const auto flag = [&](const char* k) { return a.at(k).get<bool>(); };
  if (op == "max_pool2d" || op == "max_pool1d") {
    const bool two = op == "max_pool2d";
    const auto k = int_list(a.at("kernel_size")), s = int_list(a.at("stride")), p = int_list(a.at("padding")),
               d = int_list(a.at("dilation"));
    if (flag("return_indices")) {
      const auto r = two ? nn::max_pool2d_with_indices(x, k, s, p, d, flag("ceil_mode"))
                         : nn::max_pool1d_with_indices(x, k, s, p, d, flag("ceil_mode"));
      return {r.output, r.indices};
    }
    return {two ? nn::max_pool2d(x, k, s, p, d, flag("ceil_mode")) : nn::max_pool1d(x, k, s, p, d, flag("ceil_mode")),
            Tensor()};
  }
  if (op == "avg_pool2d") {
    const auto& dv = a.at("divisor_override");
    return {nn::avg_pool2d(x, int_list(a.at("kernel_size")), int_list(a.at("stride")), int_list(a.at("padding")),
                           flag("ceil_mode"), flag("count_include_pad"),
                           dv.is_null() ? std::nullopt : std::optional<std::int64_t>(dv.get<std::int64_t>())),
            Tensor()};
  }
  if (op == "avg_pool1d") {
    return {nn::avg_pool1d(x, int_list(a.at("kernel_size")), int_list(a.at("stride")), int_list(a.at("padding")),
                           flag("ceil_mode"), flag("count_include_pad")),
            Tensor()};
  }
  const auto& size = a.at("output_size");
  if (op == "adaptive_avg_pool2d") {
    return {size.is_number_integer() ? nn::adaptive_avg_pool2d(x, size.get<std::int64_t>())
                                     : nn::adaptive_avg_pool2d(x, optional_sizes(size)),
            Tensor()};
  }
  if (op == "adaptive_avg_pool1d") return {nn::adaptive_avg_pool1d(x, int_list(size)), Tensor()};
  if (op == "adaptive_max_pool2d") {
    if (flag("return_indices")) {
      const auto r = size.is_number_integer() ? nn::adaptive_max_pool2d_with_indices(x, size.get<std::int64_t>())
                                              : nn::adaptive_max_pool2d_with_indices(x, optional_sizes(size));
      return {r.output, r.indices};
    }
    return {size.is_number_integer() ? nn::adaptive_max_pool2d(x, size.get<std::int64_t>())
                                     : nn::adaptive_max_pool2d(x, optional_sizes(size)),
            Tensor()};
  }
  if (op == "adaptive_max_pool1d") {
    if (flag("return_indices")) {
      const auto r = nn::adaptive_max_pool1d_with_indices(x, int_list(size));
      return {r.output, r.indices};
    }
    return {nn::adaptive_max_pool1d(x, int_list(size)), Tensor()};
  }
  FAIL("unknown op " << op);
  return {};
}

// grad_fn, then the first next edge, down to (not including) the leaf's
// accumulator; PyTorch's chain ends in torch::autograd::AccumulateGrad.
inline std::vector<std::string> grad_fn_chain(const Tensor& t) {
  std::vector<std::string> names;
  autograd::Node* node = t.grad_fn().get();
  while (node != nullptr) {
    names.push_back(node->name());
    node = node->next_edges.empty() ? nullptr : node->next_edges[0].function.get();
  }
  return names;
}

// Every case of one op: values, indices, grad_fn chain and input gradient.
inline void check_cases(const char* op, std::size_t min_cases) {
  const auto& cases = doc().at(op);
  REQUIRE(cases.size() >= min_cases);
  for (const auto& c : cases) {
    const std::string name = c.at("name");
    CAPTURE(name);
    Tensor x = tensor_from_json(c.at("input"));
    const bool grad = c.at("requires_grad");
    if (grad) x.set_requires_grad(true);
    const Result r = run_op(op, x, c.at("args"));
    check_tensor(r.output, c.at("output"), 1e-5, 1e-5);
    if (c.contains("indices")) {
      REQUIRE(r.indices.defined());
      check_tensor(r.indices, c.at("indices"));
    }
    if (!grad) {
      CHECK_FALSE(r.output.requires_grad());
      continue;
    }
    auto names = grad_fn_chain(r.output);
    auto expected = c.at("grad_fn").get<std::vector<std::string>>();
    REQUIRE(!expected.empty());
    CHECK(expected.back() == "torch::autograd::AccumulateGrad");
    expected.back() = "AccumulateGrad";
    CHECK(names == expected);
    autograd::backward(r.output, tensor_from_json(c.at("grad_output")));
    REQUIRE(x.grad().defined());
    check_tensor(x.grad(), c.at("grad_input"), 1e-5, 1e-5);
  }
}

inline tensor::Tensor zeros_of(const json& e) {
  return tensor::zeros(e.at("shape").get<tensor::Shape>(), dtype_from_json(e.at("dtype")));
}

// Every error case of the ops whose name starts with `prefix`.
inline void check_errors(const std::string& prefix) {
  std::size_t seen = 0;
  for (const auto& e : doc().at("errors")) {
    const std::string op = e.at("op");
    if (op.rfind(prefix, 0) != 0) continue;
    ++seen;
    const std::string expected_type = e.at("error"), expected_message = e.at("message");
    CAPTURE(op);
    CAPTURE(e.at("shape").dump());
    CAPTURE(e.at("args").dump());
    Tensor x = zeros_of(e);
    if (e.at("requires_grad").get<bool>()) x.set_requires_grad(true);
    std::optional<autograd::NoGradGuard> no_grad;
    if (e.at("no_grad").get<bool>()) no_grad.emplace();
    bool threw = false;
    try {
      run_op(op, x, e.at("args"));
    } catch (const TorchError& err) {
      threw = true;
      CHECK(std::string(error_kind_name(err.kind())) == expected_type);
      CHECK(std::string(err.what()) == expected_message);
    }
    CHECK_MESSAGE(threw, "expected: " << expected_message);
  }
  CHECK(seen >= 5);
}

// A saved input changed in place, and errors raised by backward itself.
inline void check_backward_errors(const std::string& op) {
  for (const char* list : {"inplace", "backward_errors"}) {
    for (const auto& e : doc().at(list)) {
      if (e.at("op") != op) continue;
      CAPTURE(e.at("args").dump());
      Tensor x = tensor::ones(e.at("shape").get<tensor::Shape>());
      x.set_requires_grad(true);
      const Result r = run_op(op, x, e.at("args"));
      if (std::string(list) == "inplace") x.bump_version();  // x.add_(1) under no_grad
      bool threw = false;
      try {
        autograd::backward(r.output, tensor::ones_like(r.output));
      } catch (const TorchError& err) {
        threw = true;
        CHECK(std::string(error_kind_name(err.kind())) == e.at("error").get<std::string>());
        CHECK(std::string(err.what()) == e.at("message").get<std::string>());
      }
      CHECK(threw);
    }
  }
}

}  // namespace lesson::testing::pool
