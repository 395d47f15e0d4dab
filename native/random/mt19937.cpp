#include "random/mt19937.hpp"

namespace lesson::random {

namespace {

constexpr std::uint32_t kMatrixA = 0x9908b0dfu;
constexpr std::uint32_t kUpperMask = 0x80000000u;
constexpr std::uint32_t kLowerMask = 0x7fffffffu;

std::uint32_t twist(std::uint32_t u, std::uint32_t v) {
  const std::uint32_t mixed = (u & kUpperMask) | (v & kLowerMask);
  return (mixed >> 1) ^ ((v & 1u) ? kMatrixA : 0u);
}

}  // namespace

Mt19937::Mt19937(std::uint64_t seed) : seed_(seed) {
  // Only the low 32 bits seed the state; the full 64 bits are remembered.
  state_[0] = static_cast<std::uint32_t>(seed & 0xffffffffu);
  for (int j = 1; j < kStateSize; ++j) {
    state_[j] = 1812433253u * (state_[j - 1] ^ (state_[j - 1] >> 30)) + static_cast<std::uint32_t>(j);
  }
  // left_ = 1 makes the first draw regenerate the whole state, as PyTorch does.
  left_ = 1;
  next_ = 0;
}

void Mt19937::next_state() {
  std::uint32_t* p = state_.data();
  left_ = kStateSize;
  next_ = 0;
  for (int j = kStateSize - kShift + 1; --j; ++p) {
    *p = p[kShift] ^ twist(p[0], p[1]);
  }
  for (int j = kShift; --j; ++p) {
    *p = p[kShift - kStateSize] ^ twist(p[0], p[1]);
  }
  *p = p[kShift - kStateSize] ^ twist(p[0], state_[0]);
}

}  // namespace lesson::random
