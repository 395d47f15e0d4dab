#include "nn/batch_norm.hpp"

#include <cmath>
#include <memory>
#include <vector>

#include "autograd/graph.hpp"
#include "autograd/saved_tensor.hpp"
#include "core/errors.hpp"
#include "format/tensor_format.hpp"
#include "nn/norm_kernels.hpp"

namespace lesson::nn {

namespace {

using norm_detail::contiguous_float;
using norm_detail::data_or_null;

struct Layout {
  std::int64_t n = 0, c = 0, hw = 1;  // input viewed as [n, c, hw]
};

Layout layout_of(const tensor::Shape& shape) {
  Layout l;
  l.n = shape[0];
  l.c = shape[1];
  for (std::size_t d = 2; d < shape.size(); ++d) l.hw *= shape[d];
  return l;
}

// 1 / sqrt(var + eps), 0 when both are 0 (PyTorch's InvStd).
double inv_std(double var, double eps) {
  return (var == 0.0 && eps == 0.0) ? 0.0 : 1.0 / std::sqrt(var + eps);
}

// Planes shorter than this (in floats) are swept in memory order by the
// backward rather than channel by channel (see native_batch_norm_backward).
constexpr std::int64_t kShortPlane = 1024;

struct ScaleShift {
  float a = 1.0f, b = 0.0f;
};

// A channel's training statistics: saves them, moves the running buffers and
// folds mean, invstd, weight and bias into y = x * a + b. PyTorch keeps the
// mean and the sum of squares as float and divides in float before taking
// 1/sqrt in double; doing the same matches its rounding.
ScaleShift finish_channel(std::int64_t c, const kernels::Moments& m, std::int64_t count, const float* weight,
                          const float* bias, float* running_mean, float* running_var, float momentum,
                          double eps, float* save_mean, float* save_invstd) {
  const float mean = static_cast<float>(m.mean);
  const float var_sum = static_cast<float>(m.m2);
  const float invstd = static_cast<float>(inv_std(var_sum / static_cast<float>(count), eps));
  save_mean[c] = mean;
  save_invstd[c] = invstd;
  if (running_mean) running_mean[c] = momentum * mean + (1.0f - momentum) * running_mean[c];
  if (running_var) {
    const double unbiased = var_sum / static_cast<float>(count - 1);
    running_var[c] = static_cast<float>(momentum * unbiased + (1.0f - momentum) * running_var[c]);
  }
  ScaleShift f;
  f.a = invstd * (weight ? weight[c] : 1.0f);
  f.b = (bias ? bias[c] : 0.0f) - mean * f.a;
  return f;
}

// [N, C] inputs (BatchNorm1d of feature vectors) have one value per (n, c):
// statistics are column sums down the rows, and the normalisation is a row
// loop with per-feature a and b, instead of N * C runs of length 1.
std::vector<kernels::Moments> feature_moments(const float* x, std::int64_t n, std::int64_t c) {
  std::vector<double> sum(static_cast<std::size_t>(c), 0.0), m2(static_cast<std::size_t>(c), 0.0);
  for (std::int64_t r = 0; r < n; ++r) {
    for (std::int64_t j = 0; j < c; ++j) sum[j] += x[r * c + j];
  }
  for (std::int64_t j = 0; j < c; ++j) sum[j] /= static_cast<double>(n);
  for (std::int64_t r = 0; r < n; ++r) {
    for (std::int64_t j = 0; j < c; ++j) {
      const double d = x[r * c + j] - sum[j];
      m2[j] += d * d;
    }
  }
  std::vector<kernels::Moments> out(static_cast<std::size_t>(c));
  for (std::int64_t j = 0; j < c; ++j) out[j] = kernels::Moments{sum[j], m2[j]};
  return out;
}

void apply_features(const float* x, float* y, std::int64_t n, std::int64_t c,
                    const std::vector<ScaleShift>& f) {
  std::vector<float> a(static_cast<std::size_t>(c)), b(static_cast<std::size_t>(c));
  for (std::int64_t j = 0; j < c; ++j) {
    a[j] = f[j].a;
    b[j] = f[j].b;
  }
  // (x * 1 + 0) * a + b is exactly x * a + b.
  for (std::int64_t r = 0; r < n; ++r)
    kernels::row_norm_affine(x + r * c, y + r * c, c, 1.0f, 0.0f, a.data(), b.data());
}

void forward_train(const float* x, float* y, const Layout& l, const float* weight, const float* bias,
                   float* running_mean, float* running_var, float momentum, double eps, float* save_mean,
                   float* save_invstd) {
  const std::int64_t count = l.n * l.hw;
  if (l.hw == 1) {
    const std::vector<kernels::Moments> m = feature_moments(x, l.n, l.c);
    std::vector<ScaleShift> f(static_cast<std::size_t>(l.c));
    for (std::int64_t c = 0; c < l.c; ++c) {
      f[c] = finish_channel(c, m[c], count, weight, bias, running_mean, running_var, momentum, eps, save_mean,
                            save_invstd);
    }
    apply_features(x, y, l.n, l.c, f);
    return;
  }
  // Per channel: statistics over its n planes, then y = x * a + b over the
  // same planes while they are still in cache.
  const std::int64_t channel_stride = l.c * l.hw;
  for (std::int64_t c = 0; c < l.c; ++c) {
    const float* xc = x + c * l.hw;
    const ScaleShift f =
        finish_channel(c, kernels::strided_moments(xc, l.n, l.hw, channel_stride), count, weight, bias,
                       running_mean, running_var, momentum, eps, save_mean, save_invstd);
    for (std::int64_t n = 0; n < l.n; ++n) {
      kernels::run_scale_shift(xc + n * channel_stride, y + c * l.hw + n * channel_stride, l.hw, f.a, f.b);
    }
  }
}

void forward_eval(const float* x, float* y, const Layout& l, const float* weight, const float* bias,
                  const float* running_mean, const float* running_var, double eps) {
  std::vector<ScaleShift> f(static_cast<std::size_t>(l.c));
  for (std::int64_t c = 0; c < l.c; ++c) {
    const float invstd = 1.0f / std::sqrt(running_var[c] + static_cast<float>(eps));
    f[c].a = invstd * (weight ? weight[c] : 1.0f);
    f[c].b = (bias ? bias[c] : 0.0f) - running_mean[c] * f[c].a;
  }
  if (l.hw == 1) {
    apply_features(x, y, l.n, l.c, f);
    return;
  }
  for (std::int64_t n = 0; n < l.n; ++n) {
    for (std::int64_t c = 0; c < l.c; ++c) {
      const std::int64_t off = (n * l.c + c) * l.hw;
      kernels::run_scale_shift(x + off, y + off, l.hw, f[c].a, f[c].b);
    }
  }
}

// "Expected more than 1 value per channel when training, got input size
// torch.Size([1, 3])": F.batch_norm's own check, a ValueError.
void verify_batch_size(const tensor::Shape& shape) {
  std::int64_t size_prods = shape.empty() ? 1 : shape[0];
  for (std::size_t d = 2; d < shape.size(); ++d) size_prods *= shape[d];
  if (size_prods == 1) {
    throw_value_error("Expected more than 1 value per channel when training, got input size " +
                      format::format_size(shape));
  }
}

void check_features(const char* what, std::int64_t expected, const Tensor& t) {
  if (t.defined() && t.numel() != expected) {
    throw_runtime_error(std::string(what) + " should contain " + std::to_string(expected) + " elements not " +
                        std::to_string(t.numel()));
  }
}

void check_param_dtype(const Tensor& t) {
  if (t.defined() && t.dtype() != tensor::DType::Float32) {
    throw_runtime_error("mixed dtype (CPU): expect parameter to have scalar type of Float");
  }
}

class NativeBatchNormBackward0 final : public autograd::Node {
 public:
  NativeBatchNormBackward0(const Tensor& input, const Tensor& weight, const Tensor& bias,
                           const Tensor& running_mean, const Tensor& running_var, const Tensor& save_mean,
                           const Tensor& save_invstd, bool training, double eps)
      : input_(input),
        weight_(weight),
        running_mean_(running_mean),
        running_var_(running_var),
        save_mean_(save_mean),
        save_invstd_(save_invstd),
        weight_shape_(weight.defined() ? weight.shape() : tensor::Shape{}),
        bias_shape_(bias.defined() ? bias.shape() : tensor::Shape{}),
        training_(training),
        eps_(eps) {}

  std::string name() const override { return "NativeBatchNormBackward0"; }

  autograd::TensorList apply(autograd::TensorList&& grads) override {
    const Tensor input = input_.unpack();
    const Tensor weight = weight_.unpack();
    if (grads.empty() || !grads[0].defined()) return {Tensor(), Tensor(), Tensor()};
    const GradMask mask{next_edges[0].valid(), next_edges[1].valid(), next_edges[2].valid()};
    // Running buffers are read as they are now, unchecked: PyTorch lets a
    // later training step update them before this backward runs.
    NormGradients g = native_batch_norm_backward(grads[0], input, weight, running_mean_, running_var_,
                                                 save_mean_, save_invstd_, training_, eps_, mask);
    // Parameters only need C elements (a [C, 1] weight is accepted); the
    // gradient takes the parameter's own shape.
    if (g.weight.defined()) g.weight = norm_detail::reshaped(g.weight, weight_shape_);
    if (g.bias.defined()) g.bias = norm_detail::reshaped(g.bias, bias_shape_);
    return {g.input, g.weight, g.bias};
  }

  void release_variables() override {
    input_.release();
    weight_.release();
    running_mean_ = running_var_ = save_mean_ = save_invstd_ = Tensor();
  }

 private:
  autograd::SavedTensor input_, weight_;
  Tensor running_mean_, running_var_, save_mean_, save_invstd_;
  tensor::Shape weight_shape_, bias_shape_;
  bool training_;
  double eps_;
};

}  // namespace

NormForward native_batch_norm(const Tensor& input, const Tensor& weight, const Tensor& bias,
                              const Tensor& running_mean, const Tensor& running_var, bool training,
                              double momentum, double eps) {
  const Tensor x = contiguous_float(input);
  const Tensor w = contiguous_float(weight);
  const Tensor b = contiguous_float(bias);
  const Layout l = layout_of(x.shape());
  NormForward out;
  out.output = Tensor::make(x.shape(), tensor::DType::Float32, false);
  if (!training) {
    const Tensor rm = contiguous_float(running_mean);
    const Tensor rv = contiguous_float(running_var);
    forward_eval(x.data<float>(), out.output.data<float>(), l, data_or_null(w), data_or_null(b),
                 rm.data<float>(), rv.data<float>(), eps);
    out.mean = Tensor::make({0});
    out.invstd = Tensor::make({0});
    return out;
  }
  out.mean = Tensor::make({l.c}, tensor::DType::Float32, x.numel() == 0);
  out.invstd = Tensor::make({l.c}, tensor::DType::Float32, x.numel() == 0);
  // An empty batch has no statistics: PyTorch leaves the running buffers alone.
  if (x.numel() == 0) return out;
  const norm_detail::InPlaceFloat rm(running_mean), rv(running_var);
  forward_train(x.data<float>(), out.output.data<float>(), l, data_or_null(w), data_or_null(b), rm.data(),
                rv.data(), static_cast<float>(momentum), eps, out.mean.data<float>(),
                out.invstd.data<float>());
  rm.commit();
  rv.commit();
  return out;
}

NormGradients native_batch_norm_backward(const Tensor& grad_output, const Tensor& input, const Tensor& weight,
                                         const Tensor& running_mean, const Tensor& running_var,
                                         const Tensor& save_mean, const Tensor& save_invstd, bool training,
                                         double eps, GradMask mask) {
  const Tensor x = contiguous_float(input);
  const Tensor dy = norm_detail::contiguous_grad(grad_output, x.shape());
  const Tensor w = contiguous_float(weight);
  const Layout l = layout_of(x.shape());
  const Tensor mean_t = contiguous_float(training ? save_mean : running_mean);
  const Tensor stat_t = contiguous_float(training ? save_invstd : running_var);
  const float* mean = mean_t.data<float>();
  const float* stat = stat_t.data<float>();
  const float* wp = data_or_null(w);
  // Eval: 1 / sqrt(running_var + eps), in double as PyTorch's backward does.
  auto invstd_of = [&](std::int64_t c) {
    return training ? stat[c] : static_cast<float>(1.0 / std::sqrt(static_cast<double>(stat[c]) + eps));
  };

  NormGradients g;
  if (mask[0]) g.input = Tensor::make(x.shape(), tensor::DType::Float32, false);
  if (mask[1]) g.weight = Tensor::make({l.c}, tensor::DType::Float32, false);
  if (mask[2]) g.bias = Tensor::make({l.c}, tensor::DType::Float32, false);
  const bool need_sums = training || mask[1] || mask[2];
  const std::int64_t count = l.n * l.hw;
  const std::int64_t channel_stride = l.c * l.hw;
  const float* xp = x.data<float>();
  const float* dyp = dy.data<float>();
  float* dx = mask[0] ? g.input.data<float>() : nullptr;

  // From a channel's sums: its parameter gradients, and the coefficients of
  // dx = dy * a + x * b + c0, which folds
  // dx = (dy - mean(dy) - (x - mean) * k) * invstd * w,
  // k = sum(dy * (x - mean)) * invstd^2 / count (training; b = c0 = 0 in eval).
  struct Coefficients {
    float a = 0.0f, b = 0.0f, c0 = 0.0f;
  };
  auto finish = [&](std::int64_t c, const kernels::GradSums& sums) {
    const float invstd = invstd_of(c);
    if (mask[1]) g.weight.data<float>()[c] = static_cast<float>(sums.sum_dy_xc * invstd);
    if (mask[2]) g.bias.data<float>()[c] = static_cast<float>(sums.sum_dy);
    const double scale = static_cast<double>(invstd) * (wp ? wp[c] : 1.0f);
    Coefficients k;
    k.a = static_cast<float>(scale);
    if (training) {
      const double kk = sums.sum_dy_xc * invstd * invstd / static_cast<double>(count);
      const double grad_mean = sums.sum_dy / static_cast<double>(count);
      k.b = static_cast<float>(-kk * scale);
      k.c0 = static_cast<float>((mean[c] * kk - grad_mean) * scale);
    }
    return k;
  };

  if (l.hw == 1) {
    // [N, C]: the sums are column sums down the rows.
    std::vector<kernels::GradSums> sums(static_cast<std::size_t>(l.c));
    if (need_sums) {
      for (std::int64_t r = 0; r < l.n; ++r) {
        for (std::int64_t c = 0; c < l.c; ++c) {
          const float d = dyp[r * l.c + c];
          sums[c].sum_dy += d;
          sums[c].sum_dy_xc += d * (xp[r * l.c + c] - mean[c]);
        }
      }
    }
    std::vector<Coefficients> k(static_cast<std::size_t>(l.c));
    for (std::int64_t c = 0; c < l.c; ++c) k[c] = finish(c, sums[c]);
    if (dx) {
      for (std::int64_t i = 0; i < l.n * l.c; ++i) {
        const Coefficients& kc = k[i % l.c];
        dx[i] = training ? dyp[i] * kc.a + (xp[i] * kc.b + kc.c0) : dyp[i] * kc.a;
      }
    }
    return g;
  }
  if (l.hw < kShortPlane) {
    // Short planes: a channel is many small runs a whole sample apart, which
    // for power-of-two sizes collide in the same cache sets. Both passes go
    // through memory in order instead (one plane at a time, every channel).
    std::vector<kernels::GradSums> sums(static_cast<std::size_t>(l.c));
    if (need_sums) {
      for (std::int64_t p = 0; p < l.n * l.c; ++p) {
        const std::int64_t c = p % l.c;
        const kernels::GradSums part = kernels::run_grad_sums(dyp + p * l.hw, xp + p * l.hw, l.hw, mean[c]);
        sums[c].sum_dy += part.sum_dy;
        sums[c].sum_dy_xc += part.sum_dy_xc;
      }
    }
    std::vector<Coefficients> k(static_cast<std::size_t>(l.c));
    for (std::int64_t c = 0; c < l.c; ++c) k[c] = finish(c, sums[c]);
    if (!dx) return g;
    for (std::int64_t p = 0; p < l.n * l.c; ++p) {
      const Coefficients& kc = k[p % l.c];
      const std::int64_t off = p * l.hw;
      if (training) {
        kernels::run_grad_input(dyp + off, xp + off, dx + off, l.hw, kc.a, kc.b, kc.c0);
      } else {
        kernels::run_scale_shift(dyp + off, dx + off, l.hw, kc.a, 0.0f);
      }
    }
    return g;
  }
  for (std::int64_t c = 0; c < l.c; ++c) {
    // The fused reduction pass over the channel's planes, then the
    // elementwise pass over the same planes while they are in cache.
    kernels::GradSums sums;
    if (need_sums) {
      for (std::int64_t n = 0; n < l.n; ++n) {
        const std::int64_t off = n * channel_stride + c * l.hw;
        const kernels::GradSums part = kernels::run_grad_sums(dyp + off, xp + off, l.hw, mean[c]);
        sums.sum_dy += part.sum_dy;
        sums.sum_dy_xc += part.sum_dy_xc;
      }
    }
    const Coefficients k = finish(c, sums);
    if (!dx) continue;
    for (std::int64_t n = 0; n < l.n; ++n) {
      const std::int64_t off = n * channel_stride + c * l.hw;
      if (training) {
        kernels::run_grad_input(dyp + off, xp + off, dx + off, l.hw, k.a, k.b, k.c0);
      } else {
        kernels::run_scale_shift(dyp + off, dx + off, l.hw, k.a, 0.0f);  // dx = dy * invstd * w
      }
    }
  }
  return g;
}

Tensor batch_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var,
                  const Tensor& weight, const Tensor& bias, bool training, double momentum, double eps) {
  // F.batch_norm reads input.size()[0] in training; ATen then reads
  // sizes()[1], which for a 0-d input PyTorch 1.13 happens to see as 0.
  if (training && input.dim() == 0) throw_index_error("tuple index out of range");
  if (training) verify_batch_size(input.shape());
  const std::int64_t features = input.dim() == 0 ? 0 : input.size(1);  // IndexError for 1-d, as PyTorch
  check_features("running_mean", features, running_mean);
  if (!running_mean.defined() && !training)
    throw_runtime_error("running_mean must be defined in evaluation mode");
  check_features("running_var", features, running_var);
  if (!running_var.defined() && !training)
    throw_runtime_error("running_var must be defined in evaluation mode");
  check_features("weight", features, weight);
  check_features("bias", features, bias);
  norm_detail::check_float_input(input, "batch_norm");
  for (const Tensor* p : {&weight, &bias, &running_mean, &running_var}) check_param_dtype(*p);

  NormForward f = native_batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps);
  if (autograd::needs_grad({&input, &weight, &bias})) {
    auto node = std::make_shared<NativeBatchNormBackward0>(input, weight, bias, running_mean, running_var,
                                                           f.mean, f.invstd, training, eps);
    autograd::set_history(node, {&input, &weight, &bias}, {&f.output});
  }
  return f.output;
}

}  // namespace lesson::nn
