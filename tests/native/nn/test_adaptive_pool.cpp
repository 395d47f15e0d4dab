// adaptive_avg_pool1d/2d and adaptive_max_pool1d/2d (native/nn/
// adaptive_pool.cpp) against PyTorch 1.13 goldens (tests/golden/pool.json),
// plain loops on larger inputs, and finite differences.
#include <doctest/doctest.h>

#include "nn/pool_golden.hpp"
#include "nn/pool_reference.hpp"
#include "nn/pool_shape.hpp"

using namespace lesson;
using namespace lesson::testing::pool;
using tensor::Tensor;

TEST_CASE("adaptive_avg_pool2d matches PyTorch, (1, 1) as a mean with MeanBackward1") {
  check_cases("adaptive_avg_pool2d", 20);
}

TEST_CASE("adaptive_avg_pool1d matches PyTorch") { check_cases("adaptive_avg_pool1d", 20); }

TEST_CASE("adaptive_max_pool2d matches PyTorch: values, indices, grad_fn and gradients") {
  check_cases("adaptive_max_pool2d", 20);
}

TEST_CASE("adaptive_max_pool1d matches PyTorch") { check_cases("adaptive_max_pool1d", 20); }

TEST_CASE("adaptive pooling errors have PyTorch's types and texts") { check_errors("adaptive_"); }

TEST_CASE("adaptive pooling backward errors and saved-input checks match PyTorch") {
  check_backward_errors("adaptive_avg_pool2d");
  check_backward_errors("adaptive_max_pool2d");
}

TEST_CASE("adaptive windows follow floor(i*in/out) .. ceil((i+1)*in/out)") {
  for (std::int64_t in = 1; in <= 40; ++in) {
    for (std::int64_t out = 1; out <= 40; ++out) {
      for (std::int64_t i = 0; i < out; ++i) {
        CHECK(nn::adaptive_start(i, out, in) == (i * in) / out);
        CHECK(nn::adaptive_end(i, out, in) == (((i + 1) * in) + out - 1) / out);
      }
    }
  }
}

TEST_CASE("adaptive_avg_pool2d on large planes agrees with PyTorch's loop") {
  const std::int64_t shapes[][4] = {{56, 56, 7, 7}, {16, 16, 7, 7}, {16, 16, 1, 1}, {33, 17, 5, 9}, {5, 7, 11, 13}};
  std::uint32_t seed = 31;
  for (const auto& s : shapes) {
    const std::int64_t planes = 3, H = s[0], W = s[1], OH = s[2], OW = s[3];
    const Tensor x = tensor::from_doubles({planes, H, W}, test_values(planes * H * W, seed++));
    const Tensor y = nn::adaptive_avg_pool2d(x, nn::OptionalSizes{OH, OW});
    const auto xv = x.to_double_vector();
    const auto got = y.to_double_vector();
    const auto g = test_values(y.numel(), seed++);
    const auto grad = (OH == 1 && OW == 1 ? nn::adaptive_avg_pool2d_mean_backward(tensor::from_doubles(y.shape(), g), x)
                                          : nn::adaptive_avg_pool2d_backward(tensor::from_doubles(y.shape(), g), x))
                          .to_double_vector();
    std::vector<double> want_grad(xv.size(), 0.0);
    for (std::int64_t p = 0; p < planes; ++p) {
      for (std::int64_t oh = 0; oh < OH; ++oh) {
        const std::int64_t h0 = nn::adaptive_start(oh, OH, H), h1 = nn::adaptive_end(oh, OH, H);
        for (std::int64_t ow = 0; ow < OW; ++ow) {
          const std::int64_t w0 = nn::adaptive_start(ow, OW, W), w1 = nn::adaptive_end(ow, OW, W);
          double sum = 0.0;
          for (std::int64_t ih = h0; ih < h1; ++ih) {
            for (std::int64_t iw = w0; iw < w1; ++iw) sum += xv[static_cast<std::size_t>((p * H + ih) * W + iw)];
          }
          const std::size_t o = static_cast<std::size_t>((p * OH + oh) * OW + ow);
          const double n = static_cast<double>((h1 - h0) * (w1 - w0));
          CHECK(got[o] == doctest::Approx(sum / n).epsilon(1e-5));
          for (std::int64_t ih = h0; ih < h1; ++ih) {
            for (std::int64_t iw = w0; iw < w1; ++iw) want_grad[static_cast<std::size_t>((p * H + ih) * W + iw)] += g[o] / n;
          }
        }
      }
    }
    for (std::size_t i = 0; i < grad.size(); ++i) CHECK(grad[i] == doctest::Approx(want_grad[i]).epsilon(1e-5));
  }
}

TEST_CASE("adaptive pooling gradients agree with finite differences") {
  const Tensor x = tensor::from_doubles({2, 7, 10}, test_values(140, 41));
  gradcheck([](const Tensor& t) { return nn::adaptive_avg_pool2d(t, nn::OptionalSizes{3, 4}); }, x);
  gradcheck([](const Tensor& t) { return nn::adaptive_avg_pool2d(t, nn::OptionalSizes{9, 13}); }, x);
  gradcheck([](const Tensor& t) { return nn::adaptive_avg_pool2d(t, 1); }, x);
  gradcheck([](const Tensor& t) { return nn::adaptive_avg_pool1d(t, {4}); }, x);
  std::vector<double> grid(140);
  for (std::size_t i = 0; i < grid.size(); ++i) grid[i] = static_cast<double>((i * 53) % 140) / 4.0;
  const Tensor xm = tensor::from_doubles({2, 7, 10}, grid);
  gradcheck([](const Tensor& t) { return nn::adaptive_max_pool2d(t, nn::OptionalSizes{3, std::nullopt}); }, xm);
  gradcheck([](const Tensor& t) { return nn::adaptive_max_pool1d(t, {6}); }, xm);
}
