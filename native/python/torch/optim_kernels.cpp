// The update rules torch.optim's Python classes call (optim_source.cpp), as
// PyTorch's torch.optim._functional single-tensor loops: one function per
// optimizer over lists of parameters, gradients and state tensors. The
// arithmetic is PyTorch 1.13's op order in float32 with Python floats as
// doubles (the same as native/optim's SGD and Adam kernels).
#include <algorithm>
#include <cmath>
#include <vector>

#include "autograd/grad_mode.hpp"
#include "core/errors.hpp"
#include "python/obj_list.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/ops.hpp"
#include "python/torch/functional_args.hpp"
#include "python/torch/optim_kernels.hpp"
#include "python/torch/tensor_object.hpp"
#include "tensor/elementwise_fill.hpp"

namespace lesson::python::torch {

namespace {

using tensor::Tensor;

std::vector<ObjRef> list_arg(Vm& vm, Object* o) { return to_vector(vm, o); }

// A contiguous float32 tensor with `t`'s values (t itself when it is one).
Tensor float_values(const Tensor& t, const char* what) {
  if (t.dtype() != tensor::DType::Float32)
    throw_runtime_error(std::string("optimizers support float32 ") + what + " only");
  return t.contiguous();
}

// Writes `values` (computed into a contiguous copy) back into `param`.
void store(const Tensor& param, const Tensor& values) {
  if (!param.is_same(values)) tensor::copy_(param, values);
  else param.bump_version();
}

// _sgd_step(params, grads, momentum_buffers, weight_decay, momentum, lr,
// dampening, nesterov, maximize) -> momentum_buffers (None when momentum == 0)
//   d_p = maximize ? -grad : grad;  d_p = d_p + wd * p
//   buf = clone(d_p) (first step) or buf * momentum + (1 - dampening) * d_p
//   d_p = nesterov ? d_p + momentum * buf : buf;  p = p + (-lr) * d_p
ObjRef sgd_step(Vm& vm, const Args& a) {
  check_nargs(a, "_sgd_step", 9, 9);
  autograd::NoGradGuard no_grad;
  std::vector<ObjRef> params = list_arg(vm, a[0]), grads = list_arg(vm, a[1]), bufs = list_arg(vm, a[2]);
  const float wd = static_cast<float>(number_arg(vm, a[3], "sgd", "weight_decay"));
  const double momentum_d = number_arg(vm, a[4], "sgd", "momentum");
  const float momentum = static_cast<float>(momentum_d);
  const float lr = static_cast<float>(number_arg(vm, a[5], "sgd", "lr"));
  const float one_minus_damp = static_cast<float>(1 - number_arg(vm, a[6], "sgd", "dampening"));
  const bool nesterov = flag_arg(vm, a[7]), maximize = flag_arg(vm, a[8]);
  std::vector<ObjRef> out;
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Tensor& param = tensor_arg(params[i].get(), "sgd", "params", 1);
    Tensor p = float_values(param, "parameters");
    Tensor g = float_values(tensor_arg(grads[i].get(), "sgd", "grads", 2), "gradients");
    const std::int64_t n = p.numel();
    float* pd = p.data<float>();
    const float* gd = g.data<float>();
    std::vector<float> d(static_cast<std::size_t>(n));
    for (std::int64_t k = 0; k < n; ++k) {
      float v = maximize ? -gd[k] : gd[k];
      if (wd != 0) v = v + wd * pd[k];
      d[static_cast<std::size_t>(k)] = v;
    }
    ObjRef buf_obj(none());
    if (momentum_d != 0) {
      Object* given = bufs[i].get();
      Tensor buf;
      if (is_none(given)) {
        buf = Tensor::make(p.shape(), tensor::DType::Float32, false);
        float* b = buf.data<float>();
        for (std::int64_t k = 0; k < n; ++k) b[k] = d[static_cast<std::size_t>(k)];
        buf_obj = wrap_tensor(buf);
      } else {
        buf = tensor_arg(given, "sgd", "momentum_buffer_list", 3);
        Tensor bc = float_values(buf, "momentum buffers");
        float* b = bc.data<float>();
        for (std::int64_t k = 0; k < n; ++k) {
          const float m = b[k] * momentum;
          b[k] = m + one_minus_damp * d[static_cast<std::size_t>(k)];
        }
        store(buf, bc);
        buf_obj = ObjRef(given);
      }
      Tensor bc = buf.contiguous();
      const float* b = bc.data<float>();
      for (std::int64_t k = 0; k < n; ++k) {
        float& v = d[static_cast<std::size_t>(k)];
        v = nesterov ? v + momentum * b[k] : b[k];
      }
    }
    for (std::int64_t k = 0; k < n; ++k) pd[k] = pd[k] + (-lr) * d[static_cast<std::size_t>(k)];
    store(param, p);
    out.push_back(buf_obj);
  }
  return ObjRef(make_list(std::move(out)).get());
}

// _adam_step(params, grads, exp_avgs, exp_avg_sqs, max_exp_avg_sqs,
// state_steps, amsgrad, beta1, beta2, lr, weight_decay, eps, maximize,
// decoupled): Adam (decoupled=False) and AdamW (True), 1.13's
// _single_tensor_adam / _single_tensor_adamw.
//   step += 1;  g = maximize ? -grad : grad
//   Adam: g = g + wd * p            AdamW: p = p * (1 - lr * wd)
//   m = m * b1 + (1 - b1) * g;  v = v * b2 + (1 - b2) * g * g
//   step_size = lr / (1 - b1^step);  bc2_sqrt = sqrt(1 - b2^step)
//   vmax = max(vmax, v) (amsgrad);  denom = sqrt(v or vmax) / bc2_sqrt + eps
//   p = p + (-step_size) * (m / denom)
ObjRef adam_step(Vm& vm, const Args& a) {
  check_nargs(a, "_adam_step", 14, 14);
  autograd::NoGradGuard no_grad;
  std::vector<ObjRef> params = list_arg(vm, a[0]), grads = list_arg(vm, a[1]), ms = list_arg(vm, a[2]),
                      vs = list_arg(vm, a[3]), vmaxs = list_arg(vm, a[4]), steps = list_arg(vm, a[5]);
  const bool amsgrad = flag_arg(vm, a[6]);
  const double beta1 = number_arg(vm, a[7], "adam", "beta1"), beta2 = number_arg(vm, a[8], "adam", "beta2");
  const double lr = number_arg(vm, a[9], "adam", "lr"), wd = number_arg(vm, a[10], "adam", "weight_decay");
  const float eps = static_cast<float>(number_arg(vm, a[11], "adam", "eps"));
  const bool maximize = flag_arg(vm, a[12]), decoupled = flag_arg(vm, a[13]);
  const float b1 = static_cast<float>(beta1), b2 = static_cast<float>(beta2);
  const float one_b1 = static_cast<float>(1 - beta1), one_b2 = static_cast<float>(1 - beta2);
  const float wd_f = static_cast<float>(wd);
  const float decay = static_cast<float>(1 - lr * wd);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const Tensor& param = tensor_arg(params[i].get(), "adam", "params", 1);
    Tensor p = float_values(param, "parameters");
    Tensor g = float_values(tensor_arg(grads[i].get(), "adam", "grads", 2), "gradients");
    const Tensor& m_t = tensor_arg(ms[i].get(), "adam", "exp_avgs", 3);
    const Tensor& v_t = tensor_arg(vs[i].get(), "adam", "exp_avg_sqs", 4);
    const Tensor& step_t = tensor_arg(steps[i].get(), "adam", "state_steps", 6);
    Tensor mc = float_values(m_t, "exp_avg"), vc = float_values(v_t, "exp_avg_sq");
    Tensor step_c = float_values(step_t, "step");
    step_c.data<float>()[0] += 1.0f;
    store(step_t, step_c);
    const double step = static_cast<double>(step_c.data<float>()[0]);
    Tensor vmax_t, vmaxc;
    if (amsgrad) {
      vmax_t = tensor_arg(vmaxs[i].get(), "adam", "max_exp_avg_sqs", 5);
      vmaxc = float_values(vmax_t, "max_exp_avg_sq");
    }
    const std::int64_t n = p.numel();
    float* pd = p.data<float>();
    const float* gd = g.data<float>();
    float* m = mc.data<float>();
    float* v = vc.data<float>();
    float* vmax = amsgrad ? vmaxc.data<float>() : nullptr;
    const double step_size = lr / (1 - std::pow(beta1, step));
    const float bc2_sqrt = static_cast<float>(std::sqrt(1 - std::pow(beta2, step)));
    const float neg_step = static_cast<float>(-step_size);
    for (std::int64_t k = 0; k < n; ++k) {
      float gk = maximize ? -gd[k] : gd[k];
      if (decoupled) {
        pd[k] = pd[k] * decay;
      } else if (wd != 0) {
        gk = gk + wd_f * pd[k];
      }
      m[k] = m[k] * b1;
      m[k] = m[k] + one_b1 * gk;
      v[k] = v[k] * b2;
      v[k] = v[k] + one_b2 * gk * gk;
      float s;
      if (amsgrad) {
        vmax[k] = std::max(vmax[k], v[k]);
        s = std::sqrt(vmax[k]);
      } else {
        s = std::sqrt(v[k]);
      }
      const float denom = s / bc2_sqrt + eps;
      pd[k] = pd[k] + neg_step * (m[k] / denom);
    }
    store(m_t, mc);
    store(v_t, vc);
    if (amsgrad) store(vmax_t, vmaxc);
    store(param, p);
  }
  return ObjRef(none());
}

}  // namespace

void add_optim_kernels(Module& m) {
  set_native(m, "_sgd_step", sgd_step);
  set_native(m, "_adam_step", adam_step);
}

}  // namespace lesson::python::torch
