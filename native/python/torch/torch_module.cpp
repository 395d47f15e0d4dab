// The torch module itself: the Tensor types, dtypes, constants, and the
// functions from the torch_functions_* files; its submodules are imported
// at the end so `import torch; torch.nn.Linear` works.
#include <cmath>
#include <limits>

#include "python/obj_dict.hpp"
#include "python/obj_float.hpp"
#include "python/obj_module.hpp"
#include "python/obj_str.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "python/torch/torch_modules.hpp"
#include "python/vm.hpp"

namespace lesson::python::torch {

void init_torch_module(Vm& vm, Module& m) {
  init_tensor_types();
  Dict* d = m.dict;
  d->set_str("__version__", make_str("1.13.0a0").get());
  d->set_str("Tensor", &tensor_type);
  d->set_str("Size", &size_type);
  d->set_str("dtype", &dtype_type);
  d->set_str("device", &device_type);
  d->set_str("float32", dtype_object(tensor::DType::Float32).get());
  d->set_str("float", dtype_object(tensor::DType::Float32).get());
  d->set_str("int64", dtype_object(tensor::DType::Int64).get());
  d->set_str("long", dtype_object(tensor::DType::Int64).get());
  d->set_str("bool", dtype_object(tensor::DType::Bool).get());
  d->set_str("pi", make_float(3.141592653589793).get());
  d->set_str("e", make_float(2.718281828459045).get());
  d->set_str("inf", make_float(std::numeric_limits<double>::infinity()).get());
  d->set_str("nan", make_float(std::numeric_limits<double>::quiet_NaN()).get());
  add_torch_creation_functions(vm, m);
  add_torch_math_functions(vm, m);
  add_grad_mode_bindings(vm, m);
  for (const char* sub : {"torch.nn", "torch.nn.functional", "torch.nn.init", "torch.nn.parameter", "torch.optim"})
    if (vm.native_modules.count(sub)) vm.import_module(sub);
}

}  // namespace lesson::python::torch
