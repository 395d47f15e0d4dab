#include "nn/activation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "autograd/ops_util.hpp"
#include "core/errors.hpp"
#include "tensor/elementwise_clamp.hpp"

namespace lesson::nn {

namespace {

using autograd::SavedTensor;
using autograd::TensorList;
using Saved = std::vector<SavedTensor>;

const char* dtype_word(tensor::DType d) {
  return d == tensor::DType::Int64 ? "Long" : d == tensor::DType::Bool ? "Bool" : "Float";
}

// PyTorch's dispatch error for an op whose kernel has no integer version.
void require_float(const Tensor& input, const char* kernel) {
  if (input.dtype() != tensor::DType::Float32) {
    throw_runtime_error(std::string("\"") + kernel + "\" not implemented for '" + dtype_word(input.dtype()) + "'");
  }
}

// out[i] = f(x[i]) over a contiguous copy of x. The math runs in double and
// rounds once, so results are at least as close to exact as PyTorch's.
template <class F>
Tensor map(const Tensor& input, F f) {
  const Tensor x = input.contiguous();
  Tensor out = Tensor::make(x.shape(), tensor::DType::Float32, false);
  const float* xp = x.data<float>();
  float* yp = out.data<float>();
  const std::int64_t n = x.numel();
  for (std::int64_t i = 0; i < n; ++i) yp[i] = static_cast<float>(f(static_cast<double>(xp[i])));
  return out;
}

// grad_in[i] = f(x[i], g[i]) for the saved input x and upstream gradient g.
template <class F>
Tensor map_grad(const Tensor& input, const Tensor& grad, F f) {
  const Tensor x = input.contiguous();
  const Tensor g = grad.contiguous();
  Tensor out = Tensor::make(x.shape(), tensor::DType::Float32, false);
  const float* xp = x.data<float>();
  const float* gp = g.data<float>();
  float* op = out.data<float>();
  const std::int64_t n = x.numel();
  for (std::int64_t i = 0; i < n; ++i) {
    op[i] = static_cast<float>(f(static_cast<double>(xp[i]), static_cast<double>(gp[i])));
  }
  return out;
}

// An elementwise op whose backward needs its input.
template <class Fwd, class Bwd>
Tensor unary(const char* grad_fn, const Tensor& input, Fwd fwd, Bwd bwd) {
  Tensor out = map(input, fwd);
  autograd::record(grad_fn, {&input}, out, {SavedTensor(input)}, [bwd](const Tensor& g, const Saved& s) {
    return TensorList{map_grad(s[0].unpack(), g, bwd)};
  });
  return out;
}

// A tensor as [outer, size, inner] around one dim.
struct Rows {
  std::int64_t outer = 1, size = 1, inner = 1;
};

Rows rows_around(const tensor::Shape& shape, std::int64_t dim) {
  Rows r;
  for (std::int64_t d = 0; d < static_cast<std::int64_t>(shape.size()); ++d) {
    const std::int64_t s = shape[static_cast<std::size_t>(d)];
    if (d < dim) {
      r.outer *= s;
    } else if (d == dim) {
      r.size = s;
    } else {
      r.inner *= s;
    }
  }
  return r;
}

// Softmax or log-softmax of every line along `dim`: max, then the sum of
// exp(x - max), then exp(x - max) / sum or x - max - log(sum).
Tensor softmax_forward(const Tensor& input, std::int64_t dim, bool log) {
  const Tensor x = input.contiguous();
  Tensor out = Tensor::make(x.shape(), tensor::DType::Float32, false);
  const Rows r = rows_around(x.shape(), dim);
  const float* xp = x.data<float>();
  float* yp = out.data<float>();
  for (std::int64_t o = 0; o < r.outer; ++o) {
    for (std::int64_t in = 0; in < r.inner; ++in) {
      const float* xl = xp + o * r.size * r.inner + in;
      float* yl = yp + o * r.size * r.inner + in;
      float mx = -std::numeric_limits<float>::infinity();
      for (std::int64_t k = 0; k < r.size; ++k) {
        const float v = xl[k * r.inner];
        mx = (v > mx || std::isnan(v)) ? v : mx;
      }
      double sum = 0.0;
      for (std::int64_t k = 0; k < r.size; ++k) sum += std::exp(static_cast<double>(xl[k * r.inner]) - mx);
      if (log) {
        const double ls = std::log(sum);
        for (std::int64_t k = 0; k < r.size; ++k) {
          yl[k * r.inner] = static_cast<float>(static_cast<double>(xl[k * r.inner]) - mx - ls);
        }
      } else {
        for (std::int64_t k = 0; k < r.size; ++k) {
          yl[k * r.inner] = static_cast<float>(std::exp(static_cast<double>(xl[k * r.inner]) - mx) / sum);
        }
      }
    }
  }
  return out;
}

// softmax: gx = y * (g - sum(g * y)); log_softmax: gx = g - exp(y) * sum(g).
Tensor softmax_backward(const Tensor& grad, const Tensor& output, std::int64_t dim, bool log) {
  const Tensor y = output.contiguous();
  const Tensor g = grad.contiguous();
  Tensor out = Tensor::make(y.shape(), tensor::DType::Float32, false);
  const Rows r = rows_around(y.shape(), dim);
  const float* yp = y.data<float>();
  const float* gp = g.data<float>();
  float* op = out.data<float>();
  for (std::int64_t o = 0; o < r.outer; ++o) {
    for (std::int64_t in = 0; in < r.inner; ++in) {
      const std::int64_t base = o * r.size * r.inner + in;
      double sum = 0.0;
      for (std::int64_t k = 0; k < r.size; ++k) {
        const std::int64_t i = base + k * r.inner;
        sum += log ? static_cast<double>(gp[i]) : static_cast<double>(gp[i]) * yp[i];
      }
      for (std::int64_t k = 0; k < r.size; ++k) {
        const std::int64_t i = base + k * r.inner;
        const double gi = gp[i], yi = yp[i];
        op[i] = static_cast<float>(log ? gi - std::exp(yi) * sum : yi * (gi - sum));
      }
    }
  }
  return out;
}

Tensor softmax_op(const Tensor& input, std::int64_t dim, bool log) {
  const std::int64_t d = tensor::wrap_dim(dim, input.dim());
  if (input.dtype() != tensor::DType::Float32) {
    const bool last = input.dim() == 0 || d == input.dim() - 1;
    const std::string kernel = std::string(log ? "log_softmax" : "softmax") + (last ? "_lastdim" : "") +
                               "_kernel_impl";
    require_float(input, kernel.c_str());
  }
  Tensor out = softmax_forward(input, d, log);
  autograd::record(log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", {&input}, out, {SavedTensor(out)},
                   [d, log](const Tensor& g, const Saved& s) {
                     return TensorList{softmax_backward(g, s[0].unpack(), d, log)};
                   });
  return out;
}

}  // namespace

Tensor leaky_relu(const Tensor& input, double negative_slope) {
  require_float(input, "leaky_relu_cpu");
  const double slope = static_cast<float>(negative_slope);
  return unary(
      "LeakyReluBackward0", input, [slope](double x) { return x > 0 ? x : x * slope; },
      [slope](double x, double g) { return x > 0 ? g : g * slope; });
}

Tensor gelu(const Tensor& input, const std::string& approximate) {
  if (approximate != "none" && approximate != "tanh") {
    throw_runtime_error("approximate argument must be either none or tanh.");
  }
  require_float(input, "GeluKernelImpl");
  constexpr double kAlpha = 0.70710678118654752440;  // 1 / sqrt(2)
  constexpr double kBeta = 0.79788456080286535588;   // sqrt(2 / pi)
  constexpr double kKappa = 0.044715;
  constexpr double kInvSqrt2Pi = 0.39894228040143267794;  // 1 / sqrt(2 pi)
  if (approximate == "tanh") {
    return unary(
        "GeluBackward0", input,
        [](double x) { return 0.5 * x * (1.0 + std::tanh(kBeta * (x + kKappa * x * x * x))); },
        [](double x, double g) {
          const double t = std::tanh(kBeta * (x + kKappa * x * x * x));
          const double inner_derivative = kBeta * (1.0 + 3.0 * kKappa * x * x);
          return g * (0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * inner_derivative);
        });
  }
  return unary(
      "GeluBackward0", input, [](double x) { return 0.5 * x * (1.0 + std::erf(x * kAlpha)); },
      [](double x, double g) {
        const double cdf = 0.5 * (1.0 + std::erf(x * kAlpha));
        const double pdf = kInvSqrt2Pi * std::exp(-0.5 * x * x);
        return g * (cdf + x * pdf);
      });
}

Tensor silu(const Tensor& input) {
  require_float(input, "silu_cpu");
  return unary(
      "SiluBackward0", input, [](double x) { return x / (1.0 + std::exp(-x)); },
      [](double x, double g) {
        const double s = 1.0 / (1.0 + std::exp(-x));
        return g * s * (1.0 + x * (1.0 - s));
      });
}

Tensor softmax(const Tensor& input, std::int64_t dim) { return softmax_op(input, dim, false); }

Tensor log_softmax(const Tensor& input, std::int64_t dim) { return softmax_op(input, dim, true); }

Tensor hardtanh(const Tensor& input, double min_val, double max_val) {
  if (input.dtype() == tensor::DType::Bool) throw_runtime_error("Bool inputs not supported for hardtanh");
  if (input.dtype() != tensor::DType::Float32) {
    // Integers: PyTorch clamps them (no autograd on integer tensors).
    return tensor::clamp(input, tensor::Scalar(min_val), tensor::Scalar(max_val));
  }
  const double lo = static_cast<float>(min_val), hi = static_cast<float>(max_val);
  return unary(
      "HardtanhBackward0", input, [lo, hi](double x) { return std::isnan(x) ? x : std::min(std::max(x, lo), hi); },
      [lo, hi](double x, double g) { return (x <= lo || x >= hi) ? 0.0 : g; });
}

Tensor relu6(const Tensor& input) { return hardtanh(input, 0.0, 6.0); }

Tensor elu(const Tensor& input, double alpha) {
  require_float(input, "elu_cpu");
  const double a = static_cast<float>(alpha);
  return unary(
      "EluBackward0", input, [a](double x) { return x > 0 ? x : a * std::expm1(x); },
      [a](double x, double g) { return x > 0 ? g : g * a * std::exp(x); });
}

}  // namespace lesson::nn
