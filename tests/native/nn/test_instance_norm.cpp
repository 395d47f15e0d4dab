// InstanceNorm (native/nn/instance_norm.cpp) against PyTorch 1.13: golden
// values, gradients and running buffers (tests/golden/norm.json), error texts,
// PyTorch's graph shape (ViewBackward0 over NativeBatchNormBackward0), and
// finite-difference checks of the backward.
#include <doctest/doctest.h>

#include "nn/norm_golden.hpp"

using namespace lesson;
using lesson::testing::norm::finite_difference_check;
using lesson::testing::norm::pattern;
using tensor::Tensor;

TEST_CASE("instance_norm matches PyTorch on every golden case") {
  lesson::testing::norm::run_golden_cases("instance_norm", 20);
}

TEST_CASE("instance_norm raises PyTorch's errors") {
  lesson::testing::norm::run_error_cases("instance_norm");
}

TEST_CASE("instance_norm backward agrees with finite differences") {
  SUBCASE("input statistics") {
    finite_difference_check(
        [](const std::vector<Tensor>& a) {
          return nn::instance_norm(a[0], Tensor(), Tensor(), a[1], a[2], true, 0.1, 1e-5);
        },
        {pattern({2, 3, 4, 3}), pattern({3}, 1.0, 0.3, 1.0), pattern({3}, 2.0)});
  }
  SUBCASE("running statistics") {
    const Tensor rm = pattern({3}, 0.5, 0.2), rv = pattern({3}, 0.1, 0.2, 1.0);
    finite_difference_check(
        [&](const std::vector<Tensor>& a) {
          return nn::instance_norm(a[0], rm, rv, a[1], a[2], false, 0.1, 1e-5);
        },
        {pattern({2, 3, 5}), pattern({3}, 1.0, 0.3, 1.0), pattern({3}, 2.0)});
  }
}

TEST_CASE("instance_norm's graph is a view over a batch norm, as in PyTorch") {
  Tensor x = pattern({2, 3, 4});
  x.set_requires_grad(true);
  const Tensor y = nn::instance_norm(x, Tensor(), Tensor(), Tensor(), Tensor(), true, 0.1, 1e-5);
  REQUIRE(y.grad_fn() != nullptr);
  CHECK(y.grad_fn()->name() == "ViewBackward0");
  REQUIRE(y.grad_fn()->next_edges.size() == 1);
  CHECK(y.grad_fn()->next_edges[0].function->name() == "NativeBatchNormBackward0");
  CHECK(y.shape() == x.shape());
}

TEST_CASE("instance_norm with batch 1 keeps the output and the inner result apart") {
  Tensor x = pattern({1, 2, 5});
  x.set_requires_grad(true);
  const Tensor y = nn::instance_norm(x, Tensor(), Tensor(), Tensor(), Tensor(), true, 0.1, 1e-5);
  CHECK(y.grad_fn()->name() == "ViewBackward0");
  autograd::backward(y, pattern({1, 2, 5}, 0.3));
  CHECK(x.grad().defined());
}
