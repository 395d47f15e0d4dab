#include "optim/sgd.hpp"

#include <vector>

#include "autograd/grad_mode.hpp"
#include "core/errors.hpp"
#include "tensor/create.hpp"
#include "tensor/elementwise_fill.hpp"

namespace lesson::optim {

namespace detail {

Tensor contiguous_float(const Tensor& t, const char* what) {
  if (t.dtype() != tensor::DType::Float32)
    throw_runtime_error(std::string("optimizers support float32 ") + what + " only");
  return t.contiguous();
}

void write_back(const Tensor& param, const Tensor& values) {
  if (!param.is_same(values)) {
    autograd::NoGradGuard no_grad;
    tensor::copy_(param, values);
  } else {
    param.bump_version();
  }
}

}  // namespace detail

namespace {

Options sgd_defaults(const SGDOptions& o) {
  if (o.lr < 0.0) throw_value_error("Invalid learning rate: " + py_float(o.lr));
  if (o.momentum < 0.0) throw_value_error("Invalid momentum value: " + py_float(o.momentum));
  if (o.weight_decay < 0.0) throw_value_error("Invalid weight_decay value: " + py_float(o.weight_decay));
  if (o.nesterov && (o.momentum <= 0 || o.dampening != 0))
    throw_value_error("Nesterov momentum requires a momentum and zero dampening");
  return Options{{"lr", o.lr},
                 {"momentum", o.momentum},
                 {"dampening", o.dampening},
                 {"weight_decay", o.weight_decay},
                 {"nesterov", o.nesterov ? 1.0 : 0.0},
                 {"maximize", o.maximize ? 1.0 : 0.0}};
}

}  // namespace

SGD::SGD(const std::vector<Tensor>& params, const SGDOptions& options) : Optimizer("SGD", sgd_defaults(options)) {
  init_params(params);
}

// Per parameter, in float32 as PyTorch's ops round:
//   d_p = maximize ? -grad : grad;  d_p = d_p + wd * p
//   buf = d_p (first step) or buf * momentum + (1 - dampening) * d_p
//   d_p = nesterov ? d_p + momentum * buf : buf
//   p = p + (-lr) * d_p
void SGD::step() {
  autograd::NoGradGuard no_grad;
  for (auto& group : param_groups()) {
    const auto& o = group.options;
    const float lr = static_cast<float>(o.at("lr"));
    const float momentum = static_cast<float>(o.at("momentum"));
    const float one_minus_damp = static_cast<float>(1 - o.at("dampening"));
    const float wd = static_cast<float>(o.at("weight_decay"));
    const bool nesterov = o.at("nesterov") != 0, maximize = o.at("maximize") != 0;
    for (const Tensor& param : group.params) {
      if (!param.grad().defined()) continue;
      Tensor p = detail::contiguous_float(param, "parameters");
      Tensor g = detail::contiguous_float(param.grad(), "gradients");
      const std::int64_t n = p.numel();
      float* pd = p.data<float>();
      const float* gd = g.data<float>();
      std::vector<float> d(static_cast<std::size_t>(n));
      for (std::int64_t i = 0; i < n; ++i) {
        float v = maximize ? -gd[i] : gd[i];
        if (wd != 0) v = v + wd * pd[i];
        d[static_cast<std::size_t>(i)] = v;
      }
      if (momentum != 0) {
        ParamState& st = state(param);
        auto it = st.tensors.find("momentum_buffer");
        if (it == st.tensors.end()) {
          Tensor buf = tensor::empty(p.shape());
          float* b = buf.data<float>();
          for (std::int64_t i = 0; i < n; ++i) b[i] = d[static_cast<std::size_t>(i)];
          st.tensors.emplace("momentum_buffer", buf);
        } else {
          float* b = it->second.data<float>();
          for (std::int64_t i = 0; i < n; ++i) {
            const float m = b[i] * momentum;
            b[i] = m + one_minus_damp * d[static_cast<std::size_t>(i)];
          }
        }
        const float* b = st.tensors.at("momentum_buffer").data<float>();
        for (std::int64_t i = 0; i < n; ++i) {
          auto& v = d[static_cast<std::size_t>(i)];
          v = nesterov ? v + momentum * b[i] : b[i];
        }
      }
      for (std::int64_t i = 0; i < n; ++i) pd[i] = pd[i] + (-lr) * d[static_cast<std::size_t>(i)];
      detail::write_back(param, p);
    }
  }
}

}  // namespace lesson::optim
