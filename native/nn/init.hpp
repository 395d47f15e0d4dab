// torch.nn.init with PyTorch 1.13's fan computation, gains and draw order,
// drawing from the PyTorch-exact default generator; and the default
// initialisation of the layers (reset_parameters).
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "tensor/tensor.hpp"

namespace lesson::nn::init {

using tensor::Tensor;

// 'linear', 'conv1d'..'conv_transpose3d', 'sigmoid' -> 1; 'tanh' -> 5/3;
// 'relu' -> sqrt(2); 'leaky_relu' -> sqrt(2 / (1 + slope^2)) (slope default
// 0.01); 'selu' -> 3/4. ValueError "Unsupported nonlinearity X" otherwise.
double calculate_gain(const std::string& nonlinearity, std::optional<double> param = std::nullopt);
// (fan_in, fan_out); ValueError for fewer than 2 dimensions.
std::pair<std::int64_t, std::int64_t> calculate_fan_in_and_fan_out(const Tensor& t);

// All fill in place (no autograd recorded) and return the tensor.
Tensor uniform_(const Tensor& t, double a = 0.0, double b = 1.0);
Tensor normal_(const Tensor& t, double mean = 0.0, double std = 1.0);
Tensor constant_(const Tensor& t, double val);
Tensor ones_(const Tensor& t);
Tensor zeros_(const Tensor& t);
Tensor xavier_uniform_(const Tensor& t, double gain = 1.0);
Tensor xavier_normal_(const Tensor& t, double gain = 1.0);
Tensor kaiming_uniform_(const Tensor& t, double a = 0.0, const std::string& mode = "fan_in",
                        const std::string& nonlinearity = "leaky_relu");
Tensor kaiming_normal_(const Tensor& t, double a = 0.0, const std::string& mode = "fan_in",
                       const std::string& nonlinearity = "leaky_relu");

// Linear / ConvNd reset_parameters: kaiming_uniform_(weight, a=sqrt(5)), then
// (if bias is defined) bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
void reset_linear(const Tensor& weight, const Tensor& bias);
void reset_conv(const Tensor& weight, const Tensor& bias);
// BatchNorm/LayerNorm/GroupNorm/InstanceNorm affine: weight = 1, bias = 0
// (either may be undefined).
void reset_norm_affine(const Tensor& weight, const Tensor& bias);

}  // namespace lesson::nn::init
