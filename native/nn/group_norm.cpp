#include "nn/group_norm.hpp"

#include <cmath>
#include <memory>
#include <vector>

#include "autograd/graph.hpp"
#include "autograd/saved_tensor.hpp"
#include "core/errors.hpp"
#include "nn/norm_kernels.hpp"

namespace lesson::nn {

namespace {

using norm_detail::contiguous_float;
using norm_detail::data_or_null;

// Python's floor division, which F.group_norm's size check uses.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// F.group_norm's own check (a ValueError naming a list, not a torch.Size),
// then ATen's, in PyTorch's order and with its texts.
void check_inputs(const Tensor& input, std::int64_t groups, const Tensor& weight, const Tensor& bias) {
  const tensor::Shape& shape = input.shape();
  if (input.dim() == 0) throw_index_error("Dimension specified as 0 but tensor has no dimensions");
  const std::int64_t n = input.size(0);
  const std::int64_t c = input.size(1);  // IndexError for 1-d input, as PyTorch
  const std::string not_positive = "Expected num groups to be greater than 0, got " + std::to_string(groups);
  if (groups == 0) throw_runtime_error(not_positive);  // F.group_norm: ZeroDivisionError (no such ErrorKind)
  tensor::Shape verify{floor_div(n * c, groups), groups};
  verify.insert(verify.end(), shape.begin() + 2, shape.end());
  std::int64_t size_prods = verify[0];
  for (std::size_t d = 2; d < verify.size(); ++d) size_prods *= verify[d];
  if (size_prods == 1) {
    throw_value_error("Expected more than 1 value per channel when training, got input size " +
                      tensor::shape_str(verify));
  }
  if (groups < 0) throw_runtime_error(not_positive);
  const std::string input_shape = tensor::shape_str(shape);
  if (c % groups != 0) {
    throw_runtime_error(
        "Expected number of channels in input to be divisible by num_groups, but got input of shape " +
        input_shape + " and num_groups=" + std::to_string(groups));
  }
  // PyTorch 1.13 prints the weight's shape (an absent weight as [0]) in both
  // messages; the bias message reproduces that.
  const std::string weight_shape = weight.defined() ? tensor::shape_str(weight.shape()) : "[0]";
  auto not_a_channel_vector = [&](const char* what) {
    throw_runtime_error(std::string("Expected ") + what +
                        " to be a vector of size equal to the number of channels in input, but got " + what +
                        " of shape " + weight_shape + " and input of shape " + input_shape);
  };
  if (weight.defined() && !(weight.dim() == 1 && weight.numel() == c)) not_a_channel_vector("weight");
  if (bias.defined() && !(bias.dim() == 1 && bias.numel() == c)) not_a_channel_vector("bias");
  norm_detail::check_float_input(input, "GroupNormKernelImpl");
  for (const Tensor* p : {&weight, &bias}) {
    if (p->defined() && p->dtype() != tensor::DType::Float32) {
      throw_runtime_error(std::string("expected scalar type Float but found ") +
                          (p->dtype() == tensor::DType::Int64 ? "Long" : "Bool"));
    }
  }
}

class NativeGroupNormBackward0 final : public autograd::Node {
 public:
  NativeGroupNormBackward0(const Tensor& input, const Tensor& weight, const Tensor& mean, const Tensor& rstd,
                           std::int64_t n, std::int64_t c, std::int64_t hw, std::int64_t group)
      : input_(input), weight_(weight), mean_(mean), rstd_(rstd), n_(n), c_(c), hw_(hw), group_(group) {}

  std::string name() const override { return "NativeGroupNormBackward0"; }

  autograd::TensorList apply(autograd::TensorList&& grads) override {
    const Tensor input = input_.unpack();
    const Tensor weight = weight_.unpack();
    if (grads.empty() || !grads[0].defined()) return {Tensor(), Tensor(), Tensor()};
    const GradMask mask{next_edges[0].valid(), next_edges[1].valid(), next_edges[2].valid()};
    const NormGradients g =
        native_group_norm_backward(grads[0], input, mean_, rstd_, weight, n_, c_, hw_, group_, mask);
    return {g.input, g.weight, g.bias};
  }

  void release_variables() override {
    input_.release();
    weight_.release();
    mean_ = rstd_ = Tensor();
  }

 private:
  autograd::SavedTensor input_, weight_;
  Tensor mean_, rstd_;
  std::int64_t n_, c_, hw_, group_;
};

}  // namespace

NormForward native_group_norm(const Tensor& input, const Tensor& weight, const Tensor& bias, std::int64_t n,
                              std::int64_t c, std::int64_t hw, std::int64_t group, double eps) {
  const Tensor x = contiguous_float(input);
  const Tensor w = contiguous_float(weight);
  const Tensor b = contiguous_float(bias);
  const float* gamma = data_or_null(w);
  const float* beta = data_or_null(b);
  NormForward out;
  out.output = Tensor::make(x.shape(), tensor::DType::Float32, false);
  out.mean = Tensor::make({n, group}, tensor::DType::Float32, false);
  out.invstd = Tensor::make({n, group}, tensor::DType::Float32, false);
  const std::int64_t d = c / group;  // channels per group
  const std::int64_t group_len = d * hw;
  const float* xp = x.data<float>();
  float* yp = out.output.data<float>();
  for (std::int64_t i = 0; i < n * group; ++i) {
    // A (sample, group) is one contiguous run: statistics over it, then each
    // of its channels gets its own folded y = x * scale + shift.
    const float* xg = xp + i * group_len;
    const kernels::Moments m = kernels::strided_moments(xg, 1, group_len, group_len);
    const float mean = static_cast<float>(m.mean);
    const float var = static_cast<float>(m.m2 / static_cast<double>(group_len));
    const float rstd = 1.0f / std::sqrt(var + static_cast<float>(eps));
    out.mean.data<float>()[i] = mean;
    out.invstd.data<float>()[i] = rstd;
    const std::int64_t g = i % group;
    for (std::int64_t j = 0; j < d; ++j) {
      const std::int64_t ch = g * d + j;
      const float scale = rstd * (gamma ? gamma[ch] : 1.0f);
      const float shift = -scale * mean + (beta ? beta[ch] : 0.0f);
      kernels::run_scale_shift(xg + j * hw, yp + i * group_len + j * hw, hw, scale, shift);
    }
  }
  return out;
}

NormGradients native_group_norm_backward(const Tensor& grad_output, const Tensor& input, const Tensor& mean,
                                         const Tensor& rstd, const Tensor& weight, std::int64_t n,
                                         std::int64_t c, std::int64_t hw, std::int64_t group, GradMask mask) {
  const Tensor x = contiguous_float(input);
  const Tensor dy = norm_detail::contiguous_grad(grad_output, x.shape());
  const Tensor w = contiguous_float(weight);
  const Tensor mean_c = contiguous_float(mean);
  const Tensor rstd_c = contiguous_float(rstd);
  const float* gamma = data_or_null(w);
  NormGradients grads;
  if (mask[0]) grads.input = Tensor::make(x.shape(), tensor::DType::Float32, false);
  const std::int64_t d = c / group;
  const std::int64_t group_len = d * hw;
  const float* xp = x.data<float>();
  const float* dyp = dy.data<float>();
  // Per-channel parameter gradients, summed over the samples in double.
  std::vector<double> dgamma(mask[1] ? c : 0, 0.0), dbeta(mask[2] ? c : 0, 0.0);
  std::vector<kernels::GradSums> sums(static_cast<std::size_t>(d));
  for (std::int64_t i = 0; i < n * group; ++i) {
    const std::int64_t g = i % group;
    const float mu = mean_c.data<float>()[i];
    const float rs = rstd_c.data<float>()[i];
    const std::int64_t base = i * group_len;
    // The fused reduction pass, one plane (channel) at a time.
    double sum_g = 0.0, sum_g_xc = 0.0;
    for (std::int64_t j = 0; j < d; ++j) {
      const std::int64_t ch = g * d + j;
      sums[j] = kernels::run_grad_sums(dyp + base + j * hw, xp + base + j * hw, hw, mu);
      const double gm = gamma ? gamma[ch] : 1.0;
      sum_g += gm * sums[j].sum_dy;
      sum_g_xc += gm * sums[j].sum_dy_xc;
      if (mask[1]) dgamma[ch] += sums[j].sum_dy_xc * rs;
      if (mask[2]) dbeta[ch] += sums[j].sum_dy;
    }
    if (!mask[0]) continue;
    // dx = rstd * gamma * dy + b * (x - mean) - rstd * mean(gamma * dy) with
    // b = -rstd^3 * mean(gamma * dy * (x - mean)) over the group: folded into
    // dx = dy * a + x * b + c0 per channel.
    const double r3 = static_cast<double>(rs) * rs * rs;
    const double b = -sum_g_xc * r3 / static_cast<double>(group_len);
    const double c0 = -sum_g * rs / static_cast<double>(group_len) - b * mu;
    float* dx = grads.input.data<float>();
    for (std::int64_t j = 0; j < d; ++j) {
      const std::int64_t ch = g * d + j;
      const float a = rs * (gamma ? gamma[ch] : 1.0f);
      const std::int64_t off = base + j * hw;
      kernels::run_grad_input(dyp + off, xp + off, dx + off, hw, a, static_cast<float>(b),
                              static_cast<float>(c0));
    }
  }
  if (mask[1]) {
    grads.weight = Tensor::make({c}, tensor::DType::Float32, false);
    for (std::int64_t ch = 0; ch < c; ++ch) grads.weight.data<float>()[ch] = static_cast<float>(dgamma[ch]);
  }
  if (mask[2]) {
    grads.bias = Tensor::make({c}, tensor::DType::Float32, false);
    for (std::int64_t ch = 0; ch < c; ++ch) grads.bias.data<float>()[ch] = static_cast<float>(dbeta[ch]);
  }
  return grads;
}

Tensor group_norm(const Tensor& input, std::int64_t num_groups, const Tensor& weight, const Tensor& bias,
                  double eps) {
  check_inputs(input, num_groups, weight, bias);
  const std::int64_t n = input.size(0), c = input.size(1);
  std::int64_t hw = 1;
  for (std::size_t d = 2; d < input.shape().size(); ++d) hw *= input.shape()[d];
  NormForward f = native_group_norm(input, weight, bias, n, c, hw, num_groups, eps);
  if (autograd::needs_grad({&input, &weight, &bias})) {
    auto node =
        std::make_shared<NativeGroupNormBackward0>(input, weight, f.mean, f.invstd, n, c, hw, num_groups);
    autograd::set_history(node, {&input, &weight, &bias}, {&f.output});
  }
  return f.output;
}

}  // namespace lesson::nn
