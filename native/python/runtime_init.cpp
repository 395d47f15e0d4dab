#include "python/runtime_init.hpp"

#include "python/modules.hpp"
#include "python/obj_dict.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_function.hpp"
#include "python/obj_generator.hpp"
#include "python/obj_int.hpp"
#include "python/obj_iter.hpp"
#include "python/obj_list.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_range.hpp"
#include "python/obj_set.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/obj_type.hpp"
#include "python/slot_wrappers.hpp"
#include "python/torch/torch_modules.hpp"
#include "python/vm.hpp"

namespace lesson::python {

void ensure_runtime_initialized() {
  static bool done = false;
  if (done) return;
  done = true;
  // Static types start immortal; their own type pointer is type_type.
  init_int_type();
  init_none_types();
  init_str_type();
  init_tuple_type();
  init_type_types();
  init_float_type();
  init_dict_type();
  init_list_type();
  init_set_type();
  init_range_type();
  init_slice_type();
  init_function_types();
  init_exception_types();
  init_iter_types();
  init_generator_type();
  init_module_type();
  add_object_dunders();
  for (Type* t : {&int_type, &bool_type, &float_type, &str_type, &tuple_type, &list_type, &dict_type, &set_type,
                  &frozenset_type, &range_type, &slice_type, &t_BaseException})
    add_slot_wrappers(t);
}

void register_standard_modules(Vm& vm) {
  vm.native_modules["math"] = init_math_module;
  vm.native_modules["random"] = init_random_module;
  vm.native_modules["time"] = init_time_module;
  vm.native_modules["sys"] = init_sys_module;
  vm.native_modules["warnings"] = init_warnings_module;
  torch::register_torch_modules(vm);
  vm.native_modules["matplotlib"] = init_matplotlib_module;
  vm.native_modules["matplotlib.pyplot"] = init_pyplot_module;
}

}  // namespace lesson::python
