// PyTorch 1.13's CPU random fills, bit for bit, for a contiguous tensor of
// n elements (the kernels of ATen/native/cpu/DistributionTemplates.h and
// randperm_cpu in ATen/native/TensorFactories.cpp). Every fill draws from the
// generator in the same order and amount as PyTorch, so a sequence of calls
// after one manual_seed reproduces PyTorch's sequence.
//
// Where PyTorch's result depends on the CPU it runs on, these follow an
// x86-64 CPU with AVX2 (the usual case, and any AVX-512 CPU too, since
// PyTorch does not dispatch its normal kernel to AVX-512): normal fills of
// 16 or more floats use PyTorch's AVX2 Box-Muller, and uniform_(from, to)
// rounds `x * (to - from) + from` once (a fused multiply-add), as PyTorch's
// AVX2 kernels do. A PyTorch forced to its default kernels
// (ATEN_CPU_CAPABILITY=default) gives slightly different values there.
//
// Arguments PyTorch rejects throw std::invalid_argument with PyTorch's text.
#pragma once

#include <cstdint>

#include "random/generator.hpp"

namespace lesson::random {

// torch.rand / rand_like / Tensor.uniform_(from, to) on float32: 24 random
// bits per element from one 32-bit draw, x = bits / 2^24, x * (to - from) + from.
void uniform_fill(float* out, std::int64_t n, double from, double to, Generator& g);

// torch.randn / randn_like / Tensor.normal_(mean, std) on float32. For
// n >= 16: n uniform floats, then Box-Muller in chunks of 16 (the first 8
// give the radii, the last 8 the angles), and if n is not a multiple of 16,
// 16 fresh uniforms for the last 16 elements, transformed again. For n < 16:
// at::normal_distribution<double> per element, which uses (and refills) the
// generator's cached second sample.
void normal_fill(float* out, std::int64_t n, double mean, double stddev, Generator& g);

// torch.randint(low, high, size): (draw % (high - low)) + low per element,
// with one 32-bit draw when high - low < 2^32 and random64() otherwise.
void randint_fill(std::int64_t* out, std::int64_t n, std::int64_t low, std::int64_t high, Generator& g);
// torch.randint(low, high, size, dtype=torch.float32): the same integers
// (after PyTorch narrows low/high to values float32 can hold) as floats.
void randint_fill(float* out, std::int64_t n, std::int64_t low, std::int64_t high, Generator& g);

// torch.randperm(n) (int64): the identity, then for i in [0, n - 1) swap
// element i with element i + random() % (n - i).
void randperm_fill(std::int64_t* out, std::int64_t n, Generator& g);

// Tensor.bernoulli_(p) on float32 (dropout's mask): 1 where a uniform double
// from random64() (53 bits) is below p, else 0. This is PyTorch's kernel when
// it is built without MKL (Debian's build, and any AMD CPU); official x86
// wheels on Intel CPUs draw the mask with MKL instead, which no one else
// reproduces.
void bernoulli_fill(float* out, std::int64_t n, double p, Generator& g);

// Single samples, as PyTorch's scalar distributions produce them.
// at::uniform_real_distribution<float>(from, to) for from/to already in float.
float uniform_float(float from, float to, Generator& g);
// at::uniform_real_distribution<double>(0, 1): 53 bits of random64().
double uniform_double(Generator& g);
// at::normal_distribution<double>(mean, stddev), with the cached second sample.
double normal_double(double mean, double stddev, Generator& g);

}  // namespace lesson::random
