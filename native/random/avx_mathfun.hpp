// One lane of the AVX2 log and sincos PyTorch 1.13 uses for torch.randn
// (ATen/native/cpu/avx_mathfun.h: Cephes polynomials after Julien Pommier's
// sse_mathfun), computed in scalar float with the same operations, the same
// constants and the same fused multiply-adds the AVX2 build gets. That build
// is compiled by GCC with -mavx2 -mfma and GCC's default -ffp-contract=fast,
// so some `_mm256_mul_ps` + `_mm256_add_ps` pairs become one FMA; the fused
// pairs below were found by comparing with PyTorch on 2^20 samples (kept as
// hashes in tests/golden/random.json); getting one wrong changes about one
// sample in ten thousand by an ulp.
//
// These are not general-purpose functions: they follow PyTorch's results
// (including its errors of an ulp or two), which is the point.
#pragma once

namespace lesson::random::avx_mathfun {

// log256_ps for one lane: natural log, NaN for x <= 0.
float log(float x);

// sincos256_ps for one lane; accurate for |x| below about 8192.
void sincos(float x, float& sin_out, float& cos_out);

}  // namespace lesson::random::avx_mathfun
