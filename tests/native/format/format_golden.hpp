// Reading tests/golden/format.json (written by tests/golden/generate_format.py).
#pragma once

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "format/print_options.hpp"
#include "format/tensor_format.hpp"

namespace lesson::testing {

inline double double_from_bits(const std::string& hex) {
  const std::uint64_t bits = std::stoull(hex, nullptr, 16);
  double v;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

inline double float32_from_bits(const std::string& hex) {
  const auto bits = static_cast<std::uint32_t>(std::stoul(hex, nullptr, 16));
  float v;
  std::memcpy(&v, &bits, sizeof v);
  return static_cast<double>(v);
}

inline tensor::DType dtype_from_name(const std::string& name) {
  if (name == "float32") return tensor::DType::Float32;
  if (name == "int64") return tensor::DType::Int64;
  if (name == "bool") return tensor::DType::Bool;
  throw std::runtime_error("unknown dtype " + name);
}

inline format::TensorData tensor_data_from_case(const nlohmann::json& c) {
  format::TensorData t;
  t.dtype = dtype_from_name(c["dtype"]);
  t.shape = c["shape"].get<std::vector<std::int64_t>>();
  for (const auto& v : c["values"]) {
    if (t.dtype == tensor::DType::Float32) {
      t.floats.push_back(float32_from_bits(v.get<std::string>()));
    } else {
      t.ints.push_back(v.get<std::int64_t>());
    }
  }
  t.requires_grad = c["requires_grad"];
  t.grad_fn = c["grad_fn"];
  return t;
}

// One torch.set_printoptions(**kwargs) call as recorded by the generator.
inline format::PrintOptionsUpdate update_from_kwargs(const nlohmann::json& kwargs) {
  format::PrintOptionsUpdate u;
  if (kwargs.contains("precision")) u.precision = kwargs["precision"].get<int>();
  if (kwargs.contains("threshold")) u.threshold = kwargs["threshold"].get<std::int64_t>();
  if (kwargs.contains("edgeitems")) u.edgeitems = kwargs["edgeitems"].get<std::int64_t>();
  if (kwargs.contains("linewidth")) u.linewidth = kwargs["linewidth"].get<std::int64_t>();
  if (kwargs.contains("profile")) u.profile = kwargs["profile"].get<std::string>();
  if (kwargs.contains("sci_mode") && !kwargs["sci_mode"].is_null()) u.sci_mode = kwargs["sci_mode"].get<bool>();
  return u;
}

// PRINT_OPTS as the generator recorded it; a null threshold is float('inf').
inline format::PrintOptions options_from_json(const nlohmann::json& o) {
  format::PrintOptions p;
  p.precision = o["precision"];
  p.threshold = o["threshold"].is_null() ? format::kThresholdInfinite : o["threshold"].get<std::int64_t>();
  p.edgeitems = o["edgeitems"];
  p.linewidth = o["linewidth"];
  if (!o["sci_mode"].is_null()) p.sci_mode = o["sci_mode"].get<bool>();
  return p;
}

}  // namespace lesson::testing
