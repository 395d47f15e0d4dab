// The few SIMD pieces the pooling kernels share: 4-lane float batches pinned
// to xsimd's SSE4.1 path (the native build's target, and what Emscripten
// lowers to wasm SIMD under -msimd128 -msse4.1), loads of every first or
// every second float (stride-2 windows), PyTorch's max-update mask and
// int32 -> int64 index stores. Without SSE4.1 the kernels use their scalar
// loops only (POOL_SIMD is 0).
#pragma once

#include <cstdint>

#if defined(__SSE4_1__)
#include <smmintrin.h>

#include <xsimd/xsimd.hpp>
#define POOL_SIMD 1
#else
#define POOL_SIMD 0
#endif

namespace lesson::nn::pool_simd {

#if POOL_SIMD

using Batch = xsimd::batch<float, xsimd::sse4_1>;
using BatchBool = xsimd::batch_bool<float, xsimd::sse4_1>;
constexpr int kLanes = 4;

// p[0], p[S], p[2S], p[3S] for S = 1 or 2. For S = 2 this reads p[0..7].
template <int S>
inline Batch load_strided(const float* p) {
  if constexpr (S == 1) {
    return Batch::load_unaligned(p);
  } else {
    static_assert(S == 2, "stride 1 or 2");
    return Batch(_mm_shuffle_ps(_mm_loadu_ps(p), _mm_loadu_ps(p + 4), _MM_SHUFFLE(2, 0, 2, 0)));
  }
}

// The evens and the odds of p[0..7]: the two columns of four 2-wide windows.
inline void load_pairs(const float* p, Batch& evens, Batch& odds) {
  const __m128 a = _mm_loadu_ps(p);
  const __m128 b = _mm_loadu_ps(p + 4);
  evens = Batch(_mm_shuffle_ps(a, b, _MM_SHUFFLE(2, 0, 2, 0)));
  odds = Batch(_mm_shuffle_ps(a, b, _MM_SHUFFLE(3, 1, 3, 1)));
}

// PyTorch's max-pooling update: a candidate replaces the running maximum
// when it is greater or NaN (so NaN wins, and the last NaN in scan order
// gives the index; among equal values the first one stays).
inline BatchBool takes(const Batch& v, const Batch& current) { return (v > current) | xsimd::isnan(v); }

inline __m128i blend_int(__m128i current, __m128i candidate, const BatchBool& mask) {
  return _mm_blendv_epi8(current, candidate, _mm_castps_si128(__m128(mask)));
}

// Four int32 lanes written as four int64 (PyTorch's index dtype).
inline void store_int64(std::int64_t* dst, __m128i v) {
  _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), _mm_cvtepi32_epi64(v));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + 2), _mm_cvtepi32_epi64(_mm_srli_si128(v, 8)));
}

// Four int64 read as int32 lanes (the values fit: indices within a plane
// of fewer than 2^31 elements).
inline __m128i load_int64_as_int32(const std::int64_t* src) {
  const __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src));
  const __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 2));
  return _mm_unpacklo_epi64(_mm_shuffle_epi32(lo, _MM_SHUFFLE(3, 3, 2, 0)),
                            _mm_shuffle_epi32(hi, _MM_SHUFFLE(3, 3, 2, 0)));
}

#endif

}  // namespace lesson::nn::pool_simd
