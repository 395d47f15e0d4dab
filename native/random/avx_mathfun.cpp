#include "random/avx_mathfun.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>

// Every rounding here must happen exactly where PyTorch's does: no
// contraction of a * b + c behind our back (std::fma marks the fused ones).
#if defined(__clang__)
#pragma clang fp contract(off)
#elif defined(__GNUC__)
#pragma GCC optimize("fp-contract=off")
#endif

namespace lesson::random::avx_mathfun {

namespace {

std::uint32_t bits_of(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

float float_of(std::uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

// The constants exactly as avx_mathfun.h spells them (double literals
// stored into float arrays).
constexpr float kMinNormPos = 1.17549435e-38f;  // bit pattern 0x00800000
constexpr float kSqrtHalf = static_cast<float>(0.707106781186547524);
constexpr float kLogP[9] = {
    static_cast<float>(7.0376836292E-2),  static_cast<float>(-1.1514610310E-1),
    static_cast<float>(1.1676998740E-1),  static_cast<float>(-1.2420140846E-1),
    static_cast<float>(1.4249322787E-1),  static_cast<float>(-1.6668057665E-1),
    static_cast<float>(2.0000714765E-1),  static_cast<float>(-2.4999993993E-1),
    static_cast<float>(3.3333331174E-1),
};
constexpr float kLogQ1 = static_cast<float>(-2.12194440e-4);
constexpr float kLogQ2 = static_cast<float>(0.693359375);

constexpr float kMinusDP1 = static_cast<float>(-0.78515625);
constexpr float kMinusDP2 = static_cast<float>(-2.4187564849853515625e-4);
constexpr float kMinusDP3 = static_cast<float>(-3.77489497744594108e-8);
constexpr float kSinP0 = static_cast<float>(-1.9515295891E-4);
constexpr float kSinP1 = static_cast<float>(8.3321608736E-3);
constexpr float kSinP2 = static_cast<float>(-1.6666654611E-1);
constexpr float kCosP0 = static_cast<float>(2.443315711809948E-005);
constexpr float kCosP1 = static_cast<float>(-1.388731625493765E-003);
constexpr float kCosP2 = static_cast<float>(4.166664568298827E-002);
constexpr float kFourOverPi = static_cast<float>(1.27323954473516);

}  // namespace

float log(float x) {
  const bool invalid = x <= 0.0f;  // _CMP_LE_OS: false for NaN
  // _mm256_max_ps(x, m) is x > m ? x : m (so NaN becomes m).
  x = x > kMinNormPos ? x : kMinNormPos;
  const std::uint32_t bits = bits_of(x);
  // Exponent and mantissa in [0.5, 1).
  const auto exponent = static_cast<std::int32_t>(bits >> 23) - 0x7f;
  x = float_of((bits & ~0x7f800000u) | bits_of(0.5f));
  float e = static_cast<float>(exponent);
  e = e + 1.0f;
  // if (x < SQRTHF) { e -= 1; x = x + x - 1; } else { x = x - 1; }
  const bool below = x < kSqrtHalf;
  const float tmp = below ? x : 0.0f;
  x = x - 1.0f;
  e = e - (below ? 1.0f : 0.0f);
  x = x + tmp;

  const float z = x * x;
  float y = kLogP[0];
  for (int i = 1; i < 9; ++i) {
    y = std::fma(y, x, kLogP[i]);  // Horner steps: fused
  }
  y = y * x;
  // y = y * z; y = y + e * q1  ->  GCC fuses the first product it meets.
  y = std::fma(y, z, e * kLogQ1);
  y = y - z * 0.5f;  // z * 0.5 is exact: fused or not, the same
  x = x + y;
  x = x + e * kLogQ2;  // e * q2 is exact
  // The all-ones mask or'ed in gives a quiet NaN with every bit set.
  return invalid ? float_of(0xffffffffu) : x;
}

void sincos(float x, float& sin_out, float& cos_out) {
  std::uint32_t sign_bit_sin = bits_of(x) & 0x80000000u;
  x = float_of(bits_of(x) & 0x7fffffffu);

  // Octant j = (int(x * 4/pi) + 1) & ~1, and y = j as float.
  float y = x * kFourOverPi;
  auto j = static_cast<std::int32_t>(y);  // _mm256_cvttps_epi32 (truncation)
  j = (j + 1) & ~1;
  y = static_cast<float>(j);

  const std::uint32_t swap_sign_bit_sin = static_cast<std::uint32_t>(j & 4) << 29;
  const bool sin_uses_sin_poly = (j & 2) == 0;  // poly_mask
  const std::uint32_t sign_bit_cos = static_cast<std::uint32_t>(~(j - 2) & 4) << 29;
  sign_bit_sin ^= swap_sign_bit_sin;

  // Extended-precision reduction x = ((x - y*DP1) - y*DP2) - y*DP3, each
  // product fused into its addition.
  x = std::fma(y, kMinusDP1, x);
  x = std::fma(y, kMinusDP2, x);
  x = std::fma(y, kMinusDP3, x);

  const float z = x * x;
  // Cosine polynomial (for 0 <= x <= pi/4).
  float yc = std::fma(kCosP0, z, kCosP1);
  yc = std::fma(yc, z, kCosP2);
  yc = yc * z;
  yc = std::fma(yc, z, -(z * 0.5f));  // y*z - z*0.5: the second product fused
  yc = yc + 1.0f;
  // Sine polynomial.
  float ys = std::fma(kSinP0, z, kSinP1);
  ys = std::fma(ys, z, kSinP2);
  ys = ys * z;
  ys = std::fma(ys, x, x);

  // Select and swap, with the same adds and subtracts of zeros.
  const float ysin2 = sin_uses_sin_poly ? ys : 0.0f;
  const float ysin1 = sin_uses_sin_poly ? 0.0f : yc;
  ys = ys - ysin2;
  yc = yc - ysin1;
  const float s = ysin1 + ysin2;
  const float c = yc + ys;
  sin_out = float_of(bits_of(s) ^ sign_bit_sin);
  cos_out = float_of(bits_of(c) ^ sign_bit_cos);
}

}  // namespace lesson::random::avx_mathfun
