// The torch package of the cell language. Each submodule has an init that
// fills its namespace on first import; register_torch_modules makes them
// importable (called from register_standard_modules).
#pragma once

namespace lesson::python {
class Vm;
class Module;
}  // namespace lesson::python

namespace lesson::python::torch {

void init_torch_module(Vm& vm, Module& m);             // torch (tensor_module.cpp)
void init_torch_nn_module(Vm& vm, Module& m);          // torch.nn
void init_torch_nn_functional_module(Vm& vm, Module& m);  // torch.nn.functional
void init_torch_nn_init_module(Vm& vm, Module& m);     // torch.nn.init
void init_torch_optim_module(Vm& vm, Module& m);       // torch.optim

void register_torch_modules(Vm& vm);

}  // namespace lesson::python::torch
