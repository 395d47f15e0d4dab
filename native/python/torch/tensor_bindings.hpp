// Internal to the torch bindings: how the files that fill torch.Tensor's
// dictionary and the torch module share argument helpers. Not for other
// modules (they use tensor_object.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "python/obj_none.hpp"
#include "python/object.hpp"
#include "python/torch/tensor_object.hpp"
#include "tensor/reduce_dims.hpp"
#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"

namespace lesson::python {
class Module;
}

namespace lesson::python::torch {

using tensor::Tensor;

// Parts of torch.Tensor, each filled by the file named after it.
void init_tensor_operators();      // tensor_operators.cpp: operator slots, truth, len, iter, format
void init_tensor_indexing();       // tensor_indexing.cpp: getitem / setitem
void init_tensor_methods_math();   // tensor_methods_math.cpp: arithmetic and element-wise methods
void init_tensor_methods_rounding();  // tensor_methods_rounding.cpp: floor, ceil, round, sign, isnan, ...
void init_tensor_methods_reduce(); // tensor_methods_reduce.cpp: sum, mean, max, ...
void init_tensor_methods_shape();  // tensor_methods_shape.cpp: view, reshape, permute, ...
void init_tensor_methods_misc();   // tensor_methods_misc.cpp: dtype conversion, fills, item, tolist, ...
void init_tensor_autograd();
void init_tensor_methods_sort();   // tensor_methods_sort.cpp: sort, argsort, topk, softmax       // tensor_autograd.cpp: grad, grad_fn, backward, requires_grad

// Parts of the torch module.
void add_torch_creation_functions(Vm& vm, Module& m);  // torch_functions_create.cpp
void add_torch_math_functions(Vm& vm, Module& m);      // torch_functions_math.cpp
void add_grad_mode_bindings(Vm& vm, Module& m);        // grad_mode_bindings.cpp

// torch.return_types.max(values=..., indices=...) (and min, sort, topk ...).
ObjRef make_values_indices(const std::string& op, const Tensor& values, const Tensor& indices);
void init_return_types();

// Reductions shared by Tensor methods and torch.* functions
// (tensor_methods_reduce.cpp); the tensor is the first argument.
ObjRef reduce_sum(Vm& vm, const Args& a, const char* fname);
ObjRef reduce_mean(Vm& vm, const Args& a, const char* fname);
ObjRef reduce_var_std(Vm& vm, const Args& a, const char* fname, bool is_std);
ObjRef reduce_max_min(Vm& vm, const Args& a, const char* fname, bool is_max);
ObjRef reduce_arg(Vm& vm, const Args& a, const char* fname, bool is_max);
ObjRef reduce_all_any(Vm& vm, const Args& a, const char* fname, bool is_all);
ObjRef reduce_prod(Vm& vm, const Args& a, const char* fname);
ObjRef reduce_norm(Vm& vm, const Args& a, const char* fname);
ObjRef reduce_cumsum(Vm& vm, const Args& a, const char* fname);

// Shape helpers shared with torch.* (tensor_methods_shape.cpp).
ObjRef tensor_tuple(const std::vector<Tensor>& parts);
ObjRef shape_split(Vm& vm, const Args& a, const char* fname);
ObjRef shape_chunk(Vm& vm, const Args& a, const char* fname);
Tensor narrow_select(const Tensor& x, std::int64_t dim, std::int64_t start, std::optional<std::int64_t> length);

extern Type device_type;  // torch.device('cpu'), the only device (tensor_methods_misc.cpp)

// generator= arguments: only torch's default generator (what
// torch.manual_seed returns) is accepted (torch_functions_create.cpp).
void check_generator(Object* generator, const char* fname);

// x.nonzero() / torch.where(cond): the indices of non-zero elements.
ObjRef tensor_nonzero(const Tensor& x, bool as_tuple);

// ---- argument helpers

inline bool given(const Object* o) { return o != nullptr && !is_none(o); }
bool is_number(const Object* o);          // int, bool or float
tensor::Scalar number_value(const Object* o);  // of a number (is_number)
// A tensor, or a number for ops that take either: exactly one is set.
struct TensorOrScalar {
  const Tensor* tensor = nullptr;
  std::optional<tensor::Scalar> scalar;
  bool ok() const { return tensor || scalar; }
};
TensorOrScalar tensor_or_scalar(Object* o);

bool bool_arg(Vm& vm, Object* o, bool def);
std::int64_t int_arg(Vm& vm, Object* o, std::int64_t def);
double double_arg(Object* o, double def, const char* fname, const char* argname, int position);
// dim=int or a tuple/list of ints; empty when not given.
tensor::DimList dims_arg(Vm& vm, Object* o, const char* fname);
// A size given as varargs (f(2, 3)) or one sequence (f((2, 3))), from
// positional argument `start` on.
std::vector<std::int64_t> size_varargs(Vm& vm, const Args& a, std::size_t start, const char* fname,
                                       const char* argname = "size");
// The value a method returns when it returns its own tensor: self itself.
inline ObjRef self_ref(const Args& a) { return ObjRef(a[0]); }
inline const Tensor& self_tensor(const Args& a) { return tensor_value(a[0]); }
// What an in-place method returns: self, once a view's base has been told.
void propagate_view_inplace(Object* self);
inline ObjRef inplace_result(const Args& a) {
  propagate_view_inplace(a[0]);
  return ObjRef(a[0]);
}
// The Python number a one-element tensor holds (item()); ValueError otherwise.
ObjRef tensor_item(const Tensor& t);
// Python name of a type in PyTorch's argument messages.
std::string arg_type_name(const Object* o);

}  // namespace lesson::python::torch

// Differentiable ops that native/autograd does not provide, recorded with
// PyTorch's node names (tensor_autograd_ops.cpp).
namespace lesson::python::torch::extra {

using lesson::tensor::Tensor;

Tensor norm(const Tensor& x, double p, const tensor::DimList& dims, bool keepdim);  // NormBackward1
Tensor prod(const Tensor& x);                                                      // ProdBackward0
Tensor prod(const Tensor& x, std::int64_t dim, bool keepdim);                      // ProdBackward1
Tensor cumsum(const Tensor& x, std::int64_t dim);                                  // CumsumBackward0
Tensor where(const Tensor& cond, const Tensor& a, const Tensor& b);                // WhereBackward0
Tensor maximum(const Tensor& a, const Tensor& b);                                  // MaximumBackward0
Tensor minimum(const Tensor& a, const Tensor& b);                                  // MinimumBackward0
Tensor masked_fill(const Tensor& x, const Tensor& mask, const Tensor& value);      // MaskedFillBackward0
Tensor to_dtype(const Tensor& x, tensor::DType dtype);                             // ToCopyBackward0
Tensor clamp(const Tensor& x, const Tensor& min, const Tensor& max);               // ClampBackward0
Tensor remainder(const Tensor& x, const Tensor& other);                            // RemainderBackward1
Tensor remainder(const Tensor& x, const tensor::Scalar& other);                    // RemainderBackward0
// x op= in place through an out-of-place result `r`: checks, writes r into x
// and gives x r's history (as PyTorch rebases an in-place op's output).
void assign_inplace(const Tensor& x, const Tensor& r);
// After an in-place write that replaced x's values (zero_, fill_, normal_,
// copy_ ...): x's new history is a node `name` whose gradient for x's old
// value is zero (and, for copy_, goes to `src` summed to its shape).
void rebase_history(const Tensor& x, const char* name, const Tensor* src = nullptr);
// What an in-place op computes its result from: x itself, or, when autograd
// records the op, a copy of x's values with x's history, so the values the
// node saves are not the ones the op then overwrites.
Tensor inplace_source(const Tensor& x);
// The checks before any in-place write into x: a leaf that requires grad,
// or a view of one, cannot be modified while grad mode is on.
void check_inplace_target(const Tensor& x);

}  // namespace lesson::python::torch::extra
