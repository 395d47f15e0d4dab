#include "tensor/create.hpp"

#include <cmath>
#include <string>

#include "core/errors.hpp"
#include "tensor/dispatch.hpp"

namespace lesson::tensor {

Tensor empty(const Shape& shape, DType dtype) { return Tensor::make(shape, dtype, false); }

Tensor zeros(const Shape& shape, DType dtype) { return Tensor::make(shape, dtype, true); }

Tensor ones(const Shape& shape, DType dtype) { return full(shape, Scalar(1), dtype); }

Tensor full(const Shape& shape, const Scalar& value) { return full(shape, value, value.natural_dtype()); }

Tensor full(const Shape& shape, const Scalar& value, DType dtype) {
  Tensor out = Tensor::make(shape, dtype, false);
  dispatch(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T v;
    if constexpr (std::is_same_v<T, bool>) {
      v = value.to_bool();
    } else if constexpr (std::is_same_v<T, float>) {
      v = static_cast<float>(value.to_double());
    } else {
      v = value.is_float() ? static_cast<T>(value.to_double()) : static_cast<T>(value.to_int());
    }
    T* p = out.data<T>();
    const auto n = out.numel();
    for (std::int64_t i = 0; i < n; ++i) p[i] = v;
  });
  return out;
}

Tensor empty_like(const Tensor& t) { return empty(t.shape(), t.dtype()); }
Tensor zeros_like(const Tensor& t) { return zeros(t.shape(), t.dtype()); }
Tensor ones_like(const Tensor& t) { return ones(t.shape(), t.dtype()); }
Tensor full_like(const Tensor& t, const Scalar& value) { return full(t.shape(), value, t.dtype()); }

namespace {
std::string number_text(const Scalar& s) {
  if (!s.is_float()) return std::to_string(s.to_int());
  const double v = s.to_double();
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (std::isnan(v)) return "nan";
  std::string text = std::to_string(v);
  return text;
}
}  // namespace

Tensor arange(const Scalar& start, const Scalar& end, const Scalar& step) {
  const bool integral = !start.is_float() && !end.is_float() && !step.is_float();
  const double s = start.to_double(), e = end.to_double(), st = step.to_double();
  if (!std::isfinite(s) || !std::isfinite(e)) {
    throw_runtime_error("unsupported range: " + number_text(start) + " -> " + number_text(end));
  }
  if (st == 0.0) throw_runtime_error("step must be nonzero");
  if ((st > 0 && e < s) || (st < 0 && e > s)) {
    throw_runtime_error("upper bound and larger bound inconsistent with step sign");
  }
  if (integral) {
    const std::int64_t a = start.to_int(), b = end.to_int(), d = step.to_int();
    const std::int64_t n = d > 0 ? (b - a + d - 1) / d : (a - b - d - 1) / (-d);
    Tensor out = Tensor::make({n}, DType::Int64, false);
    std::int64_t* p = out.data<std::int64_t>();
    for (std::int64_t i = 0; i < n; ++i) p[i] = a + i * d;
    return out;
  }
  // PyTorch sizes the result in double and computes start + i * step in
  // double (the accumulate type of float on CPU) before rounding to float.
  const auto n = static_cast<std::int64_t>(std::ceil((e - s) / st));
  Tensor out = Tensor::make({n}, DType::Float32, false);
  float* p = out.data<float>();
  for (std::int64_t i = 0; i < n; ++i) p[i] = static_cast<float>(s + st * static_cast<double>(i));
  return out;
}

Tensor linspace(double start, double end, std::int64_t steps) {
  if (steps < 0) throw_runtime_error("number of steps must be non-negative");
  Tensor out = Tensor::make({steps}, DType::Float32, false);
  float* p = out.data<float>();
  if (steps == 0) return out;
  if (steps == 1) {
    p[0] = static_cast<float>(start);
    return out;
  }
  // PyTorch's linspace kernel: float step, the first half counted up from
  // start and the second half down from end, so both ends are exact.
  const float a = static_cast<float>(start), b = static_cast<float>(end);
  const float step = (b - a) / static_cast<float>(steps - 1);
  const std::int64_t halfway = steps / 2;
  for (std::int64_t i = 0; i < steps; ++i) {
    p[i] = i < halfway ? a + step * static_cast<float>(i)
                       : b - step * static_cast<float>(steps - i - 1);
  }
  return out;
}

Tensor eye(std::int64_t n, std::int64_t m) {
  if (n < 0) throw_runtime_error("n must be greater or equal to 0, got " + std::to_string(n));
  if (m < 0) m = n;
  Tensor out = zeros({n, m});
  float* p = out.data<float>();
  for (std::int64_t i = 0; i < std::min(n, m); ++i) p[i * m + i] = 1.0f;
  return out;
}

namespace {
template <class V>
Tensor from_values(const Shape& shape, const std::vector<V>& values, DType dtype) {
  Tensor out = Tensor::make(shape, dtype, false);
  if (static_cast<std::int64_t>(values.size()) != out.numel()) {
    throw_runtime_error("shape '" + shape_str(shape) + "' is invalid for input of size " +
                        std::to_string(values.size()));
  }
  dispatch(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    T* p = out.data<T>();
    for (std::size_t i = 0; i < values.size(); ++i) p[i] = convert_element<T>(values[i]);
  });
  return out;
}
}  // namespace

Tensor from_doubles(const Shape& shape, const std::vector<double>& values, DType dtype) {
  return from_values(shape, values, dtype);
}

Tensor from_ints(const Shape& shape, const std::vector<std::int64_t>& values, DType dtype) {
  return from_values(shape, values, dtype);
}

Tensor scalar_tensor(const Scalar& value) { return full({}, value); }
Tensor scalar_tensor(const Scalar& value, DType dtype) { return full({}, value, dtype); }

}  // namespace lesson::tensor
