// GroupNorm (native/nn/group_norm.cpp) against PyTorch 1.13: golden values
// and gradients (tests/golden/norm.json), error texts, and finite-difference
// checks of the backward.
#include <doctest/doctest.h>

#include "nn/norm_golden.hpp"

using namespace lesson;
using lesson::testing::norm::finite_difference_check;
using lesson::testing::norm::pattern;
using tensor::Tensor;

TEST_CASE("group_norm matches PyTorch on every golden case") {
  lesson::testing::norm::run_golden_cases("group_norm", 20);
}

TEST_CASE("group_norm raises PyTorch's errors") { lesson::testing::norm::run_error_cases("group_norm"); }

TEST_CASE("group_norm backward agrees with finite differences") {
  for (const std::int64_t groups : {1, 2, 4}) {
    CAPTURE(groups);
    finite_difference_check(
        [groups](const std::vector<Tensor>& a) { return nn::group_norm(a[0], groups, a[1], a[2], 1e-5); },
        {pattern({2, 4, 3, 2}), pattern({4}, 1.0, 0.3, 1.0), pattern({4}, 2.0)});
  }
}

TEST_CASE("group_norm saves [N, groups] statistics") {
  const auto f = nn::native_group_norm(pattern({2, 6, 5}), Tensor(), Tensor(), 2, 6, 5, 3, 1e-5);
  CHECK(f.mean.shape() == tensor::Shape{2, 3});
  CHECK(f.invstd.shape() == tensor::Shape{2, 3});
}
