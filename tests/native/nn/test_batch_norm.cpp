// BatchNorm (native/nn/batch_norm.cpp) against PyTorch 1.13: golden values,
// gradients and running buffers (tests/golden/norm.json), error texts, and
// finite-difference checks of the backward in training and evaluation.
#include <doctest/doctest.h>

#include "autograd/grad_mode.hpp"
#include "nn/norm_golden.hpp"

using namespace lesson;
using lesson::testing::norm::finite_difference_check;
using lesson::testing::norm::pattern;
using nn::NormForward;
using tensor::Tensor;

TEST_CASE("batch_norm matches PyTorch on every golden case") {
  lesson::testing::norm::run_golden_cases("batch_norm", 20);
}

TEST_CASE("batch_norm raises PyTorch's errors") { lesson::testing::norm::run_error_cases("batch_norm"); }

TEST_CASE("batch_norm backward agrees with finite differences") {
  SUBCASE("training") {
    finite_difference_check(
        [](const std::vector<Tensor>& a) {
          return nn::batch_norm(a[0], Tensor(), Tensor(), a[1], a[2], true, 0.1, 1e-5);
        },
        {pattern({3, 2, 4, 5}), pattern({2}, 1.0, 0.3, 1.0), pattern({2}, 2.0)});
  }
  SUBCASE("evaluation") {
    const Tensor rm = pattern({3}, 0.5, 0.2), rv = pattern({3}, 0.1, 0.2, 1.0);
    finite_difference_check(
        [&](const std::vector<Tensor>& a) {
          return nn::batch_norm(a[0], rm, rv, a[1], a[2], false, 0.1, 1e-5);
        },
        {pattern({2, 3, 7}), pattern({3}, 1.0, 0.3, 1.0), pattern({3}, 2.0)});
  }
  SUBCASE("planes of 1024 values and more (channel-by-channel backward)") {
    finite_difference_check(
        [](const std::vector<Tensor>& a) {
          return nn::batch_norm(a[0], Tensor(), Tensor(), a[1], a[2], true, 0.1, 1e-5);
        },
        {pattern({2, 2, 32, 33}), pattern({2}, 1.0, 0.3, 1.0), pattern({2}, 2.0)});
  }
  SUBCASE("[N, C] input") {
    finite_difference_check(
        [](const std::vector<Tensor>& a) {
          return nn::batch_norm(a[0], Tensor(), Tensor(), a[1], a[2], true, 0.1, 1e-5);
        },
        {pattern({9, 4}), pattern({4}, 1.0, 0.3, 1.0), pattern({4}, 2.0)});
  }
}

TEST_CASE("batch_norm records no graph under no_grad and none for plain inputs") {
  Tensor x = pattern({2, 3, 4});
  Tensor w = pattern({3}, 1.0, 0.2, 1.0);
  w.set_requires_grad(true);
  {
    autograd::NoGradGuard guard;
    CHECK(nn::batch_norm(x, Tensor(), Tensor(), w, Tensor(), true, 0.1, 1e-5).grad_fn() == nullptr);
  }
  CHECK(nn::batch_norm(x, Tensor(), Tensor(), Tensor(), Tensor(), true, 0.1, 1e-5).grad_fn() == nullptr);
  const Tensor y = nn::batch_norm(x, Tensor(), Tensor(), w, Tensor(), true, 0.1, 1e-5);
  REQUIRE(y.grad_fn() != nullptr);
  CHECK(y.grad_fn()->name() == "NativeBatchNormBackward0");
}

TEST_CASE("batch_norm training updates running buffers in place and bumps their version") {
  const Tensor x = pattern({4, 2, 3});
  Tensor rm = tensor::zeros({2}), rv = tensor::ones({2});
  const auto v0 = rm.version();
  nn::batch_norm(x, rm, rv, Tensor(), Tensor(), true, 0.1, 1e-5);
  CHECK(rm.version() > v0);
  // The running variance uses the unbiased batch variance.
  const auto xs = x.to_double_vector();
  for (int c = 0; c < 2; ++c) {
    double sum = 0.0, sq = 0.0;
    for (int n = 0; n < 4; ++n) {
      for (int i = 0; i < 3; ++i) sum += xs[n * 6 + c * 3 + i];
    }
    const double mean = sum / 12.0;
    for (int n = 0; n < 4; ++n) {
      for (int i = 0; i < 3; ++i) sq += (xs[n * 6 + c * 3 + i] - mean) * (xs[n * 6 + c * 3 + i] - mean);
    }
    CHECK(rm.to_double_vector()[c] == doctest::Approx(0.1 * mean).epsilon(1e-5));
    CHECK(rv.to_double_vector()[c] == doctest::Approx(0.9 + 0.1 * sq / 11.0).epsilon(1e-5));
  }
}

TEST_CASE("native_batch_norm statistics of long planes with a large offset match double precision") {
  // Planes longer than the kernels' float chunks: the statistics must stay
  // accurate to float precision however many values a channel has.
  const tensor::Shape shape{3, 2, 67, 61};
  const Tensor x = pattern(shape, 0.0, 0.5, 300.0);
  const NormForward f = nn::native_batch_norm(x, Tensor(), Tensor(), Tensor(), Tensor(), true, 0.1, 1e-5);
  const auto xs = x.to_double_vector();
  const std::int64_t hw = 67 * 61;
  for (std::int64_t c = 0; c < 2; ++c) {
    double sum = 0.0, sq = 0.0;
    for (std::int64_t n = 0; n < 3; ++n) {
      for (std::int64_t i = 0; i < hw; ++i) sum += xs[(n * 2 + c) * hw + i];
    }
    const double mean = sum / (3.0 * hw);
    for (std::int64_t n = 0; n < 3; ++n) {
      for (std::int64_t i = 0; i < hw; ++i)
        sq += (xs[(n * 2 + c) * hw + i] - mean) * (xs[(n * 2 + c) * hw + i] - mean);
    }
    CHECK(f.mean.to_double_vector()[c] == doctest::Approx(mean).epsilon(1e-7));
    CHECK(f.invstd.to_double_vector()[c] ==
          doctest::Approx(1.0 / std::sqrt(sq / (3.0 * hw) + 1e-5)).epsilon(1e-6));
  }
}

TEST_CASE("batch_norm of an empty batch returns an empty output and leaves the running buffers alone") {
  Tensor rm = pattern({3}, 0.2), rv = pattern({3}, 0.4, 0.1, 1.0);
  const auto before = rm.to_double_vector();
  const Tensor y = nn::batch_norm(tensor::zeros({0, 3}), rm, rv, Tensor(), Tensor(), true, 0.1, 1e-5);
  CHECK(y.shape() == tensor::Shape{0, 3});
  CHECK(rm.to_double_vector() == before);
}
