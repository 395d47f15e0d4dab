// A Python number passed to a tensor op (the `2` in `x * 2`): bool, int or
// float. Its kind takes part in type promotion the way PyTorch treats
// "wrapped numbers": it can raise the result's category (int -> float) but
// never its width.
#pragma once

#include <cstdint>

#include "tensor/dtype.hpp"

namespace lesson::tensor {

class Scalar {
 public:
  enum class Kind : std::uint8_t { Bool, Int, Float };

  Scalar(bool v) : kind_(Kind::Bool), i_(v), f_(v) {}                       // NOLINT
  Scalar(int v) : kind_(Kind::Int), i_(v), f_(v) {}                        // NOLINT
  Scalar(std::int64_t v) : kind_(Kind::Int), i_(v), f_(static_cast<double>(v)) {}  // NOLINT
  Scalar(double v) : kind_(Kind::Float), i_(static_cast<std::int64_t>(v)), f_(v) {}  // NOLINT
  Scalar(float v) : Scalar(static_cast<double>(v)) {}                      // NOLINT

  Kind kind() const { return kind_; }
  bool is_float() const { return kind_ == Kind::Float; }
  bool is_int() const { return kind_ == Kind::Int; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  double to_double() const { return f_; }
  std::int64_t to_int() const { return i_; }
  bool to_bool() const { return kind_ == Kind::Float ? f_ != 0.0 : i_ != 0; }

  // The dtype a tensor made from this number alone gets (torch.tensor(2.5)).
  DType natural_dtype() const {
    return kind_ == Kind::Float ? DType::Float32 : kind_ == Kind::Int ? DType::Int64 : DType::Bool;
  }

 private:
  Kind kind_;
  std::int64_t i_;
  double f_;
};

// Result dtype of a tensor-with-number op: the number only matters when it
// is of a higher category than the tensor.
inline DType promote_with_scalar(DType tensor_dtype, const Scalar& s) {
  const DType sd = s.natural_dtype();
  const auto category = [](DType d) { return d == DType::Float32 ? 2 : d == DType::Int64 ? 1 : 0; };
  return category(sd) > category(tensor_dtype) ? sd : tensor_dtype;
}

}  // namespace lesson::tensor
