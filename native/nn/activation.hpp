// torch.nn.functional activations that autograd/ops_unary.hpp does not have
// (relu, sigmoid and tanh live there), on float32 tensors of any shape, with
// PyTorch 1.13's grad_fn names and error texts. Each op is one contiguous
// pass forward and one backward; softmax and log_softmax subtract the row's
// maximum first, as PyTorch's kernels do.
#pragma once

#include <cstdint>
#include <string>

#include "tensor/tensor.hpp"

namespace lesson::nn {

using tensor::Tensor;

// F.leaky_relu(input, negative_slope=0.01): LeakyReluBackward0.
Tensor leaky_relu(const Tensor& input, double negative_slope = 0.01);

// F.gelu(input, approximate='none'|'tanh'): GeluBackward0.
Tensor gelu(const Tensor& input, const std::string& approximate = "none");

// F.silu(input): SiluBackward0.
Tensor silu(const Tensor& input);

// F.softmax(input, dim): SoftmaxBackward0.
Tensor softmax(const Tensor& input, std::int64_t dim);

// F.log_softmax(input, dim): LogSoftmaxBackward0.
Tensor log_softmax(const Tensor& input, std::int64_t dim);

// F.hardtanh(input, min_val=-1, max_val=1): HardtanhBackward0.
Tensor hardtanh(const Tensor& input, double min_val = -1.0, double max_val = 1.0);

// F.relu6(input) = hardtanh(input, 0, 6): HardtanhBackward0.
Tensor relu6(const Tensor& input);

// F.elu(input, alpha=1.0): EluBackward0.
Tensor elu(const Tensor& input, double alpha = 1.0);

}  // namespace lesson::nn
