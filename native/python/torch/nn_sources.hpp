// The Python parts of the torch package: nn.Module and its containers, the
// layers, torch.optim's optimizers, and the small collections module they
// use. Each string is one file's Python source, run in its module's
// namespace by the module's init (nn_module.cpp, optim_module.cpp).
#pragma once

namespace lesson::python {
class Vm;
class Module;
}  // namespace lesson::python

namespace lesson::python::torch {

extern const char* const kNnModuleSource;      // nn_module_source.cpp: Module, helpers
extern const char* const kNnContainersSource;  // nn_containers_source.cpp: Sequential, ModuleList, ModuleDict
extern const char* const kNnLayersLinearSource;  // nn_layers_linear_source.cpp: Identity, Linear, Flatten, Conv
extern const char* const kNnLayersNormSource;    // nn_layers_norm_source.cpp: BatchNorm, LayerNorm, ...
extern const char* const kNnLayersPoolSource;    // nn_layers_pool_source.cpp: pooling layers
extern const char* const kNnLayersPaddingSource;  // nn_layers_padding_source.cpp: padding layers
extern const char* const kNnLayersActivationSource;  // nn_layers_activation_source.cpp: activations, Dropout
extern const char* const kNnLayersLossSource;        // nn_layers_loss_source.cpp: losses
extern const char* const kOptimSource;               // optim_source.cpp: Optimizer, SGD, Adam, AdamW

// collections (OrderedDict, defaultdict) and torch.nn.parameter (Parameter),
// registered with the torch modules (register.cpp).
void init_collections_module(Vm& vm, Module& m);
void init_torch_nn_parameter_module(Vm& vm, Module& m);
// torch.nn.modules and torch.nn.modules.<name> for each name of
// kNnModulesSubmodules (nn_module.cpp).
void init_torch_nn_modules_package(Vm& vm, Module& m);
extern const char* const kNnModulesSubmodules[14];

}  // namespace lesson::python::torch
