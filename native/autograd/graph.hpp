// Connecting results of differentiable ops into the backward graph.
#pragma once

#include <initializer_list>
#include <memory>
#include <vector>

#include "autograd/node.hpp"

namespace lesson::autograd {

// True when grad mode is on and any input requires grad: the op must record.
bool needs_grad(std::initializer_list<const Tensor*> inputs);
bool needs_grad(const std::vector<Tensor>& inputs);

// The edge a gradient for `t` flows along: its grad_fn, its leaf
// accumulator, or none (tensors that do not require grad).
Edge gradient_edge(const Tensor& t);

// Makes `node` the grad_fn of `outputs` (output_nr = position) with one
// next edge per input, and marks the outputs as requiring grad.
void set_history(const std::shared_ptr<Node>& node, std::initializer_list<const Tensor*> inputs,
                 std::initializer_list<const Tensor*> outputs);
void set_history(const std::shared_ptr<Node>& node, const std::vector<Tensor>& inputs,
                 const std::vector<Tensor>& outputs);

// tensor.retain_grad(): a non-leaf keeps its .grad after backward.
void retain_grad(const Tensor& t);

// Errors PyTorch raises for in-place ops on tensors autograd tracks; call
// before modifying `self` in place.
void check_inplace(const Tensor& self);

}  // namespace lesson::autograd
