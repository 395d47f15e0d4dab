// Shared by the normalization tests: runs the cases of tests/golden/norm.json
// (written by tests/golden/generate_norm.py) through our functional ops and
// autograd, and checks errors; plus a finite-difference gradient check.
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "autograd/engine.hpp"
#include "autograd/node.hpp"
#include "core/errors.hpp"
#include "golden.hpp"
#include "nn/batch_norm.hpp"
#include "nn/group_norm.hpp"
#include "nn/instance_norm.hpp"
#include "nn/layer_norm.hpp"
#include "tensor/create.hpp"
#include "tensor/tensor_json.hpp"

namespace lesson::testing::norm {

using nlohmann::json;
using tensor::Tensor;

struct Inputs {
  Tensor input, weight, bias, running_mean, running_var;
};

inline Tensor optional_tensor(const json& j) { return j.is_null() ? Tensor() : tensor_from_json(j); }

// Calls the functional op the way the generator called torch.nn.functional.
inline Tensor call(const std::string& op, const Inputs& in, const json& p) {
  const double eps = p.at("eps");
  if (op == "batch_norm") {
    return nn::batch_norm(in.input, in.running_mean, in.running_var, in.weight, in.bias, p.at("training"),
                          p.at("momentum"), eps);
  }
  if (op == "layer_norm") {
    return nn::layer_norm(in.input, p.at("normalized_shape").get<tensor::Shape>(), in.weight, in.bias, eps);
  }
  if (op == "group_norm") return nn::group_norm(in.input, p.at("num_groups"), in.weight, in.bias, eps);
  return nn::instance_norm(in.input, in.running_mean, in.running_var, in.weight, in.bias,
                           p.at("use_input_stats"), p.at("momentum"), eps);
}

// x.permute(dims) as a strided view of the same storage.
inline Tensor permuted(const Tensor& x, const std::vector<std::int64_t>& dims) {
  tensor::Shape shape;
  tensor::Strides strides;
  for (auto d : dims) {
    shape.push_back(x.shape()[d]);
    strides.push_back(x.strides()[d]);
  }
  return x.as_strided(shape, strides, x.offset());
}

inline void check_optional(const Tensor& got, const json& want, double atol, double rtol) {
  if (want.is_null()) {
    CHECK_FALSE(got.defined());
    return;
  }
  REQUIRE(got.defined());
  check_tensor(got, want, atol, rtol);
}

inline void check_golden_case(const json& c) {
  const std::string name = c.at("name");
  const std::string op = c.at("op");
  CAPTURE(op);
  CAPTURE(name);
  Inputs in;
  in.input = tensor_from_json(c.at("input"));
  if (!c.at("permute").is_null())
    in.input = permuted(in.input, c.at("permute").get<std::vector<std::int64_t>>());
  in.weight = optional_tensor(c.at("weight"));
  in.bias = optional_tensor(c.at("bias"));
  in.running_mean = optional_tensor(c.at("running_mean"));
  in.running_var = optional_tensor(c.at("running_var"));
  const json& rg = c.at("requires_grad");
  if (rg.at("input")) in.input.set_requires_grad(true);
  if (in.weight.defined() && rg.at("weight")) in.weight.set_requires_grad(true);
  if (in.bias.defined() && rg.at("bias")) in.bias.set_requires_grad(true);

  const double atol = c.at("atol"), grad_atol = c.at("grad_atol");
  const json& want = c.at("expected");
  const Tensor y = call(op, in, c.at("params"));
  check_tensor(y, want.at("output"), atol, 1e-5);
  REQUIRE(y.grad_fn() != nullptr);
  CHECK(y.grad_fn()->name() == want.at("grad_fn").get<std::string>());
  check_optional(in.running_mean, want.at("running_mean"), atol, 1e-5);
  check_optional(in.running_var, want.at("running_var"), atol, 1e-5);

  autograd::backward(y, tensor_from_json(c.at("grad_output")));
  check_optional(in.input.grad(), want.at("grad_input"), grad_atol, 1e-4);
  check_optional(in.weight.defined() ? in.weight.grad() : Tensor(), want.at("grad_weight"), grad_atol, 1e-4);
  check_optional(in.bias.defined() ? in.bias.grad() : Tensor(), want.at("grad_bias"), grad_atol, 1e-4);
}

inline void run_golden_cases(const std::string& op, std::size_t minimum) {
  const json doc = load_golden("norm.json");
  const json& cases = doc.at(op);
  REQUIRE(cases.size() >= minimum);
  for (const json& c : cases) check_golden_case(c);
}

inline Tensor tensor_of_spec(const json& s) {
  if (s.is_null()) return Tensor();
  return tensor::ones(s.at("shape").get<tensor::Shape>(), dtype_from_json(s.at("dtype")));
}

inline std::string error_kind_of(ErrorKind k) { return error_kind_name(k); }

// Every error case of `op`: same Python exception type, same text.
inline void run_error_cases(const std::string& op) {
  const json doc = load_golden("norm.json");
  int seen = 0;
  for (const json& e : doc.at("errors")) {
    if (e.at("op") != op) continue;
    ++seen;
    const std::string message = e.at("message");
    CAPTURE(message);
    const json& a = e.at("args");
    const Inputs in{tensor_of_spec(a.at("input")), tensor_of_spec(a.at("weight")),
                    tensor_of_spec(a.at("bias")), tensor_of_spec(a.at("running_mean")),
                    tensor_of_spec(a.at("running_var"))};
    bool thrown = false;
    try {
      call(op, in, e.at("params"));
    } catch (const TorchError& err) {
      thrown = true;
      CHECK(std::string(err.what()) == message);
      CHECK(error_kind_of(err.kind()) == e.at("error").get<std::string>());
    }
    CHECK(thrown);
  }
  CHECK(seen > 0);
}

// Central differences of L = sum(gy * f(x)) along random directions against
// the analytic directional derivative sum(grad * v), for each leaf.
inline double loss(const Tensor& y, const std::vector<double>& gy) {
  const auto v = y.to_double_vector();
  double s = 0.0;
  for (std::size_t i = 0; i < v.size(); ++i) s += v[i] * gy[i];
  return s;
}

inline void finite_difference_check(const std::function<Tensor(const std::vector<Tensor>&)>& f,
                                    std::vector<Tensor> leaves, std::uint32_t seed = 1) {
  auto next = [state = seed]() mutable {
    state = state * 1664525u + 1013904223u;
    return static_cast<double>(state >> 8) / static_cast<double>(1u << 24) * 2.0 - 1.0;
  };
  for (auto& t : leaves) t.set_requires_grad(true);
  const Tensor y = f(leaves);
  std::vector<double> gy(static_cast<std::size_t>(y.numel()));
  for (auto& g : gy) g = next();
  autograd::backward(y, tensor::from_doubles(y.shape(), gy));
  const double h = 1e-2;
  for (std::size_t k = 0; k < leaves.size(); ++k) {
    CAPTURE(k);
    const auto base = leaves[k].to_double_vector();
    std::vector<double> v(base.size());
    for (auto& d : v) d = next();
    const auto grad = leaves[k].grad().to_double_vector();
    double analytic = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) analytic += grad[i] * v[i];
    auto shifted = [&](double sign) {
      std::vector<double> moved(base.size());
      for (std::size_t i = 0; i < base.size(); ++i) moved[i] = base[i] + sign * h * v[i];
      std::vector<Tensor> args;
      for (std::size_t j = 0; j < leaves.size(); ++j) {
        args.push_back(j == k ? tensor::from_doubles(leaves[j].shape(), moved)
                              : tensor::from_doubles(leaves[j].shape(), leaves[j].to_double_vector()));
      }
      return loss(f(args), gy);
    };
    const double numeric = (shifted(1.0) - shifted(-1.0)) / (2.0 * h);
    CHECK(std::fabs(numeric - analytic) <= 2e-2 * std::max(1.0, std::fabs(analytic)));
  }
}

// Deterministic test input of `shape`: a smooth pattern plus an offset per
// element, so every row, plane and group has a non-trivial variance.
inline Tensor pattern(const tensor::Shape& shape, double phase = 0.0, double scale = 1.0,
                      double offset = 0.0) {
  std::vector<double> v(static_cast<std::size_t>(tensor::numel_of(shape)));
  for (std::size_t i = 0; i < v.size(); ++i) {
    v[i] = offset + scale * (std::sin(0.7 * static_cast<double>(i) + phase) +
                             0.3 * std::cos(1.9 * static_cast<double>(i)));
  }
  return tensor::from_doubles(shape, v);
}

}  // namespace lesson::testing::norm
