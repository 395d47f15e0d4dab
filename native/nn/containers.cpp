#include "nn/containers.hpp"

#include <algorithm>
#include <string>

#include "core/errors.hpp"

namespace lesson::nn {

ModuleList::ModuleList(const std::vector<ModulePtr>& modules) : ModuleList("ModuleList", modules) {}

ModuleList::ModuleList(std::string type_name, const std::vector<ModulePtr>& modules) : Module(std::move(type_name)) {
  extend(modules);
}

std::int64_t ModuleList::normalize_index(std::int64_t index) const {
  const std::int64_t n = size();
  if (index < -n || index >= n) throw_index_error("index " + std::to_string(index) + " is out of range");
  return index < 0 ? index + n : index;
}

ModulePtr ModuleList::at(std::int64_t index) const {
  return local_modules()[static_cast<std::size_t>(normalize_index(index))].second;
}

void ModuleList::set(std::int64_t index, const ModulePtr& module) {
  register_module(std::to_string(normalize_index(index)), module);
}

ModuleList& ModuleList::append(const ModulePtr& module) {
  register_module(std::to_string(size()), module);
  return *this;
}

ModuleList& ModuleList::extend(const std::vector<ModulePtr>& modules) {
  for (const auto& m : modules) append(m);
  return *this;
}

// As PyTorch: shift the tail up by one, then put the module at index.
void ModuleList::insert(std::int64_t index, const ModulePtr& module) {
  const std::int64_t n = size();
  if (index < 0) index = std::max<std::int64_t>(0, index + n);
  if (index > n) index = n;
  std::vector<ModulePtr> all;
  for (const auto& e : local_modules()) all.push_back(e.second);
  all.insert(all.begin() + index, module);
  for (std::int64_t i = 0; i < n; ++i) remove(std::to_string(i));
  for (std::size_t i = 0; i < all.size(); ++i) register_module(std::to_string(i), all[i]);
}

Sequential::Sequential(const std::vector<ModulePtr>& modules) : ModuleList("Sequential", modules) {}

Tensor Sequential::forward(const Tensor& input) {
  Tensor x = input;
  for (const auto& e : local_modules())
    if (e.second) x = e.second->forward(x);
  return x;
}

}  // namespace lesson::nn
