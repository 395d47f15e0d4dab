#include "nn/module.hpp"

#include <algorithm>

#include "autograd/grad_mode.hpp"
#include "core/errors.hpp"
#include "tensor/elementwise_fill.hpp"

namespace lesson::nn {

namespace {

template <class V>
auto find_entry(V& entries, const std::string& name) {
  return std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return e.first == name; });
}

void check_name(const std::string& kind, const std::string& name) {
  if (name.find('.') != std::string::npos) throw_value_error(kind + " name can't contain \".\"");
  if (name.empty()) throw_value_error(kind + " name can't be empty string \"\"");
}

std::string quoted_list(const std::vector<std::string>& keys, const char* quote) {
  std::string s;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i) s += ", ";
    s += quote + keys[i] + quote;
  }
  return s;
}

}  // namespace

Tensor detached(const Tensor& t) {
  if (!t.defined()) return t;
  auto impl = std::make_shared<tensor::TensorImpl>(*t.impl());
  impl->autograd = tensor::AutogradMeta{};
  return Tensor(impl);
}

Tensor make_parameter(const Tensor& data, bool requires_grad) {
  Tensor p = detached(data);
  if (requires_grad) p.set_requires_grad(true);
  return p;
}

std::string size_string(const tensor::Shape& shape) {
  std::string s = "torch.Size([";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + "])";
}

std::string IncompatibleKeys::repr() const {
  if (missing_keys.empty() && unexpected_keys.empty()) return "<All keys matched successfully>";
  return "_IncompatibleKeys(missing_keys=[" + quoted_list(missing_keys, "'") + "], unexpected_keys=[" +
         quoted_list(unexpected_keys, "'") + "])";
}

std::string add_indent(const std::string& s, int num_spaces) {
  const auto nl = s.find('\n');
  if (nl == std::string::npos) return s;
  const std::string pad(static_cast<std::size_t>(num_spaces), ' ');
  std::string out = s.substr(0, nl);
  std::size_t start = nl + 1;
  while (true) {
    const auto next = s.find('\n', start);
    out += "\n" + pad + s.substr(start, next == std::string::npos ? std::string::npos : next - start);
    if (next == std::string::npos) break;
    start = next + 1;
  }
  return out;
}

Module::Module(std::string type_name) : type_name_(std::move(type_name)) {}

Tensor Module::forward(const Tensor&) {
  throw TorchError(ErrorKind::NotImplementedError,
                   "Module [" + type_name_ + "] is missing the required \"forward\" function");
}

std::string Module::repr() const {
  std::vector<std::string> lines;
  const std::string extra = extra_repr();
  std::size_t extra_count = 0;
  if (!extra.empty()) {
    std::size_t start = 0;
    while (true) {
      const auto nl = extra.find('\n', start);
      lines.push_back(extra.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
      ++extra_count;
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }
  bool has_children = false;
  for (const auto& [key, m] : modules_) {
    has_children = true;
    const std::string mod_str = m ? add_indent(m->repr(), 2) : "None";
    lines.push_back("(" + key + "): " + mod_str);
  }
  std::string main = type_name_ + "(";
  if (!lines.empty()) {
    if (extra_count == 1 && !has_children) {
      main += lines[0];
    } else {
      main += "\n  ";
      for (std::size_t i = 0; i < lines.size(); ++i) main += (i ? "\n  " : "") + lines[i];
      main += "\n";
    }
  }
  return main + ")";
}

void Module::register_parameter(const std::string& name, const Tensor& param) {
  check_name("parameter", name);
  if (!has_parameter(name) && (has_buffer(name) || has_module(name)))
    throw TorchError(ErrorKind::RuntimeError, "attribute '" + name + "' already exists");
  auto it = find_entry(params_, name);
  if (it != params_.end()) it->second = param; else params_.emplace_back(name, param);
}

void Module::register_buffer(const std::string& name, const Tensor& buffer, bool persistent) {
  check_name("buffer", name);
  if (!has_buffer(name) && (has_parameter(name) || has_module(name)))
    throw TorchError(ErrorKind::RuntimeError, "attribute '" + name + "' already exists");
  auto it = find_entry(buffers_, name);
  if (it != buffers_.end()) it->second = buffer; else buffers_.emplace_back(name, buffer);
  non_persistent_.erase(std::remove(non_persistent_.begin(), non_persistent_.end(), name), non_persistent_.end());
  if (!persistent) non_persistent_.push_back(name);
}

void Module::register_module(const std::string& name, const ModulePtr& module) {
  check_name("module", name);
  auto it = find_entry(modules_, name);
  if (it != modules_.end()) it->second = module; else modules_.emplace_back(name, module);
}

bool Module::remove(const std::string& name) {
  if (auto it = find_entry(params_, name); it != params_.end()) { params_.erase(it); return true; }
  if (auto it = find_entry(buffers_, name); it != buffers_.end()) {
    buffers_.erase(it);
    non_persistent_.erase(std::remove(non_persistent_.begin(), non_persistent_.end(), name), non_persistent_.end());
    return true;
  }
  if (auto it = find_entry(modules_, name); it != modules_.end()) { modules_.erase(it); return true; }
  return false;
}

bool Module::has_parameter(const std::string& n) const { return find_entry(params_, n) != params_.end(); }
bool Module::has_buffer(const std::string& n) const { return find_entry(buffers_, n) != buffers_.end(); }
bool Module::has_module(const std::string& n) const { return find_entry(modules_, n) != modules_.end(); }
Tensor Module::parameter(const std::string& n) const {
  auto it = find_entry(params_, n);
  return it == params_.end() ? Tensor() : it->second;
}
Tensor Module::buffer(const std::string& n) const {
  auto it = find_entry(buffers_, n);
  return it == buffers_.end() ? Tensor() : it->second;
}
ModulePtr Module::module(const std::string& n) const {
  auto it = find_entry(modules_, n);
  return it == modules_.end() ? nullptr : it->second;
}
bool Module::buffer_persistent(const std::string& n) const {
  return std::find(non_persistent_.begin(), non_persistent_.end(), n) == non_persistent_.end();
}

static std::string join_prefix(const std::string& prefix, const std::string& name) {
  return prefix.empty() ? name : prefix + "." + name;
}

void Module::named_parameters_impl(const std::string& prefix, bool recurse, NamedTensors& out,
                                   std::vector<const tensor::TensorImpl*>& seen) const {
  for (const auto& [n, p] : params_) {
    if (!p.defined() || std::find(seen.begin(), seen.end(), p.impl()) != seen.end()) continue;
    seen.push_back(p.impl());
    out.emplace_back(join_prefix(prefix, n), p);
  }
  if (!recurse) return;
  for (const auto& [n, m] : modules_)
    if (m) m->named_parameters_impl(join_prefix(prefix, n), true, out, seen);
}

// PyTorch walks named_modules() (which de-duplicates modules) and each module's
// own entries; a module reached twice contributes once.
NamedTensors Module::named_parameters(const std::string& prefix, bool recurse) const {
  NamedTensors out;
  std::vector<const tensor::TensorImpl*> seen;
  if (!recurse) {
    named_parameters_impl(prefix, false, out, seen);
    return out;
  }
  auto self = const_cast<Module*>(this);
  for (const auto& [n, m] : self->named_modules(prefix)) m->named_parameters_impl(n, false, out, seen);
  return out;
}

std::vector<Tensor> Module::parameters(bool recurse) const {
  std::vector<Tensor> out;
  for (auto& e : named_parameters("", recurse)) out.push_back(e.second);
  return out;
}

void Module::named_buffers_impl(const std::string& prefix, bool, NamedTensors& out,
                                std::vector<const tensor::TensorImpl*>& seen) const {
  for (const auto& [n, b] : buffers_) {
    if (!b.defined() || std::find(seen.begin(), seen.end(), b.impl()) != seen.end()) continue;
    seen.push_back(b.impl());
    out.emplace_back(join_prefix(prefix, n), b);
  }
}

NamedTensors Module::named_buffers(const std::string& prefix, bool recurse) const {
  NamedTensors out;
  std::vector<const tensor::TensorImpl*> seen;
  if (!recurse) {
    named_buffers_impl(prefix, false, out, seen);
    return out;
  }
  auto self = const_cast<Module*>(this);
  for (const auto& [n, m] : self->named_modules(prefix)) m->named_buffers_impl(n, false, out, seen);
  return out;
}

std::vector<Tensor> Module::buffers(bool recurse) const {
  std::vector<Tensor> out;
  for (auto& e : named_buffers("", recurse)) out.push_back(e.second);
  return out;
}

NamedModules Module::named_children() const {
  NamedModules out;
  std::vector<const Module*> seen;
  for (const auto& [n, m] : modules_) {
    if (!m || std::find(seen.begin(), seen.end(), m.get()) != seen.end()) continue;
    seen.push_back(m.get());
    out.emplace_back(n, m);
  }
  return out;
}

std::vector<ModulePtr> Module::children() const {
  std::vector<ModulePtr> out;
  for (auto& e : named_children()) out.push_back(e.second);
  return out;
}

void Module::named_modules_impl(const std::string& prefix, NamedModules& out, std::vector<const Module*>& seen) {
  if (std::find(seen.begin(), seen.end(), this) != seen.end()) return;
  seen.push_back(this);
  // A module not owned by a shared_ptr (e.g. on the stack) is reported through
  // a non-owning pointer.
  ModulePtr self = weak_from_this().lock();
  if (!self) self = ModulePtr(ModulePtr(), this);
  out.emplace_back(prefix, self);
  for (const auto& [n, m] : modules_)
    if (m) m->named_modules_impl(join_prefix(prefix, n), out, seen);
}

NamedModules Module::named_modules(const std::string& prefix) {
  NamedModules out;
  std::vector<const Module*> seen;
  named_modules_impl(prefix, out, seen);
  return out;
}

std::vector<ModulePtr> Module::modules() {
  std::vector<ModulePtr> out;
  for (auto& e : named_modules()) out.push_back(e.second);
  return out;
}

void Module::state_dict_impl(const std::string& prefix, NamedTensors& out) const {
  for (const auto& [n, p] : params_)
    if (p.defined()) out.emplace_back(prefix + n, detached(p));
  for (const auto& [n, b] : buffers_)
    if (b.defined() && buffer_persistent(n)) out.emplace_back(prefix + n, detached(b));
  for (const auto& [n, m] : modules_)
    if (m) m->state_dict_impl(prefix + n + ".", out);
}

NamedTensors Module::state_dict(const std::string& prefix) const {
  NamedTensors out;
  state_dict_impl(prefix, out);
  return out;
}

void Module::load_impl(const NamedTensors& sd, const std::string& prefix, bool strict,
                       std::vector<std::string>& missing, std::vector<std::string>& unexpected,
                       std::vector<std::string>& errors) {
  NamedTensors local;
  for (const auto& [n, p] : params_)
    if (p.defined()) local.emplace_back(n, p);
  for (const auto& [n, b] : buffers_)
    if (b.defined() && buffer_persistent(n)) local.emplace_back(n, b);
  for (const auto& [n, t] : local) {
    const std::string key = prefix + n;
    auto it = find_entry(sd, key);
    if (it == sd.end()) {
      missing.push_back(key);
      continue;
    }
    const Tensor& input = it->second;
    if (input.shape() != t.shape()) {
      errors.push_back("size mismatch for " + key + ": copying a param with shape " + size_string(input.shape()) +
                       " from checkpoint, the shape in current model is " + size_string(t.shape()) + ".");
      continue;
    }
    autograd::NoGradGuard no_grad;
    tensor::copy_(detached(t), input);
  }
  if (strict) {
    for (const auto& [key, v] : sd) {
      if (key.compare(0, prefix.size(), prefix) != 0) continue;
      const std::string rest = key.substr(prefix.size());
      const std::string input_name = rest.substr(0, rest.find('.'));
      if (!has_module(input_name) && find_entry(local, input_name) == local.end()) unexpected.push_back(key);
    }
  }
  for (const auto& [n, m] : modules_)
    if (m) m->load_impl(sd, prefix + n + ".", strict, missing, unexpected, errors);
}

IncompatibleKeys Module::load_state_dict(const NamedTensors& sd, bool strict) {
  IncompatibleKeys keys;
  std::vector<std::string> errors;
  load_impl(sd, "", strict, keys.missing_keys, keys.unexpected_keys, errors);
  if (strict) {
    if (!keys.unexpected_keys.empty())
      errors.insert(errors.begin(), "Unexpected key(s) in state_dict: " + quoted_list(keys.unexpected_keys, "\"") + ". ");
    if (!keys.missing_keys.empty())
      errors.insert(errors.begin(), "Missing key(s) in state_dict: " + quoted_list(keys.missing_keys, "\"") + ". ");
  }
  if (!errors.empty()) {
    std::string msg = "Error(s) in loading state_dict for " + type_name_ + ":\n\t";
    for (std::size_t i = 0; i < errors.size(); ++i) msg += (i ? "\n\t" : "") + errors[i];
    throw_runtime_error(msg);
  }
  return keys;
}

Module& Module::train(bool mode) {
  training_ = mode;
  for (const auto& [n, m] : modules_)
    if (m) m->train(mode);
  return *this;
}

void Module::zero_grad(bool set_to_none) {
  for (Tensor p : parameters()) {
    Tensor g = p.grad();
    if (!g.defined()) continue;
    if (set_to_none) {
      p.set_grad(Tensor());
    } else {
      g.impl()->autograd = tensor::AutogradMeta{};  // detach_() / requires_grad_(False)
      tensor::zero_(g);
    }
  }
}

}  // namespace lesson::nn
