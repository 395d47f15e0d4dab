// Shared pieces of the torch.nn.functional bindings: the native ops are
// registered under private names ("_batch_norm", ...) with fixed positional
// arities, and the public functions with PyTorch's signatures, defaults and
// keyword handling are Python wrappers (functional_source.cpp), as
// torch/nn/functional.py wraps the ATen ops.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "python/object.hpp"
#include "tensor/tensor.hpp"

namespace lesson::python {
class Module;
}

namespace lesson::python::torch {

// Registers a native function in a module's namespace.
void set_native(Module& m, const char* name, ObjRef (*fn)(Vm&, const Args&));

// Python number (int, float, bool) -> double; TypeError naming fname/argname otherwise.
double number_arg(Vm& vm, Object* o, const char* fname, const char* argname);
// Python truth value of an argument (None is false).
bool flag_arg(Vm& vm, Object* o);
// None -> {} (PyTorch's "stride=None" for pools), else int_list_arg.
std::vector<std::int64_t> optional_int_list(Vm& vm, Object* o, const char* fname, const char* argname, int position);

// The op groups, each adding its private natives to torch.nn.functional.
void add_functional_norm(Module& m);
void add_functional_pool(Module& m);
void add_functional_activation(Module& m);
void add_functional_activation_nn(Module& m);
void add_functional_conv(Module& m);
void add_functional_pad(Module& m);
// Losses: natives and their Python wrappers (functional_loss.cpp).
void add_functional_loss(Vm& vm, Module& m);
// Python source of torch.nn.functional's public functions.
extern const char* const kFunctionalSource;

}  // namespace lesson::python::torch
