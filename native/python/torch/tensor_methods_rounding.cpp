// Tensor methods floor, ceil, trunc, round (decimals=), frac and sign, their
// in-place forms, and isnan, isinf and isfinite; torch.<name> forwards to
// them (torch_functions_math.cpp).
#include <string>

#include "autograd/ops_rounding.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_str.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "tensor/elementwise_rounding.hpp"

namespace lesson::python::torch {

namespace ag = lesson::autograd;
namespace ts = lesson::tensor;

namespace {

Type* const T = &tensor_type;

void add_with_inplace(const char* name, Tensor (*f)(const Tensor&)) {
  add_method(T, name, [name, f](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, name, 1, 1);
    return wrap_tensor(f(self_tensor(a)));
  });
  add_method(T, intern(std::string(name) + "_")->value.c_str(), [name, f](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, name, 1, 1);
    extra::assign_inplace(self_tensor(a), f(extra::inplace_source(self_tensor(a))));
    return inplace_result(a);
  });
}

// round(*, decimals=0): decimals is keyword-only, as in PyTorch 1.13.
Tensor round_of(Vm& vm, const Args& a, const char* name, const Tensor& self) {
  if (a.npos > 1)
    raise(&t_TypeError, std::string(name) + "() takes from 1 to 0 positional arguments but " +
                            std::to_string(a.npos - 1) + " were given");
  Object* out[2];
  parse_args(a, name, {"self", "decimals"}, 1, out);
  if (!out[1]) return ag::round(self);
  return ag::round(self, int_arg(vm, out[1], 0));
}

}  // namespace

void init_tensor_methods_rounding() {
  add_with_inplace("floor", ag::floor);
  add_with_inplace("ceil", ag::ceil);
  add_with_inplace("trunc", ag::trunc);
  add_with_inplace("fix", ag::trunc);
  add_with_inplace("frac", ag::frac);
  add_with_inplace("sign", ag::sign);
  add_method(T, "round", [](Vm& vm, const Args& a) -> ObjRef { return wrap_tensor(round_of(vm, a, "round", self_tensor(a))); });
  add_method(T, "round_", [](Vm& vm, const Args& a) -> ObjRef {
    const Tensor& self = self_tensor(a);
    extra::assign_inplace(self, round_of(vm, a, "round_", extra::inplace_source(self)));
    return inplace_result(a);
  });
  for (auto [name, f] : {std::pair{"isnan", &ts::isnan}, std::pair{"isinf", &ts::isinf}, std::pair{"isfinite", &ts::isfinite}}) {
    add_method(T, name, [name = name, f = f](Vm&, const Args& a) -> ObjRef {
      check_nargs(a, name, 1, 1);
      return wrap_tensor(f(self_tensor(a)));
    });
  }
}

}  // namespace lesson::python::torch
