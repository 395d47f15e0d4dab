// Convolution (native/nn/conv.cpp): Conv2d(64, 64, 3, padding=1) forward and
// backward at the lesson's [8, 64, 56, 56] input. PyTorch counterparts:
// tests/bench/torch_cases_conv.py.
//
// The forward runs under no_grad (as the torch side does); the backward
// times convolution_backward alone on prebuilt inputs (all three gradients),
// as the torch side times aten.convolution_backward.
#include <cmath>
#include <memory>
#include <vector>

#include "autograd/grad_mode.hpp"
#include "bench_registry.hpp"
#include "nn/conv.hpp"
#include "tensor/create.hpp"

namespace {

using lesson::bench::Registrar;
using lesson::tensor::Tensor;
namespace nn = lesson::nn;

Tensor filled(const std::vector<std::int64_t>& shape, double phase, double scale = 1.0) {
  std::vector<double> v(static_cast<std::size_t>(lesson::tensor::numel_of(shape)));
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = scale * std::sin(0.7 * static_cast<double>(i) + phase);
  return lesson::tensor::from_doubles(shape, v);
}

struct Inputs {
  Tensor x, w, b, grad;
};

std::shared_ptr<Inputs> make_inputs(const std::vector<std::int64_t>& shape) {
  auto in = std::make_shared<Inputs>();
  in->x = filled(shape, 0.0);
  in->w = filled({64, shape[1], 3, 3}, 1.0, 0.05);
  in->b = filled({64}, 2.0);
  in->grad = filled({shape[0], 64, shape[2], shape[3]}, 3.0);
  return in;
}

void register_all() {
  static std::vector<Registrar> registrars;
  const std::vector<std::int64_t> shape{8, 64, 56, 56};
  registrars.emplace_back("Conv2d(64, 64, 3, padding=1) forward", shape, [shape] {
    auto in = make_inputs(shape);
    return std::function<void()>([in] {
      lesson::autograd::NoGradGuard no_grad;
      nn::conv2d(in->x, in->w, in->b, {1}, {1});
    });
  });
  registrars.emplace_back("Conv2d(64, 64, 3, padding=1) backward", shape, [shape] {
    auto in = make_inputs(shape);
    return std::function<void()>(
        [in] { nn::convolution_backward(in->grad, in->x, in->w, {1}, {1}, {1}, 1, {true, true, true}); });
  });
}

const bool registered = (register_all(), true);

}  // namespace
