// PyTorch's mt19937 engine (at::mt19937, ATen/core/MT19937RNGEngine.h):
// the classic Mersenne Twister with a 32-bit state array, seeded from the
// low 32 bits of a 64-bit seed, and which remembers that 64-bit seed.
#pragma once

#include <array>
#include <cstdint>

namespace lesson::random {

class Mt19937 {
 public:
  static constexpr int kStateSize = 624;  // MERSENNE_STATE_N
  static constexpr int kShift = 397;      // MERSENNE_STATE_M

  explicit Mt19937(std::uint64_t seed = 5489);

  // The seed it was built with, all 64 bits (PyTorch's initial_seed()).
  std::uint64_t seed() const { return seed_; }

  // One tempered 32-bit output.
  std::uint32_t operator()() {
    if (--left_ == 0) {
      next_state();
    }
    std::uint32_t y = state_[next_++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
  }

 private:
  void next_state();

  std::uint64_t seed_;
  int left_;
  std::uint32_t next_;
  std::array<std::uint32_t, kStateSize> state_;
};

}  // namespace lesson::random
