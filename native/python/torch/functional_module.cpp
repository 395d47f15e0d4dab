// torch.nn.functional: the module's init (native ops, then the Python
// wrappers) and the argument helpers the functional_*.cpp files share.
#include "python/interpreter.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/ops.hpp"
#include "python/torch/functional_args.hpp"
#include "python/torch/tensor_object.hpp"
#include "python/torch/torch_modules.hpp"

namespace lesson::python::torch {

void set_native(Module& m, const char* name, ObjRef (*fn)(Vm&, const Args&)) {
  Ref<NativeFunction> f = make_native(name, fn);
  f->module = m.name;
  m.dict->set_str(name, f.get());
}

double number_arg(Vm& vm, Object* o, const char* fname, const char* argname) {
  if (o && is_float(o)) return float_value(o);
  if (o && is_int(o)) return static_cast<double>(int_value(o));
  if (o && is_tensor(o)) return scalar_arg(vm, o, fname, argname, 0).to_double();
  raise_type_error(std::string(fname) + "(): argument '" + argname + "' must be float, not " +
                   (o ? type_name(o) : std::string("NoneType")));
}

bool flag_arg(Vm& vm, Object* o) { return o != nullptr && !is_none(o) && truthy(vm, o); }

std::vector<std::int64_t> optional_int_list(Vm& vm, Object* o, const char* fname, const char* argname,
                                            int position) {
  if (o == nullptr || is_none(o)) return {};
  return int_list_arg(vm, o, fname, argname, position);
}

void init_torch_nn_functional_module(Vm& vm, Module& m) {
  add_functional_norm(m);
  add_functional_pool(m);
  add_functional_activation(m);
  add_functional_activation_nn(m);
  add_functional_conv(m);
  add_functional_pad(m);
  run_module_source(vm, m, kFunctionalSource, "<torch.nn.functional>");
  add_functional_loss(vm, m);
}

}  // namespace lesson::python::torch
