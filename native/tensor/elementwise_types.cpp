#include "tensor/elementwise_types.hpp"

#include <cmath>
#include <limits>

#include "core/errors.hpp"
#include "tensor/create.hpp"
#include "tensor/dispatch.hpp"

namespace lesson::tensor {

namespace {
int category(DType d) { return d == DType::Float32 ? 2 : d == DType::Int64 ? 1 : 0; }
}  // namespace

DType result_type(std::initializer_list<DType> dtypes) {
  DType out = DType::Bool;
  for (DType d : dtypes) {
    if (category(d) > category(out)) out = d;
  }
  return out;
}

Tensor wrap_scalar(const Scalar& s) {
  Tensor t = Tensor::make({}, s.natural_dtype(), false);
  switch (s.kind()) {
    case Scalar::Kind::Float: *t.data<float>() = static_cast<float>(s.to_double()); break;
    case Scalar::Kind::Int: *t.data<std::int64_t>() = s.to_int(); break;
    case Scalar::Kind::Bool: *t.data<bool>() = s.to_bool(); break;
  }
  return t;
}

const char* scalar_type_name(DType d) {
  switch (d) {
    case DType::Float32: return "Float";
    case DType::Int64: return "Long";
    case DType::Bool: return "Bool";
  }
  return "Undefined";
}

const char* cpp_type_name(DType d) {
  switch (d) {
    case DType::Float32: return "float";
    case DType::Int64: return "long int";
    case DType::Bool: return "bool";
  }
  return "unknown";
}

bool can_cast(DType from, DType to) {
  if (is_floating(from) && !is_floating(to)) return false;
  if (from != DType::Bool && to == DType::Bool) return false;
  return true;
}

std::string cast_error_text(DType result, const char* output_name) {
  return std::string("result type ") + scalar_type_name(result) +
         " can't be cast to the desired output type " + output_name;
}

float scalar_to_float(const Scalar& s) {
  if (!s.is_float()) return static_cast<float>(s.is_bool() ? static_cast<std::int64_t>(s.to_bool()) : s.to_int());
  const double v = s.to_double();
  // c10::overflows<float, double>: infinities and NaN convert, finite values
  // beyond float's range do not.
  if (std::isfinite(v) && (v < -static_cast<double>(std::numeric_limits<float>::max()) ||
                           v > static_cast<double>(std::numeric_limits<float>::max()))) {
    throw_runtime_error("value cannot be converted to type float without overflow");
  }
  return static_cast<float>(v);
}

std::int64_t scalar_to_int(const Scalar& s) {
  if (!s.is_float()) return s.is_bool() ? static_cast<std::int64_t>(s.to_bool()) : s.to_int();
  const double v = s.to_double();
  constexpr double lo = -9223372036854775808.0;  // -2^63
  constexpr double hi = 9223372036854775808.0;   // numeric_limits<int64_t>::max() as double: 2^63
  if (!(v >= lo && v <= hi)) {
    throw_runtime_error("value cannot be converted to type int64_t without overflow");
  }
  // 2^63 itself passes PyTorch's check; x86's conversion then yields INT64_MIN.
  if (v >= hi) return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(v);
}

bool scalar_to_bool(const Scalar& s) { return s.to_bool(); }

Scalar item_scalar(const Tensor& t) {
  switch (t.dtype()) {
    case DType::Float32: return Scalar(static_cast<double>(*t.data<float>()));
    case DType::Int64: return Scalar(*t.data<std::int64_t>());
    case DType::Bool: return Scalar(*t.data<bool>());
  }
  return Scalar(0);
}

void throw_not_implemented_for(const char* kernel, DType d) {
  throw_runtime_error(std::string("\"") + kernel + "\" not implemented for '" + scalar_type_name(d) + "'");
}

}  // namespace lesson::tensor
