#include "nn/init.hpp"

#include <cctype>
#include <cmath>

#include "autograd/grad_mode.hpp"
#include "core/errors.hpp"
#include "format/python_float.hpp"
#include "tensor/elementwise_fill.hpp"
#include "tensor/random_create.hpp"

namespace lesson::nn::init {

namespace {

bool is_zero_element(const Tensor& t) {
  for (auto s : t.shape())
    if (s == 0) return true;
  return false;
}

std::int64_t correct_fan(const Tensor& t, const std::string& mode_in) {
  std::string mode = mode_in;
  for (auto& c : mode) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (mode != "fan_in" && mode != "fan_out")
    throw_value_error("Mode " + mode + " not supported, please use one of ['fan_in', 'fan_out']");
  const auto fans = calculate_fan_in_and_fan_out(t);
  return mode == "fan_in" ? fans.first : fans.second;
}

}  // namespace

double calculate_gain(const std::string& nl, std::optional<double> param) {
  static const char* linear_fns[] = {"linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d",
                                     "conv_transpose2d", "conv_transpose3d"};
  for (const char* f : linear_fns)
    if (nl == f) return 1.0;
  if (nl == "sigmoid") return 1.0;
  if (nl == "tanh") return 5.0 / 3;
  if (nl == "relu") return std::sqrt(2.0);
  if (nl == "leaky_relu") {
    const double slope = param.value_or(0.01);
    return std::sqrt(2.0 / (1 + slope * slope));
  }
  if (nl == "selu") return 3.0 / 4;
  throw_value_error("Unsupported nonlinearity " + nl);
}

std::pair<std::int64_t, std::int64_t> calculate_fan_in_and_fan_out(const Tensor& t) {
  if (t.dim() < 2)
    throw_value_error("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
  std::int64_t receptive = 1;
  for (std::int64_t d = 2; d < t.dim(); ++d) receptive *= t.size(d);
  return {t.size(1) * receptive, t.size(0) * receptive};
}

Tensor uniform_(const Tensor& t, double a, double b) {
  autograd::NoGradGuard g;
  tensor::uniform_(t, a, b);
  return t;
}

Tensor normal_(const Tensor& t, double mean, double std) {
  autograd::NoGradGuard g;
  tensor::normal_(t, mean, std);
  return t;
}

Tensor constant_(const Tensor& t, double val) {
  autograd::NoGradGuard g;
  tensor::fill_(t, tensor::Scalar(val));
  return t;
}

Tensor ones_(const Tensor& t) { return constant_(t, 1.0); }

Tensor zeros_(const Tensor& t) {
  autograd::NoGradGuard g;
  tensor::zero_(t);
  return t;
}

Tensor xavier_uniform_(const Tensor& t, double gain) {
  const auto fans = calculate_fan_in_and_fan_out(t);
  const double std = gain * std::sqrt(2.0 / static_cast<double>(fans.first + fans.second));
  const double a = std::sqrt(3.0) * std;
  return init::uniform_(t, -a, a);
}

Tensor xavier_normal_(const Tensor& t, double gain) {
  const auto fans = calculate_fan_in_and_fan_out(t);
  const double std = gain * std::sqrt(2.0 / static_cast<double>(fans.first + fans.second));
  return init::normal_(t, 0.0, std);
}

Tensor kaiming_uniform_(const Tensor& t, double a, const std::string& mode, const std::string& nonlinearity) {
  if (is_zero_element(t)) return t;  // PyTorch warns "Initializing zero-element tensors is a no-op"
  const auto fan = correct_fan(t, mode);
  const double gain = calculate_gain(nonlinearity, a);
  const double std = gain / std::sqrt(static_cast<double>(fan));
  const double bound = std::sqrt(3.0) * std;
  return init::uniform_(t, -bound, bound);
}

Tensor kaiming_normal_(const Tensor& t, double a, const std::string& mode, const std::string& nonlinearity) {
  if (is_zero_element(t)) return t;
  const auto fan = correct_fan(t, mode);
  const double gain = calculate_gain(nonlinearity, a);
  const double std = gain / std::sqrt(static_cast<double>(fan));
  return init::normal_(t, 0.0, std);
}

void reset_linear(const Tensor& weight, const Tensor& bias) {
  kaiming_uniform_(weight, std::sqrt(5.0));
  if (bias.defined()) {
    const auto fan_in = calculate_fan_in_and_fan_out(weight).first;
    const double bound = fan_in > 0 ? 1.0 / std::sqrt(static_cast<double>(fan_in)) : 0.0;
    init::uniform_(bias, -bound, bound);
  }
}

void reset_conv(const Tensor& weight, const Tensor& bias) { reset_linear(weight, bias); }

void reset_norm_affine(const Tensor& weight, const Tensor& bias) {
  if (weight.defined()) init::ones_(weight);
  if (bias.defined()) init::zeros_(bias);
}

}  // namespace lesson::nn::init
