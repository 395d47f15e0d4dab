// Differentiable shape and layout ops, named as PyTorch 1.13 prints them.
#pragma once

#include <cstdint>
#include <vector>

#include "autograd/node.hpp"
#include "tensor/shape.hpp"

namespace lesson::autograd {

Tensor view(const Tensor& a, const tensor::Shape& shape);  // ViewBackward0
// ReshapeAliasBackward0 when a view is possible, else UnsafeViewBackward0
// (PyTorch records CloneBackward0 under it; here one node does both).
Tensor reshape(const Tensor& a, const tensor::Shape& shape);
Tensor flatten(const Tensor& a, std::int64_t start_dim = 0, std::int64_t end_dim = -1);  // via reshape
Tensor permute(const Tensor& a, const std::vector<std::int64_t>& dims);  // PermuteBackward0
Tensor transpose(const Tensor& a, std::int64_t d0, std::int64_t d1);     // TransposeBackward0
Tensor t(const Tensor& a);                                               // TBackward0
Tensor unsqueeze(const Tensor& a, std::int64_t dim);                     // UnsqueezeBackward0
Tensor squeeze(const Tensor& a);                                         // SqueezeBackward0
Tensor squeeze(const Tensor& a, std::int64_t dim);                       // SqueezeBackward1
Tensor expand(const Tensor& a, const tensor::Shape& sizes);              // ExpandBackward0
Tensor repeat(const Tensor& a, const std::vector<std::int64_t>& repeats);  // RepeatBackward0
Tensor cat(const std::vector<Tensor>& tensors, std::int64_t dim = 0);     // CatBackward0
Tensor stack(const std::vector<Tensor>& tensors, std::int64_t dim = 0);   // StackBackward0
std::vector<Tensor> split(const Tensor& a, std::int64_t split_size, std::int64_t dim = 0);  // SplitBackward0
std::vector<Tensor> split_with_sizes(const Tensor& a, const std::vector<std::int64_t>& sizes,
                                     std::int64_t dim = 0);  // SplitWithSizesBackward0
std::vector<Tensor> chunk(const Tensor& a, std::int64_t chunks, std::int64_t dim = 0);  // SplitBackward0
Tensor clone(const Tensor& a);       // CloneBackward0
Tensor contiguous(const Tensor& a);  // self, or CloneBackward0 when a copy is made
Tensor detach(const Tensor& a);      // no history

}  // namespace lesson::autograd
