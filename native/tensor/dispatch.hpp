// Calling a generic lambda with the C++ element type of a runtime dtype:
//   dispatch(t.dtype(), [&](auto tag) { using T = typename decltype(tag)::type; ... });
#pragma once

#include <cstdint>

#include "tensor/dtype.hpp"

namespace lesson::tensor {

template <class T>
struct TypeTag {
  using type = T;
};

template <class F>
decltype(auto) dispatch(DType dtype, F&& f) {
  switch (dtype) {
    case DType::Float32: return f(TypeTag<float>{});
    case DType::Int64: return f(TypeTag<std::int64_t>{});
    case DType::Bool: return f(TypeTag<bool>{});
  }
  return f(TypeTag<float>{});
}

template <class T>
constexpr DType dtype_of();
template <>
constexpr DType dtype_of<float>() { return DType::Float32; }
template <>
constexpr DType dtype_of<std::int64_t>() { return DType::Int64; }
template <>
constexpr DType dtype_of<bool>() { return DType::Bool; }

// Converts between element types with PyTorch's rules (float -> int truncates
// toward zero, anything -> bool is "non-zero").
template <class To, class From>
inline To convert_element(From v) {
  if constexpr (std::is_same_v<To, bool>) {
    return v != From(0);
  } else {
    return static_cast<To>(v);
  }
}

}  // namespace lesson::tensor
