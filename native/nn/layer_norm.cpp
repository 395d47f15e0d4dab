#include "nn/layer_norm.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "autograd/graph.hpp"
#include "autograd/saved_tensor.hpp"
#include "core/errors.hpp"
#include "nn/norm_kernels.hpp"

namespace lesson::nn {

namespace {

using norm_detail::contiguous_float;
using norm_detail::data_or_null;

// One row: two-pass moments (the row stays in cache), then PyTorch's
// y = (x * rstd + (-rstd * mean)) * gamma + beta. rstd is computed in float
// as PyTorch's kernel does.
RowMoments normalize_row(const float* x, float* y, std::int64_t cols, const float* gamma, const float* beta,
                         float eps) {
  const kernels::Moments m = kernels::strided_moments(x, 1, cols, cols);
  const float mean = static_cast<float>(m.mean);
  const float var = static_cast<float>(m.m2 / static_cast<double>(cols));
  const float rstd = 1.0f / std::sqrt(var + eps);
  kernels::row_norm_affine(x, y, cols, rstd, -rstd * mean, gamma, beta);
  return RowMoments{mean, rstd};
}

// Rows and columns of an input normalised over its last `normalized_ndim` dims.
struct RowsCols {
  std::int64_t rows = 1, cols = 1;
  tensor::Shape stat_shape;  // leading dims, then 1s
};

RowsCols rows_cols(const tensor::Shape& shape, std::size_t normalized_ndim) {
  RowsCols rc;
  const std::size_t axis = shape.size() - normalized_ndim;
  for (std::size_t d = 0; d < shape.size(); ++d) {
    if (d < axis) {
      rc.rows *= shape[d];
      rc.stat_shape.push_back(shape[d]);
    } else {
      rc.cols *= shape[d];
      rc.stat_shape.push_back(1);
    }
  }
  return rc;
}

// PyTorch's _check_layer_norm_inputs, in its order and with its texts.
void check_inputs(const Tensor& input, const tensor::Shape& normalized_shape, const Tensor& weight,
                  const Tensor& bias) {
  const std::string ns = tensor::shape_str(normalized_shape);
  if (normalized_shape.empty()) {
    throw_runtime_error(
        "Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but "
        "got normalized_shape = " +
        ns);
  }
  if (weight.defined() && weight.shape() != normalized_shape) {
    throw_runtime_error("Expected weight to be of same shape as normalized_shape, but got weight of shape " +
                        tensor::shape_str(weight.shape()) + " and normalized_shape = " + ns);
  }
  if (bias.defined() && bias.shape() != normalized_shape) {
    throw_runtime_error("Expected bias to be of same shape as normalized_shape, but got bias of shape " +
                        tensor::shape_str(bias.shape()) + " and normalized_shape = " + ns);
  }
  const tensor::Shape& shape = input.shape();
  bool ok = shape.size() >= normalized_shape.size();
  for (std::size_t i = 0; ok && i < normalized_shape.size(); ++i) {
    ok = shape[shape.size() - normalized_shape.size() + i] == normalized_shape[i];
  }
  if (!ok) {
    std::ostringstream ss;
    ss << "Given normalized_shape=" << ns << ", expected input with shape [*";
    for (auto s : normalized_shape) ss << ", " << s;
    ss << "], but got input of size" << tensor::shape_str(shape);
    throw_runtime_error(ss.str());
  }
  norm_detail::check_float_input(input, "LayerNormKernelImpl");
  for (const Tensor* p : {&weight, &bias}) {
    if (p->defined() && p->dtype() != tensor::DType::Float32) {
      throw_runtime_error(std::string("expected scalar type Float but found ") +
                          (p->dtype() == tensor::DType::Int64 ? "Long" : "Bool"));
    }
  }
}

class NativeLayerNormBackward0 final : public autograd::Node {
 public:
  NativeLayerNormBackward0(const Tensor& input, const tensor::Shape& normalized_shape, const Tensor& weight,
                           const Tensor& bias, const Tensor& mean, const Tensor& rstd)
      : input_(input),
        weight_(weight),
        bias_(bias),
        normalized_shape_(normalized_shape),
        mean_(mean),
        rstd_(rstd) {}

  std::string name() const override { return "NativeLayerNormBackward0"; }

  autograd::TensorList apply(autograd::TensorList&& grads) override {
    const Tensor input = input_.unpack();
    const Tensor weight = weight_.unpack();
    const Tensor bias = bias_.unpack();
    if (grads.empty() || !grads[0].defined()) return {Tensor(), Tensor(), Tensor()};
    const GradMask mask{next_edges[0].valid(), next_edges[1].valid(), next_edges[2].valid()};
    const NormGradients g =
        native_layer_norm_backward(grads[0], input, normalized_shape_, mean_, rstd_, weight, bias, mask);
    return {g.input, g.weight, g.bias};
  }

  void release_variables() override {
    input_.release();
    weight_.release();
    bias_.release();
    mean_ = rstd_ = Tensor();
  }

 private:
  autograd::SavedTensor input_, weight_, bias_;
  tensor::Shape normalized_shape_;
  Tensor mean_, rstd_;
};

}  // namespace

NormForward native_layer_norm(const Tensor& input, const tensor::Shape& normalized_shape,
                              const Tensor& weight, const Tensor& bias, double eps) {
  const Tensor x = contiguous_float(input);
  const Tensor w = contiguous_float(weight);
  const Tensor b = contiguous_float(bias);
  const RowsCols rc = rows_cols(x.shape(), normalized_shape.size());
  NormForward out;
  out.output = Tensor::make(x.shape(), tensor::DType::Float32, false);
  out.mean = Tensor::make(rc.stat_shape, tensor::DType::Float32, false);
  out.invstd = Tensor::make(rc.stat_shape, tensor::DType::Float32, false);
  const float* xp = x.data<float>();
  float* yp = out.output.data<float>();
  float* mean = out.mean.data<float>();
  float* rstd = out.invstd.data<float>();
  for (std::int64_t r = 0; r < rc.rows; ++r) {
    const RowMoments m = normalize_row(xp + r * rc.cols, yp + r * rc.cols, rc.cols, data_or_null(w),
                                       data_or_null(b), static_cast<float>(eps));
    mean[r] = m.mean;
    rstd[r] = m.rstd;
  }
  return out;
}

NormGradients native_layer_norm_backward(const Tensor& grad_output, const Tensor& input,
                                         const tensor::Shape& normalized_shape, const Tensor& mean,
                                         const Tensor& rstd, const Tensor& weight, const Tensor& bias,
                                         GradMask mask) {
  const Tensor x = contiguous_float(input);
  const Tensor dy = norm_detail::contiguous_grad(grad_output, x.shape());
  const Tensor w = contiguous_float(weight);
  const Tensor mean_c = contiguous_float(mean);
  const Tensor rstd_c = contiguous_float(rstd);
  const RowsCols rc = rows_cols(x.shape(), normalized_shape.size());
  NormGradients g;
  if (mask[0]) g.input = Tensor::make(x.shape(), tensor::DType::Float32, false);
  // Parameter gradients are accumulated row by row, so they start at zero.
  if (mask[1] && weight.defined()) g.weight = Tensor::make(normalized_shape, tensor::DType::Float32, true);
  if (mask[2] && bias.defined()) g.bias = Tensor::make(normalized_shape, tensor::DType::Float32, true);
  const float* xp = x.data<float>();
  const float* dyp = dy.data<float>();
  const float* gamma = data_or_null(w);
  float* dgamma = g.weight.defined() ? g.weight.data<float>() : nullptr;
  float* dbeta = g.bias.defined() ? g.bias.data<float>() : nullptr;
  const float* mean_p = mean_c.data<float>();
  const float* rstd_p = rstd_c.data<float>();
  // The fused reduction pass, in blocks of columns: each block's slice of the
  // weight and bias gradients stays in L1 while every row adds to it, and each
  // row's sums are accumulated block by block. Long rows (LayerNorm over
  // C, H, W) are thus read once, with no read-modify-write of row-long buffers.
  constexpr std::int64_t kBlock = 1024;
  std::vector<kernels::GradSums> row_sums(static_cast<std::size_t>(rc.rows));
  for (std::int64_t j0 = 0; j0 < rc.cols; j0 += kBlock) {
    const std::int64_t len = std::min(kBlock, rc.cols - j0);
    for (std::int64_t r = 0; r < rc.rows; ++r) {
      const std::int64_t off = r * rc.cols + j0;
      const kernels::GradSums s =
          kernels::row_grad_sums(dyp + off, xp + off, gamma ? gamma + j0 : nullptr, len, mean_p[r], rstd_p[r],
                                 dgamma ? dgamma + j0 : nullptr, dbeta ? dbeta + j0 : nullptr);
      row_sums[r].sum_dy += s.sum_dy;
      row_sums[r].sum_dy_xc += s.sum_dy_xc;
    }
  }
  if (!mask[0]) return g;
  const double inv_cols = 1.0 / static_cast<double>(rc.cols);
  for (std::int64_t r = 0; r < rc.rows; ++r) {
    // dx = rstd * g + b * (x - mean) - rstd * mean(g) with g = dy * gamma and
    // b = -rstd^3 * mean(g * (x - mean)), folded into g * a + x * b + c.
    const std::int64_t off = r * rc.cols;
    const float mu = mean_p[r];
    const float rs = rstd_p[r];
    const double r3 = static_cast<double>(rs) * rs * rs;
    const double b = -row_sums[r].sum_dy_xc * r3 * inv_cols;
    const double c = -b * mu - row_sums[r].sum_dy * rs * inv_cols;
    kernels::row_grad_input(dyp + off, xp + off, gamma, g.input.data<float>() + off, rc.cols, rs,
                            static_cast<float>(b), static_cast<float>(c));
  }
  return g;
}

Tensor layer_norm(const Tensor& input, const tensor::Shape& normalized_shape, const Tensor& weight,
                  const Tensor& bias, double eps) {
  check_inputs(input, normalized_shape, weight, bias);
  NormForward f = native_layer_norm(input, normalized_shape, weight, bias, eps);
  if (autograd::needs_grad({&input, &weight, &bias})) {
    auto node =
        std::make_shared<NativeLayerNormBackward0>(input, normalized_shape, weight, bias, f.mean, f.invstd);
    autograd::set_history(node, {&input, &weight, &bias}, {&f.output});
  }
  return f.output;
}

void layer_norm_last_dim(const float* x, std::size_t rows, std::size_t cols, const float* weight,
                         const float* bias, float eps, float* y, RowMoments* moments) {
  if (cols == 0) {
    throw std::invalid_argument("layer_norm: the normalized dimension must not be empty");
  }
  if (!(eps >= 0.0f)) {
    throw std::invalid_argument("layer_norm: eps must be non-negative");
  }
  const auto n = static_cast<std::int64_t>(cols);
  for (std::size_t r = 0; r < rows; ++r) {
    const RowMoments m = normalize_row(x + r * cols, y + r * cols, n, weight, bias, eps);
    if (moments != nullptr) moments[r] = m;
  }
}

}  // namespace lesson::nn
