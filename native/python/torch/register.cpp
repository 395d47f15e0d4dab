// Makes the torch package importable: each dotted name maps to the init
// that fills it on first import.
#include <string>

#include "python/torch/nn_sources.hpp"
#include "python/torch/torch_modules.hpp"
#include "python/vm.hpp"

namespace lesson::python::torch {

void register_torch_modules(Vm& vm) {
  vm.native_modules["torch"] = init_torch_module;
  vm.native_modules["torch.nn"] = init_torch_nn_module;
  vm.native_modules["torch.nn.functional"] = init_torch_nn_functional_module;
  vm.native_modules["torch.nn.init"] = init_torch_nn_init_module;
  vm.native_modules["torch.nn.parameter"] = init_torch_nn_parameter_module;
  vm.native_modules["torch.nn.modules"] = init_torch_nn_modules_package;
  for (const char* name : kNnModulesSubmodules)
    vm.native_modules[std::string("torch.nn.modules.") + name] = init_torch_nn_modules_package;
  vm.native_modules["torch.optim"] = init_torch_optim_module;
  vm.native_modules["collections"] = init_collections_module;
}

}  // namespace lesson::python::torch
