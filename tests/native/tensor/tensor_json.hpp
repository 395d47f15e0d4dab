// Golden-file tensors for the native tests. A tensor in JSON is
//   {"dtype": "float32" | "int64" | "bool", "shape": [..], "values": [flat, row-major]}
// with non-finite floats written as the strings "inf", "-inf" and "nan"
// (see tests/golden/torch_json.py, which writes them).
#pragma once

#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tensor/create.hpp"
#include "tensor/tensor.hpp"

namespace lesson::testing {

inline tensor::DType dtype_from_json(const std::string& name) {
  if (name == "float32") return tensor::DType::Float32;
  if (name == "int64") return tensor::DType::Int64;
  if (name == "bool") return tensor::DType::Bool;
  throw std::runtime_error("unknown dtype in golden file: " + name);
}

inline double number_from_json(const nlohmann::json& v) {
  if (v.is_string()) {
    const std::string s = v;
    if (s == "inf") return std::numeric_limits<double>::infinity();
    if (s == "-inf") return -std::numeric_limits<double>::infinity();
    if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
    throw std::runtime_error("bad number in golden file: " + s);
  }
  if (v.is_boolean()) return v.get<bool>() ? 1.0 : 0.0;
  return v.get<double>();
}

inline tensor::Tensor tensor_from_json(const nlohmann::json& j) {
  const auto dtype = dtype_from_json(j.at("dtype"));
  const auto shape = j.at("shape").get<tensor::Shape>();
  if (dtype == tensor::DType::Int64) {
    std::vector<std::int64_t> values;
    for (const auto& v : j.at("values")) values.push_back(v.get<std::int64_t>());
    return tensor::from_ints(shape, values, dtype);
  }
  std::vector<double> values;
  for (const auto& v : j.at("values")) values.push_back(number_from_json(v));
  return tensor::from_doubles(shape, values, dtype);
}

// Checks dtype and shape exactly and values within atol + rtol * |expected|
// (NaN must match NaN, infinities must match exactly). Integers and bools
// must be equal.
inline void check_tensor(const tensor::Tensor& actual, const nlohmann::json& expected,
                         double atol = 1e-5, double rtol = 1e-5) {
  const auto dtype = dtype_from_json(expected.at("dtype"));
  REQUIRE(tensor::dtype_name(actual.dtype()) == std::string(tensor::dtype_name(dtype)));
  REQUIRE(actual.shape() == expected.at("shape").get<tensor::Shape>());
  const auto& values = expected.at("values");
  REQUIRE(static_cast<std::size_t>(actual.numel()) == values.size());
  if (dtype == tensor::DType::Int64) {
    const auto got = actual.to_int_vector();
    for (std::size_t i = 0; i < got.size(); ++i) {
      CAPTURE(i);
      CHECK(got[i] == values[i].get<std::int64_t>());
    }
    return;
  }
  const auto got = actual.to_double_vector();
  for (std::size_t i = 0; i < got.size(); ++i) {
    CAPTURE(i);
    const double want = number_from_json(values[i]);
    if (std::isnan(want)) {
      CHECK(std::isnan(got[i]));
    } else if (std::isinf(want)) {
      CHECK(got[i] == want);
    } else {
      CHECK(std::fabs(got[i] - want) <= atol + rtol * std::fabs(want));
    }
  }
}

}  // namespace lesson::testing
