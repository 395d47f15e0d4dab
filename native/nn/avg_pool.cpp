#include "nn/avg_pool.hpp"

#include <memory>
#include <string>

#include "autograd/graph.hpp"
#include "autograd/saved_tensor.hpp"
#include "core/errors.hpp"
#include "nn/avg_pool_kernel.hpp"
#include "nn/pool_1d.hpp"

namespace lesson::nn {

namespace {

using autograd::SavedTensor;
using autograd::TensorList;
using std::int64_t;
using tensor::DType;

Tensor backward_impl(const Tensor& grad_output, const tensor::Shape& input_shape, const Pool2dGeometry& g,
                     const AvgPoolOptions& options) {
  const Tensor go = grad_output.to_dtype(DType::Float32).contiguous();
  Tensor grad_input = Tensor::make(input_shape, DType::Float32, /*zero=*/false);
  avg_pool2d_backward_kernel(go.data<float>(), grad_input.data<float>(), g, options);
  return grad_input;
}

// Saves the input (for its shape, and so that an in-place change to it is
// reported as PyTorch reports it).
class AvgPool2DBackward0 final : public autograd::Node {
 public:
  AvgPool2DBackward0(const Tensor& self, const Pool2dGeometry& g, const AvgPoolOptions& options)
      : self_(self), geometry_(g), options_(options) {}
  std::string name() const override { return "AvgPool2DBackward0"; }
  TensorList apply(TensorList&& grads) override {
    if (!grads[0].defined()) return {Tensor()};
    return {backward_impl(grads[0], self_.unpack().shape(), geometry_, options_)};
  }
  void release_variables() override { self_.release(); }

 private:
  SavedTensor self_;
  Pool2dGeometry geometry_;
  AvgPoolOptions options_;
};

}  // namespace

Tensor avg_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride, const IntList& padding,
                  bool ceil_mode, bool count_include_pad, std::optional<int64_t> divisor_override) {
  const Pool2dGeometry g = avg_pool2d_geometry(input, kernel_size, stride, padding, ceil_mode, divisor_override);
  const AvgPoolOptions options{count_include_pad, divisor_override};
  if (input.dtype() == DType::Bool) throw_not_implemented_for("avg_pool2d", input.dtype());
  const Tensor x = input.contiguous();
  Tensor out = Tensor::make(with_spatial_2d(input.shape(), g.h.out, g.w.out), input.dtype(), /*zero=*/false);
  if (input.dtype() == DType::Int64) {
    avg_pool2d_forward_kernel(x.data<int64_t>(), out.data<int64_t>(), g, options);
    return out;
  }
  avg_pool2d_forward_kernel(x.data<float>(), out.data<float>(), g, options);
  if (autograd::needs_grad({&input})) {
    autograd::set_history(std::make_shared<AvgPool2DBackward0>(input, g, options), {&input}, {&out});
  }
  return out;
}

Tensor avg_pool1d(const Tensor& input, const IntList& kernel_size, const IntList& stride, const IntList& padding,
                  bool ceil_mode, bool count_include_pad) {
  const IntList& stride_or_kernel = stride.empty() ? kernel_size : stride;
  check_dim_range(input, "avg_pool1d", 2, 4);
  check_1d("avg_pool1d", "kernel_size", kernel_size);
  check_1d("avg_pool1d", "stride", stride_or_kernel);
  check_1d("avg_pool1d", "padding", padding);
  const Tensor lifted = unsqueeze_for_1d(input);
  const Tensor out = avg_pool2d(lifted, {1, kernel_size[0]}, {1, stride_or_kernel[0]}, {0, padding[0]}, ceil_mode,
                                count_include_pad);
  return squeeze_from_1d(out);
}

Tensor avg_pool2d_backward(const Tensor& grad_output, const Tensor& input, const IntList& kernel_size,
                           const IntList& stride, const IntList& padding, bool ceil_mode, bool count_include_pad,
                           std::optional<int64_t> divisor_override) {
  const Pool2dGeometry g = avg_pool2d_geometry(input, kernel_size, stride, padding, ceil_mode, divisor_override);
  check_pooled_shape(grad_output, input, g.h.out, g.w.out);
  return backward_impl(grad_output, input.shape(), g, AvgPoolOptions{count_include_pad, divisor_override});
}

}  // namespace lesson::nn
