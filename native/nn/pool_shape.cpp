#include "nn/pool_shape.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "core/errors.hpp"

namespace lesson::nn {

namespace {

using std::int64_t;
using std::to_string;

// Python's // (PyTorch's div_rtn): rounds toward negative infinity.
int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// max_pool2d's safe_downcast<int, int64_t>.
int64_t to_int32_checked(int64_t v) {
  if (v < std::numeric_limits<std::int32_t>::min() || v > std::numeric_limits<std::int32_t>::max()) {
    throw_runtime_error("integer out of range");
  }
  return v;
}

// avg_pool2d passes its int64 arguments to pool2d_shape_check's int
// parameters: values wrap to 32 bits there, in the checks and the messages.
int64_t wrap_int32(int64_t v) { return static_cast<std::int32_t>(static_cast<std::uint32_t>(v)); }

std::string sizes_str(const Tensor& t) { return tensor::shape_str(t.shape()); }

// pool2d_shape_check (Pool.h), contiguous layout.
void pool2d_shape_check(const Tensor& input, int64_t kH, int64_t kW, int64_t dH, int64_t dW,
                        int64_t padH, int64_t padW, int64_t dilationH, int64_t dilationW,
                        int64_t planes, int64_t inH, int64_t inW, int64_t outH, int64_t outW) {
  const int64_t ndim = input.dim();
  if (!(kW > 0 && kH > 0)) {
    throw_runtime_error("kernel size should be greater than zero, but got kH: " + to_string(kH) +
                        " kW: " + to_string(kW));
  }
  if (!(dW > 0 && dH > 0)) {
    throw_runtime_error("stride should be greater than zero, but got dH: " + to_string(dH) +
                        " dW: " + to_string(dW));
  }
  if (!(dilationH > 0 && dilationW > 0)) {
    throw_runtime_error("dilation should be greater than zero, but got dilationH: " +
                        to_string(dilationH) + " dilationW: " + to_string(dilationW));
  }
  const auto& s = input.shape();
  const bool valid_dims = ndim >= 3 && s[1] != 0 && s[2] != 0;
  if (!((ndim == 3 && s[0] != 0 && valid_dims) || (ndim == 4 && valid_dims && s[3] != 0))) {
    throw_runtime_error(
        "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:" +
        sizes_str(input));
  }
  if (!(kW / 2 >= padW && kH / 2 >= padH)) {
    throw_runtime_error("pad should be smaller than or equal to half of kernel size, but got padW = " +
                        to_string(padW) + ", padH = " + to_string(padH) + ", kW = " + to_string(kW) +
                        ", kH = " + to_string(kH));
  }
  if (!(outW >= 1 && outH >= 1)) {
    throw_runtime_error("Given input size: (" + to_string(planes) + "x" + to_string(inH) + "x" +
                        to_string(inW) + "). Calculated output size: (" + to_string(planes) + "x" +
                        to_string(outH) + "x" + to_string(outW) + "). Output size is too small");
  }
}

int64_t planes_of(const Tensor& input) {
  // Batch and channels folded together: every plane is H x W contiguous.
  int64_t planes = 1;
  for (int64_t d = 0; d + 2 < input.dim(); ++d) planes *= input.shape()[static_cast<std::size_t>(d)];
  return planes;
}

}  // namespace

int64_t pooling_output_size(int64_t in, int64_t kernel, int64_t pad, int64_t stride, int64_t dilation,
                            bool ceil_mode) {
  if (stride == 0) throw_runtime_error("stride should not be zero");
  if (pad < 0) throw_runtime_error("pad must be non-negative, but got pad: " + to_string(pad));
  if (pad > kernel / 2) {
    throw_runtime_error("pad should be at most half of kernel size, but got pad=" + to_string(pad) +
                        " and kernel_size=" + to_string(kernel));
  }
  int64_t out =
      floor_div(in + 2 * pad - dilation * (kernel - 1) - 1 + (ceil_mode ? stride - 1 : 0), stride) + 1;
  // The last window must start inside the input or the left padding.
  if (ceil_mode && (out - 1) * stride >= in + pad) --out;
  return out;
}

Pool2dGeometry max_pool2d_geometry(const Tensor& input, const IntList& kernel_size, const IntList& stride,
                                   const IntList& padding, const IntList& dilation, bool ceil_mode) {
  if (kernel_size.size() != 1 && kernel_size.size() != 2) {
    throw_runtime_error("max_pool2d: kernel_size must either be a single int, or a tuple of two ints");
  }
  const int64_t kH = to_int32_checked(kernel_size[0]);
  const int64_t kW = kernel_size.size() == 1 ? kH : to_int32_checked(kernel_size[1]);
  if (stride.size() > 2) {
    throw_runtime_error("max_pool2d: stride must either be omitted, a single int, or a tuple of two ints");
  }
  const int64_t dH = stride.empty() ? kH : to_int32_checked(stride[0]);
  const int64_t dW = stride.empty() ? kW : stride.size() == 1 ? dH : to_int32_checked(stride[1]);
  if (padding.size() != 1 && padding.size() != 2) {
    throw_runtime_error("max_pool2d: padding must be either be a single int, or a tuple of two ints");
  }
  const int64_t padH = to_int32_checked(padding[0]);
  const int64_t padW = padding.size() == 1 ? padH : to_int32_checked(padding[1]);
  if (dilation.size() != 1 && dilation.size() != 2) {
    throw_runtime_error("max_pool2d: dilation must be either a single int, or a tuple of two ints");
  }
  const int64_t dilH = to_int32_checked(dilation[0]);
  const int64_t dilW = dilation.size() == 1 ? dilH : to_int32_checked(dilation[1]);
  if (input.dim() != 3 && input.dim() != 4) {
    throw_runtime_error("non-empty 3D or 4D (batch mode) tensor expected for input");
  }
  const int64_t planes_shown = input.size(-3);
  const int64_t inH = input.size(-2);
  const int64_t inW = input.size(-1);
  const int64_t outH = pooling_output_size(inH, kH, padH, dH, dilH, ceil_mode);
  const int64_t outW = pooling_output_size(inW, kW, padW, dW, dilW, ceil_mode);
  pool2d_shape_check(input, kH, kW, dH, dW, padH, padW, dilH, dilW, planes_shown, inH, inW, outH, outW);
  Pool2dGeometry g;
  g.planes = planes_of(input);
  g.h = PoolAxis{inH, outH, kH, dH, padH, dilH};
  g.w = PoolAxis{inW, outW, kW, dW, padW, dilW};
  return g;
}

Pool2dGeometry avg_pool2d_geometry(const Tensor& input, const IntList& kernel_size, const IntList& stride,
                                   const IntList& padding, bool ceil_mode,
                                   std::optional<int64_t> divisor_override) {
  if (kernel_size.size() != 1 && kernel_size.size() != 2) {
    throw_runtime_error("avg_pool2d: kernel_size must either be a single int, or a tuple of two ints");
  }
  const int64_t kH = kernel_size[0];
  const int64_t kW = kernel_size.size() == 1 ? kH : kernel_size[1];
  if (stride.size() > 2) {
    throw_runtime_error("avg_pool2d: stride must either be omitted, a single int, or a tuple of two ints");
  }
  const int64_t dH = stride.empty() ? kH : stride[0];
  const int64_t dW = stride.empty() ? kW : stride.size() == 1 ? dH : stride[1];
  if (padding.size() != 1 && padding.size() != 2) {
    throw_runtime_error("avg_pool2d: padding must either be a single int, or a tuple of two ints");
  }
  const int64_t padH = padding[0];
  const int64_t padW = padding.size() == 1 ? padH : padding[1];
  if (divisor_override.has_value() && *divisor_override == 0) {
    throw_runtime_error("divisor must be not zero");
  }
  const int64_t planes_shown = size_at(input, -3);
  const int64_t inH = size_at(input, -2);
  const int64_t inW = size_at(input, -1);
  const int64_t outH = pooling_output_size(inH, kH, padH, dH, 1, ceil_mode);
  const int64_t outW = pooling_output_size(inW, kW, padW, dW, 1, ceil_mode);
  pool2d_shape_check(input, wrap_int32(kH), wrap_int32(kW), wrap_int32(dH), wrap_int32(dW),
                     wrap_int32(padH), wrap_int32(padW), 1, 1, planes_shown, inH, inW, outH, outW);
  Pool2dGeometry g;
  g.planes = planes_of(input);
  g.h = PoolAxis{inH, outH, kH, dH, padH, 1};
  g.w = PoolAxis{inW, outW, kW, dW, padW, 1};
  return g;
}

void check_max_pool1d_input(const Tensor& input) {
  const auto& s = input.shape();
  const int64_t ndim = input.dim();
  if (!((ndim == 2 && s[0] != 0 && s[1] != 0) || (ndim == 3 && s[1] != 0 && s[2] != 0))) {
    throw_runtime_error(
        "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, "
        "but got:" +
        sizes_str(input));
  }
}

int64_t check_max_pool1d(const Tensor& input, const IntList& kernel_size, const IntList& stride,
                         const IntList& padding, const IntList& dilation, bool ceil_mode) {
  if (input.dim() != 2 && input.dim() != 3) {
    throw_runtime_error("max_pool1d() Expected 2D or 3D input tensor, but got " + sizes_str(input));
  }
  if (kernel_size.size() != 1) {
    throw_runtime_error(
        "max_pool1d() kernel_size must be an int, list of ints or tuple of ints of size 1 but got size " +
        to_string(kernel_size.size()));
  }
  if (stride.size() > 1) {
    throw_runtime_error(
        "max_pool1d() stride must be None, an int, list of ints, or tuple of ints of size 1 but got size " +
        to_string(stride.size()));
  }
  if (padding.size() != 1) {
    throw_runtime_error(
        "max_pool1d() padding must be an int, list of ints, or tuple of ints of size 1 but got size " +
        to_string(padding.size()));
  }
  if (dilation.size() != 1) {
    throw_runtime_error(
        "max_pool1d() dilation must be an int, list of ints or tuple of ints of size 1 but got size " +
        to_string(dilation.size()));
  }
  const int64_t k = kernel_size[0];
  const int64_t s = stride.empty() ? k : stride[0];
  const int64_t p = padding[0];
  const int64_t d = dilation[0];
  if (k <= 0) throw_runtime_error("max_pool1d() kernel_size must be greater than zero, but got " + to_string(k));
  if (s <= 0) throw_runtime_error("max_pool1d() stride must be greater than zero, but got " + to_string(s));
  if (p < 0) throw_runtime_error("max_pool1d() padding must be non-negative, but got " + to_string(p));
  if (p > k / 2) {
    throw_runtime_error("max_pool1d() padding should be at most half of kernel size, but got padding=" +
                        to_string(p) + " and kernel_size=" + to_string(k));
  }
  if (d <= 0) throw_runtime_error("max_pool1d() dilation must be greater than zero, but got " + to_string(d));
  const int64_t out = pooling_output_size(input.size(-1), k, p, s, d, ceil_mode);
  if (out < 0) throw_runtime_error("max_pool1d() Invalid computed output size: " + to_string(out));
  return out;
}

void check_dim_range(const Tensor& input, const char* function, int64_t min_dim, int64_t max_dim) {
  const int64_t ndim = input.dim();
  if (ndim < min_dim || ndim >= max_dim) {
    throw_runtime_error("Expected " + to_string(min_dim) + " to " + to_string(max_dim - 1) +
                        " dimensions, but got " + to_string(ndim) +
                        "-dimensional tensor for argument #1 'self' (while checking arguments for " +
                        function + ")");
  }
}

void check_1d(const char* function, const char* argument, const IntList& values) {
  if (values.size() != 1) {
    throw_runtime_error(std::string(function) + "() argument '" + argument + "' should contain one int (got " +
                        to_string(values.size()) + ")");
  }
}

void check_dim_size(const Tensor& t, int64_t dim, int64_t dim_index, int64_t size) {
  const bool has_dim = dim_index >= 0 && dim_index < t.dim();
  if (t.dim() == dim && has_dim && t.shape()[static_cast<std::size_t>(dim_index)] == size) return;
  throw_runtime_error("Expected a tensor of dimension " + to_string(dim) + " and tensor.size[" +
                      to_string(dim_index) + "] == " + to_string(size) + " but got: dimension " +
                      to_string(t.dim()) + " and tensor.size[" + to_string(dim_index) + "] = " +
                      (has_dim ? to_string(t.shape()[static_cast<std::size_t>(dim_index)]) : "?"));
}

void check_pooled_shape(const Tensor& t, const Tensor& input, int64_t out_h, int64_t out_w) {
  const int64_t ndim = input.dim();
  check_dim_size(t, ndim, ndim - 3, input.size(-3));
  check_dim_size(t, ndim, ndim - 2, out_h);
  check_dim_size(t, ndim, ndim - 1, out_w);
}

void throw_not_implemented_for(const char* op, tensor::DType dtype) {
  const char* name = dtype == tensor::DType::Int64 ? "Long" : dtype == tensor::DType::Bool ? "Bool" : "Float";
  throw_runtime_error(std::string("\"") + op + "\" not implemented for '" + name + "'");
}

int64_t size_at(const Tensor& input, int64_t dim) {
  if (input.dim() == 0) {
    throw_index_error("Dimension specified as " + to_string(dim) + " but tensor has no dimensions");
  }
  return input.size(dim);
}

tensor::Shape with_spatial_2d(const tensor::Shape& shape, int64_t h, int64_t w) {
  tensor::Shape out = shape;
  out[out.size() - 2] = h;
  out[out.size() - 1] = w;
  return out;
}

AxisInterior interior_outputs(const PoolAxis& a) {
  // o * stride - pad >= 0  and  o * stride - pad + (kernel-1)*dilation <= in-1.
  const int64_t lo = std::min((a.pad + a.stride - 1) / a.stride, a.out);
  const int64_t last = a.in - 1 + a.pad - (a.kernel - 1) * a.dilation;
  const int64_t hi = last < 0 ? 0 : std::min(last / a.stride + 1, a.out);
  return {lo, std::max(lo, hi)};
}

}  // namespace lesson::nn
