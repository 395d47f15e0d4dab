// Differentiable reductions, named as PyTorch 1.13 prints them.
#pragma once

#include <cstdint>

#include "autograd/node.hpp"
#include "tensor/reduce_dims.hpp"
#include "tensor/reduce_minmax.hpp"

namespace lesson::autograd {

Tensor sum(const Tensor& a);                                                    // SumBackward0
Tensor sum(const Tensor& a, const tensor::DimList& dims, bool keepdim = false);  // SumBackward1
Tensor mean(const Tensor& a);                                                   // MeanBackward0
Tensor mean(const Tensor& a, const tensor::DimList& dims, bool keepdim = false);  // MeanBackward1
// VarBackward0 / StdBackward0 (empty dims: all).
Tensor var(const Tensor& a, const tensor::DimList& dims = {}, std::int64_t correction = 1,
           bool keepdim = false);
Tensor std_dev(const Tensor& a, const tensor::DimList& dims = {}, std::int64_t correction = 1,
               bool keepdim = false);
Tensor max(const Tensor& a);  // MaxBackward1 (ties share the gradient)
Tensor min(const Tensor& a);  // MinBackward1
// MaxBackward0 / MinBackward0 on values (indices are not differentiable).
tensor::ValuesIndices max(const Tensor& a, std::int64_t dim, bool keepdim = false);
tensor::ValuesIndices min(const Tensor& a, std::int64_t dim, bool keepdim = false);

}  // namespace lesson::autograd
