// PyTorch's float summation order (tensor/reduce_cascade): values PyTorch
// 1.13 printed for these inputs (AVX2, one thread), bit for bit.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "tensor/reduce_cascade.hpp"

using namespace lesson::tensor;

namespace {

std::vector<float> arange_times(std::int64_t n, float step) {
  std::vector<float> v(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) v[static_cast<std::size_t>(i)] = static_cast<float>(i) * step;
  return v;
}

}  // namespace

TEST_CASE("cascade sum: a row adds as PyTorch's vectorized inner sum") {
  // torch.full((10,), 0.1).sum().item() prints tensor(1.0000): 1.0000001192092896.
  const std::vector<float> tenth(10, 0.1f);
  CHECK(cascade::row_sum(tenth.data(), 10) == 1.0000001192092896f);
  CHECK(cascade::row_sum(tenth.data(), 0) == 0.0f);
  const float negative_zero = -0.0f;
  CHECK_FALSE(std::signbit(cascade::row_sum(&negative_zero, 1)));  // tensor([-0.]).sum() is 0.
  const std::vector<float> a = arange_times(1000, 0.001f);
  CHECK(cascade::row_sum(a.data(), 1000) == 499.5f);
}

TEST_CASE("cascade sum: columns add as PyTorch's outer sums (4 columns, 32 lanes, 8 lanes, one)") {
  // (torch.arange(60.) * 0.1).reshape(6, 10).sum(0)
  const std::vector<float> x = arange_times(60, 0.1f);
  std::vector<float> out(10);
  cascade::column_sums(x.data(), 6, 10, out.data());
  const float want[10] = {15.0f, 15.600000381469727f, 16.200000762939453f, 16.80000114440918f, 17.399999618530273f,
                          18.0f, 18.600000381469727f, 19.200000762939453f, 19.799999237060547f, 20.399999618530273f};
  for (int j = 0; j < 10; ++j) CHECK(out[static_cast<std::size_t>(j)] == want[j]);
  // (torch.arange(600.) * 0.1).reshape(15, 40).sum(0): columns 0-31 as vectors, 32-39 as one more.
  const std::vector<float> y = arange_times(600, 0.1f);
  std::vector<float> wide(40);
  cascade::column_sums(y.data(), 15, 40, wide.data());
  CHECK(wide[0] == 420.0f);
  CHECK(wide[1] == 421.5000305175781f);
  CHECK(wide[2] == 423.0000305175781f);
  CHECK(wide[39] == 478.5f);
}
