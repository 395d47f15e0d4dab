// avg_pool1d / avg_pool2d (native/nn/avg_pool.cpp) against PyTorch 1.13
// goldens (tests/golden/pool.json), a plain-loop restatement of PyTorch's
// kernel (bit for bit: same summation order), and finite differences.
#include <doctest/doctest.h>

#include "nn/pool_golden.hpp"
#include "nn/pool_reference.hpp"
#include "tensor/views.hpp"

using namespace lesson;
using namespace lesson::testing::pool;
using tensor::Tensor;

TEST_CASE("avg_pool2d matches PyTorch: values, grad_fn and gradients, int64 too") { check_cases("avg_pool2d", 20); }

TEST_CASE("avg_pool1d matches PyTorch") { check_cases("avg_pool1d", 20); }

TEST_CASE("avg_pool errors have PyTorch's types and texts") { check_errors("avg_pool"); }

TEST_CASE("avg_pool2d reports its saved input changed in place") { check_backward_errors("avg_pool2d"); }

TEST_CASE("avg_pool2d vector paths agree bit for bit with PyTorch's loop") {
  const Window2d windows[] = {
      {2, 2, 2, 2, 0, 0, 1, 1}, {3, 3, 2, 2, 1, 1, 1, 1}, {3, 3, 1, 1, 1, 1, 1, 1}, {2, 2, 1, 1, 0, 0, 1, 1},
      {4, 4, 2, 2, 1, 2, 1, 1}, {1, 1, 1, 1, 0, 0, 1, 1}, {5, 3, 2, 2, 2, 1, 1, 1}, {2, 2, 2, 2, 1, 1, 1, 1},
      {3, 2, 3, 1, 0, 1, 1, 1},
  };
  const std::int64_t sizes[][2] = {{17, 33}, {56, 56}, {16, 16}, {7, 40}, {9, 10}};
  std::uint32_t seed = 11;
  for (const auto& k : windows) {
    for (const auto& hw : sizes) {
      for (bool ceil : {false, true}) {
        for (bool include_pad : {false, true}) {
          for (std::int64_t divisor : {0, 3}) {
            const std::int64_t planes = 2, H = hw[0], W = hw[1];
            const Tensor x = tensor::from_doubles({planes, H, W}, test_values(planes * H * W, seed++));
            CAPTURE(k.kh);
            CAPTURE(k.sw);
            CAPTURE(H);
            CAPTURE(W);
            CAPTURE(ceil);
            CAPTURE(include_pad);
            CAPTURE(divisor);
            const auto override_ = divisor ? std::optional<std::int64_t>(divisor) : std::nullopt;
            const Tensor y = nn::avg_pool2d(x, {k.kh, k.kw}, {k.sh, k.sw}, {k.ph, k.pw}, ceil, include_pad, override_);
            const std::int64_t OH = y.size(-2), OW = y.size(-1);
            const auto xf = as_floats(x);
            std::vector<float> want;
            reference_avg_pool2d(&xf, nullptr, want, planes, H, W, OH, OW, k, include_pad, divisor);
            const auto got = as_floats(y);
            int mismatches = 0;
            for (std::size_t i = 0; i < got.size(); ++i) mismatches += same_float(got[i], want[i]) ? 0 : 1;
            CHECK(mismatches == 0);
            const auto g = test_values(y.numel(), seed++);
            const std::vector<float> gf(g.begin(), g.end());
            const Tensor grad = nn::avg_pool2d_backward(tensor::from_doubles(y.shape(), g), x, {k.kh, k.kw},
                                                        {k.sh, k.sw}, {k.ph, k.pw}, ceil, include_pad, override_);
            std::vector<float> want_grad;
            reference_avg_pool2d(nullptr, &gf, want_grad, planes, H, W, OH, OW, k, include_pad, divisor);
            const auto got_grad = as_floats(grad);
            for (std::size_t i = 0; i < got_grad.size(); ++i) mismatches += same_float(got_grad[i], want_grad[i]) ? 0 : 1;
            CHECK(mismatches == 0);
          }
        }
      }
    }
  }
}

TEST_CASE("avg pooling gradients agree with finite differences") {
  const Tensor x = tensor::from_doubles({1, 2, 7, 9}, test_values(126, 21));
  gradcheck([](const Tensor& t) { return nn::avg_pool2d(t, {3}, {2}, {1}, true, true); }, x);
  gradcheck([](const Tensor& t) { return nn::avg_pool2d(t, {3}, {2}, {1}, true, false); }, x);
  gradcheck([](const Tensor& t) { return nn::avg_pool2d(t, {2}, {}, {0}, true, true, 3); }, x);
  gradcheck([](const Tensor& t) { return nn::avg_pool2d(t, {2, 3}, {1, 2}, {1, 1}); }, x);
  const Tensor x1 = tensor::from_doubles({3, 11}, test_values(33, 22));
  gradcheck([](const Tensor& t) { return nn::avg_pool1d(t, {4}, {3}, {2}, true, false); }, x1);
}

TEST_CASE("avg_pool2d takes non-contiguous input") {
  const Tensor base = tensor::from_doubles({2, 9, 11}, test_values(198, 8));
  const Tensor x = tensor::transpose(base, 1, 2);
  REQUIRE_FALSE(x.is_contiguous());
  CHECK(nn::avg_pool2d(x, {3}, {2}, {1}).to_double_vector() ==
        nn::avg_pool2d(x.contiguous(), {3}, {2}, {1}).to_double_vector());
}

TEST_CASE("avg_pool2d_backward checks grad_output's shape as PyTorch's check_dim_size does") {
  const Tensor x = tensor::zeros({1, 2, 4, 4});
  CHECK_THROWS_WITH_AS(nn::avg_pool2d_backward(tensor::ones({1, 2, 2}), x, {2}),
                       "Expected a tensor of dimension 4 and tensor.size[1] == 2 but got: dimension 3 and "
                       "tensor.size[1] = 2",
                       TorchError);
}
