// torch.optim.Optimizer: param_groups with per-group options, per-parameter
// state, zero_grad (1.13 default set_to_none=False), step, state_dict.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::optim {

using tensor::Tensor;

// Group options by name (lr, momentum, betas0/betas1, eps, ...; booleans as
// 0/1). PyTorch prints them sorted by key (std::map keeps that order).
using Options = std::map<std::string, double>;

struct ParamGroup {
  std::vector<Tensor> params;
  Options options;
};

// Per-parameter state: named tensors (momentum_buffer, exp_avg, ...) and the
// step count. `step` is PyTorch's float step tensor, kept as a double.
struct ParamState {
  std::map<std::string, Tensor> tensors;
  double step = 0;
  bool has_step = false;
};

class Optimizer {
 public:
  Optimizer(std::string type_name, Options defaults);
  virtual ~Optimizer() = default;

  const std::string& type_name() const { return type_name_; }
  const Options& defaults() const { return defaults_; }
  std::vector<ParamGroup>& param_groups() { return groups_; }
  const std::vector<ParamGroup>& param_groups() const { return groups_; }
  // Options missing from `options` take the defaults. ValueError as PyTorch
  // for a non-leaf or a parameter already in another group.
  void add_param_group(const std::vector<Tensor>& params, Options options = {});

  ParamState& state(const Tensor& p) { return state_[p.impl()]; }
  bool has_state(const Tensor& p) const { return state_.count(p.impl()) != 0; }

  void zero_grad(bool set_to_none = false);
  virtual void step() = 0;

  // state_dict()["param_groups"] as (options, parameter indices), and the
  // per-index state, as PyTorch numbers parameters in group order.
  struct StateDict {
    std::vector<std::pair<Options, std::vector<int>>> param_groups;
    std::map<int, ParamState> state;
  };
  StateDict state_dict() const;

  // No repr here: PyTorch prints each option with its Python type (0 vs 0.0,
  // False, None, tuples), which the evaluator knows; it should print
  // "SGD (\nParameter Group 0\n    key: value\n...)" with keys sorted.

 protected:
  // Throws ValueError "optimizer got an empty parameter list" if params is empty.
  void init_params(const std::vector<Tensor>& params);

 private:
  std::string type_name_;
  Options defaults_;
  std::vector<ParamGroup> groups_;
  std::map<const tensor::TensorImpl*, ParamState> state_;
};

// Python's str() of a float (repr of the double): 0.1, 1e-08, 0.0.
std::string py_float(double v);

}  // namespace lesson::optim
