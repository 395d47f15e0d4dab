#include "nn/instance_norm.hpp"

#include <memory>

#include "autograd/graph.hpp"
#include "autograd/saved_tensor.hpp"
#include "core/errors.hpp"
#include "format/tensor_format.hpp"
#include "nn/batch_norm.hpp"

namespace lesson::nn {

namespace {

using norm_detail::contiguous_float;

// [N, C, *] -> [1, N*C, *]
tensor::Shape batch_view_shape(const tensor::Shape& shape) {
  tensor::Shape s = shape;
  s[1] = shape[0] * shape[1];
  s[0] = 1;
  return s;
}

// t.repeat(times) of a 1-d float tensor (undefined stays undefined).
Tensor repeat_if_defined(const Tensor& t, std::int64_t times) {
  if (!t.defined()) return t;
  const Tensor src = contiguous_float(t);
  const std::int64_t n = src.numel();
  Tensor out = Tensor::make({n * times}, tensor::DType::Float32, false);
  for (std::int64_t k = 0; k < times; ++k) {
    for (std::int64_t i = 0; i < n; ++i) out.data<float>()[k * n + i] = src.data<float>()[i];
  }
  return out;
}

// [N*C] -> [C] summed over N (RepeatBackward0), then given `shape`.
Tensor sum_over_batch(const Tensor& t, std::int64_t n, std::int64_t c, const tensor::Shape& shape) {
  Tensor out = Tensor::make({c}, tensor::DType::Float32, true);
  for (std::int64_t k = 0; k < n; ++k) {
    for (std::int64_t i = 0; i < c; ++i) out.data<float>()[i] += t.data<float>()[k * c + i];
  }
  return norm_detail::reshaped(out, shape);
}

// F.instance_norm's own check, a ValueError.
void verify_spatial_size(const tensor::Shape& shape) {
  std::int64_t size_prods = 1;
  for (std::size_t d = 2; d < shape.size(); ++d) size_prods *= shape[d];
  if (size_prods == 1) {
    throw_value_error("Expected more than 1 spatial element when training, got input size " +
                      format::format_size(shape));
  }
}

void check_features(const char* what, std::int64_t expected, const Tensor& t, std::int64_t times) {
  if (t.defined() && t.numel() * times != expected) {
    throw_runtime_error(std::string(what) + " should contain " + std::to_string(expected) + " elements not " +
                        std::to_string(t.numel() * times));
  }
}

// The BatchNorm node of the [1, N*C, *] view. Its gradient for the weight
// and bias also does the repeat's backward (the sum over N); the repeated
// weight it saves is its own copy, as in PyTorch, where it is the result of
// weight.repeat(N).
class InstanceNormBatchNormBackward final : public autograd::Node {
 public:
  InstanceNormBatchNormBackward(const Tensor& input_view, const Tensor& weight_rep,
                                const Tensor& running_mean_rep, const Tensor& running_var_rep,
                                const Tensor& save_mean, const Tensor& save_invstd, const Tensor& weight,
                                const Tensor& bias, const tensor::Shape& input_shape, bool training,
                                double eps)
      : input_(input_view),
        weight_rep_(weight_rep),
        running_mean_rep_(running_mean_rep),
        running_var_rep_(running_var_rep),
        save_mean_(save_mean),
        save_invstd_(save_invstd),
        weight_shape_(weight.defined() ? weight.shape() : tensor::Shape{}),
        bias_shape_(bias.defined() ? bias.shape() : tensor::Shape{}),
        input_shape_(input_shape),
        training_(training),
        eps_(eps) {}

  std::string name() const override { return "NativeBatchNormBackward0"; }

  autograd::TensorList apply(autograd::TensorList&& grads) override {
    const Tensor input = input_.unpack();
    if (grads.empty() || !grads[0].defined()) return {Tensor(), Tensor(), Tensor()};
    const GradMask mask{next_edges[0].valid(), next_edges[1].valid(), next_edges[2].valid()};
    NormGradients g =
        native_batch_norm_backward(grads[0], input, weight_rep_, running_mean_rep_, running_var_rep_,
                                   save_mean_, save_invstd_, training_, eps_, mask);
    const std::int64_t n = input_shape_[0], c = input_shape_[1];
    if (g.input.defined()) g.input = norm_detail::reshaped(g.input, input_shape_);
    if (g.weight.defined()) g.weight = sum_over_batch(g.weight, n, c, weight_shape_);
    if (g.bias.defined()) g.bias = sum_over_batch(g.bias, n, c, bias_shape_);
    return {g.input, g.weight, g.bias};
  }

  void release_variables() override {
    input_.release();
    weight_rep_ = running_mean_rep_ = running_var_rep_ = save_mean_ = save_invstd_ = Tensor();
  }

 private:
  autograd::SavedTensor input_;
  Tensor weight_rep_, running_mean_rep_, running_var_rep_, save_mean_, save_invstd_;
  tensor::Shape weight_shape_, bias_shape_, input_shape_;
  bool training_;
  double eps_;
};

// out.view(input.sizes()): hands the gradient on with the [1, N*C, *] shape.
class InstanceNormViewBackward final : public autograd::Node {
 public:
  explicit InstanceNormViewBackward(const tensor::Shape& source_shape) : source_shape_(source_shape) {}
  std::string name() const override { return "ViewBackward0"; }
  autograd::TensorList apply(autograd::TensorList&& grads) override {
    if (grads.empty() || !grads[0].defined()) return {Tensor()};
    return {norm_detail::reshaped(grads[0].contiguous(), source_shape_)};
  }

 private:
  tensor::Shape source_shape_;
};

}  // namespace

NormForward native_instance_norm(const Tensor& input, const Tensor& weight, const Tensor& bias, double eps) {
  const std::int64_t n = input.size(0);
  const Tensor x = norm_detail::reshaped(contiguous_float(input), batch_view_shape(input.shape()));
  NormForward f = native_batch_norm(x, repeat_if_defined(weight, n), repeat_if_defined(bias, n), Tensor(),
                                    Tensor(), true, 0.0, eps);
  f.output = norm_detail::reshaped(f.output, input.shape());
  return f;
}

NormGradients instance_norm_backward(const Tensor& grad_output, const Tensor& input, const Tensor& weight,
                                     const Tensor& save_mean, const Tensor& save_invstd, double eps,
                                     GradMask mask) {
  const std::int64_t n = input.size(0), c = input.size(1);
  const tensor::Shape view = batch_view_shape(input.shape());
  const Tensor x = norm_detail::reshaped(contiguous_float(input), view);
  const Tensor dy = norm_detail::reshaped(norm_detail::contiguous_grad(grad_output, input.shape()), view);
  NormGradients g = native_batch_norm_backward(dy, x, repeat_if_defined(weight, n), Tensor(), Tensor(),
                                               save_mean, save_invstd, true, eps, mask);
  if (g.input.defined()) g.input = norm_detail::reshaped(g.input, input.shape());
  if (g.weight.defined()) g.weight = sum_over_batch(g.weight, n, c, {c});
  if (g.bias.defined()) g.bias = sum_over_batch(g.bias, n, c, {c});
  return g;
}

Tensor instance_norm(const Tensor& input, const Tensor& running_mean, const Tensor& running_var,
                     const Tensor& weight, const Tensor& bias, bool use_input_stats, double momentum,
                     double eps) {
  if (use_input_stats) verify_spatial_size(input.shape());
  if (!use_input_stats && !(running_mean.defined() && running_var.defined())) {
    throw_runtime_error("Expected running_mean and running_var to be defined when use_input_stats is false");
  }
  if (input.dim() == 0) throw_index_error("Dimension specified as 0 but tensor has no dimensions");
  const std::int64_t n = input.size(0);
  const std::int64_t c = input.size(1);  // IndexError for 1-d input, as PyTorch
  check_features("running_mean", n * c, running_mean, n);
  check_features("running_var", n * c, running_var, n);
  check_features("weight", n * c, weight, n);
  check_features("bias", n * c, bias, n);
  norm_detail::check_float_input(input, "batch_norm");
  for (const Tensor* p : {&weight, &bias, &running_mean, &running_var}) {
    if (p->defined() && p->dtype() != tensor::DType::Float32) {
      throw_runtime_error("mixed dtype (CPU): expect parameter to have scalar type of Float");
    }
  }

  const tensor::Shape view_shape = batch_view_shape(input.shape());
  // input.contiguous().view(...): a view when the input is contiguous, so the
  // saved input shares its version counter, as in PyTorch.
  const Tensor x = norm_detail::reshaped(input.contiguous(), view_shape);
  const Tensor weight_rep = repeat_if_defined(weight, n);
  const Tensor bias_rep = repeat_if_defined(bias, n);
  const Tensor rm_rep = repeat_if_defined(running_mean, n);
  const Tensor rv_rep = repeat_if_defined(running_var, n);
  NormForward f = native_batch_norm(x, weight_rep, bias_rep, rm_rep, rv_rep, use_input_stats, momentum, eps);

  // running.copy_(running_rep.view(N, C).mean(0)): float sum, then divide.
  for (const auto& [target, rep] : {std::pair{running_mean, rm_rep}, std::pair{running_var, rv_rep}}) {
    if (!target.defined()) continue;
    const norm_detail::InPlaceFloat out(target);
    for (std::int64_t i = 0; i < c; ++i) {
      float sum = 0.0f;
      for (std::int64_t k = 0; k < n; ++k) sum += rep.data<float>()[k * c + i];
      out.data()[i] = sum / static_cast<float>(n);
    }
    out.commit();
  }

  // Always a handle of its own (even when N = 1 and the shapes agree): the
  // [1, N*C, *] result keeps the BatchNorm node, the view gets its own.
  const Tensor output = f.output.as_strided(input.shape(), tensor::contiguous_strides(input.shape()), 0);
  if (autograd::needs_grad({&input, &weight, &bias})) {
    auto bn = std::make_shared<InstanceNormBatchNormBackward>(
        x, weight_rep, rm_rep, rv_rep, f.mean, f.invstd, weight, bias, input.shape(), use_input_stats, eps);
    autograd::set_history(bn, {&input, &weight, &bias}, {&f.output});
    auto view = std::make_shared<InstanceNormViewBackward>(view_shape);
    autograd::set_history(view, {&f.output}, {&output});
  }
  return output;
}

}  // namespace lesson::nn
