// torch.optim's native update rules (optim_kernels.cpp) and its module init
// pieces.
#pragma once

namespace lesson::python {
class Module;
}

namespace lesson::python::torch {

// Adds _sgd_step and _adam_step to the torch.optim namespace.
void add_optim_kernels(Module& m);

}  // namespace lesson::python::torch
