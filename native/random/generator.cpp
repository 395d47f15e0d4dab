#include "random/generator.hpp"

namespace lesson::random {

void Generator::manual_seed(std::uint64_t seed) {
  next_float_normal_sample_.reset();
  next_double_normal_sample_.reset();
  engine_ = Mt19937(seed);
}

Generator& default_generator() {
  static Generator generator;
  return generator;
}

}  // namespace lesson::random
