#include "python/torch/torch_warn.hpp"

#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_int.hpp"
#include "python/obj_module.hpp"
#include "python/obj_str.hpp"
#include "python/vm.hpp"

namespace lesson::python::torch {

namespace {

Module* warnings_module(Vm& vm) { return static_cast<Module*>(vm.import_module("warnings").get()); }

}  // namespace

void torch_warn(Vm& vm, const std::string& message) {
  Module* w = warnings_module(vm);
  Object* warn = w->dict->get_str("warn");
  // stacklevel 1: the frame running when the native code was called.
  vm.call(warn, {make_str(message).get(), &t_UserWarning, make_int(1).get()});
}

void torch_warn_once(Vm& vm, const char* key, const std::string& message) {
  Module* w = warnings_module(vm);
  const std::string flag = std::string("_torch_warned_once_") + key;
  if (w->dict->get_str(flag)) return;
  w->dict->set_str(flag, make_bool(true));
  torch_warn(vm, message);
}

}  // namespace lesson::python::torch
