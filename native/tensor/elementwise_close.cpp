#include "tensor/elementwise_close.hpp"

#include <cmath>
#include <sstream>

#include "core/errors.hpp"
#include "tensor/dispatch.hpp"
#include "tensor/elementwise_compare.hpp"
#include "tensor/elementwise_run.hpp"
#include "tensor/elementwise_types.hpp"

namespace lesson::tensor {

namespace {

// How C++ streams print a double, which is how PyTorch's check messages do.
std::string stream_double(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// One element of PyTorch's composite isclose: equality (and NaN pairing),
// then the tolerance test on float32 values; int64 errors stay exact until
// they meet the float32 allowance.
template <class T>
struct IsCloseOp {
  float rtol, atol;
  bool tolerance;  // false when rtol == atol == 0: equality only
  bool equal_nan;
  bool operator()(T a, T b) const {
    if (a == b) return true;
    if constexpr (std::is_same_v<T, float>) {
      if (equal_nan && a != a && b != b) return true;
    }
    if (!tolerance) return false;
    const float allowed = atol + std::fabs(rtol * static_cast<float>(b));
    if constexpr (std::is_same_v<T, float>) {
      const float actual = std::fabs(a - b);
      return std::isfinite(actual) && actual <= allowed;
    } else if constexpr (std::is_same_v<T, bool>) {
      return 1.0f <= allowed;  // a != b: the error is exactly 1
    } else {
      const std::int64_t diff = detail::wrap_sub(a, b);
      const std::int64_t actual = diff < 0 ? detail::wrap_sub(0, diff) : diff;
      return static_cast<float>(actual) <= allowed;
    }
  }
};

}  // namespace

Tensor isclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  if (a.dtype() != b.dtype()) {
    throw_runtime_error(std::string(scalar_type_name(a.dtype())) + " did not match " + scalar_type_name(b.dtype()));
  }
  if (!(rtol >= 0)) throw_runtime_error("rtol must be greater than or equal to zero, but got " + stream_double(rtol));
  if (!(atol >= 0)) throw_runtime_error("atol must be greater than or equal to zero, but got " + stream_double(atol));
  const bool tolerance = !(rtol == 0 && atol == 0);
  return detail::run_binary(a, b, a.dtype(), DType::Bool, [&](auto tag) {
    using T = typename decltype(tag)::type;
    return IsCloseOp<T>{static_cast<float>(rtol), static_cast<float>(atol), tolerance, equal_nan};
  });
}

bool allclose(const Tensor& a, const Tensor& b, double rtol, double atol, bool equal_nan) {
  const Tensor close = isclose(a, b, rtol, atol, equal_nan);
  const bool* p = close.data<bool>();
  for (std::int64_t i = 0, n = close.numel(); i < n; ++i) {
    if (!p[i]) return false;
  }
  return true;
}

bool equal(const Tensor& a, const Tensor& b) {
  if (a.shape() != b.shape()) return false;
  const Tensor same = eq(a, b);
  const bool* p = same.data<bool>();
  for (std::int64_t i = 0, n = same.numel(); i < n; ++i) {
    if (!p[i]) return false;
  }
  return true;
}

}  // namespace lesson::tensor
