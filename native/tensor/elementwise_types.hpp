// Type rules shared by the element-wise ops: the result dtype of mixed
// operands, which results may be written into which tensors, and the dtype
// names PyTorch puts in its error messages.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>

#include "tensor/scalar.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

// torch.result_type over any mix of tensors (of any rank) and Python numbers.
// With only float32 / int64 / bool every category holds one dtype, so
// PyTorch's three priority classes (dimensioned tensors, 0-d tensors, wrapped
// numbers) all reduce to "the highest category present wins".
DType result_type(std::initializer_list<DType> dtypes);

// A Python number as the 0-d tensor PyTorch wraps it in. Float numbers become
// float32 straight away: a float number only ever meets float32 compute.
Tensor wrap_scalar(const Scalar& s);

// "Float", "Long", "Bool": ScalarType names as in "result type Float can't be
// cast to the desired output type Long".
const char* scalar_type_name(DType d);
// "float", "long int", "bool": the C++ type names a few kernels print instead.
const char* cpp_type_name(DType d);

// torch.can_cast: no float -> integral and no non-bool -> bool.
bool can_cast(DType from, DType to);

// Message of PyTorch's in-place cast check.
std::string cast_error_text(DType result, const char* output_name);

// Scalar::to<T>() with PyTorch's overflow check: "value cannot be converted to
// type float without overflow" / "... type int64_t ...". Bool never fails.
float scalar_to_float(const Scalar& s);
std::int64_t scalar_to_int(const Scalar& s);
bool scalar_to_bool(const Scalar& s);

template <class T>
T scalar_to(const Scalar& s) {
  if constexpr (std::is_same_v<T, float>) {
    return scalar_to_float(s);
  } else if constexpr (std::is_same_v<T, bool>) {
    return scalar_to_bool(s);
  } else {
    return scalar_to_int(s);
  }
}

// A 0-d tensor's value as the Python number .item() would give.
Scalar item_scalar(const Tensor& t);

// `"name" not implemented for 'Bool'`: the text of a kernel that has no
// instantiation for a dtype.
[[noreturn]] void throw_not_implemented_for(const char* kernel, DType d);

}  // namespace lesson::tensor
