#include "random/distributions.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

#include "random/avx_mathfun.hpp"

// PyTorch's AVX2 kernels were compiled with contraction on; where they fuse
// a multiply-add, std::fma says so. Nothing else may be fused here.
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace lesson::random {

namespace {

constexpr double kPi = 3.14159265358979323846;  // c10::pi<double>

// c10::str formats numbers with a default std::ostream.
template <typename... Parts>
std::string str(const Parts&... parts) {
  std::ostringstream out;
  (out << ... << parts);
  return out.str();
}

void check_size(std::int64_t n) {
  if (n < 0) {
    throw std::invalid_argument(str("Trying to create tensor with negative dimension ", n, ": [", n, "]"));
  }
}

// ---- uniform -------------------------------------------------------------

// transformation::uniform_real<float>: the low 24 bits scaled to [0, 1),
// then x * (to - from) + from, fused by PyTorch's AVX2 build.
float uniform_real_float(std::uint32_t bits, float from, float to) {
  const float x = static_cast<float>(bits & 0xffffffu) * (1.0f / 16777216.0f);
  return std::fma(x, to - from, from);
}

// ---- normal --------------------------------------------------------------

// normal_fill_16_AVX2: Box-Muller on 16 uniforms in place, the first 8
// giving the radii (through 1 - u, so log never sees 0), the last 8 the
// angles; cos results land in the first half, sin results in the second.
void normal_fill_16(float* data, float mean, float stddev) {
  // _mm256_set1_ps(2.0f * c10::pi<double>): the product is a double.
  constexpr float kTwoPi = static_cast<float>(2.0f * kPi);
  for (int j = 0; j < 8; ++j) {
    const float u1 = 1.0f - data[j];
    const float u2 = data[j + 8];
    const float radius = std::sqrt(-2.0f * avx_mathfun::log(u1));
    const float theta = kTwoPi * u2;
    float sin_theta;
    float cos_theta;
    avx_mathfun::sincos(theta, sin_theta, cos_theta);
    data[j] = std::fma(radius * cos_theta, stddev, mean);
    data[j + 8] = std::fma(radius * sin_theta, stddev, mean);
  }
}

void uniform_01_fill(float* out, std::int64_t n, Generator& g) {
  for (std::int64_t i = 0; i < n; ++i) {
    out[i] = uniform_real_float(g.random(), 0.0f, 1.0f);
  }
}

// normal_fill_AVX2 (n >= 16).
void normal_fill_chunked(float* data, std::int64_t n, float mean, float stddev, Generator& g) {
  uniform_01_fill(data, n, g);
  for (std::int64_t i = 0; i + 16 <= n; i += 16) {
    normal_fill_16(data + i, mean, stddev);
  }
  if (n % 16 != 0) {
    // Recompute the last 16 values from fresh uniforms.
    float* tail = data + n - 16;
    uniform_01_fill(tail, 16, g);
    normal_fill_16(tail, mean, stddev);
  }
}

// ---- randint -------------------------------------------------------------

// uniform_int_from_to_distribution: random64() once the range needs more
// than 32 bits (for int64, double, float and bfloat16), else random().
std::int64_t uniform_int_from_to(std::uint64_t range, std::int64_t base, Generator& g) {
  const std::uint64_t draw = range >= (std::uint64_t{1} << 32) ? g.random64() : std::uint64_t{g.random()};
  return static_cast<std::int64_t>(draw % range + static_cast<std::uint64_t>(base));
}

void check_from_less_than_to(std::int64_t from, std::int64_t to) {
  if (!(from < to)) {
    throw std::invalid_argument(
        str("random_ expects 'from' to be less than 'to', but got from=", from, " >= to=", to));
  }
}

// templates::update_from<float> / update_to<float>: move from right and to
// left until the casts to float cannot leave [from, to).
constexpr int kFloatDigits = std::numeric_limits<float>::digits;  // 24

std::int64_t update_from_float(std::int64_t from) {
  const auto from_plus_1 = static_cast<std::int64_t>(static_cast<float>(from + 1));
  if (from_plus_1 < from) {
    std::int64_t rest = std::llabs(from + 1);
    int n = 0;
    while (rest >>= 1) {
      ++n;
    }
    from = from_plus_1 + (std::int64_t{1} << (n - kFloatDigits + 1));
  }
  return from;
}

std::int64_t update_to_float(std::int64_t to) {
  const auto to_minus_1 = static_cast<std::int64_t>(static_cast<float>(to - 1));
  if (to_minus_1 >= to) {
    std::int64_t rest = std::llabs(to - 1);
    int n = 0;
    while (rest >>= 1) {
      ++n;
    }
    to = to_minus_1 - (std::int64_t{1} << (n - kFloatDigits + 1));
  }
  return to;
}

}  // namespace

// ---- public samples -----------------------------------------------------

float uniform_float(float from, float to, Generator& g) {
  return uniform_real_float(g.random(), from, to);
}

double uniform_double(Generator& g) {
  // transformation::uniform_real<double>(random64(), 0, 1): 53 bits / 2^53;
  // x * (1 - 0) + 0 is exact, fused or not.
  constexpr std::uint64_t kMask = (std::uint64_t{1} << 53) - 1;
  return static_cast<double>(g.random64() & kMask) * (1.0 / 9007199254740992.0);
}

double normal_double(double mean, double stddev, Generator& g) {
  // at::normal_distribution<double>: the cached sample first, else one
  // Box-Muller pair whose sine half is cached for the next call.
  double value;
  if (const auto cached = g.next_double_normal_sample()) {
    value = *cached;
    g.set_next_double_normal_sample(std::nullopt);
  } else {
    const double u1 = uniform_double(g);
    const double u2 = uniform_double(g);
    const double r = std::sqrt(-2.0 * std::log(1.0 - u2));
    const double theta = 2.0 * kPi * u1;
    g.set_next_double_normal_sample(r * std::sin(theta));
    value = r * std::cos(theta);
  }
  // transformation::normal: val * std + mean, contracted in the AVX2 build.
  return std::fma(value, stddev, mean);
}

// ---- fills ---------------------------------------------------------------

void uniform_fill(float* out, std::int64_t n, double from, double to, Generator& g) {
  check_size(n);
  // uniform_impl_'s checks, in its order, with its texts.
  constexpr double kMin = std::numeric_limits<float>::lowest();
  constexpr double kMax = std::numeric_limits<float>::max();
  if (!(from >= kMin && from <= kMax)) {
    throw std::invalid_argument("from is out of bounds for float");
  }
  if (!(to >= kMin && to <= kMax)) {
    throw std::invalid_argument("to is out of bounds for float");
  }
  if (!(from <= to)) {
    throw std::invalid_argument(str("uniform_ expects to return a [from, to) range, but found from=", from,
                                    " > to=", to));
  }
  if (!((to - from) <= kMax)) {
    throw std::invalid_argument(str("uniform_ expects to-from <= std::numeric_limits<Float>::max(), but found to=",
                                    to, " and from=", from, " which result in to-from to exceed the limit"));
  }
  const auto from_f = static_cast<float>(from);
  const auto to_f = static_cast<float>(to);
  for (std::int64_t i = 0; i < n; ++i) {
    out[i] = uniform_real_float(g.random(), from_f, to_f);
  }
}

void normal_fill(float* out, std::int64_t n, double mean, double stddev, Generator& g) {
  check_size(n);
  if (!(stddev >= 0.0)) {
    throw std::invalid_argument(str("normal expects std >= 0.0, but found std ", stddev));
  }
  if (n >= 16) {
    normal_fill_chunked(out, n, static_cast<float>(mean), static_cast<float>(stddev), g);
  } else {
    for (std::int64_t i = 0; i < n; ++i) {
      out[i] = static_cast<float>(normal_double(mean, stddev, g));
    }
  }
}

void randint_fill(std::int64_t* out, std::int64_t n, std::int64_t low, std::int64_t high, Generator& g) {
  check_size(n);
  check_from_less_than_to(low, high);
  const std::uint64_t range = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
  for (std::int64_t i = 0; i < n; ++i) {
    out[i] = uniform_int_from_to(range, low, g);
  }
}

void randint_fill(float* out, std::int64_t n, std::int64_t low, std::int64_t high, Generator& g) {
  check_size(n);
  check_from_less_than_to(low, high);
  low = update_from_float(low);
  high = update_to_float(high);
  if (!(low < high)) {
    throw std::invalid_argument(str("random_ expects 'from' casted to dtype to be less than 'to' casted to dtype, "
                                    "but got from=", low, " >= to=", high));
  }
  // Every int64 lies within float's range, so PyTorch's bounds check cannot
  // fail here; it only warns beyond +-2^24, where floats skip integers.
  const std::uint64_t range = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
  for (std::int64_t i = 0; i < n; ++i) {
    out[i] = static_cast<float>(uniform_int_from_to(range, low, g));
  }
}

void randperm_fill(std::int64_t* out, std::int64_t n, Generator& g) {
  check_size(n);
  for (std::int64_t i = 0; i < n; ++i) {
    out[i] = i;
  }
  // PyTorch 1.13 uses this for every n (later versions switch to a 64-bit
  // inside-out shuffle from n = 2^32 / 20 on; 1.13 was checked at that n).
  for (std::int64_t i = 0; i < n - 1; ++i) {
    const auto z = static_cast<std::int64_t>(g.random() % static_cast<std::uint64_t>(n - i));
    std::swap(out[i], out[i + z]);
  }
}

void bernoulli_fill(float* out, std::int64_t n, double p, Generator& g) {
  check_size(n);
  if (!(0 <= p && p <= 1)) {
    throw std::invalid_argument(str("bernoulli_ expects p to be in [0, 1], but got p=", p));
  }
  for (std::int64_t i = 0; i < n; ++i) {
    out[i] = uniform_double(g) < p ? 1.0f : 0.0f;
  }
}

}  // namespace lesson::random
