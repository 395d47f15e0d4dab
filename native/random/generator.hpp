// PyTorch's CPU generator (at::CPUGeneratorImpl, ATen/CPUGeneratorImpl.cpp):
// an mt19937 engine plus the second Box-Muller samples PyTorch caches
// between calls of its scalar normal distribution.
#pragma once

#include <cstdint>
#include <optional>

#include "random/mt19937.hpp"

namespace lesson::random {

// at::default_rng_seed_val: the seed of a torch.Generator() nobody seeded.
inline constexpr std::uint64_t kDefaultSeed = 67280421310721ull;

class Generator {
 public:
  Generator() : Generator(kDefaultSeed) {}
  explicit Generator(std::uint64_t seed) : engine_(seed) {}

  // torch.manual_seed / Generator.manual_seed: a fresh engine and no cached
  // normal samples (CPUGeneratorImpl::set_current_seed).
  void manual_seed(std::uint64_t seed);
  std::uint64_t initial_seed() const { return engine_.seed(); }

  // One 32-bit draw.
  std::uint32_t random() { return engine_(); }
  // Two draws, the first one in the high half (make64BitsFrom32Bits).
  std::uint64_t random64() {
    const std::uint64_t hi = engine_();
    const std::uint64_t lo = engine_();
    return (hi << 32) | lo;
  }

  // The cached second sample of the Box-Muller pair; at::normal_distribution
  // <double> (every normal fill of fewer than 16 elements) takes it before
  // drawing a new pair. The float cache is only used by
  // normal_distribution<float>, which no op here calls, but PyTorch keeps
  // (and resets) both.
  const std::optional<double>& next_double_normal_sample() const { return next_double_normal_sample_; }
  void set_next_double_normal_sample(std::optional<double> sample) { next_double_normal_sample_ = sample; }
  const std::optional<float>& next_float_normal_sample() const { return next_float_normal_sample_; }
  void set_next_float_normal_sample(std::optional<float> sample) { next_float_normal_sample_ = sample; }

 private:
  Mt19937 engine_;
  std::optional<float> next_float_normal_sample_;
  std::optional<double> next_double_normal_sample_;
};

// The global generator that torch.manual_seed(s) seeds. PyTorch seeds it
// from /dev/urandom at start-up; this one starts from kDefaultSeed so a
// lesson that forgets manual_seed is still reproducible.
Generator& default_generator();

}  // namespace lesson::random
