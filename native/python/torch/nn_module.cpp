// torch.nn: nn.Parameter (the native parameter type) and the Python sources
// of Module, the containers and the layers, run in order in the module's
// namespace; torch.nn.parameter, which holds Parameter as PyTorch's does; and
// the torch.nn.modules package (torch.nn.modules.batchnorm._BatchNorm, ...),
// whose submodules hold the classes each PyTorch file defines.
#include <string>

#include "python/interpreter.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_module.hpp"
#include "python/torch/nn_sources.hpp"
#include "python/torch/tensor_object.hpp"
#include "python/torch/torch_modules.hpp"

namespace lesson::python::torch {

namespace {

// Fills torch.nn.modules.<file> with what torch.nn defined under that
// module name (the sources set __name__ per PyTorch file); torch.nn.modules
// itself gets every class of its submodules and imports them.
const char* const kNnModulesPackageSource = R"PY(
import torch.nn as _nn
for _name, _value in list(vars(_nn).items()):
    _module = getattr(_value, '__module__', None)
    if _module == __name__ or (__name__ == 'torch.nn.modules' and isinstance(_value, type) and
                               isinstance(_module, str) and _module.startswith('torch.nn.modules.')):
        globals()[_name] = _value
del _name, _value, _module, _nn
if __name__ == 'torch.nn.modules':
    import torch.nn.modules.module
    import torch.nn.modules.container
    import torch.nn.modules.utils
    import torch.nn.modules.linear
    import torch.nn.modules.flatten
    import torch.nn.modules.conv
    import torch.nn.modules.batchnorm
    import torch.nn.modules.instancenorm
    import torch.nn.modules.normalization
    import torch.nn.modules.pooling
    import torch.nn.modules.padding
    import torch.nn.modules.activation
    import torch.nn.modules.dropout
    import torch.nn.modules.loss
    del torch
)PY";

}  // namespace

const char* const kNnModulesSubmodules[] = {"module",       "container",     "utils",   "linear",     "flatten",
                                            "conv",         "batchnorm",     "instancenorm", "normalization",
                                            "pooling",      "padding",       "activation", "dropout", "loss"};

void init_torch_nn_modules_package(Vm& vm, Module& m) {
  run_module_source(vm, m, kNnModulesPackageSource, "<" + m.name + ">");
}

void init_torch_nn_parameter_module(Vm&, Module& m) {
  init_tensor_types();
  m.dict->set_str("Parameter", &parameter_type);
}

void init_torch_nn_module(Vm& vm, Module& m) {
  init_tensor_types();
  m.dict->set_str("Parameter", &parameter_type);
  const std::pair<const char*, const char*> parts[] = {
      {kNnModuleSource, "<torch.nn.modules.module>"},
      {kNnContainersSource, "<torch.nn.modules.container>"},
      {kNnLayersLinearSource, "<torch.nn.modules.linear>"},
      {kNnLayersNormSource, "<torch.nn.modules.normalization>"},
      {kNnLayersPoolSource, "<torch.nn.modules.pooling>"},
      {kNnLayersPaddingSource, "<torch.nn.modules.padding>"},
      {kNnLayersActivationSource, "<torch.nn.modules.activation>"},
      {kNnLayersLossSource, "<torch.nn.modules.loss>"},
  };
  for (const auto& [source, filename] : parts) run_module_source(vm, m, source, filename);
  run_module_source(vm, m, "import torch.nn.modules\n", "<torch.nn>");
}

}  // namespace lesson::python::torch
