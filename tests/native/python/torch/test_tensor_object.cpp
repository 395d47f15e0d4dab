// The conversions every torch binding uses (tensor_object.hpp): data to
// tensors with PyTorch's dtype inference and errors, tensors to lists,
// argument helpers with PyTorch's TypeError texts, dtype and Size objects.
#include <doctest/doctest.h>

#include <string>

#include "python/interpreter.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_float.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/torch/tensor_object.hpp"
#include "python/vm.hpp"
#include "tensor/create.hpp"

using namespace lesson::python;
namespace pt = lesson::python::torch;
namespace ts = lesson::tensor;

namespace {

// The message of the Python exception `f` raises, as "TypeError: ...".
template <class F>
std::string error_of(Vm& vm, F&& f) {
  try {
    f();
  } catch (PyError& e) {
    return type_name(e.exc.get()) + ": " + str_string(vm, e.exc.get());
  }
  return "no error";
}

ObjRef int_list(std::initializer_list<std::int64_t> values) {
  std::vector<ObjRef> items;
  for (std::int64_t v : values) items.push_back(make_int(v));
  return make_list(std::move(items));
}

}  // namespace

TEST_CASE("torch objects: tensor_from_data infers dtypes as torch.tensor does") {
  Interpreter py;
  Vm& vm = py.vm();
  pt::init_tensor_types();
  ObjRef ints = make_list({int_list({1, 2}), int_list({3, 4})});
  ts::Tensor t = pt::tensor_from_data(vm, ints.get(), std::nullopt);
  CHECK(t.dtype() == ts::DType::Int64);
  CHECK(t.shape() == ts::Shape{2, 2});
  CHECK(t.to_int_vector() == std::vector<std::int64_t>{1, 2, 3, 4});
  ObjRef mixed = make_list({make_int(1), make_float(2.5), ObjRef(make_bool(true))});
  ts::Tensor f = pt::tensor_from_data(vm, mixed.get(), std::nullopt);
  CHECK(f.dtype() == ts::DType::Float32);
  CHECK(f.to_double_vector() == std::vector<double>{1.0, 2.5, 1.0});
  ObjRef bools = make_tuple({make_bool(true), make_bool(false)});
  CHECK(pt::tensor_from_data(vm, bools.get(), std::nullopt).dtype() == ts::DType::Bool);
  CHECK(pt::tensor_from_data(vm, make_list({}).get(), std::nullopt).shape() == ts::Shape{0});
  CHECK(pt::tensor_from_data(vm, ints.get(), ts::DType::Float32).dtype() == ts::DType::Float32);
  ObjRef ragged = make_list({int_list({1, 2, 3}), int_list({4, 5})});
  CHECK(error_of(vm, [&] { pt::tensor_from_data(vm, ragged.get(), std::nullopt); }) ==
        "ValueError: expected sequence of length 3 at dim 1 (got 2)");
  ObjRef strs = make_list({make_int(1), make_str("a")});
  CHECK(error_of(vm, [&] { pt::tensor_from_data(vm, strs.get(), std::nullopt); }) ==
        "TypeError: new(): invalid data type 'str'");
}

TEST_CASE("torch objects: tensor_to_list and wrapping") {
  Interpreter py;
  Vm& vm = py.vm();
  pt::init_tensor_types();
  ts::Tensor t = ts::from_ints({2, 2}, {1, 2, 3, 4});
  CHECK(repr_string(vm, pt::tensor_to_list(t).get()) == "[[1, 2], [3, 4]]");
  CHECK(repr_string(vm, pt::tensor_to_list(ts::scalar_tensor(ts::Scalar(0.5))).get()) == "0.5");
  CHECK(repr_string(vm, pt::tensor_to_list(ts::from_ints({2}, {1, 0}, ts::DType::Bool)).get()) == "[True, False]");
  ObjRef w = pt::wrap_tensor(t);
  CHECK(pt::is_tensor(w.get()));
  CHECK(pt::tensor_value(w.get()).is_same(t));
  CHECK(repr_string(vm, w.get()) == "tensor([[1, 2],\n        [3, 4]])");
  ts::Tensor p = ts::from_doubles({2}, {1.0, 2.0});
  p.set_requires_grad(true);
  CHECK(repr_string(vm, pt::wrap_parameter(p).get()) == "Parameter containing:\ntensor([1., 2.], requires_grad=True)");
  CHECK(pt::wrap_optional(ts::Tensor()).get() == none());
}

TEST_CASE("torch objects: argument helpers raise PyTorch's TypeErrors") {
  Interpreter py;
  Vm& vm = py.vm();
  pt::init_tensor_types();
  ObjRef lst = int_list({1, 2});
  CHECK(error_of(vm, [&] { pt::tensor_arg(lst.get(), "layer_norm", "input", 1); }) ==
        "TypeError: layer_norm(): argument 'input' (position 1) must be Tensor, not list");
  CHECK(!pt::optional_tensor_arg(none(), "f", "bias", 3).defined());
  CHECK(pt::scalar_arg(vm, make_float(1.5).get(), "f", "value", 2).to_double() == 1.5);
  CHECK(pt::scalar_arg(vm, make_int(3).get(), "f", "value", 2).is_int());
  CHECK(error_of(vm, [&] { pt::scalar_arg(vm, make_str("x").get(), "fill_", "value", 1); }) ==
        "TypeError: fill_(): argument 'value' (position 1) must be Number, not str");
  CHECK(pt::int_list_arg(vm, make_int(2).get(), "max_pool2d", "kernel_size", 2, 2) == std::vector<std::int64_t>{2, 2});
  CHECK(pt::int_list_arg(vm, lst.get(), "view", "size", 1) == std::vector<std::int64_t>{1, 2});
  CHECK(error_of(vm, [&] { pt::int_list_arg(vm, make_float(1.0).get(), "view", "size", 1); }) ==
        "TypeError: view(): argument 'size' (position 1) must be tuple of ints, not float");
  CHECK(pt::dtype_arg(pt::dtype_object(ts::DType::Int64).get(), "to", "dtype", 1) == ts::DType::Int64);
  CHECK(error_of(vm, [&] { pt::dtype_arg(make_str("float").get(), "to", "dtype", 1); }) ==
        "TypeError: to(): argument 'dtype' (position 1) must be torch.dtype, not str");
  CHECK(repr_string(vm, pt::dtype_object(ts::DType::Bool).get()) == "torch.bool");
  ObjRef size = pt::make_size({2, 3});
  CHECK(repr_string(vm, size.get()) == "torch.Size([2, 3])");
  CHECK(is_tuple(size.get()));
  CHECK(repr_string(vm, pt::make_size({}).get()) == "torch.Size([])");
}
