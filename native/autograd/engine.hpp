// The backward pass: runs the graph from the roots to the leaves.
#pragma once

#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::autograd {

// tensor.backward(gradient=None, retain_graph=None). `gradient` may be
// undefined for a one-element root. Errors with PyTorch's texts.
void backward(const tensor::Tensor& root, const tensor::Tensor& gradient = tensor::Tensor(),
              bool retain_graph = false);

// torch.autograd.backward(tensors, grad_tensors, retain_graph).
void backward(const std::vector<tensor::Tensor>& roots, const std::vector<tensor::Tensor>& gradients,
              bool retain_graph);

}  // namespace lesson::autograd
