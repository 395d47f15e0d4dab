// Normalization layers, forward and backward (PyTorch counterparts, same
// names and shapes: tests/bench/torch_cases_norm.py, which says what is timed).
// Forward: the functional op on inputs that do not require grad (training
// BatchNorm also updates its running buffers). Backward: the ATen-level
// backward with the statistics the forward saved, all three gradients.
#include <cstdint>
#include <memory>
#include <vector>

#include "bench_registry.hpp"
#include "nn/batch_norm.hpp"
#include "nn/group_norm.hpp"
#include "nn/instance_norm.hpp"
#include "nn/layer_norm.hpp"
#include "tensor/create.hpp"

namespace {

using lesson::nn::GradMask;
using lesson::tensor::Shape;
using lesson::tensor::Tensor;
namespace nn = lesson::nn;

constexpr double kEps = 1e-5;
constexpr GradMask kAll{true, true, true};
constexpr std::int64_t kGroups = 32;

// Values in [lo, lo + span) from a fixed LCG: reproducible, no zero variance.
Tensor filled(const Shape& shape, float lo = -2.0f, float span = 4.0f, std::uint32_t seed = 12345) {
  Tensor t = lesson::tensor::empty(shape);
  float* p = t.data<float>();
  std::uint32_t s = seed;
  for (std::int64_t i = 0; i < t.numel(); ++i) {
    s = s * 1664525u + 1013904223u;
    p[i] = lo + span * static_cast<float>(s >> 8) / static_cast<float>(1u << 24);
  }
  return t;
}

struct Data {
  Tensor x, gy, w, b, rm, rv;
};

Data data_for(const Shape& shape, const Shape& param_shape) {
  return Data{filled(shape),
              filled(shape, -1.0f, 2.0f, 777),
              filled(param_shape, 0.5f, 1.0f, 3),
              filled(param_shape, -1.0f, 2.0f, 4),
              filled({shape[1]}, -0.1f, 0.2f, 5),
              filled({shape[1]}, 0.5f, 1.0f, 6)};
}

std::int64_t plane(const Shape& s) {
  std::int64_t hw = 1;
  for (std::size_t d = 2; d < s.size(); ++d) hw *= s[d];
  return hw;
}

std::function<void()> batch_norm_forward(const Shape& shape, bool training) {
  auto d = std::make_shared<Data>(data_for(shape, {shape[1]}));
  return [d, training] { nn::batch_norm(d->x, d->rm, d->rv, d->w, d->b, training, 0.1, kEps); };
}

std::function<void()> batch_norm_backward(const Shape& shape, bool training) {
  auto d = std::make_shared<Data>(data_for(shape, {shape[1]}));
  auto f = std::make_shared<nn::NormForward>(
      nn::native_batch_norm(d->x, d->w, d->b, d->rm, d->rv, training, 0.1, kEps));
  return [d, f, training] {
    nn::native_batch_norm_backward(d->gy, d->x, d->w, d->rm, d->rv, f->mean, f->invstd, training, kEps, kAll);
  };
}

// Over the last dim of 3-d inputs, over (C, H, W) of 4-d ones.
Shape layer_norm_dims(const Shape& s) {
  return s.size() == 3 ? Shape{s.back()} : Shape(s.begin() + 1, s.end());
}

std::function<void()> layer_norm_forward(const Shape& shape) {
  auto d = std::make_shared<Data>(data_for(shape, layer_norm_dims(shape)));
  const Shape dims = layer_norm_dims(shape);
  return [d, dims] { nn::layer_norm(d->x, dims, d->w, d->b, kEps); };
}

std::function<void()> layer_norm_backward(const Shape& shape) {
  const Shape dims = layer_norm_dims(shape);
  auto d = std::make_shared<Data>(data_for(shape, dims));
  auto f = std::make_shared<nn::NormForward>(nn::native_layer_norm(d->x, dims, d->w, d->b, kEps));
  return [d, f, dims] {
    nn::native_layer_norm_backward(d->gy, d->x, dims, f->mean, f->invstd, d->w, d->b, kAll);
  };
}

std::function<void()> group_norm_forward(const Shape& shape) {
  auto d = std::make_shared<Data>(data_for(shape, {shape[1]}));
  return [d] { nn::group_norm(d->x, kGroups, d->w, d->b, kEps); };
}

std::function<void()> group_norm_backward(const Shape& shape) {
  auto d = std::make_shared<Data>(data_for(shape, {shape[1]}));
  const std::int64_t n = shape[0], c = shape[1], hw = plane(shape);
  auto f =
      std::make_shared<nn::NormForward>(nn::native_group_norm(d->x, d->w, d->b, n, c, hw, kGroups, kEps));
  return [d, f, n, c, hw] {
    nn::native_group_norm_backward(d->gy, d->x, f->mean, f->invstd, d->w, n, c, hw, kGroups, kAll);
  };
}

std::function<void()> instance_norm_forward(const Shape& shape) {
  auto d = std::make_shared<Data>(data_for(shape, {shape[1]}));
  return [d] { nn::instance_norm(d->x, Tensor(), Tensor(), d->w, d->b, true, 0.1, kEps); };
}

std::function<void()> instance_norm_backward(const Shape& shape) {
  auto d = std::make_shared<Data>(data_for(shape, {shape[1]}));
  auto f = std::make_shared<nn::NormForward>(nn::native_instance_norm(d->x, d->w, d->b, kEps));
  return [d, f] { nn::instance_norm_backward(d->gy, d->x, d->w, f->mean, f->invstd, kEps, kAll); };
}

// Registered in the order of torch_cases_norm.py.
const bool registered = [] {
  using lesson::bench::Registrar;
  static std::vector<Registrar> all;
  for (const Shape& s : {Shape{8, 64, 56, 56}, Shape{32, 64, 16, 16}}) {
    all.emplace_back("BatchNorm2d train forward", s, [s] { return batch_norm_forward(s, true); });
    all.emplace_back("BatchNorm2d eval forward", s, [s] { return batch_norm_forward(s, false); });
    all.emplace_back("BatchNorm2d train backward", s, [s] { return batch_norm_backward(s, true); });
    all.emplace_back("BatchNorm2d eval backward", s, [s] { return batch_norm_backward(s, false); });
    all.emplace_back("LayerNorm forward", s, [s] { return layer_norm_forward(s); });
    all.emplace_back("LayerNorm backward", s, [s] { return layer_norm_backward(s); });
    all.emplace_back("GroupNorm forward", s, [s] { return group_norm_forward(s); });
    all.emplace_back("GroupNorm backward", s, [s] { return group_norm_backward(s); });
    all.emplace_back("InstanceNorm2d forward", s, [s] { return instance_norm_forward(s); });
    all.emplace_back("InstanceNorm2d backward", s, [s] { return instance_norm_backward(s); });
  }
  const Shape rows{32, 16, 512};
  all.emplace_back("LayerNorm forward", rows, [rows] { return layer_norm_forward(rows); });
  all.emplace_back("LayerNorm backward", rows, [rows] { return layer_norm_backward(rows); });
  return true;
}();

}  // namespace
