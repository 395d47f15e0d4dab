#include "optim/optimizer.hpp"

#include <algorithm>

#include "autograd/grad_mode.hpp"
#include "core/errors.hpp"
#include "format/python_float.hpp"
#include "tensor/elementwise_fill.hpp"

namespace lesson::optim {

std::string py_float(double v) { return format::format_python_float(v); }

Optimizer::Optimizer(std::string type_name, Options defaults)
    : type_name_(std::move(type_name)), defaults_(std::move(defaults)) {}

void Optimizer::init_params(const std::vector<Tensor>& params) {
  if (params.empty()) throw_value_error("optimizer got an empty parameter list");
  add_param_group(params);
}

void Optimizer::add_param_group(const std::vector<Tensor>& params, Options options) {
  for (const auto& p : params)
    if (!p.is_leaf()) throw_value_error("can't optimize a non-leaf Tensor");
  for (const auto& [k, v] : defaults_) options.emplace(k, v);
  for (const auto& g : groups_)
    for (const auto& q : g.params)
      for (const auto& p : params)
        if (p.is_same(q)) throw_value_error("some parameters appear in more than one parameter group");
  groups_.push_back(ParamGroup{params, std::move(options)});
}

void Optimizer::zero_grad(bool set_to_none) {
  for (auto& g : groups_)
    for (Tensor p : g.params) {
      Tensor grad = p.grad();
      if (!grad.defined()) continue;
      if (set_to_none) {
        p.set_grad(Tensor());
      } else {
        grad.impl()->autograd = tensor::AutogradMeta{};
        autograd::NoGradGuard no_grad;
        tensor::zero_(grad);
      }
    }
}

Optimizer::StateDict Optimizer::state_dict() const {
  StateDict sd;
  int index = 0;
  for (const auto& g : groups_) {
    std::vector<int> ids;
    for (const auto& p : g.params) {
      auto it = state_.find(p.impl());
      if (it != state_.end()) sd.state.emplace(index, it->second);
      ids.push_back(index++);
    }
    sd.param_groups.emplace_back(g.options, ids);
  }
  return sd;
}

}  // namespace lesson::optim
