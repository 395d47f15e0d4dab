#include "nn/loss.hpp"

#include <cmath>
#include <limits>
#include <memory>
#include <sstream>
#include <vector>

#include "autograd/grad_mode.hpp"
#include "autograd/ops_arith.hpp"
#include "autograd/ops_reduce.hpp"
#include "autograd/ops_shape.hpp"
#include "autograd/ops_unary.hpp"
#include "autograd/ops_util.hpp"
#include "core/errors.hpp"
#include "nn/activation.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_binary.hpp"
#include "tensor/elementwise_unary.hpp"
#include "tensor/views.hpp"

namespace lesson::nn {

namespace {

namespace T = lesson::tensor;
using autograd::SavedTensor;
using autograd::TensorList;
using Saved = std::vector<SavedTensor>;
using tensor::Scalar;

enum class Reduction { None, Mean, Sum };

// torch.nn._reduction.get_enum.
Reduction parse_reduction(const std::string& r) {
  if (r == "none") return Reduction::None;
  if (r == "mean") return Reduction::Mean;
  if (r == "sum") return Reduction::Sum;
  throw_value_error(r + " is not a valid value for reduction");
}

const char* scalar_type_name(tensor::DType d) {
  return d == tensor::DType::Int64 ? "Long" : d == tensor::DType::Bool ? "Bool" : "Float";
}

// A double as a C++ stream prints it (TORCH_CHECK's formatting): 1.5, 2.
std::string format_number(double v) {
  std::ostringstream ss;
  ss << v;
  return ss.str();
}

// Python's repr of a torch.Size: "torch.Size([3, 4])".
std::string torch_size(const tensor::Shape& s) { return "torch.Size(" + tensor::shape_str(s) + ")"; }

// torch.broadcast_tensors(input, target), as F.mse_loss / F.l1_loss call it
// when the shapes differ.
std::pair<Tensor, Tensor> broadcast_pair(const Tensor& a, const Tensor& b) {
  if (a.shape() == b.shape()) return {a, b};
  const tensor::Shape shape = tensor::broadcast_shapes(a.shape(), b.shape());
  return {a.shape() == shape ? a : autograd::expand(a, shape), b.shape() == shape ? b : autograd::expand(b, shape)};
}

// A float32 0-d tensor holding v.
Tensor scalar_float(double v) { return tensor::scalar_tensor(Scalar(v), tensor::DType::Float32); }

// Sum of a contiguous float buffer in double, rounded once.
double sum_double(const float* p, std::int64_t n) {
  double s = 0.0;
  for (std::int64_t i = 0; i < n; ++i) s += p[i];
  return s;
}

Tensor reduce_elementwise(const Tensor& loss, Reduction r) {
  if (r == Reduction::None) return loss;
  const double s = sum_double(loss.data<float>(), loss.numel());
  if (r == Reduction::Sum) return scalar_float(s);
  return scalar_float(s / static_cast<double>(loss.numel()));
}

// ----------------------------------------------------------------- nll_loss

// Log-probabilities viewed as [N, C, S] and targets as [N, S].
struct NllLayout {
  std::int64_t n = 1, c = 1, s = 1;
};

struct NllResult {
  Tensor output;
  double total_weight = 0.0;
};

NllResult nll_forward(const Tensor& logp, const Tensor& target, const Tensor& weight, std::int64_t ignore_index,
                      Reduction r, const NllLayout& l, const tensor::Shape& none_shape) {
  const Tensor x = logp.contiguous();
  const Tensor t = target.contiguous();
  const Tensor w = weight.defined() ? weight.contiguous() : Tensor();
  const float* xp = x.data<float>();
  const std::int64_t* tp = t.data<std::int64_t>();
  const float* wp = w.defined() ? w.data<float>() : nullptr;
  NllResult res;
  Tensor none = r == Reduction::None ? Tensor::make(none_shape, tensor::DType::Float32, false) : Tensor();
  double total = 0.0;
  for (std::int64_t n = 0; n < l.n; ++n) {
    for (std::int64_t s = 0; s < l.s; ++s) {
      const std::int64_t cls = tp[n * l.s + s];
      float loss = 0.0f;
      if (cls != ignore_index) {
        if (cls < 0 || cls >= l.c) throw_index_error("Target " + std::to_string(cls) + " is out of bounds.");
        const float wc = wp ? wp[cls] : 1.0f;
        loss = -xp[(n * l.c + cls) * l.s + s] * wc;
        res.total_weight += wc;
      }
      if (none.defined()) none.data<float>()[n * l.s + s] = loss;
      total += loss;
    }
  }
  if (r == Reduction::None) {
    res.output = none;
  } else if (r == Reduction::Sum) {
    res.output = scalar_float(total);
  } else {
    // 0 / 0 (every target ignored) is nan, as in PyTorch.
    res.output = scalar_float(total / res.total_weight);
  }
  return res;
}

Tensor nll_backward(const Tensor& grad, const tensor::Shape& input_shape, const Tensor& target, const Tensor& weight,
                    std::int64_t ignore_index, Reduction r, const NllLayout& l, double total_weight) {
  const Tensor g = grad.contiguous();
  const Tensor t = target.contiguous();
  const Tensor w = weight.defined() ? weight.contiguous() : Tensor();
  Tensor gi = Tensor::make(input_shape, tensor::DType::Float32, true);
  float* gp = gi.data<float>();
  const float* gy = g.data<float>();
  const std::int64_t* tp = t.data<std::int64_t>();
  const float* wp = w.defined() ? w.data<float>() : nullptr;
  for (std::int64_t n = 0; n < l.n; ++n) {
    for (std::int64_t s = 0; s < l.s; ++s) {
      const std::int64_t cls = tp[n * l.s + s];
      if (cls == ignore_index) continue;
      const double wc = wp ? wp[cls] : 1.0;
      double up = r == Reduction::None ? gy[n * l.s + s] : gy[0];
      if (r == Reduction::Mean) up /= total_weight;
      gp[(n * l.c + cls) * l.s + s] = static_cast<float>(-wc * up);
    }
  }
  return gi;
}

// PyTorch's autograd refuses, while grad mode is on, an argument its
// function has no derivative for (class weights and pos_weight).
void check_no_requires_grad(const Tensor& t, const char* arg, const char* function) {
  if (t.defined() && t.requires_grad() && autograd::grad_enabled()) {
    throw_runtime_error(std::string("The function '") + function + "' is not differentiable with respect to argument '" +
                        arg + "'. This input cannot have requires_grad True.");
  }
}

void check_target_long(const Tensor& target) {
  if (target.dtype() != tensor::DType::Int64) {
    throw_runtime_error(std::string("expected scalar type Long but found ") + scalar_type_name(target.dtype()));
  }
}

// One nll node over [N, C, S] with PyTorch's name for it.
Tensor nll_node(const char* name, const Tensor& input, const Tensor& target, const Tensor& weight,
                std::int64_t ignore_index, Reduction r, const NllLayout& l, const tensor::Shape& none_shape) {
  const NllResult res = nll_forward(input, target, weight, ignore_index, r, l, none_shape);
  const tensor::Shape in_shape = input.shape();
  const double tw = res.total_weight;
  const Tensor w = weight;
  autograd::record(name, {&input}, res.output, {SavedTensor(target)},
                   [in_shape, w, ignore_index, r, l, tw](const Tensor& g, const Saved& s) {
                     return TensorList{nll_backward(g, in_shape, s[0].unpack(), w, ignore_index, r, l, tw)};
                   });
  return res.output;
}

Tensor nll_loss_nd(const Tensor& input, const Tensor& target, const Tensor& weight, Reduction r,
                   std::int64_t ignore_index) {
  const std::int64_t dim = input.dim();
  if (dim < 1) throw_value_error("Expected 1 or more dimensions (got " + std::to_string(dim) + ")");
  if (dim != 1 && target.dim() > 0 && input.shape()[0] != target.shape()[0]) {
    throw_value_error("Expected input batch_size (" + std::to_string(input.shape()[0]) +
                      ") to match target batch_size (" + std::to_string(target.shape()[0]) + ").");
  }
  check_no_requires_grad(weight, "weight", dim <= 2 ? "nll_loss_forward" : "nll_loss2d_forward");
  const tensor::Shape& is = input.shape();
  const tensor::Shape& ts = target.shape();
  if (dim <= 2) {
    if (target.dim() > 1) throw_runtime_error("0D or 1D target tensor expected, multi-target not supported");
    const bool no_batch = dim == 1 && target.dim() == 0;
    if (!no_batch && (target.dim() == 0 || is[0] != ts[0])) {
      throw_runtime_error("size mismatch (got input: " + tensor::shape_str(is) +
                          ", target: " + tensor::shape_str(ts) + ")");
    }
    const std::int64_t classes = is[static_cast<std::size_t>(dim - 1)];
    if (weight.defined() && !(weight.dim() == 1 && weight.numel() == classes)) {
      throw_runtime_error("weight tensor should be defined either for all " + std::to_string(classes) +
                          " classes or no classes but got weight tensor of shape: " + tensor::shape_str(weight.shape()));
    }
    check_target_long(target);
    NllLayout l{dim == 1 ? 1 : is[0], classes, 1};
    const tensor::Shape none_shape = dim == 1 ? tensor::Shape{} : tensor::Shape{is[0]};
    return nll_node("NllLossBackward0", input, target, weight, ignore_index, r, l, none_shape);
  }
  if (dim == 4) {
    if (target.dim() != 3) {
      throw_runtime_error("only batches of spatial targets supported (3D tensors) but got targets of dimension: " +
                          std::to_string(target.dim()));
    }
    if (weight.defined() && weight.numel() != is[1]) {
      throw_runtime_error("weight tensor should be defined either for all or no classes");
    }
    if (!(is[0] == ts[0] && is[2] == ts[1] && is[3] == ts[2])) {
      throw_runtime_error("size mismatch (got input: " + tensor::shape_str(is) +
                          " , target: " + tensor::shape_str(ts));
    }
    check_target_long(target);
    NllLayout l{is[0], is[1], is[2] * is[3]};
    return nll_node("NllLoss2DBackward0", input, target, weight, ignore_index, r, l, ts);
  }
  // 3-D or 5-D and more: PyTorch views the input as [N, C, 1, S] and the
  // target as [N, 1, S], and views an unreduced loss back.
  tensor::Shape out_size{is[0]};
  out_size.insert(out_size.end(), is.begin() + 2, is.end());
  if (tensor::Shape(ts.begin() + (ts.empty() ? 0 : 1), ts.end()) != tensor::Shape(is.begin() + 2, is.end()) ||
      ts.empty()) {
    throw_runtime_error("Expected target size " + tensor::shape_str(out_size) + ", got " + tensor::shape_str(ts));
  }
  if (weight.defined() && weight.numel() != is[1]) {
    throw_runtime_error("weight tensor should be defined either for all or no classes");
  }
  check_target_long(target);
  NllLayout l{is[0], is[1], tensor::numel_of(out_size) / std::max<std::int64_t>(is[0], 1)};
  if (is[0] == 0) l.s = 0;
  const Tensor out = nll_node("NllLoss2DBackward0", input, target, weight, ignore_index, r, l,
                              tensor::Shape{is[0], 1, l.s});
  return r == Reduction::None ? autograd::view(out, out_size) : out;
}

// ----------------------------------------------------------------- cross_entropy

// weight viewed to broadcast along the class dim: [C] or [1, C, 1, ...].
Tensor class_weight_view(const Tensor& weight, std::int64_t dim, std::int64_t class_dim) {
  tensor::Shape shape(static_cast<std::size_t>(dim), 1);
  shape[static_cast<std::size_t>(class_dim)] = weight.numel();
  return autograd::reshape(weight, shape);
}

// x / n for a number n: DivBackward1 (PyTorch's Tensor / Scalar).
Tensor div_scalar(const Tensor& x, double n) {
  Tensor out = T::div(x, Scalar(n));
  autograd::record("DivBackward1", {&x}, out, {}, [n](const Tensor& g, const Saved&) {
    return TensorList{T::div(g, Scalar(n))};
  });
  return out;
}

Tensor cross_entropy_prob_target(const Tensor& input, const Tensor& target_in, const Tensor& weight, Reduction r,
                                 double label_smoothing) {
  const std::int64_t class_dim = input.dim() == 1 ? 0 : 1;
  const std::int64_t classes = input.shape()[static_cast<std::size_t>(class_dim)];
  if (weight.defined() && !(weight.dim() == 1 && weight.numel() == classes)) {
    throw_runtime_error("cross_entropy: weight tensor should be defined either for all " + std::to_string(classes) +
                        " classes or no classes but got weight tensor of shape: " + tensor::shape_str(weight.shape()));
  }
  const Tensor lp = log_softmax(input, class_dim);
  Tensor target = target_in;
  if (label_smoothing > 0.0) {
    if (label_smoothing > 1.0) {
      throw_runtime_error("label_smoothing must be between 0.0 and 1.0. Got: " +
                          format_number(label_smoothing));
    }
    target = autograd::add(autograd::mul(target_in, Scalar(1.0 - label_smoothing)),
                           Scalar(label_smoothing / static_cast<double>(classes)));
  }
  Tensor prod = autograd::mul(lp, target);
  if (weight.defined()) prod = autograd::mul(prod, class_weight_view(weight, input.dim(), class_dim));
  switch (r) {
    case Reduction::Mean:
      return div_scalar(autograd::neg(autograd::sum(prod)), static_cast<double>(input.numel() / classes));
    case Reduction::Sum: return autograd::neg(autograd::sum(prod));
    case Reduction::None: return autograd::neg(autograd::sum(prod, {class_dim}));
  }
  return Tensor();
}

Tensor cross_entropy_label_smoothing(const Tensor& input, const Tensor& target, const Tensor& weight, Reduction r,
                                     std::int64_t ignore_index, double label_smoothing) {
  const std::int64_t class_dim = input.dim() == 1 ? 0 : 1;
  const std::int64_t classes = input.shape()[static_cast<std::size_t>(class_dim)];
  const Tensor lp = log_softmax(input, class_dim);
  const Tensor nll = nll_loss_nd(lp, target, weight, r, ignore_index);
  // smooth_loss = -(lp [* weight]).sum(class_dim), zero where ignored.
  Tensor smooth = weight.defined()
                      ? autograd::neg(autograd::sum(autograd::mul(lp, class_weight_view(weight, input.dim(), class_dim)),
                                                    {class_dim}))
                      : autograd::neg(autograd::sum(lp, {class_dim}));
  const Tensor t = target.contiguous();
  const std::int64_t* tp = t.data<std::int64_t>();
  std::vector<double> keep(static_cast<std::size_t>(t.numel()));
  double denominator = 0.0;
  const Tensor w = weight.defined() ? weight.contiguous() : Tensor();
  for (std::size_t i = 0; i < keep.size(); ++i) {
    keep[i] = tp[i] == ignore_index ? 0.0 : 1.0;
    if (tp[i] != ignore_index) denominator += w.defined() ? static_cast<double>(w.data<float>()[tp[i]]) : 1.0;
  }
  smooth = autograd::mul(smooth, T::from_doubles(t.shape(), keep));
  Tensor ret;
  switch (r) {
    case Reduction::Mean: ret = div_scalar(autograd::sum(smooth), static_cast<float>(denominator)); break;
    case Reduction::Sum: ret = autograd::sum(smooth); break;
    case Reduction::None: ret = smooth; break;
  }
  return autograd::add(autograd::mul(nll, Scalar(1.0 - label_smoothing)),
                       autograd::mul(ret, Scalar(label_smoothing / static_cast<double>(classes))));
}

}  // namespace

// ----------------------------------------------------------------- public

Tensor mse_loss(const Tensor& input, const Tensor& target, const std::string& reduction) {
  const Reduction r = parse_reduction(reduction);
  auto [x, t] = broadcast_pair(input, target);
  if (t.dtype() != tensor::DType::Float32) t = t.to_dtype(tensor::DType::Float32);
  const Tensor xc = x.contiguous();
  const Tensor tc = t.contiguous();
  Tensor loss = Tensor::make(xc.shape(), tensor::DType::Float32, false);
  const float* xp = xc.data<float>();
  const float* tp = tc.data<float>();
  float* lp = loss.data<float>();
  for (std::int64_t i = 0, n = loss.numel(); i < n; ++i) {
    const float d = xp[i] - tp[i];
    lp[i] = d * d;
  }
  Tensor out = reduce_elementwise(loss, r);
  const double norm = r == Reduction::Mean ? 2.0 / static_cast<double>(xc.numel()) : 2.0;
  autograd::record("MseLossBackward0", {&x, &t}, out, {SavedTensor(x), SavedTensor(t)},
                   [norm](const Tensor& g, const Saved& s) {
                     const Tensor gi = T::mul(T::mul(T::sub(s[0].unpack(), s[1].unpack()), Scalar(norm)), g);
                     return TensorList{gi, T::neg(gi)};
                   });
  return out;
}

Tensor l1_loss(const Tensor& input, const Tensor& target, const std::string& reduction) {
  const Reduction r = parse_reduction(reduction);
  const auto [x, t] = broadcast_pair(input, target);
  const Tensor loss = autograd::abs(autograd::sub(x, t));
  if (r == Reduction::Mean) return autograd::mean(loss);
  if (r == Reduction::Sum) return autograd::sum(loss);
  return loss;
}

Tensor nll_loss(const Tensor& input, const Tensor& target, const Tensor& weight, std::int64_t ignore_index,
                const std::string& reduction) {
  return nll_loss_nd(input, target, weight, parse_reduction(reduction), ignore_index);
}

Tensor cross_entropy(const Tensor& input, const Tensor& target, const Tensor& weight, std::int64_t ignore_index,
                     const std::string& reduction, double label_smoothing) {
  const Reduction r = parse_reduction(reduction);
  if (input.shape() == target.shape()) {
    if (target.dtype() != tensor::DType::Float32) {
      throw_runtime_error(std::string("Expected floating point type for target with class probabilities, got ") +
                          scalar_type_name(target.dtype()));
    }
    if (ignore_index >= 0) throw_runtime_error("ignore_index is not supported for floating point target");
    return cross_entropy_prob_target(input, target, weight, r, label_smoothing);
  }
  if (label_smoothing > 0.0) {
    if (label_smoothing > 1.0) {
      throw_runtime_error("label_smoothing must be between 0.0 and 1.0. Got: " + format_number(label_smoothing));
    }
    return cross_entropy_label_smoothing(input, target, weight, r, ignore_index, label_smoothing);
  }
  const std::int64_t class_dim = input.dim() == 1 ? 0 : 1;
  return nll_loss_nd(log_softmax(input, class_dim), target, weight, r, ignore_index);
}

Tensor binary_cross_entropy_with_logits(const Tensor& input, const Tensor& target, const Tensor& weight,
                                        const std::string& reduction, const Tensor& pos_weight) {
  const Reduction r = parse_reduction(reduction);
  if (target.shape() != input.shape()) {
    throw_value_error("Target size (" + torch_size(target.shape()) + ") must be the same as input size (" +
                      torch_size(input.shape()) + ")");
  }
  if (target.dtype() != tensor::DType::Float32) {
    throw_runtime_error(std::string("result type Float can't be cast to the desired output type ") +
                        scalar_type_name(target.dtype()));
  }
  check_no_requires_grad(weight, "weight", "binary_cross_entropy_with_logits");
  check_no_requires_grad(pos_weight, "pos_weight", "binary_cross_entropy_with_logits");
  const tensor::Shape& shape = input.shape();
  // In-place steps of PyTorch's formula keep the loss at the input's shape:
  // weight and pos_weight must broadcast into it.
  auto fits = [&shape](const tensor::Shape& a, const tensor::Shape& b) {
    const tensor::Shape out = tensor::broadcast_shapes(a, b);
    if (out != shape) {
      throw_runtime_error("output with shape " + tensor::shape_str(shape) + " doesn't match the broadcast shape " +
                          tensor::shape_str(out));
    }
  };
  if (pos_weight.defined()) fits(pos_weight.shape(), shape);
  if (weight.defined()) fits(shape, weight.shape());
  auto full = [&shape](const Tensor& t) {
    return t.defined() ? tensor::expand(t, shape).contiguous() : Tensor();
  };
  const Tensor x = input.contiguous(), t = target.contiguous();
  const Tensor w = full(weight), pw = full(pos_weight);
  Tensor loss = Tensor::make(shape, tensor::DType::Float32, false);
  {
    const float* xp = x.data<float>();
    const float* tp = t.data<float>();
    float* lp = loss.data<float>();
    for (std::int64_t i = 0, n = loss.numel(); i < n; ++i) {
      // (1 - t) x + lw * (log(exp(-m) + exp(-x - m)) + m), m = max(-x, 0),
      // lw = 1 + (pos_weight - 1) t.
      const double xi = xp[i], ti = tp[i];
      const double m = std::max(-xi, 0.0);
      const double lw = pw.defined() ? 1.0 + (pw.data<float>()[i] - 1.0) * ti : 1.0;
      double l = (1.0 - ti) * xi + lw * (std::log(std::exp(-m) + std::exp(-xi - m)) + m);
      if (w.defined()) l *= w.data<float>()[i];
      lp[i] = static_cast<float>(l);
    }
  }
  Tensor out = reduce_elementwise(loss, r);
  const double inv_n = r == Reduction::Mean ? 1.0 / static_cast<double>(x.numel()) : 1.0;
  autograd::record(
      "BinaryCrossEntropyWithLogitsBackward0", {&input, &target}, out, {SavedTensor(x), SavedTensor(t)},
      [w, pw, inv_n, r, shape](const Tensor& g, const Saved& s) {
        const Tensor xs = s[0].unpack(), ts = s[1].unpack();
        const Tensor gc = r == Reduction::None ? g.contiguous() : g;
        Tensor gi = Tensor::make(shape, tensor::DType::Float32, false);
        Tensor gt = Tensor::make(shape, tensor::DType::Float32, false);
        const float* xp = xs.data<float>();
        const float* tp = ts.data<float>();
        const float* gp = gc.data<float>();
        for (std::int64_t i = 0, n = gi.numel(); i < n; ++i) {
          const double xi = xp[i], ti = tp[i];
          const double up = (r == Reduction::None ? gp[i] : gp[0]) * inv_n * (w.defined() ? w.data<float>()[i] : 1.0);
          const double sig = 1.0 / (1.0 + std::exp(-xi));
          // log_sigmoid(x) = -softplus(-x), computed stably.
          const double ls_pos = -(std::max(-xi, 0.0) + std::log1p(std::exp(-std::fabs(xi))));
          const double ls_neg = -(std::max(xi, 0.0) + std::log1p(std::exp(-std::fabs(xi))));
          if (pw.defined()) {
            const double p = pw.data<float>()[i];
            gi.data<float>()[i] = static_cast<float>(((p * ti + 1.0 - ti) * sig - p * ti) * up);
            gt.data<float>()[i] = static_cast<float>((ls_neg - ls_pos * p) * up);
          } else {
            gi.data<float>()[i] = static_cast<float>((sig - ti) * up);
            gt.data<float>()[i] = static_cast<float>(-xi * up);
          }
        }
        return TensorList{gi, gt};
      });
  return out;
}

}  // namespace lesson::nn
