// The SIMD pieces the pooling kernels share: 4-lane float batches pinned to
// xsimd's SSE4.1 path (the native build's target, and what Emscripten lowers
// to wasm SIMD under -msimd128 -msse4.1), loads of every second float
// (stride-2 windows), PyTorch's max and NaN rules as lane operations,
// int32 -> int64 index stores, and row copies / fills.
//
// Under Emscripten a few SSE intrinsics have no single wasm instruction
// (blendv is a shift and a bitselect, maxps a compare and a bitselect), so
// those helpers use the wasm instruction that does the same job directly
// (bitselect, pmax). Row copies and fills are vector loops rather than
// memcpy / memset: Emscripten's memset and small memcpy are scalar C, and its
// memcpy calls out to JavaScript from 512 bytes on (opaque() below keeps the
// optimizer from turning the loops back into those calls). Without SSE4.1
// the kernels use their scalar loops (POOL_SIMD 0).
#pragma once

#include <cstdint>

#if defined(__SSE4_1__)
#include <smmintrin.h>

#include <xsimd/xsimd.hpp>
#if defined(__EMSCRIPTEN__)
#include <wasm_simd128.h>
#endif
#define POOL_SIMD 1
#else
#define POOL_SIMD 0
#endif

namespace lesson::nn::pool_simd {

#if POOL_SIMD

using Batch = xsimd::batch<float, xsimd::sse4_1>;
constexpr int kLanes = 4;

// p[0], p[S], p[2S], p[3S] for S = 1 or 2. For S = 2 this reads p[0..7].
template <int S>
inline __m128 load_strided(const float* p) {
  if constexpr (S == 1) {
    return _mm_loadu_ps(p);
  } else {
    static_assert(S == 2, "stride 1 or 2");
    return _mm_shuffle_ps(_mm_loadu_ps(p), _mm_loadu_ps(p + 4), _MM_SHUFFLE(2, 0, 2, 0));
  }
}

// The evens and the odds of p[0..7]: the two columns of four 2-wide windows.
inline void load_pairs(const float* p, __m128& evens, __m128& odds) {
  const __m128 a = _mm_loadu_ps(p);
  const __m128 b = _mm_loadu_ps(p + 4);
  evens = _mm_shuffle_ps(a, b, _MM_SHUFFLE(2, 0, 2, 0));
  odds = _mm_shuffle_ps(a, b, _MM_SHUFFLE(3, 1, 3, 1));
}

// v > best ? v : best: keeps `best` on ties (PyTorch's strict ">", so the
// first of equal values wins) and when v is NaN (callers track NaN apart).
inline __m128 max_keep_first(__m128 best, __m128 v) {
#if defined(__EMSCRIPTEN__)
  return (__m128)wasm_f32x4_pmax((v128_t)best, (v128_t)v);
#else
  return _mm_max_ps(v, best);
#endif
}

// All-ones lanes where v is NaN.
inline __m128 nan_mask(__m128 v) { return _mm_cmpneq_ps(v, v); }

// mask ? a : b, for masks whose lanes are all ones or all zeros.
inline __m128 select(__m128 mask, __m128 a, __m128 b) {
#if defined(__EMSCRIPTEN__)
  return (__m128)wasm_v128_bitselect((v128_t)a, (v128_t)b, (v128_t)mask);
#else
  return _mm_blendv_ps(b, a, mask);
#endif
}
inline __m128i select(__m128 mask, __m128i a, __m128i b) {
  return _mm_castps_si128(select(mask, _mm_castsi128_ps(a), _mm_castsi128_ps(b)));
}

// PyTorch's max-pooling update: a candidate replaces the running maximum
// when it is greater or NaN (so NaN wins, and the last NaN in scan order
// gives the index).
inline __m128 takes(__m128 v, __m128 best) { return _mm_or_ps(_mm_cmpgt_ps(v, best), nan_mask(v)); }

// Four int32 lanes written as four int64 (PyTorch's index dtype).
inline void store_int64(std::int64_t* dst, __m128i v) {
#if defined(__EMSCRIPTEN__)
  wasm_v128_store(dst, wasm_i64x2_extend_low_i32x4((v128_t)v));
  wasm_v128_store(dst + 2, wasm_i64x2_extend_high_i32x4((v128_t)v));
#else
  _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), _mm_cvtepi32_epi64(v));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + 2), _mm_cvtepi32_epi64(_mm_srli_si128(v, 8)));
#endif
}

// Four int64 read as int32 lanes (the values fit: indices within a plane
// of fewer than 2^31 elements).
inline __m128i load_int64_as_int32(const std::int64_t* src) {
  const __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src));
  const __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 2));
#if defined(__EMSCRIPTEN__)
  return (__m128i)wasm_i32x4_shuffle((v128_t)lo, (v128_t)hi, 0, 2, 4, 6);
#else
  return _mm_castps_si128(_mm_shuffle_ps(_mm_castsi128_ps(lo), _mm_castsi128_ps(hi), _MM_SHUFFLE(2, 0, 2, 0)));
#endif
}

#endif

// v, through an empty asm statement the optimizer cannot see through. In
// the wasm build this keeps LLVM from turning the vector loops below back
// into memset / memcpy calls, and from rewriting `x & mask` (mask from a
// compare) into a select, which V8 lowers to three instructions instead of
// one. Natively it is v.
template <class V>
inline V opaque(V v) {
#if defined(__EMSCRIPTEN__)
  __asm__ volatile("" : "+r"(v));
#endif
  return v;
}

// dst[i] = src[i], i < n.
inline void copy_floats(float* dst, const float* src, std::int64_t n) {
  std::int64_t i = 0;
#if POOL_SIMD
  for (; i + 8 <= n; i += 8) {
    _mm_storeu_ps(dst + i, opaque(_mm_loadu_ps(src + i)));
    _mm_storeu_ps(dst + i + 4, opaque(_mm_loadu_ps(src + i + 4)));
  }
#endif
  for (; i < n; ++i) dst[i] = opaque(src[i]);
}

// dst[i] += src[i], i < n.
inline void add_floats(float* dst, const float* src, std::int64_t n) {
  std::int64_t i = 0;
#if POOL_SIMD
  for (; i + 8 <= n; i += 8) {
    _mm_storeu_ps(dst + i, _mm_add_ps(_mm_loadu_ps(dst + i), _mm_loadu_ps(src + i)));
    _mm_storeu_ps(dst + i + 4, _mm_add_ps(_mm_loadu_ps(dst + i + 4), _mm_loadu_ps(src + i + 4)));
  }
#endif
  for (; i < n; ++i) dst[i] += src[i];
}

// dst[i] = value, i < n.
inline void fill_floats(float* dst, float value, std::int64_t n) {
  std::int64_t i = 0;
#if POOL_SIMD
  const __m128 v = _mm_set1_ps(value);
  for (; i + 8 <= n; i += 8) {
    const __m128 u = opaque(v);
    _mm_storeu_ps(dst + i, u);
    _mm_storeu_ps(dst + i + 4, u);
  }
  if (i + 4 <= n) {
    _mm_storeu_ps(dst + i, v);
    i += 4;
  }
#endif
  for (; i < n; ++i) dst[i] = opaque(value);
}

}  // namespace lesson::nn::pool_simd
