// conv1d / conv2d (native/nn/conv.cpp) against PyTorch 1.13
// (tests/golden/functional.json): outputs, grad_fn names, the gradients of
// input, weight and bias, and every error's type and text; plus a direct
// (no im2col) double-precision convolution over larger, odd geometries.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "autograd/engine.hpp"
#include "functional_golden.hpp"
#include "nn/conv.hpp"
#include "tensor/create.hpp"
#include "tensor/views.hpp"

namespace {

using lesson::nn::ConvIntList;
using lesson::nn::ConvPadding;
using lesson::tensor::Tensor;
using lesson::testing::functional::Args;
using nlohmann::json;

ConvIntList int_list(const json& j) {
  if (j.is_number_integer()) return {j.get<std::int64_t>()};
  return j.get<ConvIntList>();
}

ConvPadding padding_of(const json& j) {
  if (j.is_string()) return ConvPadding(j.get<std::string>());
  return ConvPadding(int_list(j));
}

Tensor call(const std::string& op, const Args& a, const json& p) {
  const auto stride = int_list(p.at("stride"));
  const auto dilation = int_list(p.at("dilation"));
  const ConvPadding padding = padding_of(p.at("padding"));
  const std::int64_t groups = p.at("groups");
  if (op == "conv1d") {
    return lesson::nn::conv1d(a.get("input"), a.get("weight"), a.get("bias"), stride, padding, dilation, groups);
  }
  return lesson::nn::conv2d(a.get("input"), a.get("weight"), a.get("bias"), stride, padding, dilation, groups);
}

Tensor pattern(const lesson::tensor::Shape& shape, double phase) {
  std::vector<double> v(static_cast<std::size_t>(lesson::tensor::numel_of(shape)));
  for (std::size_t i = 0; i < v.size(); ++i) {
    v[i] = std::sin(0.37 * static_cast<double>(i) + phase) + 0.25 * std::cos(1.3 * static_cast<double>(i));
  }
  return lesson::tensor::from_doubles(shape, v);
}

struct Geometry {
  std::int64_t n, c, h, w, o, kh, kw, sh, sw, ph, pw, dh, dw, groups;
};

// y[n, o, i, j] = b[o] + sum_{c, ki, kj} x[n, g*C/G + c, i*sh - ph + ki*dh, j*sw - pw + kj*dw] * w[o, c, ki, kj]
std::vector<double> direct_conv(const std::vector<double>& x, const std::vector<double>& w,
                                const std::vector<double>& b, const Geometry& g, std::int64_t oh,
                                std::int64_t ow) {
  const std::int64_t cg = g.c / g.groups, og = g.o / g.groups;
  std::vector<double> y(static_cast<std::size_t>(g.n * g.o * oh * ow));
  for (std::int64_t n = 0; n < g.n; ++n)
    for (std::int64_t o = 0; o < g.o; ++o)
      for (std::int64_t i = 0; i < oh; ++i)
        for (std::int64_t j = 0; j < ow; ++j) {
          double s = b[static_cast<std::size_t>(o)];
          const std::int64_t grp = o / og;
          for (std::int64_t c = 0; c < cg; ++c)
            for (std::int64_t ki = 0; ki < g.kh; ++ki)
              for (std::int64_t kj = 0; kj < g.kw; ++kj) {
                const std::int64_t ih = i * g.sh - g.ph + ki * g.dh, iw = j * g.sw - g.pw + kj * g.dw;
                if (ih < 0 || ih >= g.h || iw < 0 || iw >= g.w) continue;
                s += x[static_cast<std::size_t>(((n * g.c + grp * cg + c) * g.h + ih) * g.w + iw)] *
                     w[static_cast<std::size_t>(((o * cg + c) * g.kh + ki) * g.kw + kj)];
              }
          y[static_cast<std::size_t>(((n * g.o + o) * oh + i) * ow + j)] = s;
        }
  return y;
}

}  // namespace

TEST_CASE("conv2d matches PyTorch on every golden case") {
  lesson::testing::functional::run_cases("conv", "conv2d", call, 25);
}

TEST_CASE("conv1d matches PyTorch on every golden case") {
  lesson::testing::functional::run_cases("conv", "conv1d", call, 20);
}

TEST_CASE("conv2d raises PyTorch's errors") { lesson::testing::functional::run_error_cases("conv2d", call); }

TEST_CASE("conv1d raises PyTorch's errors") { lesson::testing::functional::run_error_cases("conv1d", call); }

TEST_CASE("conv2d agrees with a direct convolution on larger, odd geometries") {
  const std::vector<Geometry> cases = {
      {2, 6, 17, 19, 4, 3, 3, 2, 1, 1, 2, 2, 1, 2},
      {1, 8, 13, 11, 8, 5, 3, 1, 3, 2, 0, 1, 2, 8},
      {3, 3, 9, 40, 5, 2, 7, 1, 2, 0, 3, 1, 1, 1},
      {1, 4, 6, 6, 6, 1, 1, 1, 1, 0, 0, 1, 1, 2},
  };
  for (const Geometry& g : cases) {
    CAPTURE(g.c);
    CAPTURE(g.kh);
    const Tensor x = pattern({g.n, g.c, g.h, g.w}, 0.3);
    const Tensor w = pattern({g.o, g.c / g.groups, g.kh, g.kw}, 1.1);
    const Tensor b = pattern({g.o}, 2.0);
    const Tensor y = lesson::nn::conv2d(x, w, b, {g.sh, g.sw}, ConvIntList{g.ph, g.pw}, {g.dh, g.dw}, g.groups);
    const std::int64_t oh = (g.h + 2 * g.ph - g.dh * (g.kh - 1) - 1) / g.sh + 1;
    const std::int64_t ow = (g.w + 2 * g.pw - g.dw * (g.kw - 1) - 1) / g.sw + 1;
    REQUIRE(y.shape() == lesson::tensor::Shape{g.n, g.o, oh, ow});
    const auto want = direct_conv(x.to_double_vector(), w.to_double_vector(), b.to_double_vector(), g, oh, ow);
    const auto got = y.to_double_vector();
    for (std::size_t i = 0; i < got.size(); ++i) {
      CAPTURE(i);
      CHECK(std::fabs(got[i] - want[i]) <= 1e-4 * (1.0 + std::fabs(want[i])));
    }
  }
}

TEST_CASE("convolution_backward gives the gradients autograd records") {
  Tensor x = pattern({2, 4, 7, 6}, 0.0);
  Tensor w = pattern({6, 2, 3, 2}, 1.0);
  Tensor b = pattern({6}, 2.0);
  x.set_requires_grad(true);
  w.set_requires_grad(true);
  b.set_requires_grad(true);
  const Tensor y = lesson::nn::convolution(x, w, b, {2, 1}, {1, 0}, {1, 2}, 2);
  CHECK(y.grad_fn()->name() == "ConvolutionBackward0");
  const Tensor gy = pattern(y.shape(), 3.0);
  lesson::autograd::backward(y, gy);
  const auto g = lesson::nn::convolution_backward(gy, x, w, {2, 1}, {1, 0}, {1, 2}, 2, {true, true, true});
  CHECK(g.input.to_double_vector() == x.grad().to_double_vector());
  CHECK(g.weight.to_double_vector() == w.grad().to_double_vector());
  CHECK(g.bias.to_double_vector() == b.grad().to_double_vector());
  const auto only_weight = lesson::nn::convolution_backward(gy, x, w, {2, 1}, {1, 0}, {1, 2}, 2, {false, true, false});
  CHECK_FALSE(only_weight.input.defined());
  CHECK_FALSE(only_weight.bias.defined());
  CHECK(only_weight.weight.to_double_vector() == w.grad().to_double_vector());
}

TEST_CASE("conv2d of an empty batch is an empty output") {
  const Tensor y = lesson::nn::conv2d(lesson::tensor::zeros({0, 3, 5, 5}), pattern({4, 3, 3, 3}, 0.0));
  CHECK(y.shape() == lesson::tensor::Shape{0, 4, 3, 3});
}

TEST_CASE("conv2d reads a non-contiguous input as its contiguous copy") {
  const Tensor base = pattern({2, 3, 7, 6}, 0.5);
  const Tensor view = lesson::tensor::transpose(base, 2, 3);  // [2, 3, 6, 7], strided
  REQUIRE_FALSE(view.is_contiguous());
  const Tensor w = pattern({4, 3, 3, 3}, 1.5);
  const Tensor got = lesson::nn::conv2d(view, w, Tensor(), {2}, {1});
  const Tensor want = lesson::nn::conv2d(view.contiguous(), w, Tensor(), {2}, {1});
  CHECK(got.to_double_vector() == want.to_double_vector());
}
