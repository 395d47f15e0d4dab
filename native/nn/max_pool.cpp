#include "nn/max_pool.hpp"

#include <memory>
#include <string>

#include "autograd/graph.hpp"
#include "autograd/saved_tensor.hpp"
#include "core/errors.hpp"
#include "nn/max_pool_kernel.hpp"
#include "nn/pool_1d.hpp"
#include "tensor/views.hpp"

namespace lesson::nn {

namespace {

using autograd::SavedTensor;
using autograd::TensorList;
using std::int64_t;
using tensor::DType;

Tensor backward_from_indices(const Tensor& grad_output, const tensor::Shape& input_shape, const Tensor& indices,
                             const Pool2dGeometry& g) {
  const Tensor go = grad_output.to_dtype(DType::Float32).contiguous();
  const Tensor ix = indices.contiguous();
  Tensor grad_input = Tensor::make(input_shape, DType::Float32, /*zero=*/false);
  max_pool2d_backward_kernel(go.data<float>(), ix.data<int64_t>(), grad_input.data<float>(), g);
  return grad_input;
}

// Saves the input (only for its shape, but saving it is what makes PyTorch
// report an in-place change to it) and the indices.
class MaxPool2DWithIndicesBackward0 final : public autograd::Node {
 public:
  MaxPool2DWithIndicesBackward0(const Tensor& self, const Tensor& indices, const Pool2dGeometry& g)
      : self_(self), indices_(indices), geometry_(g) {}
  std::string name() const override { return "MaxPool2DWithIndicesBackward0"; }
  TensorList apply(TensorList&& grads) override {
    if (!grads[0].defined()) return {Tensor()};
    const Tensor self = self_.unpack();
    const Tensor indices = indices_.unpack();
    return {backward_from_indices(grads[0], self.shape(), indices, geometry_)};
  }
  void release_variables() override {
    self_.release();
    indices_.release();
  }

 private:
  SavedTensor self_;
  SavedTensor indices_;
  Pool2dGeometry geometry_;
};

// The 2-D forward once the arguments are checked. Indices are computed only
// when returned or needed for backward.
PoolWithIndices forward_2d(const Tensor& input, const Pool2dGeometry& g, bool want_indices) {
  if (input.dtype() != DType::Float32) throw_not_implemented_for("max_pool2d", input.dtype());
  const bool record = autograd::needs_grad({&input});
  const Tensor x = input.contiguous();
  const tensor::Shape out_shape = with_spatial_2d(input.shape(), g.h.out, g.w.out);
  Tensor out = Tensor::make(out_shape, DType::Float32, /*zero=*/false);
  Tensor indices;
  if (want_indices || record) indices = Tensor::make(out_shape, DType::Int64, /*zero=*/false);
  max_pool2d_forward_kernel(x.data<float>(), out.data<float>(),
                            indices.defined() ? indices.data<int64_t>() : nullptr, g);
  if (record) {
    autograd::set_history(std::make_shared<MaxPool2DWithIndicesBackward0>(input, indices, g), {&input},
                          {&out});
  }
  return {out, want_indices ? indices : Tensor()};
}

}  // namespace

Tensor max_pool2d(const Tensor& input, const IntList& kernel_size, const IntList& stride,
                  const IntList& padding, const IntList& dilation, bool ceil_mode) {
  const Pool2dGeometry g = max_pool2d_geometry(input, kernel_size, stride, padding, dilation, ceil_mode);
  return forward_2d(input, g, /*want_indices=*/false).output;
}

PoolWithIndices max_pool2d_with_indices(const Tensor& input, const IntList& kernel_size, const IntList& stride,
                                        const IntList& padding, const IntList& dilation, bool ceil_mode) {
  const Pool2dGeometry g = max_pool2d_geometry(input, kernel_size, stride, padding, dilation, ceil_mode);
  return forward_2d(input, g, /*want_indices=*/true);
}

Tensor max_pool1d(const Tensor& input, const IntList& kernel_size, const IntList& stride,
                  const IntList& padding, const IntList& dilation, bool ceil_mode) {
  check_max_pool1d_input(input);
  if (autograd::needs_grad({&input})) {
    return max_pool1d_with_indices(input, kernel_size, stride, padding, dilation, ceil_mode).output;
  }
  const int64_t out_len = check_max_pool1d(input, kernel_size, stride, padding, dilation, ceil_mode);
  if (input.dtype() != DType::Float32) throw_not_implemented_for("max_pool1d_impl", input.dtype());
  // The same windows as a 2-D pooling over 1 x L planes.
  const int64_t len = input.size(-1);
  Pool2dGeometry g;
  g.planes = input.numel() / len;
  g.h = PoolAxis{1, 1, 1, 1, 0, 1};
  g.w = PoolAxis{len, out_len, kernel_size[0], stride.empty() ? kernel_size[0] : stride[0], padding[0], dilation[0]};
  tensor::Shape out_shape = input.shape();
  out_shape.back() = out_len;
  const Tensor x = input.contiguous();
  Tensor out = Tensor::make(out_shape, DType::Float32, /*zero=*/false);
  max_pool2d_forward_kernel(x.data<float>(), out.data<float>(), nullptr, g);
  return out;
}

PoolWithIndices max_pool1d_with_indices(const Tensor& input, const IntList& kernel_size, const IntList& stride,
                                        const IntList& padding, const IntList& dilation, bool ceil_mode) {
  const IntList& stride_or_kernel = stride.empty() ? kernel_size : stride;
  check_dim_range(input, "max_pool1d", 2, 4);
  check_1d("max_pool1d", "kernel_size", kernel_size);
  check_1d("max_pool1d", "stride", stride_or_kernel);
  check_1d("max_pool1d", "padding", padding);
  check_1d("max_pool1d", "dilation", dilation);
  const Tensor lifted = unsqueeze_for_1d(input);
  const PoolWithIndices r = max_pool2d_with_indices(lifted, {1, kernel_size[0]}, {1, stride_or_kernel[0]},
                                                    {0, padding[0]}, {1, dilation[0]}, ceil_mode);
  return {squeeze_from_1d(r.output), tensor::squeeze(r.indices, -2)};
}

Tensor max_pool2d_backward(const Tensor& grad_output, const Tensor& input, const Tensor& indices,
                           const IntList& kernel_size, const IntList& stride, const IntList& padding,
                           const IntList& dilation, bool ceil_mode) {
  const Pool2dGeometry g = max_pool2d_geometry(input, kernel_size, stride, padding, dilation, ceil_mode);
  check_pooled_shape(grad_output, input, g.h.out, g.w.out);
  check_pooled_shape(indices, input, g.h.out, g.w.out);
  return backward_from_indices(grad_output, input.shape(), indices, g);
}

}  // namespace lesson::nn
