// Pooling (native/nn/{max,avg,adaptive}_pool.cpp), forward and backward, at
// the lesson's shapes. PyTorch counterparts: tests/bench/torch_cases_pool.py.
//
// Forward cases run under no_grad (as the torch side does), so max pooling
// computes no indices unless asked for them ("with indices"). Backward cases
// time the backward op alone on prebuilt inputs (grad_output, the forward's
// input and indices), as the torch side times the aten backward ops.
#include <cmath>
#include <memory>
#include <vector>

#include "autograd/grad_mode.hpp"
#include "bench_registry.hpp"
#include "nn/adaptive_pool.hpp"
#include "nn/avg_pool.hpp"
#include "nn/max_pool.hpp"
#include "tensor/create.hpp"

namespace {

using lesson::bench::Registrar;
using lesson::tensor::Tensor;
namespace nn = lesson::nn;

Tensor filled(const std::vector<std::int64_t>& shape, double phase) {
  std::vector<double> v(static_cast<std::size_t>(lesson::tensor::numel_of(shape)));
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = std::sin(0.7 * static_cast<double>(i) + phase);
  return lesson::tensor::from_doubles(shape, v);
}

// A shared, prebuilt forward input and an upstream gradient of the op's
// output shape.
struct Inputs {
  Tensor x, grad, indices;
};

std::function<void()> forward(std::vector<std::int64_t> shape, std::function<Tensor(const Tensor&)> op) {
  auto x = std::make_shared<Tensor>(filled(shape, 0.0));
  return [x, op] {
    lesson::autograd::NoGradGuard no_grad;
    op(*x);
  };
}

const std::vector<std::vector<std::int64_t>> kShapes = {{8, 64, 56, 56}, {32, 64, 16, 16}};

void register_all() {
  static std::vector<Registrar> registrars;
  for (const auto& shape : kShapes) {
    registrars.emplace_back("MaxPool2d(2) forward", shape, [shape] {
      return forward(shape, [](const Tensor& x) { return nn::max_pool2d(x, {2}); });
    });
    registrars.emplace_back("MaxPool2d(2) forward with indices", shape, [shape] {
      return forward(shape, [](const Tensor& x) { return nn::max_pool2d_with_indices(x, {2}).output; });
    });
    registrars.emplace_back("MaxPool2d(2) backward", shape, [shape] {
      auto in = std::make_shared<Inputs>();
      in->x = filled(shape, 0.0);
      const auto r = nn::max_pool2d_with_indices(in->x, {2});
      in->indices = r.indices;
      in->grad = filled(r.output.shape(), 1.0);
      return [in] { nn::max_pool2d_backward(in->grad, in->x, in->indices, {2}); };
    });
    registrars.emplace_back("MaxPool2d(3, 2, 1) forward", shape, [shape] {
      return forward(shape, [](const Tensor& x) { return nn::max_pool2d(x, {3}, {2}, {1}); });
    });
    registrars.emplace_back("MaxPool2d(3, 2, 1) backward", shape, [shape] {
      auto in = std::make_shared<Inputs>();
      in->x = filled(shape, 0.0);
      const auto r = nn::max_pool2d_with_indices(in->x, {3}, {2}, {1});
      in->indices = r.indices;
      in->grad = filled(r.output.shape(), 1.0);
      return [in] { nn::max_pool2d_backward(in->grad, in->x, in->indices, {3}, {2}, {1}); };
    });
    registrars.emplace_back("AvgPool2d(2) forward", shape, [shape] {
      return forward(shape, [](const Tensor& x) { return nn::avg_pool2d(x, {2}); });
    });
    registrars.emplace_back("AvgPool2d(2) backward", shape, [shape] {
      auto in = std::make_shared<Inputs>();
      in->x = filled(shape, 0.0);
      in->grad = filled(nn::avg_pool2d(in->x, {2}).shape(), 1.0);
      return [in] { nn::avg_pool2d_backward(in->grad, in->x, {2}); };
    });
    for (const std::int64_t size : {1, 7}) {
      const std::string name = "AdaptiveAvgPool2d((" + std::to_string(size) + "," + std::to_string(size) + "))";
      registrars.emplace_back(name + " forward", shape, [shape, size] {
        return forward(shape, [size](const Tensor& x) { return nn::adaptive_avg_pool2d(x, nn::OptionalSizes{size, size}); });
      });
      registrars.emplace_back(name + " backward", shape, [shape, size] {
        auto in = std::make_shared<Inputs>();
        in->x = filled(shape, 0.0);
        in->grad = filled(nn::adaptive_avg_pool2d(in->x, size).shape(), 1.0);
        if (size == 1) return std::function<void()>([in] { nn::adaptive_avg_pool2d_mean_backward(in->grad, in->x); });
        return std::function<void()>([in] { nn::adaptive_avg_pool2d_backward(in->grad, in->x); });
      });
    }
  }
}

const bool registered = (register_all(), true);

}  // namespace
