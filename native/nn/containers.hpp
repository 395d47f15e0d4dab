// nn.Sequential and nn.ModuleList: children named "0", "1", ...
#pragma once

#include <cstdint>
#include <vector>

#include "nn/module.hpp"

namespace lesson::nn {

class ModuleList : public Module {
 public:
  explicit ModuleList(const std::vector<ModulePtr>& modules = {});
  std::int64_t size() const { return static_cast<std::int64_t>(local_modules().size()); }
  // Negative indices count from the end; IndexError "index 5 is out of range".
  ModulePtr at(std::int64_t index) const;
  void set(std::int64_t index, const ModulePtr& module);
  ModuleList& append(const ModulePtr& module);
  ModuleList& extend(const std::vector<ModulePtr>& modules);
  void insert(std::int64_t index, const ModulePtr& module);

 protected:
  ModuleList(std::string type_name, const std::vector<ModulePtr>& modules);
  std::int64_t normalize_index(std::int64_t index) const;
};

class Sequential : public ModuleList {
 public:
  explicit Sequential(const std::vector<ModulePtr>& modules = {});
  // Chains every child's forward.
  Tensor forward(const Tensor& input) override;
};

}  // namespace lesson::nn
