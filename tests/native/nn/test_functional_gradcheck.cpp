// Finite-difference checks of the functional ops' backward passes
// (native/nn/{conv,activation,loss}.cpp): central differences of
// L = sum(gy * f(x)), accumulated in double, along random directions,
// against the directional derivative autograd gives, for every
// differentiable input (tests/native/nn/norm_golden.hpp's checker). Inputs
// are small and kept away from the kinks of the piecewise ops.
#include <doctest/doctest.h>

#include <functional>
#include <vector>

#include "nn/activation.hpp"
#include "nn/conv.hpp"
#include "nn/loss.hpp"
#include "nn/norm_golden.hpp"
#include "tensor/create.hpp"

using lesson::tensor::Tensor;
using lesson::testing::norm::pattern;
using Leaves = std::vector<Tensor>;
namespace nn = lesson::nn;

namespace {

// The shared checker sets requires_grad on the leaves and reads their .grad,
// so every check gets fresh copies (a gradient must not accumulate across
// checks that share an input).
void finite_difference_check(const std::function<Tensor(const Leaves&)>& f, const Leaves& leaves) {
  Leaves fresh;
  for (const Tensor& t : leaves) fresh.push_back(lesson::tensor::from_doubles(t.shape(), t.to_double_vector()));
  lesson::testing::norm::finite_difference_check(f, fresh);
}

}  // namespace

TEST_CASE("conv2d backward agrees with finite differences") {
  SUBCASE("stride, padding, dilation, bias") {
    finite_difference_check(
        [](const Leaves& a) { return nn::conv2d(a[0], a[1], a[2], {2, 1}, nn::ConvIntList{1, 2}, {1, 2}); },
        {pattern({2, 3, 6, 7}), pattern({4, 3, 3, 2}, 1.0, 0.5), pattern({4}, 2.0)});
  }
  SUBCASE("groups = channels, 'same' with an even kernel") {
    finite_difference_check([](const Leaves& a) { return nn::conv2d(a[0], a[1], Tensor(), {1}, "same", {1}, 4); },
                            {pattern({1, 4, 5, 5}), pattern({4, 1, 2, 2}, 1.0, 0.5)});
  }
  SUBCASE("unbatched input") {
    finite_difference_check([](const Leaves& a) { return nn::conv2d(a[0], a[1], a[2], {1}, {1}); },
                            {pattern({2, 4, 4}), pattern({3, 2, 3, 3}, 1.0, 0.5), pattern({3}, 2.0)});
  }
}

TEST_CASE("conv1d backward agrees with finite differences") {
  finite_difference_check(
      [](const Leaves& a) { return nn::conv1d(a[0], a[1], a[2], {2}, {1}, {2}, 2); },
      {pattern({2, 4, 9}), pattern({6, 2, 3}, 1.0, 0.5), pattern({6}, 2.0)});
  finite_difference_check([](const Leaves& a) { return nn::conv1d(a[0], a[1], Tensor(), {1}, "same", {3}); },
                          {pattern({1, 2, 8}), pattern({3, 2, 2}, 1.0, 0.5)});
}

TEST_CASE("activation backwards agree with finite differences") {
  // x's values (in [-1.98, 2.4]) sit at least 0.03 from every kink below (0,
  // -1.5, 1.2), more than the checker's step of 0.01.
  const Tensor x = pattern({3, 5}, 0.4, 2.0);
  finite_difference_check([](const Leaves& a) { return nn::leaky_relu(a[0], 0.2); }, {x});
  finite_difference_check([](const Leaves& a) { return nn::gelu(a[0]); }, {x});
  finite_difference_check([](const Leaves& a) { return nn::gelu(a[0], "tanh"); }, {x});
  finite_difference_check([](const Leaves& a) { return nn::silu(a[0]); }, {x});
  finite_difference_check([](const Leaves& a) { return nn::softmax(a[0], 1); }, {x});
  finite_difference_check([](const Leaves& a) { return nn::softmax(a[0], 0); }, {x});
  finite_difference_check([](const Leaves& a) { return nn::log_softmax(a[0], 1); }, {x});
  finite_difference_check([](const Leaves& a) { return nn::log_softmax(a[0], -2); }, {x});
  finite_difference_check([](const Leaves& a) { return nn::hardtanh(a[0], -1.5, 1.2); }, {x});
  finite_difference_check([](const Leaves& a) { return nn::elu(a[0], 0.7); }, {x});
}

TEST_CASE("loss backwards agree with finite differences") {
  const Tensor x = pattern({4, 3}, 0.4, 2.0);
  const Tensor y = pattern({4, 3}, 1.9, 0.5);
  finite_difference_check([](const Leaves& a) { return nn::mse_loss(a[0], a[1]); }, {x, y});
  finite_difference_check([](const Leaves& a) { return nn::mse_loss(a[0], a[1], "none"); }, {x, y});
  finite_difference_check([](const Leaves& a) { return nn::l1_loss(a[0], a[1], "sum"); }, {x, y});
  finite_difference_check(
      [](const Leaves& a) { return nn::binary_cross_entropy_with_logits(a[0], a[1], Tensor(), "mean"); },
      {x, pattern({4, 3}, 0.2, 0.3, 0.5)});
  const Tensor pos_weight = lesson::tensor::from_doubles({3}, {0.5, 2.0, 1.3});
  const Tensor weight = lesson::tensor::from_doubles({3}, {1.5, 0.7, 1.0});
  finite_difference_check(
      [pos_weight, weight](const Leaves& a) {
        return nn::binary_cross_entropy_with_logits(a[0], a[1], weight, "sum", pos_weight);
      },
      {x, pattern({4, 3}, 0.2, 0.3, 0.5)});
  const Tensor classes = lesson::tensor::from_ints({4}, {0, 2, 1, 2});
  finite_difference_check([classes](const Leaves& a) { return nn::cross_entropy(a[0], classes); }, {x});
  finite_difference_check(
      [classes, weight](const Leaves& a) { return nn::cross_entropy(a[0], classes, weight, 1, "sum", 0.2); }, {x});
  const Tensor spatial = lesson::tensor::from_ints({2, 2, 2}, {0, 1, 2, 1, 2, 0, 0, 1});
  finite_difference_check([spatial](const Leaves& a) { return nn::cross_entropy(a[0], spatial, Tensor(), -100, "none"); },
                          {pattern({2, 3, 2, 2}, 0.1, 2.0)});
  finite_difference_check(
      [](const Leaves& a) { return nn::cross_entropy(a[0], nn::softmax(a[1], 1), Tensor(), -100, "mean", 0.1); },
      {x, y});
}
