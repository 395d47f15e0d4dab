#include "optim/adam.hpp"

#include <algorithm>
#include <cmath>

#include "autograd/grad_mode.hpp"
#include "core/errors.hpp"
#include "optim/sgd.hpp"
#include "tensor/create.hpp"

namespace lesson::optim {

namespace {

Options adam_defaults(const AdamOptions& o) {
  if (o.lr < 0.0) throw_value_error("Invalid learning rate: " + py_float(o.lr));
  if (o.eps < 0.0) throw_value_error("Invalid epsilon value: " + py_float(o.eps));
  if (!(0.0 <= o.beta1 && o.beta1 < 1.0)) throw_value_error("Invalid beta parameter at index 0: " + py_float(o.beta1));
  if (!(0.0 <= o.beta2 && o.beta2 < 1.0)) throw_value_error("Invalid beta parameter at index 1: " + py_float(o.beta2));
  if (o.weight_decay < 0.0) throw_value_error("Invalid weight_decay value: " + py_float(o.weight_decay));
  return Options{{"lr", o.lr},
                 {"beta1", o.beta1},
                 {"beta2", o.beta2},
                 {"eps", o.eps},
                 {"weight_decay", o.weight_decay},
                 {"amsgrad", o.amsgrad ? 1.0 : 0.0},
                 {"maximize", o.maximize ? 1.0 : 0.0}};
}

}  // namespace

Adam::Adam(const std::vector<Tensor>& params, const AdamOptions& options) : Adam("Adam", params, options, false) {}

Adam::Adam(std::string type_name, const std::vector<Tensor>& params, const AdamOptions& options, bool decoupled)
    : Optimizer(std::move(type_name), adam_defaults(options)), decoupled_(decoupled) {
  init_params(params);
}

AdamW::AdamW(const std::vector<Tensor>& params, const AdamOptions& options) : Adam("AdamW", params, options, true) {}

// Per parameter, float32 tensor ops as PyTorch, Python floats as doubles:
//   step += 1;  g = maximize ? -grad : grad
//   Adam: g = g + wd * p            AdamW: p = p * (1 - lr * wd)
//   m = m * b1 + (1 - b1) * g;  v = v * b2 + (1 - b2) * g * g
//   step_size = lr / (1 - b1^step);  bc2_sqrt = sqrt(1 - b2^step)
//   vmax = max(vmax, v) (amsgrad);  denom = sqrt(v or vmax) / bc2_sqrt + eps
//   p = p + (-step_size) * (m / denom)
void Adam::step() {
  autograd::NoGradGuard no_grad;
  for (auto& group : param_groups()) {
    const auto& o = group.options;
    const double lr = o.at("lr"), beta1 = o.at("beta1"), beta2 = o.at("beta2");
    const double wd = o.at("weight_decay");
    const float eps = static_cast<float>(o.at("eps"));
    const bool amsgrad = o.at("amsgrad") != 0, maximize = o.at("maximize") != 0;
    for (const Tensor& param : group.params) {
      if (!param.grad().defined()) continue;
      Tensor p = detail::contiguous_float(param, "parameters");
      Tensor g = detail::contiguous_float(param.grad(), "gradients");
      const std::int64_t n = p.numel();
      ParamState& st = state(param);
      if (!st.has_step) {
        st.has_step = true;
        st.step = 0;
        st.tensors["exp_avg"] = tensor::zeros(p.shape());
        st.tensors["exp_avg_sq"] = tensor::zeros(p.shape());
        if (amsgrad) st.tensors["max_exp_avg_sq"] = tensor::zeros(p.shape());
      }
      st.step += 1;
      float* pd = p.data<float>();
      const float* gd = g.data<float>();
      float* m = st.tensors.at("exp_avg").data<float>();
      float* v = st.tensors.at("exp_avg_sq").data<float>();
      float* vmax = amsgrad ? st.tensors.at("max_exp_avg_sq").data<float>() : nullptr;
      const float b1 = static_cast<float>(beta1), b2 = static_cast<float>(beta2);
      const float one_b1 = static_cast<float>(1 - beta1), one_b2 = static_cast<float>(1 - beta2);
      const float wd_f = static_cast<float>(wd);
      const float decay = static_cast<float>(1 - lr * wd);
      const double step_size = lr / (1 - std::pow(beta1, st.step));
      const float bc2_sqrt = static_cast<float>(std::sqrt(1 - std::pow(beta2, st.step)));
      const float neg_step = static_cast<float>(-step_size);
      for (std::int64_t i = 0; i < n; ++i) {
        float gi = maximize ? -gd[i] : gd[i];
        if (decoupled_) {
          pd[i] = pd[i] * decay;
        } else if (wd != 0) {
          gi = gi + wd_f * pd[i];
        }
        m[i] = m[i] * b1;
        m[i] = m[i] + one_b1 * gi;
        v[i] = v[i] * b2;
        v[i] = v[i] + one_b2 * gi * gi;
        float s;
        if (amsgrad) {
          vmax[i] = std::max(vmax[i], v[i]);
          s = std::sqrt(vmax[i]);
        } else {
          s = std::sqrt(v[i]);
        }
        const float denom = s / bc2_sqrt + eps;
        pd[i] = pd[i] + neg_step * (m[i] / denom);
      }
      detail::write_back(param, p);
    }
  }
}

}  // namespace lesson::optim
