// Random tensors and in-place random fills, drawing from PyTorch's default
// generator (torch.manual_seed seeds it) unless a generator is given.
#pragma once

#include <cstdint>

#include "random/generator.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

Tensor rand(const Shape& shape, random::Generator& g = random::default_generator());
Tensor randn(const Shape& shape, random::Generator& g = random::default_generator());
Tensor randint(std::int64_t low, std::int64_t high, const Shape& shape, DType dtype = DType::Int64,
               random::Generator& g = random::default_generator());
Tensor randperm(std::int64_t n, random::Generator& g = random::default_generator());
Tensor rand_like(const Tensor& t, random::Generator& g = random::default_generator());
Tensor randn_like(const Tensor& t, random::Generator& g = random::default_generator());

// In place; they bump the tensor's version.
void uniform_(const Tensor& t, double from = 0.0, double to = 1.0,
              random::Generator& g = random::default_generator());
void normal_(const Tensor& t, double mean = 0.0, double stddev = 1.0,
             random::Generator& g = random::default_generator());
void bernoulli_(const Tensor& t, double p, random::Generator& g = random::default_generator());

}  // namespace lesson::tensor
