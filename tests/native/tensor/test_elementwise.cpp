// Properties of the element-wise ops that the PyTorch golden cases
// (test_elementwise_golden.cpp) do not pin down on their own: the fast
// contiguous loops agree with the strided walk, in-place ops write through
// views and read inputs that alias self safely, results follow the inputs'
// layout, and the promotion and conversion helpers.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise.hpp"

namespace ts = lesson::tensor;

namespace {

// Deterministic float values with varied magnitudes and signs.
std::vector<double> wavy(std::size_t n, double phase = 0.0) {
  std::vector<double> v(n);
  for (std::size_t i = 0; i < n; ++i) {
    v[i] = std::sin(0.731 * static_cast<double>(i) + phase) * (1.0 + static_cast<double>(i % 7));
  }
  return v;
}

// The same values as `t`, stored transposed: a non-contiguous tensor of t's
// 2-d shape whose strides are (1, rows).
ts::Tensor transposed_copy(const ts::Tensor& t) {
  const auto rows = t.shape()[0], cols = t.shape()[1];
  ts::Tensor store = ts::empty({cols, rows}, t.dtype());
  ts::Tensor view = store.as_strided({rows, cols}, {1, rows}, 0);
  ts::copy_(view, t);
  return view;
}

void check_same_values(const ts::Tensor& a, const ts::Tensor& b) {
  REQUIRE(a.dtype() == b.dtype());
  REQUIRE(a.shape() == b.shape());
  const auto x = a.to_double_vector();
  const auto y = b.to_double_vector();
  for (std::size_t i = 0; i < x.size(); ++i) {
    CAPTURE(i);
    if (std::isnan(x[i])) {
      CHECK(std::isnan(y[i]));
    } else {
      CHECK(x[i] == y[i]);
    }
  }
}

std::string error_text(const std::function<void()>& f, lesson::ErrorKind* kind = nullptr) {
  try {
    f();
  } catch (const lesson::TorchError& e) {
    if (kind) *kind = e.kind();
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("result_type picks the highest of bool < int64 < float32") {
  using ts::DType;
  CHECK(ts::result_type({DType::Bool, DType::Bool}) == DType::Bool);
  CHECK(ts::result_type({DType::Bool, DType::Int64}) == DType::Int64);
  CHECK(ts::result_type({DType::Int64, DType::Float32, DType::Bool}) == DType::Float32);
  CHECK(ts::wrap_scalar(ts::Scalar(2.5)).dtype() == DType::Float32);
  CHECK(ts::wrap_scalar(ts::Scalar(2)).dtype() == DType::Int64);
  CHECK(ts::wrap_scalar(ts::Scalar(true)).dtype() == DType::Bool);
  CHECK(ts::wrap_scalar(ts::Scalar(2)).dim() == 0);
}

TEST_CASE("contiguous fast paths and the strided walk give identical results") {
  // 33 x 47: rows long enough for the xtensor path, odd sizes for the tails.
  const ts::Shape shape{33, 47};
  const ts::Tensor a = ts::from_doubles(shape, wavy(33 * 47));
  const ts::Tensor b = ts::from_doubles(shape, wavy(33 * 47, 1.3));
  const ts::Tensor at = transposed_copy(a);
  const ts::Tensor bt = transposed_copy(b);
  REQUIRE_FALSE(at.is_contiguous());
  const ts::Tensor row = ts::from_doubles({47}, wavy(47, 0.4));
  const ts::Tensor ai = ts::from_doubles(shape, wavy(33 * 47), ts::DType::Int64);
  const ts::Tensor ait = transposed_copy(ai);

  check_same_values(ts::add(a, b), ts::add(at, bt));
  check_same_values(ts::add(a, b), ts::add(at, b));  // mixed layouts: strided walk
  check_same_values(ts::sub(a, b, 0.5), ts::sub(at, bt, 0.5));
  check_same_values(ts::mul(a, 2.5), ts::mul(at, 2.5));
  check_same_values(ts::div(3.0, a), ts::div(3.0, at));
  check_same_values(ts::div(a, row), ts::div(at, row));
  check_same_values(ts::maximum(a, b), ts::maximum(at, b));
  check_same_values(ts::lt(a, b), ts::lt(at, bt));
  check_same_values(ts::where(ts::gt(a, 0.0), a, b), ts::where(ts::gt(at, 0.0), at, bt));
  check_same_values(ts::clamp(a, -1.0, 2.0), ts::clamp(at, -1.0, 2.0));
  check_same_values(ts::clamp(a, row, ts::Tensor()), ts::clamp(at, row, ts::Tensor()));
  check_same_values(ts::relu(a), ts::relu(at));
  check_same_values(ts::sqrt(a), ts::sqrt(at));
  check_same_values(ts::pow(a, 2), ts::pow(at, 2));
  check_same_values(ts::floor_divide(ai, 3), ts::floor_divide(ait, 3));
  check_same_values(ts::remainder(a, row), ts::remainder(at, row));

  // And each element is what one float operation gives.
  const auto av = a.to_double_vector(), bv = b.to_double_vector();
  const auto sum = ts::add(at, bt).to_double_vector();
  const auto prod = ts::mul(a, b).to_double_vector();
  for (std::size_t i = 0; i < av.size(); ++i) {
    CAPTURE(i);
    CHECK(static_cast<float>(sum[i]) == static_cast<float>(av[i]) + static_cast<float>(bv[i]));
    CHECK(static_cast<float>(prod[i]) == static_cast<float>(av[i]) * static_cast<float>(bv[i]));
  }
}

TEST_CASE("a 5-d broadcast with nothing to coalesce walks every element once") {
  // a: [2, 3, 1, 4, 5] viewed with a step; b: [3, 2, 1, 5] broadcast the other way.
  const ts::Tensor base = ts::from_doubles({2, 3, 1, 4, 10}, wavy(240));
  const ts::Tensor a = base.as_strided({2, 3, 1, 4, 5}, {120, 40, 40, 10, 2}, 0);
  const ts::Tensor b = ts::from_doubles({3, 2, 1, 5}, wavy(30, 2.0)).as_strided({3, 2, 1, 5}, {10, 5, 5, 1}, 0);
  const ts::Tensor out = ts::mul(a, b);
  REQUIRE(out.shape() == ts::Shape{2, 3, 2, 4, 5});
  const auto got = out.to_double_vector();
  const auto av = base.to_double_vector();
  const auto bv = ts::from_doubles({3, 2, 1, 5}, wavy(30, 2.0)).to_double_vector();
  std::size_t k = 0;
  for (int i0 = 0; i0 < 2; ++i0)
    for (int i1 = 0; i1 < 3; ++i1)
      for (int i2 = 0; i2 < 2; ++i2)
        for (int i3 = 0; i3 < 4; ++i3)
          for (int i4 = 0; i4 < 5; ++i4, ++k) {
            const float x = static_cast<float>(av[i0 * 120 + i1 * 40 + i3 * 10 + i4 * 2]);
            const float y = static_cast<float>(bv[i1 * 10 + i2 * 5 + i4]);
            CHECK(static_cast<float>(got[k]) == x * y);
          }
}

TEST_CASE("in-place ops return self, bump its version and write through a view") {
  ts::Tensor store = ts::zeros({3, 2});
  ts::Tensor view = store.as_strided({2, 3}, {1, 2}, 0);  // the transpose
  const auto v0 = view.version();
  ts::Tensor r = ts::add_(view, ts::from_doubles({3}, {1, 2, 3}));
  CHECK(r.is_same(view));
  CHECK(view.version() > v0);
  CHECK(store.to_double_vector() == std::vector<double>{1, 1, 2, 2, 3, 3});
  for (auto* op : {+[](const ts::Tensor& t) { return ts::mul_(t, 2); },
                   +[](const ts::Tensor& t) { return ts::sub_(t, 1); },
                   +[](const ts::Tensor& t) { return ts::div_(t, 4); },
                   +[](const ts::Tensor& t) { return ts::clamp_(t, 0.0, std::nullopt); },
                   +[](const ts::Tensor& t) { return ts::fill_(t, 1.5); },
                   +[](const ts::Tensor& t) { return ts::zero_(t); },
                   +[](const ts::Tensor& t) { return ts::copy_(t, ts::ones({3})); }}) {
    const auto before = view.version();
    CHECK(op(view).is_same(view));
    CHECK(view.version() > before);
  }
  CHECK(store.to_double_vector() == std::vector<double>(6, 1.0));
}

TEST_CASE("in-place ops read an aliasing input as it was before the op") {
  // x.add_(x) aliases fully; x[::2].add_(x[1::2]) shares memory PyTorch
  // cannot classify; both must see the old values.
  ts::Tensor x = ts::from_doubles({6}, {1, 2, 3, 4, 5, 6});
  ts::add_(x, x);
  CHECK(x.to_double_vector() == std::vector<double>{2, 4, 6, 8, 10, 12});
  const ts::Tensor even = x.as_strided({3}, {2}, 0);
  const ts::Tensor odd = x.as_strided({3}, {2}, 1);
  ts::mul_(even, odd);
  CHECK(x.to_double_vector() == std::vector<double>{8, 4, 48, 8, 120, 12});
  // A reversed-order read of self: copy through a clone, no error (TooHard).
  ts::Tensor y = ts::from_doubles({4}, {1, 2, 3, 4});
  ts::copy_(y.as_strided({2}, {2}, 1), y.as_strided({2}, {2}, 0));
  CHECK(y.to_double_vector() == std::vector<double>{1, 1, 3, 3});
  // Partial overlap is refused as PyTorch refuses it.
  ts::Tensor z = ts::from_doubles({5}, {0, 1, 2, 3, 4});
  CHECK(error_text([&] { ts::add_(z.as_strided({4}, {1}, 1), z.as_strided({4}, {1}, 0)); }) ==
        "unsupported operation: some elements of the input tensor and the written-to tensor refer to a "
        "single memory location. Please clone() the tensor before performing the operation.");
  CHECK(z.to_double_vector() == std::vector<double>{0, 1, 2, 3, 4});
}

TEST_CASE("results take the layout of their inputs, as in PyTorch") {
  const ts::Tensor a = ts::from_doubles({3, 4}, wavy(12));
  const ts::Tensor at = a.as_strided({4, 3}, {1, 4}, 0);
  CHECK(ts::add(a, 1).is_contiguous());
  CHECK(ts::add(at, 1).strides() == ts::Strides{1, 4});
  CHECK(ts::sqrt(at).strides() == ts::Strides{1, 4});
  CHECK(ts::lt(at, at).strides() == ts::Strides{1, 4});
  // A contiguous first operand decides over a transposed second one.
  const ts::Tensor c = ts::from_doubles({4, 3}, wavy(12));
  CHECK(ts::add(c, at).strides() == ts::Strides{3, 1});
  CHECK(ts::add(at, c).strides() == ts::Strides{1, 4});
}

TEST_CASE("integer floor division and remainder by -1 wrap instead of trapping") {
  // PyTorch's CPU kernel dies with SIGFPE on INT64_MIN // -1; here the
  // quotient wraps like the rest of int64 arithmetic.
  const auto min = std::numeric_limits<std::int64_t>::min();
  const ts::Tensor x = ts::from_ints({2}, {min, 7});
  CHECK(ts::floor_divide(x, -1).to_int_vector() == std::vector<std::int64_t>{min, -7});
  CHECK(ts::remainder(x, -1).to_int_vector() == std::vector<std::int64_t>{0, 0});
}

TEST_CASE("errors carry PyTorch's exception type") {
  lesson::ErrorKind kind = lesson::ErrorKind::RuntimeError;
  const ts::Tensor f = ts::ones({2});
  CHECK(error_text([&] { ts::invert(f); }, &kind) ==
        "~ (operator.invert) is only implemented on integer and Boolean-type tensors");
  CHECK(kind == lesson::ErrorKind::TypeError);
  CHECK(error_text([&] { ts::bitwise_not(f); }, &kind) == "\"bitwise_not_cpu\" not implemented for 'Float'");
  CHECK(kind == lesson::ErrorKind::RuntimeError);
  CHECK(error_text([&] { ts::floor_divide(ts::ones({2}, ts::DType::Int64), 0); }, &kind) == "ZeroDivisionError");
  CHECK(kind == lesson::ErrorKind::RuntimeError);
}

TEST_CASE("numbers convert to tensor dtypes with PyTorch's overflow checks") {
  CHECK(ts::scalar_to_int(ts::Scalar(-9.2233720368547758e18)) == std::numeric_limits<std::int64_t>::min());
  CHECK(ts::scalar_to_int(ts::Scalar(2.9)) == 2);
  CHECK(ts::scalar_to_int(ts::Scalar(true)) == 1);
  CHECK(error_text([] { ts::scalar_to_int(ts::Scalar(1e19)); }) ==
        "value cannot be converted to type int64_t without overflow");
  CHECK(std::isinf(ts::scalar_to_float(ts::Scalar(std::numeric_limits<double>::infinity()))));
  CHECK(std::isnan(ts::scalar_to_float(ts::Scalar(std::nan("")))));
  CHECK(error_text([] { ts::scalar_to_float(ts::Scalar(1e39)); }) ==
        "value cannot be converted to type float without overflow");
  CHECK(ts::scalar_to_bool(ts::Scalar(std::nan(""))));
}
