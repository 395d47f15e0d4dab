// The element types a tensor can hold.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace lesson::tensor {

enum class DType : std::uint8_t { Float32, Int64, Bool };

// "torch.float32", "torch.int64", "torch.bool".
inline const char* dtype_name(DType d) {
  switch (d) {
    case DType::Float32: return "torch.float32";
    case DType::Int64: return "torch.int64";
    case DType::Bool: return "torch.bool";
  }
  return "torch.unknown";
}

inline std::size_t dtype_size(DType d) {
  switch (d) {
    case DType::Float32: return 4;
    case DType::Int64: return 8;
    case DType::Bool: return 1;
  }
  return 0;
}

inline bool is_floating(DType d) { return d == DType::Float32; }

// Type promotion for binary ops between tensors of equal "category priority":
// bool < int64 < float32, as torch.result_type does for these three types.
inline DType promote(DType a, DType b) {
  if (a == DType::Float32 || b == DType::Float32) return DType::Float32;
  if (a == DType::Int64 || b == DType::Int64) return DType::Int64;
  return DType::Bool;
}

}  // namespace lesson::tensor
