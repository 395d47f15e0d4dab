// torch.nn.functional.pad (native/nn/pad), reached through the Python
// wrapper in functional_source.cpp, with the argument errors of PyTorch
// 1.13's parser for pad(input, pad, mode, value).
#include <string>
#include <vector>

#include "nn/pad.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_module.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/torch/functional_args.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "python/torch/tensor_object.hpp"
#include "python/vm.hpp"

namespace lesson::python::torch {

namespace {

bool is_int_arg(Object* o) { return has_index(o) && !is_bool(o); }

// A tuple or list of ints. PyTorch names a bad list element and its 1-based
// position, and reports a tuple holding a non-int as a wrong type.
std::vector<std::int64_t> pad_amounts(Vm& vm, Object* o) {
  std::vector<std::int64_t> out;
  if (o && (is_list(o) || is_tuple(o))) {
    const std::vector<ObjRef>& items = is_list(o) ? static_cast<List*>(o)->items : static_cast<Tuple*>(o)->items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      Object* item = items[i].get();
      if (!is_int_arg(item)) {
        if (is_tuple(o)) break;
        raise(&t_TypeError, "pad(): argument 'pad' must be tuple of ints, but found element of type " +
                                arg_type_name(item) + " at pos " + std::to_string(i + 1));
      }
      out.push_back(index_value(vm, item));
    }
    if (out.size() == items.size()) return out;
  }
  raise(&t_TypeError, "pad(): argument 'pad' (position 2) must be tuple of ints, not " + arg_type_name(o ? o : none()));
}

// _pad(input, pad, mode, value)
ObjRef pad_native(Vm& vm, const Args& a) {
  check_nargs(a, "pad", 4, 4);
  const tensor::Tensor& x = tensor_arg(a[0], "pad", "input", 1);
  const std::vector<std::int64_t> amounts = pad_amounts(vm, a[1]);
  if (!is_str(a[2])) raise(&t_TypeError, "pad(): argument 'mode' must be str, not " + arg_type_name(a[2]));
  std::optional<double> value;
  if (!is_none(a[3])) {
    if (!(is_float(a[3]) || is_int(a[3]))) {
      raise(&t_TypeError, "pad(): argument 'value' must be float, not " + arg_type_name(a[3]));
    }
    value = number_arg(vm, a[3], "pad", "value");
  }
  return wrap_tensor(nn::pad(x, amounts, str_string(vm, a[2]), value));
}

}  // namespace

void add_functional_pad(Module& m) { set_native(m, "_pad", pad_native); }

}  // namespace lesson::python::torch
