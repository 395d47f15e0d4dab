#include "tensor/random_create.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>
#include <string>

#include "core/errors.hpp"
#include "random/distributions.hpp"
#include "tensor/copy.hpp"

namespace lesson::tensor {

namespace {

// The distributions report PyTorch's argument errors as invalid_argument;
// PyTorch raises them as RuntimeError.
template <class F>
void as_torch_error(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    throw_runtime_error(e.what());
  }
}

void require_float(const Tensor& t, const char* op) {
  if (t.dtype() != DType::Float32) {
    throw_runtime_error(std::string("\"") + op + "\" not implemented for '" +
                        (t.dtype() == DType::Int64 ? "Long" : "Bool") + "'");
  }
}

// Element offsets of `t` in the order PyTorch's TensorIterator visits a
// non-contiguous tensor: dimensions sorted by stride, the largest outermost.
std::vector<std::int64_t> memory_order_offsets(const Tensor& t) {
  std::vector<std::size_t> dims(t.shape().size());
  for (std::size_t i = 0; i < dims.size(); ++i) dims[i] = i;
  std::stable_sort(dims.begin(), dims.end(), [&](std::size_t a, std::size_t b) {
    return t.strides()[a] > t.strides()[b];
  });
  Shape shape;
  Strides strides, unused;
  for (auto d : dims) {
    shape.push_back(t.shape()[d]);
    strides.push_back(t.strides()[d]);
    unused.push_back(0);
  }
  std::vector<std::int64_t> offsets;
  offsets.reserve(static_cast<std::size_t>(t.numel()));
  for_each_offset2(shape, strides, unused, [&](std::int64_t o, std::int64_t) { offsets.push_back(o); });
  return offsets;
}

// Fills `t`: contiguous tensors through the vectorised `fill(float*, n)`;
// others one element at a time through `draw()` in TensorIterator order,
// which is what PyTorch does for them.
template <class Fill, class Draw>
void fill_float(const Tensor& t, Fill&& fill, Draw&& draw) {
  if (t.is_contiguous()) {
    as_torch_error([&] { fill(t.data<float>(), t.numel()); });
    return;
  }
  float* base = t.data<float>();
  as_torch_error([&] {
    for (auto offset : memory_order_offsets(t)) base[offset] = draw();
  });
}

// The draws of uniform_ / normal_, without the version bump of an in-place
// op: a tensor torch.rand / torch.randn makes starts at version 0.
void fill_uniform(const Tensor& t, double from, double to, random::Generator& g) {
  require_float(t, "check_uniform_bounds");
  fill_float(
      t, [&](float* p, std::int64_t n) { random::uniform_fill(p, n, from, to, g); },
      [&] {
        float v;
        random::uniform_fill(&v, 1, from, to, g);
        return v;
      });
}

void fill_normal(const Tensor& t, double mean, double stddev, random::Generator& g) {
  require_float(t, "normal_kernel_cpu");
  fill_float(
      t, [&](float* p, std::int64_t n) { random::normal_fill(p, n, mean, stddev, g); },
      [&] { return static_cast<float>(random::normal_double(mean, stddev, g)); });
}

}  // namespace

Tensor rand(const Shape& shape, random::Generator& g) {
  Tensor out = Tensor::make(shape, DType::Float32, false);
  fill_uniform(out, 0.0, 1.0, g);
  return out;
}

Tensor randn(const Shape& shape, random::Generator& g) {
  Tensor out = Tensor::make(shape, DType::Float32, false);
  fill_normal(out, 0.0, 1.0, g);
  return out;
}

Tensor randint(std::int64_t low, std::int64_t high, const Shape& shape, DType dtype,
               random::Generator& g) {
  Tensor out = Tensor::make(shape, dtype, false);
  if (dtype == DType::Int64) {
    as_torch_error([&] { random::randint_fill(out.data<std::int64_t>(), out.numel(), low, high, g); });
  } else if (dtype == DType::Float32) {
    as_torch_error([&] { random::randint_fill(out.data<float>(), out.numel(), low, high, g); });
  } else {
    throw_runtime_error("\"check_uniform_bounds\" not implemented for 'Bool'");
  }
  return out;
}

Tensor randperm(std::int64_t n, random::Generator& g) {
  Tensor out = Tensor::make({n}, DType::Int64, false);
  as_torch_error([&] { random::randperm_fill(out.data<std::int64_t>(), n, g); });
  return out;
}

Tensor rand_like(const Tensor& t, random::Generator& g) {
  require_float(t, "check_uniform_bounds");
  return rand(t.shape(), g);
}

Tensor randn_like(const Tensor& t, random::Generator& g) {
  require_float(t, "normal_kernel_cpu");
  return randn(t.shape(), g);
}

void uniform_(const Tensor& t, double from, double to, random::Generator& g) {
  fill_uniform(t, from, to, g);
  const_cast<Tensor&>(t).bump_version();
}

void normal_(const Tensor& t, double mean, double stddev, random::Generator& g) {
  fill_normal(t, mean, stddev, g);
  const_cast<Tensor&>(t).bump_version();
}

void bernoulli_(const Tensor& t, double p, random::Generator& g) {
  // PyTorch draws the mask in float for any dtype and stores it converted.
  const Tensor target = t.dtype() == DType::Float32 ? t : Tensor::make(t.shape(), DType::Float32, false);
  fill_float(
      target, [&](float* out, std::int64_t n) { random::bernoulli_fill(out, n, p, g); },
      [&] {
        float v;
        random::bernoulli_fill(&v, 1, p, g);
        return v;
      });
  if (!target.is_same(t)) copy_into(t, target);
  const_cast<Tensor&>(t).bump_version();
}

}  // namespace lesson::tensor
