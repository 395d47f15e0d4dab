#include "nn/conv.hpp"

#include <memory>
#include <sstream>

#include "autograd/graph.hpp"
#include "autograd/ops_shape.hpp"
#include "autograd/saved_tensor.hpp"
#include "core/errors.hpp"
#include "nn/conv_kernel.hpp"

namespace lesson::nn {

namespace {

// c10's name for a dtype in "Input type (float) and bias type (long int)".
const char* cpp_type_name(tensor::DType d) {
  switch (d) {
    case tensor::DType::Float32: return "float";
    case tensor::DType::Int64: return "long int";
    case tensor::DType::Bool: return "bool";
  }
  return "float";
}

// ScalarType's name in "expected scalar type Float but found Long".
const char* scalar_type_name(tensor::DType d) {
  switch (d) {
    case tensor::DType::Float32: return "Float";
    case tensor::DType::Int64: return "Long";
    case tensor::DType::Bool: return "Bool";
  }
  return "Float";
}

std::string list_str(const ConvIntList& v) { return tensor::shape_str(v); }

// expand_param_if_needed: one value for every spatial dim.
ConvIntList expand_param(const ConvIntList& v, const char* name, std::int64_t dims) {
  if (v.size() == 1) return ConvIntList(static_cast<std::size_t>(dims), v[0]);
  if (static_cast<std::int64_t>(v.size()) != dims) {
    throw_runtime_error(std::string("expected ") + name + " to be a single integer value or a list of " +
                        std::to_string(dims) + " values to match the convolution dimensions, but got " + name +
                        "=" + list_str(v));
  }
  return v;
}

// The Python binding turns an int into one value per spatial dim.
ConvIntList python_expand(const ConvIntList& v, std::int64_t dims) {
  return v.size() == 1 ? ConvIntList(static_cast<std::size_t>(dims), v[0]) : v;
}

struct ConvParams {
  ConvIntList stride, padding, dilation, padding_end;  // padding_end: extra padding at the end ('same')
  std::int64_t groups = 1;
};

// ATen's _convolution checks (check_shape_forward and the backend's dtype
// check), in their order.
void check_convolution(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvParams& p) {
  const std::int64_t k = input.dim();
  const tensor::Shape& ws = weight.shape();
  const auto weight_dim = static_cast<std::int64_t>(ws.size());
  for (auto v : p.padding) {
    if (v < 0) throw_runtime_error("negative padding is not supported");
  }
  for (auto v : p.stride) {
    if (v <= 0) throw_runtime_error("non-positive stride is not supported");
  }
  for (auto v : p.dilation) {
    if (v <= 0) throw_runtime_error("dilation should be greater than zero, but got " + list_str(p.dilation));
  }
  if (weight_dim != k) {
    std::ostringstream ss;
    ss << "Expected " << weight_dim << "-dimensional input for " << weight_dim << "-dimensional weight "
       << tensor::shape_str(ws) << ", but got " << k << "-dimensional input of size "
       << tensor::shape_str(input.shape()) << " instead";
    throw_runtime_error(ss.str());
  }
  const std::int64_t g = p.groups;
  if (ws[0] < g) {
    throw_runtime_error("Given groups=" + std::to_string(g) + ", expected weight to be at least " +
                        std::to_string(g) + " at dimension 0, but got weight of size " + tensor::shape_str(ws) +
                        " instead");
  }
  if (ws[0] % g != 0) {
    throw_runtime_error("Given groups=" + std::to_string(g) + ", expected weight to be divisible by " +
                        std::to_string(g) + " at dimension 0, but got weight of size [" + tensor::shape_str(ws) +
                        "] instead");
  }
  if (input.shape()[1] != ws[1] * g) {
    std::ostringstream ss;
    ss << "Given groups=" << g << ", weight of size " << tensor::shape_str(ws) << ", expected input"
       << tensor::shape_str(input.shape()) << " to have " << ws[1] * g << " channels, but got "
       << input.shape()[1] << " channels instead";
    throw_runtime_error(ss.str());
  }
  if (bias.defined() && !(bias.dim() == 1 && bias.shape()[0] == ws[0])) {
    std::ostringstream ss;
    ss << "Given weight of size " << tensor::shape_str(ws) << ", expected bias to be 1-dimensional with "
       << ws[0] << " elements, but got bias of size " << tensor::shape_str(bias.shape()) << " instead";
    throw_runtime_error(ss.str());
  }
  bool kernel_ok = true;
  std::string in_s, k_s;
  for (std::int64_t i = 2; i < k; ++i) {
    const std::size_t s = static_cast<std::size_t>(i - 2);
    // 'same' with an odd total padding: PyTorch pads the input by the extra
    // row first, so it counts here.
    const std::int64_t padded = input.shape()[i] + 2 * p.padding[s] + p.padding_end[s];
    const std::int64_t kernel = p.dilation[s] * (ws[i] - 1) + 1;
    if (padded < kernel) kernel_ok = false;
    const char* sep = i == 2 ? "" : " x ";
    in_s += sep + std::to_string(padded);
    k_s += sep + std::to_string(kernel);
  }
  if (!kernel_ok) {
    throw_runtime_error("Calculated padded input size per channel: (" + in_s + "). Kernel size: (" + k_s +
                        "). Kernel size can't be greater than actual input size");
  }
  if (input.dtype() == tensor::DType::Bool) {
    throw_runtime_error("\"slow_conv2d_cpu\" not implemented for 'Bool'");
  }
  if (weight.dtype() != input.dtype()) {
    throw_runtime_error(std::string("expected scalar type ") + scalar_type_name(input.dtype()) + " but found " +
                        scalar_type_name(weight.dtype()));
  }
  if (input.dtype() != tensor::DType::Float32) {
    // PyTorch convolves int64 tensors too; lessons only need float32.
    throw_runtime_error("\"slow_conv2d_cpu\" is only implemented for Float here");
  }
  if (bias.defined() && bias.dtype() != input.dtype()) {
    throw_runtime_error(std::string("expected scalar type ") + scalar_type_name(input.dtype()) + " but found " +
                        scalar_type_name(bias.dtype()));
  }
}

kernels::ConvGeometry geometry(const tensor::Shape& in, const tensor::Shape& ws, const ConvParams& p) {
  kernels::ConvGeometry g;
  const bool two_d = in.size() == 4;
  g.batch = in[0];
  g.in_channels = in[1];
  g.out_channels = ws[0];
  g.groups = p.groups;
  // A 1-D convolution is a 2-D one over rows of height 1.
  const std::size_t w = two_d ? 1 : 0;
  if (two_d) {
    g.in_h = in[2];
    g.kernel_h = ws[2];
    g.stride_h = p.stride[0];
    g.pad_h = p.padding[0];
    g.dilation_h = p.dilation[0];
    g.out_h = (g.in_h + 2 * g.pad_h + p.padding_end[0] - g.dilation_h * (g.kernel_h - 1) - 1) / g.stride_h + 1;
  }
  g.in_w = in[2 + w];
  g.kernel_w = ws[2 + w];
  g.stride_w = p.stride[w];
  g.pad_w = p.padding[w];
  g.dilation_w = p.dilation[w];
  g.out_w = (g.in_w + 2 * g.pad_w + p.padding_end[w] - g.dilation_w * (g.kernel_w - 1) - 1) / g.stride_w + 1;
  return g;
}

tensor::Shape output_shape(const kernels::ConvGeometry& g, bool two_d) {
  if (two_d) return {g.batch, g.out_channels, g.out_h, g.out_w};
  return {g.batch, g.out_channels, g.out_w};
}

ConvGradients backward_impl(const Tensor& grad_output, const Tensor& input, const Tensor& weight,
                            const ConvParams& p, std::array<bool, 3> mask) {
  const Tensor x = input.contiguous();
  const Tensor w = weight.contiguous();
  const Tensor gy = grad_output.contiguous();
  const kernels::ConvGeometry g = geometry(x.shape(), w.shape(), p);
  ConvGradients out;
  if (mask[0]) out.input = Tensor::make(x.shape(), tensor::DType::Float32, false);
  if (mask[1]) out.weight = Tensor::make(w.shape(), tensor::DType::Float32, false);
  if (mask[2]) out.bias = Tensor::make({g.out_channels}, tensor::DType::Float32, false);
  kernels::conv2d_backward(gy.data<float>(), x.data<float>(), w.data<float>(),
                           mask[0] ? out.input.data<float>() : nullptr, mask[1] ? out.weight.data<float>() : nullptr,
                           mask[2] ? out.bias.data<float>() : nullptr, g);
  return out;
}

class ConvolutionBackward0 final : public autograd::Node {
 public:
  ConvolutionBackward0(const Tensor& input, const Tensor& weight, ConvParams params)
      : input_(input), weight_(weight), params_(std::move(params)) {}

  std::string name() const override { return "ConvolutionBackward0"; }

  autograd::TensorList apply(autograd::TensorList&& grads) override {
    const Tensor input = input_.unpack();
    const Tensor weight = weight_.unpack();
    if (grads.empty() || !grads[0].defined()) return {Tensor(), Tensor(), Tensor()};
    const std::array<bool, 3> mask{next_edges[0].valid(), next_edges[1].valid(), next_edges[2].valid()};
    ConvGradients g = backward_impl(grads[0], input, weight, params_, mask);
    return {g.input, g.weight, g.bias};
  }

  void release_variables() override {
    input_.release();
    weight_.release();
  }

 private:
  autograd::SavedTensor input_, weight_;
  ConvParams params_;
};

Tensor convolution_impl(const Tensor& input, const Tensor& weight, const Tensor& bias, ConvParams p) {
  const std::int64_t dims = weight.dim() - 2;
  if (dims <= 0) throw_runtime_error("weight should have at least three dimensions");
  if (p.groups <= 0) throw_runtime_error("non-positive groups is not supported");
  p.stride = expand_param(p.stride, "stride", dims);
  p.padding = expand_param(p.padding, "padding", dims);
  p.dilation = expand_param(p.dilation, "dilation", dims);
  if (p.padding_end.empty()) p.padding_end.assign(static_cast<std::size_t>(dims), 0);
  check_convolution(input, weight, bias, p);
  if (dims > 2) throw_runtime_error("convolution: only 1-D and 2-D convolutions are implemented");

  const Tensor x = input.contiguous();
  const Tensor w = weight.contiguous();
  const Tensor b = bias.defined() ? bias.contiguous() : Tensor();
  const kernels::ConvGeometry g = geometry(x.shape(), w.shape(), p);
  Tensor out = Tensor::make(output_shape(g, dims == 2), tensor::DType::Float32, false);
  kernels::conv2d_forward(x.data<float>(), w.data<float>(), b.defined() ? b.data<float>() : nullptr,
                          out.data<float>(), g);
  if (autograd::needs_grad({&input, &weight, &bias})) {
    auto node = std::make_shared<ConvolutionBackward0>(input, weight, p);
    autograd::set_history(node, {&input, &weight, &bias}, {&out});
  }
  return out;
}

// convolution_same: 'same' padding for unit strides; an odd total padding
// puts the extra row / column at the end (PyTorch pads the input by it).
Tensor convolution_same(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvIntList& stride,
                        const ConvIntList& dilation, std::int64_t groups) {
  const std::int64_t k = weight.dim();
  if (k <= 2) throw_runtime_error("weight should have at least three dimensions");
  const std::int64_t dims = k - 2;
  if (k != input.dim()) {
    std::ostringstream ss;
    ss << "Expected " << k << "-dimensional input for " << k << "-dimensional weight"
       << tensor::shape_str(weight.shape()) << ", but got " << input.dim() << "-dimensional input of size "
       << tensor::shape_str(input.shape()) << " instead";
    throw_runtime_error(ss.str());
  }
  if (!(static_cast<std::int64_t>(stride.size()) == dims || stride.size() == 1)) {
    throw_runtime_error("stride cannot broadcast to " + std::to_string(dims) + " dimensions");
  }
  if (!(static_cast<std::int64_t>(dilation.size()) == dims || dilation.size() == 1)) {
    throw_runtime_error("dilation cannot broadcast to " + std::to_string(dims) + " dimensions");
  }
  for (auto s : stride) {
    if (s != 1) throw_runtime_error("padding='same' is not supported for strided convolutions");
  }
  ConvParams p;
  p.stride = stride;
  p.dilation = dilation;
  p.groups = groups;
  for (std::int64_t i = 0; i < dims; ++i) {
    const std::int64_t d = dilation.size() == 1 ? dilation[0] : dilation[static_cast<std::size_t>(i)];
    const std::int64_t total = d * (weight.shape()[static_cast<std::size_t>(i + 2)] - 1);
    const std::int64_t left = total / 2;
    p.padding.push_back(left);
    p.padding_end.push_back(total - 2 * left);
  }
  return convolution_impl(input, weight, bias, p);
}

// conv1d / conv2d: batchify, then the padding mode, then unbatchify.
Tensor conv_nd(const char* name, std::int64_t spatial, const Tensor& input, const Tensor& weight,
               const Tensor& bias, const ConvIntList& stride, const ConvPadding& padding,
               const ConvIntList& dilation, std::int64_t groups) {
  if (!padding.is_string && bias.defined() && bias.dtype() != input.dtype()) {
    throw_runtime_error(std::string("Input type (") + cpp_type_name(input.dtype()) + ") and bias type (" +
                        cpp_type_name(bias.dtype()) + ") should be the same");
  }
  const std::int64_t dim = input.dim();
  if (dim != spatial + 1 && dim != spatial + 2) {
    throw_runtime_error("Expected " + std::to_string(spatial + 1) + "D (unbatched) or " +
                        std::to_string(spatial + 2) + "D (batched) input to " + name +
                        ", but got input of size: " + tensor::shape_str(input.shape()));
  }
  const bool batched = dim == spatial + 2;
  const Tensor x = batched ? input : autograd::unsqueeze(input, 0);
  const ConvIntList s = python_expand(stride, spatial);
  const ConvIntList d = python_expand(dilation, spatial);
  Tensor out;
  if (padding.is_string) {
    if (padding.text == "same") {
      out = convolution_same(x, weight, bias, s, d, groups);
    } else if (padding.text == "valid") {
      ConvParams p{s, {0}, d, {}, groups};
      out = convolution_impl(x, weight, bias, p);
    } else {
      throw_runtime_error("Invalid padding string: '" + padding.text + "'");
    }
  } else {
    ConvParams p{s, python_expand(padding.values, spatial), d, {}, groups};
    out = convolution_impl(x, weight, bias, p);
  }
  return batched ? out : autograd::squeeze(out, 0);
}

}  // namespace

Tensor conv2d(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvIntList& stride,
              const ConvPadding& padding, const ConvIntList& dilation, std::int64_t groups) {
  return conv_nd("conv2d", 2, input, weight, bias, stride, padding, dilation, groups);
}

Tensor conv1d(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvIntList& stride,
              const ConvPadding& padding, const ConvIntList& dilation, std::int64_t groups) {
  return conv_nd("conv1d", 1, input, weight, bias, stride, padding, dilation, groups);
}

Tensor convolution(const Tensor& input, const Tensor& weight, const Tensor& bias, const ConvIntList& stride,
                   const ConvIntList& padding, const ConvIntList& dilation, std::int64_t groups) {
  ConvParams p{stride, padding, dilation, {}, groups};
  return convolution_impl(input, weight, bias, p);
}

ConvGradients convolution_backward(const Tensor& grad_output, const Tensor& input, const Tensor& weight,
                                   const ConvIntList& stride, const ConvIntList& padding,
                                   const ConvIntList& dilation, std::int64_t groups, std::array<bool, 3> mask) {
  const std::int64_t dims = weight.dim() - 2;
  ConvParams p{expand_param(stride, "stride", dims), expand_param(padding, "padding", dims),
               expand_param(dilation, "dilation", dims), ConvIntList(static_cast<std::size_t>(dims), 0), groups};
  return backward_impl(grad_output, input, weight, p, mask);
}

}  // namespace lesson::nn
