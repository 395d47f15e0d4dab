// Matrix products and transpose: matmul with every PyTorch case, mm, bmm,
// mv, dot and t, with PyTorch 1.13's checks, in its order, and its texts.
//
// float32 and int64 are supported (integer results exact, wrapping on
// overflow); bool raises PyTorch's "not implemented" error of the kernel it
// reaches, except where PyTorch returns early for an empty result. Operands
// must share a dtype: "expected scalar type Float but found Long".
#pragma once

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// torch.matmul, dispatching as PyTorch 1.13 does (and so raising the errors
// of the op it reaches):
//   1-D . 1-D -> dot (0-d);  2-D . 1-D -> mv;  1-D . 2-D -> mm of [1, k];
//   2-D . 2-D -> mm;  >=3-D with 1/2-D (either side) -> the batch folded
//   into the rows of one mm / mv;  both >=3-D -> bmm over the broadcast
//   batch ("The size of tensor a (2) must match the size of tensor b (3) at
//   non-singleton dimension 0").
// A 0-d operand: "both arguments to matmul need to be at least 1D, but they
// are 0D and 1D".
Tensor matmul(const Tensor& self, const Tensor& other);

// 2-D only ("self must be a matrix", "mat2 must be a matrix"); "mat1 and
// mat2 shapes cannot be multiplied (2x3 and 4x5)". An empty result or k = 0
// gives zeros of self's dtype without checking dtypes, as PyTorch does.
Tensor mm(const Tensor& self, const Tensor& mat2);

// 3-D only ("batch1 must be a 3D tensor"); "Expected size for first two
// dimensions of batch2 tensor to be: [2, 3] but got: [2, 4]." The early
// zeros take mat2's dtype, as in PyTorch.
Tensor bmm(const Tensor& self, const Tensor& mat2);

// Matrix times vector: "vector + matrix @ vector expected, got 1, 2, 2",
// "size mismatch, got 2, 2x3,4". An empty matrix gives zeros of vec's dtype.
Tensor mv(const Tensor& self, const Tensor& vec);

// 1-D . 1-D -> 0-d: "1D tensors expected, but got 2D and 1D tensors", "dot :
// expected both vectors to have same dtype, but found Float and Long",
// "inconsistent tensor size, expected tensor [3] and src [4] to have the
// same number of elements, but got 3 and 4 elements respectively".
Tensor dot(const Tensor& self, const Tensor& other);

// Transpose of a tensor of at most 2 dims, as a view (0-d and 1-D come back
// unchanged). "t() expects a tensor with <= 2 dimensions, but self is 3D".
Tensor t(const Tensor& self);

}  // namespace lesson::tensor
