// Float sums in the order PyTorch 1.13 adds them on a CPU with AVX2
// (cascade_sum in ATen's SumKernel.cpp, one thread), so x.sum() and
// x.mean() give PyTorch's float results bit for bit: the same last digits
// in .item() and the same tensor(1.) / tensor(1.0000) when printed.
//
// PyTorch adds in float through a 4-level cascade (chunks of 16 or more
// terms), four interleaved partial sums (ILP), and 8-lane vectors, and picks
// one of four loops from the layout; the lanes here are plain float arrays,
// added lane by lane, which is the same arithmetic.
#pragma once

#include <cstdint>

#include "tensor/reduce_dims.hpp"

namespace lesson::tensor::cascade {

// The sum of n contiguous floats: a row of a reduction over the last dims.
float row_sum(const float* x, std::int64_t n);

// out[j] = sum over r < rows of x[r * inner + j], for j < inner: a
// reduction over the dims before `inner` contiguous kept elements.
void column_sums(const float* x, std::int64_t rows, std::int64_t inner, float* out);

// Every output of a planned reduction (see ReduceShape), in PyTorch's order.
void sums(const float* x, const ReduceShape& s, float* out);

}  // namespace lesson::tensor::cascade
