// max_pool1d / max_pool2d (native/nn/max_pool.cpp) against PyTorch 1.13
// goldens (tests/golden/pool.json), a plain-loop restatement of PyTorch's
// kernel on inputs large enough for every vector path, and finite
// differences.
#include <doctest/doctest.h>

#include "nn/pool_golden.hpp"
#include "nn/pool_reference.hpp"
#include "tensor/views.hpp"

using namespace lesson;
using namespace lesson::testing::pool;
using tensor::Tensor;

TEST_CASE("max_pool2d matches PyTorch: values, indices, grad_fn and gradients") { check_cases("max_pool2d", 20); }

TEST_CASE("max_pool1d matches PyTorch on both of its paths (grad and no grad)") { check_cases("max_pool1d", 20); }

TEST_CASE("max_pool errors have PyTorch's types and texts") { check_errors("max_pool"); }

TEST_CASE("max_pool2d reports its saved input changed in place") { check_backward_errors("max_pool2d"); }

TEST_CASE("max_pool2d vector paths agree bit for bit with PyTorch's loop, ties, NaN and -inf included") {
  const Window2d windows[] = {
      {2, 2, 2, 2, 0, 0, 1, 1}, {3, 3, 2, 2, 1, 1, 1, 1}, {3, 3, 1, 1, 1, 1, 1, 1}, {2, 2, 1, 1, 0, 0, 1, 1},
      {3, 3, 2, 2, 0, 0, 2, 2}, {4, 4, 2, 2, 1, 2, 1, 1}, {1, 1, 1, 1, 0, 0, 1, 1}, {5, 3, 2, 2, 2, 1, 1, 2},
      {2, 2, 2, 2, 1, 1, 1, 1}, {2, 3, 1, 2, 1, 1, 2, 1},
  };
  const std::int64_t sizes[][2] = {{17, 33}, {56, 56}, {16, 16}, {7, 40}, {9, 10}};
  std::uint32_t seed = 1;
  for (const auto& k : windows) {
    for (const auto& hw : sizes) {
      for (bool ceil : {false, true}) {
        for (int data = 0; data < 2; ++data) {
          const std::int64_t planes = 3, H = hw[0], W = hw[1];
          const auto values = data == 0 ? test_values(planes * H * W, seed++, 0, 0.02)  // NaN and -inf
                                        : test_values(planes * H * W, seed++, 4);       // ties
          const Tensor x = tensor::from_doubles({1, planes, H, W}, values);
          CAPTURE(k.kh);
          CAPTURE(k.kw);
          CAPTURE(k.sh);
          CAPTURE(k.sw);
          CAPTURE(H);
          CAPTURE(W);
          CAPTURE(ceil);
          nn::PoolWithIndices r;
          try {
            r = nn::max_pool2d_with_indices(x, {k.kh, k.kw}, {k.sh, k.sw}, {k.ph, k.pw}, {k.dh, k.dw}, ceil);
          } catch (const TorchError&) {
            continue;  // e.g. padding over half the kernel
          }
          const std::int64_t OH = r.output.size(-2), OW = r.output.size(-1);
          std::vector<float> want;
          std::vector<std::int64_t> want_idx;
          reference_max_pool2d(as_floats(x), planes, H, W, OH, OW, k, want, want_idx);
          const auto got = as_floats(r.output);
          const auto got_idx = r.indices.to_int_vector();
          REQUIRE(got.size() == want.size());
          int mismatches = 0;
          for (std::size_t i = 0; i < got.size(); ++i) {
            if (!same_float(got[i], want[i]) || got_idx[i] != want_idx[i]) ++mismatches;
          }
          CHECK(mismatches == 0);
          // Without indices (the no-grad forward) the values are the same.
          const auto plain = as_floats(nn::max_pool2d(x, {k.kh, k.kw}, {k.sh, k.sw}, {k.ph, k.pw}, {k.dh, k.dw}, ceil));
          for (std::size_t i = 0; i < got.size(); ++i) mismatches += same_float(plain[i], want[i]) ? 0 : 1;
          CHECK(mismatches == 0);
          // Backward: the direct 2x2 path and the scatter agree with PyTorch's.
          const auto g = test_values(r.output.numel(), seed++);
          const Tensor grad = nn::max_pool2d_backward(tensor::from_doubles(r.output.shape(), g), x, r.indices,
                                                      {k.kh, k.kw}, {k.sh, k.sw}, {k.ph, k.pw}, {k.dh, k.dw}, ceil);
          const auto want_grad = reference_max_pool2d_backward(std::vector<float>(g.begin(), g.end()), want_idx,
                                                               planes, H * W, OH * OW);
          const auto got_grad = as_floats(grad);
          for (std::size_t i = 0; i < got_grad.size(); ++i) mismatches += same_float(got_grad[i], want_grad[i]) ? 0 : 1;
          CHECK(mismatches == 0);
        }
      }
    }
  }
}

TEST_CASE("max_pool2d backward falls back to the scatter for indices outside their 2x2 window") {
  const Tensor x = tensor::from_doubles({1, 1, 2, 8}, test_values(16, 5));
  // Every output's gradient sent to element 0 of the plane.
  const Tensor indices = tensor::zeros({1, 1, 1, 4}, tensor::DType::Int64);
  const Tensor g = tensor::from_doubles({1, 1, 1, 4}, {1.0, 2.0, 3.0, 4.0});
  const auto grad = nn::max_pool2d_backward(g, x, indices, {2}).to_double_vector();
  CHECK(grad[0] == 10.0);
  for (std::size_t i = 1; i < grad.size(); ++i) CHECK(grad[i] == 0.0);
}

TEST_CASE("max_pool2d takes non-contiguous input") {
  const Tensor base = tensor::from_doubles({2, 9, 11}, test_values(198, 7));
  const Tensor x = tensor::unsqueeze(tensor::transpose(base, 1, 2), 0);  // [1, 2, 11, 9], strided
  REQUIRE_FALSE(x.is_contiguous());
  const auto a = nn::max_pool2d_with_indices(x, {3}, {2}, {1});
  const auto b = nn::max_pool2d_with_indices(x.contiguous(), {3}, {2}, {1});
  CHECK(a.output.to_double_vector() == b.output.to_double_vector());
  CHECK(a.indices.to_int_vector() == b.indices.to_int_vector());
}

TEST_CASE("max pooling gradients agree with finite differences") {
  // Distinct quarters: a step of 0.01 never changes which element is the maximum.
  std::vector<double> grid(2 * 7 * 9);
  for (std::size_t i = 0; i < grid.size(); ++i) grid[i] = static_cast<double>((i * 37) % grid.size()) / 4.0;
  const Tensor x = tensor::from_doubles({1, 2, 7, 9}, grid);
  gradcheck([](const Tensor& t) { return nn::max_pool2d(t, {3}, {2}, {1}, {1}, true); }, x);
  gradcheck([](const Tensor& t) { return nn::max_pool2d(t, {2, 3}, {1, 2}, {1, 1}, {2, 1}); }, x);
  const Tensor x1 = tensor::from_doubles({2, 63}, grid);
  gradcheck([](const Tensor& t) { return nn::max_pool1d(t, {3}, {2}, {1}); }, x1);
}

TEST_CASE("max_pool2d under no_grad records nothing; with grad it saves what backward needs") {
  Tensor x = tensor::from_doubles({1, 1, 4, 4}, test_values(16, 3));
  x.set_requires_grad(true);
  {
    autograd::NoGradGuard guard;
    const Tensor y = nn::max_pool2d(x, {2});
    CHECK_FALSE(y.requires_grad());
    const Tensor y1 = nn::max_pool1d(tensor::squeeze(x, 0), {2});
    CHECK_FALSE(y1.requires_grad());
  }
  const Tensor y = nn::max_pool2d(x, {2});
  CHECK(y.grad_fn()->name() == "MaxPool2DWithIndicesBackward0");
  autograd::backward(y, tensor::ones_like(y), /*retain_graph=*/true);
  autograd::backward(y, tensor::ones_like(y));
  // Two backward passes accumulate: each maximum got 1 + 1.
  double total = 0.0;
  for (double v : x.grad().to_double_vector()) total += v;
  CHECK(total == 8.0);
}

TEST_CASE("max_pool2d_backward checks grad_output's shape as PyTorch's check_dim_size does") {
  const Tensor x = tensor::zeros({1, 2, 4, 4});
  const auto r = nn::max_pool2d_with_indices(x, {2});
  CHECK_THROWS_WITH_AS(nn::max_pool2d_backward(tensor::ones({1, 2, 2, 3}), x, r.indices, {2}),
                       "Expected a tensor of dimension 4 and tensor.size[3] == 2 but got: dimension 4 and "
                       "tensor.size[3] = 3",
                       TorchError);
}
