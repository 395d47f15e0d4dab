#include "nn/pad.hpp"

#include <algorithm>
#include <sstream>

#include "autograd/ops_util.hpp"
#include "core/errors.hpp"
#include "tensor/views.hpp"

namespace lesson::nn {

namespace {

using tensor::DType;
using tensor::Shape;
using tensor::Tensor;

// Where each output position of one padded dim reads from: an input index,
// or -1 for constant mode's fill.
using IndexMap = std::vector<std::int64_t>;

enum class Mode { Constant, Reflect, Replicate, Circular };

IndexMap axis_map(Mode mode, std::int64_t in, std::int64_t left, std::int64_t right) {
  const std::int64_t out = in + left + right;
  IndexMap map(static_cast<std::size_t>(std::max<std::int64_t>(out, 0)));
  // Circular padding copies the (possibly cropped) centre: the left pad takes
  // its last `left` elements and the right pad its first `right`.
  const std::int64_t centre_start = std::max<std::int64_t>(left, 0);
  const std::int64_t centre_len = out - centre_start - std::max<std::int64_t>(right, 0);
  const std::int64_t crop = std::max<std::int64_t>(-left, 0);
  for (std::int64_t o = 0; o < out; ++o) {
    const std::int64_t p = o - left;  // the position in the input's coordinates
    std::int64_t src = p;
    switch (mode) {
      case Mode::Constant: src = p >= 0 && p < in ? p : -1; break;
      case Mode::Reflect: src = p < 0 ? -p : (p >= in ? 2 * (in - 1) - p : p); break;
      case Mode::Replicate: src = std::clamp<std::int64_t>(p, 0, in - 1); break;
      case Mode::Circular:
        if (o < centre_start) src = o + centre_len - centre_start + crop;
        else if (o >= centre_start + centre_len) src = o - centre_start - centre_len + crop;
        else src = o - centre_start + crop;
        break;
    }
    map[static_cast<std::size_t>(o)] = src;
  }
  return map;
}

// The padded dims are the last maps.size() dims of a contiguous input.
struct PadPlan {
  Shape in_shape, out_shape;
  std::vector<IndexMap> maps;
};

// Visits every output element with the flat index of its input source
// (-1 for a constant fill).
template <typename Fn>
void for_each_source(const PadPlan& plan, Fn&& fn) {
  const std::size_t nd = plan.in_shape.size();
  const std::size_t k = plan.maps.size();
  std::int64_t outer = 1;
  for (std::size_t d = 0; d < nd - k; ++d) outer *= plan.in_shape[d];
  std::vector<std::int64_t> in_stride(k, 1);
  std::int64_t in_block = 1, out_block = 1;
  for (std::size_t j = k; j-- > 0;) {
    in_stride[j] = in_block;
    in_block *= plan.in_shape[nd - k + j];
    out_block *= plan.out_shape[nd - k + j];
  }
  if (out_block == 0) return;
  std::vector<std::int64_t> idx(k, 0);
  std::int64_t o = 0;
  for (std::int64_t b = 0; b < outer; ++b) {
    std::fill(idx.begin(), idx.end(), 0);
    for (std::int64_t e = 0; e < out_block; ++e, ++o) {
      std::int64_t src = b * in_block;
      for (std::size_t j = 0; j < k; ++j) {
        const std::int64_t s = plan.maps[j][static_cast<std::size_t>(idx[j])];
        if (s < 0) {
          src = -1;
          break;
        }
        src += s * in_stride[j];
      }
      fn(o, src);
      for (std::size_t j = k; j-- > 0;) {
        if (++idx[j] < static_cast<std::int64_t>(plan.maps[j].size())) break;
        idx[j] = 0;
      }
    }
  }
}

template <typename T>
void gather(const PadPlan& plan, const Tensor& x, Tensor& out, T fill) {
  const T* src = x.data<T>();
  T* dst = out.data<T>();
  for_each_source(plan, [&](std::int64_t o, std::int64_t s) { dst[o] = s < 0 ? fill : src[s]; });
}

Tensor pad_forward(const PadPlan& plan, const Tensor& input, double value) {
  const Tensor x = input.contiguous();
  Tensor out = Tensor::make(plan.out_shape, x.dtype(), false);
  switch (x.dtype()) {
    case DType::Float32: gather<float>(plan, x, out, static_cast<float>(value)); break;
    case DType::Int64: gather<std::int64_t>(plan, x, out, static_cast<std::int64_t>(value)); break;
    case DType::Bool: gather<bool>(plan, x, out, value != 0.0); break;
  }
  return out;
}

// The gradient of a gather: each output gradient added to its source.
Tensor pad_backward(const PadPlan& plan, const Tensor& grad) {
  const Tensor g = grad.contiguous();
  Tensor gi = Tensor::make(plan.in_shape, DType::Float32, true);
  const float* gp = g.data<float>();
  float* ip = gi.data<float>();
  for_each_source(plan, [&](std::int64_t o, std::int64_t s) {
    if (s >= 0) ip[s] += gp[o];
  });
  return gi;
}

Tensor padded(const PadPlan& plan, const Tensor& input, double value, const std::string& node) {
  Tensor out = pad_forward(plan, input, value);
  autograd::record(node, {&input}, out, {}, [plan](const Tensor& g, const std::vector<autograd::SavedTensor>&) {
    return autograd::TensorList{pad_backward(plan, g)};
  });
  return out;
}

std::string sizes_list(const Shape& s) {
  std::ostringstream os;
  os << '[';
  for (std::size_t i = 0; i < s.size(); ++i) os << (i ? ", " : "") << s[i];
  os << ']';
  return os.str();
}

// "[ torch.FloatTensor{1,0,3} ]", as PyTorch prints a tensor in a check.
std::string tensor_summary(const Tensor& t) {
  std::ostringstream os;
  os << "[ " << tensor::tensor_type_string(t.dtype()) << '{';
  for (std::size_t i = 0; i < t.shape().size(); ++i) os << (i ? "," : "") << t.shape()[i];
  os << "} ]";
  return os.str();
}

// (left, right) of padded dim j counted from the last, as F.pad lists them.
std::int64_t pad_left(const std::vector<std::int64_t>& pad, std::size_t from_last) { return pad[2 * from_last]; }
std::int64_t pad_right(const std::vector<std::int64_t>& pad, std::size_t from_last) { return pad[2 * from_last + 1]; }

PadPlan make_plan(Mode mode, const Shape& shape, const std::vector<std::int64_t>& pad) {
  PadPlan plan{shape, shape, {}};
  const std::size_t k = pad.size() / 2;
  const std::size_t nd = shape.size();
  for (std::size_t j = 0; j < k; ++j) {
    const std::size_t d = nd - k + j;
    const std::size_t from_last = k - 1 - j;
    plan.out_shape[d] = shape[d] + pad_left(pad, from_last) + pad_right(pad, from_last);
    plan.maps.push_back(axis_map(mode, shape[d], pad_left(pad, from_last), pad_right(pad, from_last)));
  }
  return plan;
}

// PyTorch's narrow() checks, as constant_pad_nd crops with it.
void check_narrow(std::int64_t start, std::int64_t length, std::int64_t size) {
  if (start != size && (start < -size || start >= size)) {
    throw_index_error("Dimension out of range (expected to be in range of [" + std::to_string(-size) + ", " +
                      std::to_string(size - 1) + "], but got " + std::to_string(start) + ")");
  }
  if (length < 0 || start > size - length) {
    throw_runtime_error("start (" + std::to_string(start) + ") + length (" + std::to_string(length) +
                        ") exceeds dimension size (" + std::to_string(size) + ").");
  }
}

Tensor constant_pad(const Tensor& input, const std::vector<std::int64_t>& pad, double value) {
  const Shape& shape = input.shape();
  const std::size_t nd = shape.size();
  const std::size_t k = pad.size() / 2;
  // Crops first, dim by dim, as narrow() calls; then sizes.
  bool all_non_positive = true;
  for (std::size_t d = nd - k; d < nd; ++d) {
    const std::size_t from_last = nd - 1 - d;
    std::int64_t size = shape[d];
    const std::int64_t l = pad_left(pad, from_last), r = pad_right(pad, from_last);
    if (l < 0) {
      check_narrow(-l, size + l, size);
      size += l;
    } else if (l != 0) {
      all_non_positive = false;
    }
    if (r < 0) {
      check_narrow(0, size + r, size);
    } else if (r != 0) {
      all_non_positive = false;
    }
  }
  if (!all_non_positive) {
    for (std::size_t d = nd - k; d < nd; ++d) {
      const std::size_t from_last = nd - 1 - d;
      const std::int64_t l = pad_left(pad, from_last), r = pad_right(pad, from_last);
      if (shape[d] + l + r <= 0) {
        throw_runtime_error("The input size " + std::to_string(shape[d]) + ", plus negative padding " +
                            std::to_string(l) + " and " + std::to_string(r) +
                            " resulted in a negative output size, which is invalid. Check dimension " +
                            std::to_string(d) + " of your input.");
      }
    }
  }
  return padded(make_plan(Mode::Constant, shape, pad), input, value, "ConstantPadNdBackward0");
}

// reflection_pad{1,2,3}d / replication_pad{1,2,3}d: PyTorch 1.13's checks
// for k padded dims (the last k), with their texts as they are (spacing
// included).
Tensor reflect_or_replicate(const Tensor& input, const std::vector<std::int64_t>& pad, bool reflect) {
  const std::size_t k = pad.size() / 2;
  const Shape& s = input.shape();
  const std::string dims = k == 1 ? "2D or 3D" : (k == 2 ? "3D or 4D" : "4D or 5D");
  bool nonzero = true;
  for (std::size_t d = 1; d < s.size(); ++d) nonzero = nonzero && s[d] != 0;
  if (!nonzero) {
    if (reflect && k < 3) throw_runtime_error(dims + " (batch mode) tensor expected for input, but got: " + tensor_summary(input));
    throw_runtime_error("Expected " + dims +
                        " (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: " +
                        sizes_list(s));
  }
  if (reflect) {
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t d = s.size() - 1 - j;
      const std::int64_t l = pad_left(pad, j), r = pad_right(pad, j);
      if (!(l < s[d] && r < s[d])) {
        throw_runtime_error("Argument #" + std::to_string(4 + 2 * j) +
                            ": Padding size should be less than the corresponding input dimension, but got: padding (" +
                            std::to_string(l) + ", " + std::to_string(r) + ") at dimension " + std::to_string(d) +
                            " of input " + (k == 2 ? std::to_string(s.size()) : sizes_list(s)));
      }
    }
  }
  // Output sizes W, H, D (from the last dim).
  std::vector<std::int64_t> in(k), out(k);
  bool all_small = true, any_negative = false;
  for (std::size_t j = 0; j < k; ++j) {
    in[j] = s[s.size() - 1 - j];
    out[j] = in[j] + pad_left(pad, j) + pad_right(pad, j);
    all_small = all_small && out[j] < 1;
    any_negative = any_negative || out[j] < 0;
  }
  const std::string w = std::to_string(in[0]), ow = std::to_string(out[0]);
  if (k == 1 && out[0] < 1) {
    throw_runtime_error((reflect ? "2input (W: " + w + ")is" : "input (W: " + w + ") is") +
                        " too small. Calculated output W: " + ow);
  }
  if (k == 2 && all_small) {
    throw_runtime_error("input (H: " + std::to_string(in[1]) + ", W: " + w + (reflect ? ")is" : " ) is") +
                        " too small. Calculated output H: " + std::to_string(out[1]) + " W: " + ow);
  }
  if (k == 3 && all_small) {
    throw_runtime_error("input (D: " + std::to_string(in[2]) + " H: " + std::to_string(in[1]) + ", W: " + w +
                        ") is too small. Calculated output D: " + std::to_string(out[2]) + " H: " +
                        std::to_string(out[1]) + " W: " + ow);
  }
  if (any_negative) {
    if (reflect && k == 2) throw_runtime_error("numel: integer multiplication overflow");
    Shape o = s;
    for (std::size_t j = 0; j < k; ++j) o[s.size() - 1 - j] = out[j];
    std::int64_t first = 0;
    for (std::int64_t v : o) if (v < 0) { first = v; break; }
    throw_runtime_error("Trying to create tensor with negative dimension " + std::to_string(first) + ": " + sizes_list(o));
  }
  if (input.dtype() != DType::Float32) {
    const std::string op = std::string(reflect ? "reflection_pad" : "replication_pad") + std::to_string(k) + "d" +
                           (reflect && k < 3 ? "" : "_cpu");
    throw_runtime_error("\"" + op + "\" not implemented for '" + (input.dtype() == DType::Int64 ? "Long" : "Bool") + "'");
  }
  const std::string node = std::string(reflect ? "ReflectionPad" : "ReplicationPad") + std::to_string(k) + "DBackward0";
  return padded(make_plan(reflect ? Mode::Reflect : Mode::Replicate, s, pad), input, 0.0, node);
}

Tensor circular_pad(const Tensor& input, const std::vector<std::int64_t>& pad) {
  const Shape& s = input.shape();
  const std::int64_t spatial = input.dim() - 2;
  if (static_cast<std::int64_t>(pad.size()) + 4 != 2 * input.dim()) {
    throw_runtime_error("Invalid padding size, expected " + std::to_string(2 * spatial) + " but got " +
                        std::to_string(pad.size()));
  }
  for (std::size_t j = static_cast<std::size_t>(spatial); j-- > 0;) {
    const std::size_t d = s.size() - 1 - j;
    const std::int64_t l = pad_left(pad, j), r = pad_right(pad, j);
    if (!(l <= s[d] && r <= s[d])) throw_runtime_error("Padding value causes wrapping around more than once.");
    if (s[d] + l + r < 0) throw_runtime_error("Negative padding value is resulting in an empty dimension");
  }
  return padded(make_plan(Mode::Circular, s, pad), input, 0.0, "CopySlices");
}

}  // namespace

Tensor pad(const Tensor& input, const std::vector<std::int64_t>& pad, const std::string& mode,
           std::optional<double> value) {
  Mode m;
  if (mode == "constant") m = Mode::Constant;
  else if (mode == "reflect") m = Mode::Reflect;
  else if (mode == "replicate") m = Mode::Replicate;
  else if (mode == "circular") m = Mode::Circular;
  else throw TorchError(ErrorKind::NotImplementedError, "Unrecognised padding mode " + mode);
  const std::int64_t nd = input.dim();
  if (pad.size() % 2 != 0) throw_runtime_error("Padding length must be divisible by 2");
  if (static_cast<std::int64_t>(pad.size()) > 2 * nd) throw_runtime_error("Padding length too large");
  if (m == Mode::Constant) return constant_pad(input, pad, value.value_or(0.0));
  if (value && *value != 0.0) throw_runtime_error("Padding mode \"" + mode + "\" doesn't take in value argument");
  const std::size_t k = pad.size() / 2;
  const bool supported = k >= 1 && k <= 3 && (nd == static_cast<std::int64_t>(k) + 1 || nd == static_cast<std::int64_t>(k) + 2);
  if (!supported) {
    throw TorchError(ErrorKind::NotImplementedError,
                     "Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now");
  }
  if (m == Mode::Circular) return circular_pad(input, pad);
  return reflect_or_replicate(input, pad, m == Mode::Reflect);
}

}  // namespace lesson::nn
