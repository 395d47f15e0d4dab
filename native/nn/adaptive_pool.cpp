#include "nn/adaptive_pool.hpp"

#include <memory>
#include <string>

#include "autograd/graph.hpp"
#include "autograd/saved_tensor.hpp"
#include "core/errors.hpp"
#include "nn/adaptive_pool_kernel.hpp"
#include "nn/max_pool_kernel.hpp"
#include "nn/pool_1d.hpp"
#include "tensor/views.hpp"

namespace lesson::nn {

namespace {

using autograd::SavedTensor;
using autograd::TensorList;
using std::int64_t;
using std::to_string;
using tensor::DType;

AdaptiveGeometry geometry_of(const Tensor& input, int64_t out_h, int64_t out_w) {
  AdaptiveGeometry g;
  g.in_h = input.size(-2);
  g.in_w = input.size(-1);
  g.out_h = out_h;
  g.out_w = out_w;
  g.planes = 1;
  for (int64_t d = 0; d + 2 < input.dim(); ++d) g.planes *= input.shape()[static_cast<std::size_t>(d)];
  return g;
}

// torch.nn.functional's _list_with_default: None entries take the input's
// trailing sizes.
IntList list_with_default(const OptionalSizes& output_size, const Tensor& input) {
  const auto n = static_cast<int64_t>(output_size.size());
  if (input.dim() <= n) throw_value_error("Input dimension should be at least " + to_string(n + 1));
  IntList sizes;
  for (int64_t i = 0; i < n; ++i) {
    const auto& v = output_size[static_cast<std::size_t>(i)];
    sizes.push_back(v ? *v : input.shape()[static_cast<std::size_t>(input.dim() - n + i)]);
  }
  return sizes;
}

// The backward kernels' check: "adaptive_avg_pool2d_backward(): Expected
// grad_output to have non-zero size for non-batch dimensions, but
// grad_output has sizes [1, 2, 0, 2] with dimension 2 being empty".
void check_grad_output_nonempty(const Tensor& grad_output, const char* function) {
  for (int64_t d = 1; d < grad_output.dim(); ++d) {
    if (grad_output.shape()[static_cast<std::size_t>(d)] <= 0) {
      throw_runtime_error(std::string(function) +
                          "(): Expected grad_output to have non-zero size for non-batch dimensions, but "
                          "grad_output has sizes " +
                          tensor::shape_str(grad_output.shape()) + " with dimension " + to_string(d) +
                          " being empty");
    }
  }
}

// --- average -----------------------------------------------------------

Tensor avg_backward_impl(const Tensor& grad_output, const tensor::Shape& input_shape) {
  check_grad_output_nonempty(grad_output, "adaptive_avg_pool2d_backward");
  const Tensor go = grad_output.to_dtype(DType::Float32).contiguous();
  Tensor grad_input = Tensor::make(input_shape, DType::Float32, /*zero=*/false);
  const auto n = input_shape.size();
  AdaptiveGeometry g;
  g.in_h = input_shape[n - 2];
  g.in_w = input_shape[n - 1];
  g.out_h = go.shape()[n - 2];
  g.out_w = go.shape()[n - 1];
  g.planes = g.in_h * g.in_w == 0 ? 0 : grad_input.numel() / (g.in_h * g.in_w);
  adaptive_avg_pool2d_backward_kernel(go.data<float>(), grad_input.data<float>(), g);
  return grad_input;
}

Tensor mean_backward_impl(const Tensor& grad_output, const tensor::Shape& input_shape) {
  const Tensor go = grad_output.to_dtype(DType::Float32).contiguous();
  Tensor grad_input = Tensor::make(input_shape, DType::Float32, /*zero=*/false);
  const auto n = input_shape.size();
  const int64_t plane = input_shape[n - 2] * input_shape[n - 1];
  if (plane > 0) plane_mean_backward_kernel(go.data<float>(), grad_input.data<float>(), go.numel(), plane);
  return grad_input;
}

class AdaptiveAvgPool2DBackward0 final : public autograd::Node {
 public:
  explicit AdaptiveAvgPool2DBackward0(const Tensor& self) : self_(self) {}
  std::string name() const override { return "AdaptiveAvgPool2DBackward0"; }
  TensorList apply(TensorList&& grads) override {
    if (!grads[0].defined()) return {Tensor()};
    return {avg_backward_impl(grads[0], self_.unpack().shape())};
  }
  void release_variables() override { self_.release(); }

 private:
  SavedTensor self_;
};

// PyTorch 1.13's MeanBackward1 saves self (so an in-place change to the
// input is reported) and spreads grad / (H*W) over each plane.
class MeanBackward1 final : public autograd::Node {
 public:
  explicit MeanBackward1(const Tensor& self) : self_(self) {}
  std::string name() const override { return "MeanBackward1"; }
  TensorList apply(TensorList&& grads) override {
    if (!grads[0].defined()) return {Tensor()};
    return {mean_backward_impl(grads[0], self_.unpack().shape())};
  }
  void release_variables() override { self_.release(); }

 private:
  SavedTensor self_;
};

// input.mean((-1, -2), keepdim=True), as adaptive_avg_pool2d does for (1, 1).
Tensor mean_over_plane(const Tensor& input) {
  if (input.dtype() != DType::Float32) {
    throw_runtime_error(
        std::string("mean(): could not infer output dtype. Input dtype must be either a floating point or "
                    "complex dtype. Got: ") +
        (input.dtype() == DType::Int64 ? "Long" : "Bool"));
  }
  tensor::wrap_dim(-1, input.dim());
  tensor::wrap_dim(-2, input.dim());
  const Tensor x = input.contiguous();
  Tensor out = Tensor::make(with_spatial_2d(input.shape(), 1, 1), DType::Float32, /*zero=*/false);
  const int64_t plane = input.size(-2) * input.size(-1);
  plane_mean_kernel(x.data<float>(), out.data<float>(), out.numel(), plane);
  if (autograd::needs_grad({&input})) {
    autograd::set_history(std::make_shared<MeanBackward1>(input), {&input}, {&out});
  }
  return out;
}

// aten::adaptive_avg_pool2d.
Tensor aten_adaptive_avg_pool2d(const Tensor& input, const IntList& output_size) {
  if (output_size.size() != 2) throw_runtime_error("adaptive_avg_pool2d: output_size must be 2");
  if (output_size[0] < 0 || output_size[1] < 0) {
    throw_runtime_error(
        "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {" +
        to_string(output_size[0]) + ", " + to_string(output_size[1]) + "}");
  }
  if (output_size[0] == 1 && output_size[1] == 1) return mean_over_plane(input);
  const int64_t ndim = input.dim();
  if (ndim != 3 && ndim != 4) {
    throw_runtime_error("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got " +
                        tensor::shape_str(input.shape()));
  }
  for (int64_t d = ndim - 2; d < ndim; ++d) {
    if (input.shape()[static_cast<std::size_t>(d)] <= 0) {
      throw_runtime_error(
          "adaptive_avg_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has "
          "sizes " +
          tensor::shape_str(input.shape()) + " with dimension " + to_string(d) + " being empty");
    }
  }
  if (input.dtype() != DType::Float32) throw_not_implemented_for("adaptive_avg_pool2d", input.dtype());
  const AdaptiveGeometry g = geometry_of(input, output_size[0], output_size[1]);
  const Tensor x = input.contiguous();
  Tensor out = Tensor::make(with_spatial_2d(input.shape(), g.out_h, g.out_w), DType::Float32, /*zero=*/false);
  adaptive_avg_pool2d_forward_kernel(x.data<float>(), out.data<float>(), g);
  if (autograd::needs_grad({&input})) {
    autograd::set_history(std::make_shared<AdaptiveAvgPool2DBackward0>(input), {&input}, {&out});
  }
  return out;
}

// --- max ---------------------------------------------------------------

Tensor max_backward_impl(const Tensor& grad_output, const tensor::Shape& input_shape, const Tensor& indices) {
  check_grad_output_nonempty(grad_output, "adaptive_max_pooling2d_backward");
  const Tensor go = grad_output.to_dtype(DType::Float32).contiguous();
  const Tensor ix = indices.contiguous();
  Tensor grad_input = Tensor::make(input_shape, DType::Float32, /*zero=*/false);
  const auto n = input_shape.size();
  const int64_t in_plane = input_shape[n - 2] * input_shape[n - 1];
  const int64_t out_plane = go.shape()[n - 2] * go.shape()[n - 1];
  const int64_t planes = in_plane == 0 ? 0 : grad_input.numel() / in_plane;
  max_pool_scatter_backward(go.data<float>(), ix.data<int64_t>(), grad_input.data<float>(), planes, in_plane,
                            out_plane);
  return grad_input;
}

class AdaptiveMaxPool2DBackward0 final : public autograd::Node {
 public:
  AdaptiveMaxPool2DBackward0(const Tensor& self, const Tensor& indices) : self_(self), indices_(indices) {}
  std::string name() const override { return "AdaptiveMaxPool2DBackward0"; }
  TensorList apply(TensorList&& grads) override {
    if (!grads[0].defined()) return {Tensor()};
    const Tensor self = self_.unpack();
    return {max_backward_impl(grads[0], self.shape(), indices_.unpack())};
  }
  void release_variables() override {
    self_.release();
    indices_.release();
  }

 private:
  SavedTensor self_;
  SavedTensor indices_;
};

// aten::adaptive_max_pool2d.
PoolWithIndices aten_adaptive_max_pool2d(const Tensor& input, const IntList& output_size) {
  const int64_t ndim = input.dim();
  if (ndim != 3 && ndim != 4) {
    throw_runtime_error("adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: " +
                        tensor::shape_str(input.shape()));
  }
  for (int64_t d = 1; d < ndim; ++d) {
    if (input.shape()[static_cast<std::size_t>(d)] <= 0) {
      throw_runtime_error(
          "adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has "
          "sizes " +
          tensor::shape_str(input.shape()) + " with dimension " + to_string(d) + " being empty");
    }
  }
  if (output_size.size() != 2) {
    throw_runtime_error("adaptive_max_pool2d(): internal error: output_size.size() must be 2");
  }
  const tensor::Shape out_shape = with_spatial_2d(input.shape(), output_size[0], output_size[1]);
  tensor::check_sizes_nonnegative(out_shape);
  if (input.dtype() != DType::Float32) throw_not_implemented_for("adaptive_max_pool2d", input.dtype());
  const AdaptiveGeometry g = geometry_of(input, output_size[0], output_size[1]);
  const Tensor x = input.contiguous();
  Tensor out = Tensor::make(out_shape, DType::Float32, /*zero=*/false);
  Tensor indices = Tensor::make(out_shape, DType::Int64, /*zero=*/false);
  adaptive_max_pool2d_forward_kernel(x.data<float>(), out.data<float>(), indices.data<int64_t>(), g);
  if (autograd::needs_grad({&input})) {
    autograd::set_history(std::make_shared<AdaptiveMaxPool2DBackward0>(input, indices), {&input}, {&out});
  }
  return {out, indices};
}

}  // namespace

Tensor adaptive_avg_pool2d(const Tensor& input, int64_t output_size) {
  return aten_adaptive_avg_pool2d(input, {output_size, output_size});
}

Tensor adaptive_avg_pool2d(const Tensor& input, const OptionalSizes& output_size) {
  return aten_adaptive_avg_pool2d(input, list_with_default(output_size, input));
}

Tensor adaptive_avg_pool1d(const Tensor& input, const IntList& output_size) {
  check_dim_range(input, "adaptive_avg_pool1d", 2, 4);
  check_1d("adaptive_avg_pool1d", "output_size", output_size);
  const Tensor lifted = unsqueeze_for_1d(input);
  return squeeze_from_1d(aten_adaptive_avg_pool2d(lifted, {1, output_size[0]}));
}

Tensor adaptive_max_pool2d(const Tensor& input, int64_t output_size) {
  return aten_adaptive_max_pool2d(input, {output_size, output_size}).output;
}

Tensor adaptive_max_pool2d(const Tensor& input, const OptionalSizes& output_size) {
  return aten_adaptive_max_pool2d(input, list_with_default(output_size, input)).output;
}

PoolWithIndices adaptive_max_pool2d_with_indices(const Tensor& input, int64_t output_size) {
  return aten_adaptive_max_pool2d(input, {output_size, output_size});
}

PoolWithIndices adaptive_max_pool2d_with_indices(const Tensor& input, const OptionalSizes& output_size) {
  return aten_adaptive_max_pool2d(input, list_with_default(output_size, input));
}

Tensor adaptive_max_pool1d(const Tensor& input, const IntList& output_size) {
  return adaptive_max_pool1d_with_indices(input, output_size).output;
}

PoolWithIndices adaptive_max_pool1d_with_indices(const Tensor& input, const IntList& output_size) {
  check_dim_range(input, "adaptive_max_pool1d", 2, 4);
  check_1d("adaptive_max_pool1d", "output_size", output_size);
  const Tensor lifted = unsqueeze_for_1d(input);
  const PoolWithIndices r = aten_adaptive_max_pool2d(lifted, {1, output_size[0]});
  return {squeeze_from_1d(r.output), tensor::squeeze(r.indices, -2)};
}

Tensor adaptive_avg_pool2d_backward(const Tensor& grad_output, const Tensor& input) {
  return avg_backward_impl(grad_output, input.shape());
}

Tensor adaptive_avg_pool2d_mean_backward(const Tensor& grad_output, const Tensor& input) {
  return mean_backward_impl(grad_output, input.shape());
}

Tensor adaptive_max_pool2d_backward(const Tensor& grad_output, const Tensor& input, const Tensor& indices) {
  return max_backward_impl(grad_output, input.shape(), indices);
}

}  // namespace lesson::nn
