// nn.Module: ordered registries of parameters, buffers and child modules, as
// PyTorch's _parameters/_buffers/_modules dicts, with the traversals,
// state_dict/load_state_dict, train/eval, zero_grad and PyTorch's repr.
//
// Extension points for the Python evaluator (cell code `class MLP(nn.Module)`):
// - construct a Module with the Python class name (Module(type_name)) and route
//   attribute assignment of Parameters / Modules to register_parameter /
//   register_module (a plain tensor stays a Python attribute; register_buffer
//   is explicit, as in PyTorch);
// - `forward` of a Python subclass lives in Python; C++ modules override the
//   virtual forward(Tensor) (the default throws PyTorch's NotImplementedError);
// - extra_repr() and repr() are virtual, so a Python override can be honoured
//   when a parent prints its children.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::nn {

using tensor::Tensor;

// torch.nn.Parameter(t): a leaf sharing t's data, with requires_grad set.
Tensor make_parameter(const Tensor& data, bool requires_grad = true);
// t.detach(): same data, no autograd state (what state_dict returns).
Tensor detached(const Tensor& t);
// "torch.Size([2, 3])"
std::string size_string(const tensor::Shape& shape);

struct IncompatibleKeys {
  std::vector<std::string> missing_keys;
  std::vector<std::string> unexpected_keys;
  // "_IncompatibleKeys(missing_keys=['bias'], unexpected_keys=[])", or
  // "<All keys matched successfully>" when both are empty.
  std::string repr() const;
};

class Module;
using ModulePtr = std::shared_ptr<Module>;
using NamedTensors = std::vector<std::pair<std::string, Tensor>>;
using NamedModules = std::vector<std::pair<std::string, ModulePtr>>;

class Module : public std::enable_shared_from_this<Module> {
 public:
  explicit Module(std::string type_name);
  virtual ~Module() = default;
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  // The class name shown by repr and in load_state_dict errors.
  const std::string& type_name() const { return type_name_; }
  void set_type_name(std::string name) { type_name_ = std::move(name); }

  virtual Tensor forward(const Tensor& input);
  Tensor operator()(const Tensor& input) { return forward(input); }
  virtual std::string extra_repr() const { return ""; }
  virtual std::string repr() const;

  // Registration. An undefined tensor / null module is PyTorch's None entry
  // (kept in order, skipped by traversals). Re-registering a name replaces
  // the entry in place (dict assignment keeps the original position).
  void register_parameter(const std::string& name, const Tensor& param);
  void register_buffer(const std::string& name, const Tensor& buffer, bool persistent = true);
  void register_module(const std::string& name, const ModulePtr& module);
  // Removes name from whichever registry holds it (del module.name).
  bool remove(const std::string& name);

  bool has_parameter(const std::string& name) const;
  bool has_buffer(const std::string& name) const;
  bool has_module(const std::string& name) const;
  Tensor parameter(const std::string& name) const;  // undefined if absent/None
  Tensor buffer(const std::string& name) const;
  ModulePtr module(const std::string& name) const;
  bool buffer_persistent(const std::string& name) const;

  // The module's own entries, in registration order (None entries included).
  const NamedTensors& local_parameters() const { return params_; }
  const NamedTensors& local_buffers() const { return buffers_; }
  const NamedModules& local_modules() const { return modules_; }

  // Traversals (PyTorch's order, dotted names, de-duplicated by identity).
  NamedTensors named_parameters(const std::string& prefix = "", bool recurse = true) const;
  std::vector<Tensor> parameters(bool recurse = true) const;
  NamedTensors named_buffers(const std::string& prefix = "", bool recurse = true) const;
  std::vector<Tensor> buffers(bool recurse = true) const;
  NamedModules named_children() const;
  std::vector<ModulePtr> children() const;
  NamedModules named_modules(const std::string& prefix = "");
  std::vector<ModulePtr> modules();

  // Detached tensors sharing the module's storage: per module its parameters,
  // then persistent buffers, then children recursively.
  NamedTensors state_dict(const std::string& prefix = "") const;
  // Copies values in (no grad). Errors as PyTorch 1.13's RuntimeError text.
  IncompatibleKeys load_state_dict(const NamedTensors& state_dict, bool strict = true);

  Module& train(bool mode = true);
  Module& eval() { return train(false); }
  bool training() const { return training_; }
  void set_training_flag(bool mode) { training_ = mode; }  // this module only

  void zero_grad(bool set_to_none = false);

 private:
  void named_parameters_impl(const std::string& prefix, bool recurse, NamedTensors& out,
                             std::vector<const tensor::TensorImpl*>& seen) const;
  void named_buffers_impl(const std::string& prefix, bool recurse, NamedTensors& out,
                          std::vector<const tensor::TensorImpl*>& seen) const;
  void named_modules_impl(const std::string& prefix, NamedModules& out,
                          std::vector<const Module*>& seen);
  void state_dict_impl(const std::string& prefix, NamedTensors& out) const;
  void load_impl(const NamedTensors& sd, const std::string& prefix, bool strict,
                 std::vector<std::string>& missing, std::vector<std::string>& unexpected,
                 std::vector<std::string>& errors);

  std::string type_name_;
  bool training_ = true;
  NamedTensors params_;
  NamedTensors buffers_;
  std::vector<std::string> non_persistent_;
  NamedModules modules_;
};

// PyTorch's _addindent: indents every line but the first by num_spaces.
std::string add_indent(const std::string& s, int num_spaces);

}  // namespace lesson::nn
