// LayerNorm over the last dimension (the kernel of native/nn/layer_norm.cpp).
#include <cmath>
#include <memory>
#include <vector>

#include "bench_registry.hpp"
#include "nn/layer_norm.hpp"

namespace {

std::function<void()> layer_norm_case(std::int64_t rows, std::int64_t cols) {
  auto x = std::make_shared<std::vector<float>>(static_cast<std::size_t>(rows * cols));
  for (std::size_t i = 0; i < x->size(); ++i) (*x)[i] = static_cast<float>(std::sin(0.1 * static_cast<double>(i)));
  auto w = std::make_shared<std::vector<float>>(static_cast<std::size_t>(cols), 1.0f);
  auto b = std::make_shared<std::vector<float>>(static_cast<std::size_t>(cols), 0.0f);
  auto y = std::make_shared<std::vector<float>>(x->size());
  return [=] {
    lesson::nn::layer_norm_last_dim(x->data(), static_cast<std::size_t>(rows), static_cast<std::size_t>(cols),
                                    w->data(), b->data(), 1e-5f, y->data());
  };
}

const lesson::bench::Registrar layer_norm_forward(
    "LayerNorm forward (last dim kernel)", {32, 16, 512}, [] { return layer_norm_case(32 * 16, 512); });

}  // namespace
