// torch.Tensor's shape and layout methods: view, reshape, flatten, permute,
// transpose, t / T, unsqueeze, squeeze, expand, repeat, contiguous, clone,
// split, chunk, narrow, select — differentiable as in PyTorch.
#include <string>

#include "autograd/ops_index.hpp"
#include "autograd/ops_linalg.hpp"
#include "autograd/ops_shape.hpp"
#include "core/errors.hpp"
#include "python/obj_exception.hpp"
#include "python/obj_function.hpp"
#include "python/obj_int.hpp"
#include "python/obj_list.hpp"
#include "python/obj_none.hpp"
#include "python/obj_tuple.hpp"
#include "python/ops.hpp"
#include "python/torch/torch_warn.hpp"
#include "python/torch/tensor_bindings.hpp"
#include "tensor/tensor_index.hpp"
#include "tensor/views.hpp"

namespace lesson::python::torch {

namespace ag = lesson::autograd;
namespace ts = lesson::tensor;

ObjRef tensor_tuple(const std::vector<Tensor>& parts) {
  std::vector<ObjRef> items;
  items.reserve(parts.size());
  for (const Tensor& p : parts) items.push_back(wrap_tensor(p));
  return python::make_tuple(std::move(items));
}

ObjRef shape_split(Vm& vm, const Args& a, const char* fname) {
  Object* out[3];
  parse_args(a, fname, {"tensor", "split_size_or_sections", "dim"}, 2, out);
  const Tensor& x = tensor_arg(out[0], fname, "tensor", 1);
  std::int64_t dim = int_arg(vm, out[2], 0);
  if (is_list(out[1]) || is_tuple(out[1]))
    return tensor_tuple(ag::split_with_sizes(x, int_list_arg(vm, out[1], fname, "split_size", 1), dim));
  return tensor_tuple(ag::split(x, index_value(vm, out[1]), dim));
}

ObjRef shape_chunk(Vm& vm, const Args& a, const char* fname) {
  Object* out[3];
  parse_args(a, fname, {"input", "chunks", "dim"}, 2, out);
  const Tensor& x = tensor_arg(out[0], fname, "input", 1);
  return tensor_tuple(ag::chunk(x, index_value(vm, out[1]), int_arg(vm, out[2], 0)));
}

// x.narrow(dim, start, length) / x.select(dim, index) as subscripts, so
// their grad_fn is SliceBackward0 / SelectBackward0 as in PyTorch.
Tensor narrow_select(const Tensor& x, std::int64_t dim, std::int64_t start, std::optional<std::int64_t> length) {
  const std::int64_t d = ts::wrap_dim(dim, x.dim());
  std::vector<ts::TensorIndex> idx;
  for (std::int64_t i = 0; i < d; ++i) idx.emplace_back(ts::Slice{});
  if (length) {
    const std::int64_t size = x.shape()[static_cast<std::size_t>(d)];
    if (start < -size || start > size)
      throw_index_error("start out of range (expected to be in range of [" + std::to_string(-size) + ", " +
                        std::to_string(size) + "], but got " + std::to_string(start) + ")");
    if (start < 0) start += size;
    if (start + *length > size)
      throw_runtime_error("start (" + std::to_string(start) + ") + length (" + std::to_string(*length) +
                          ") exceeds dimension size (" + std::to_string(size) + ").");
    idx.emplace_back(ts::Slice{start, start + *length, 1});
  } else {
    idx.emplace_back(start);
  }
  return ag::index(x, idx);
}

void init_tensor_methods_shape() {
  Type* T = &tensor_type;
  add_method(T, "view", [](Vm& vm, const Args& a) -> ObjRef {
    return wrap_tensor(ag::view(self_tensor(a), size_varargs(vm, a, 1, "view")));
  });
  add_method(T, "view_as", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "view_as", 2, 2);
    return wrap_tensor(ag::view(self_tensor(a), tensor_arg(a[1], "view_as", "other", 1).shape()));
  });
  add_method(T, "reshape", [](Vm& vm, const Args& a) -> ObjRef {
    return wrap_tensor(ag::reshape(self_tensor(a), size_varargs(vm, a, 1, "reshape", "shape")));
  });
  add_method(T, "reshape_as", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "reshape_as", 2, 2);
    return wrap_tensor(ag::reshape(self_tensor(a), tensor_arg(a[1], "reshape_as", "other", 1).shape()));
  });
  add_method(T, "flatten", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[3];
    parse_args(a, "flatten", {"self", "start_dim", "end_dim"}, 1, out);
    return wrap_tensor(ag::flatten(self_tensor(a), int_arg(vm, out[1], 0), int_arg(vm, out[2], -1)));
  });
  add_method(T, "permute", [](Vm& vm, const Args& a) -> ObjRef {
    return wrap_tensor(ag::permute(self_tensor(a), size_varargs(vm, a, 1, "permute", "dims")));
  });
  add_method(T, "transpose", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[3];
    parse_args(a, "transpose", {"self", "dim0", "dim1"}, 3, out);
    return wrap_tensor(ag::transpose(self_tensor(a), index_value(vm, out[1]), index_value(vm, out[2])));
  });
  add_method(T, "swapaxes", [](Vm& vm, const Args& a) -> ObjRef {
    check_nargs(a, "swapaxes", 3, 3);
    return wrap_tensor(ag::transpose(self_tensor(a), index_value(vm, a[1]), index_value(vm, a[2])));
  });
  add_method(T, "t", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "t", 1, 1);
    return wrap_tensor(ag::t(self_tensor(a)));
  });
  add_getter(T, "T", [](Vm& vm, const Args& a) -> ObjRef {
    const Tensor& x = self_tensor(a);
    if (x.dim() != 0 && x.dim() != 2)
      torch_warn_once(vm, "numpy_T",
                      "The use of `x.T` on tensors of dimension other than 2 to reverse their shape is deprecated and "
                      "it will throw an error in a future release. Consider `x.mT` to transpose batches of matrices "
                      "or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor. "
                      "(Triggered internally at  ./aten/src/ATen/native/TensorShape.cpp:3277.)");
    std::vector<std::int64_t> dims;
    for (std::int64_t i = x.dim() - 1; i >= 0; --i) dims.push_back(i);
    return wrap_tensor(ag::permute(x, dims));
  });
  add_method(T, "unsqueeze", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "unsqueeze", {"self", "dim"}, 2, out);
    return wrap_tensor(ag::unsqueeze(self_tensor(a), index_value(vm, out[1])));
  });
  add_method(T, "squeeze", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "squeeze", {"self", "dim"}, 1, out);
    if (!given(out[1])) return wrap_tensor(ag::squeeze(self_tensor(a)));
    return wrap_tensor(ag::squeeze(self_tensor(a), index_value(vm, out[1])));
  });
  add_method(T, "expand", [](Vm& vm, const Args& a) -> ObjRef {
    return wrap_tensor(ag::expand(self_tensor(a), size_varargs(vm, a, 1, "expand")));
  });
  add_method(T, "expand_as", [](Vm&, const Args& a) -> ObjRef {
    check_nargs(a, "expand_as", 2, 2);
    return wrap_tensor(ag::expand(self_tensor(a), tensor_arg(a[1], "expand_as", "other", 1).shape()));
  });
  add_method(T, "repeat", [](Vm& vm, const Args& a) -> ObjRef {
    return wrap_tensor(ag::repeat(self_tensor(a), size_varargs(vm, a, 1, "repeat", "repeats")));
  });
  add_method(T, "contiguous", [](Vm&, const Args& a) -> ObjRef {
    const Tensor& x = self_tensor(a);
    if (x.is_contiguous()) return self_ref(a);
    return wrap_tensor(ag::contiguous(x));
  });
  add_method(T, "clone", [](Vm&, const Args& a) -> ObjRef {
    Object* out[2];
    parse_args(a, "clone", {"self", "memory_format"}, 1, out);
    return wrap_tensor(ag::clone(self_tensor(a)));
  });
  add_method(T, "split", [](Vm& vm, const Args& a) { return shape_split(vm, a, "split"); });
  add_method(T, "chunk", [](Vm& vm, const Args& a) { return shape_chunk(vm, a, "chunk"); });
  add_method(T, "narrow", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[4];
    parse_args(a, "narrow", {"self", "dim", "start", "length"}, 4, out);
    return wrap_tensor(narrow_select(self_tensor(a), index_value(vm, out[1]), index_value(vm, out[2]),
                                     index_value(vm, out[3])));
  });
  add_method(T, "select", [](Vm& vm, const Args& a) -> ObjRef {
    Object* out[3];
    parse_args(a, "select", {"self", "dim", "index"}, 3, out);
    return wrap_tensor(narrow_select(self_tensor(a), index_value(vm, out[1]), index_value(vm, out[2]), std::nullopt));
  });
}

}  // namespace lesson::python::torch
