// One entry of a Python subscript x[a, b, ...], as the cell language hands it
// to indexing: an int, a slice, None, Ellipsis, a Python bool, or a tensor
// (int64 indices or a bool mask). Mirrors at::indexing::TensorIndex.
#pragma once

#include <cstdint>
#include <optional>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// start:stop:step with Python's defaults for the parts left out.
struct Slice {
  std::optional<std::int64_t> start;
  std::optional<std::int64_t> stop;
  std::optional<std::int64_t> step;
};

// x[None] and x[...]: index(x, {NoneIndex{}, EllipsisIndex{}}).
struct NoneIndex {};
struct EllipsisIndex {};

class TensorIndex {
 public:
  enum class Kind : std::uint8_t { Integer, Slice, None, Ellipsis, Boolean, Tensor };

  TensorIndex(std::int64_t i) : kind_(Kind::Integer), integer_(i) {}     // NOLINT
  TensorIndex(int i) : TensorIndex(static_cast<std::int64_t>(i)) {}      // NOLINT
  TensorIndex(const Slice& s) : kind_(Kind::Slice), slice_(s) {}         // NOLINT
  TensorIndex(NoneIndex) : kind_(Kind::None) {}                          // NOLINT
  TensorIndex(EllipsisIndex) : kind_(Kind::Ellipsis) {}                  // NOLINT
  TensorIndex(Tensor t) : kind_(Kind::Tensor), tensor_(std::move(t)) {}  // NOLINT
  // A Python bool (x[True]); explicit so that ints never turn into it.
  static TensorIndex boolean(bool b) {
    TensorIndex out(std::int64_t{0});
    out.kind_ = Kind::Boolean;
    out.boolean_ = b;
    return out;
  }

  Kind kind() const { return kind_; }
  bool is_integer() const { return kind_ == Kind::Integer; }
  bool is_slice() const { return kind_ == Kind::Slice; }
  bool is_none() const { return kind_ == Kind::None; }
  bool is_ellipsis() const { return kind_ == Kind::Ellipsis; }
  bool is_boolean() const { return kind_ == Kind::Boolean; }
  bool is_tensor() const { return kind_ == Kind::Tensor; }

  std::int64_t integer() const { return integer_; }
  const Slice& slice() const { return slice_; }
  bool boolean() const { return boolean_; }
  const Tensor& tensor() const { return tensor_; }

 private:
  Kind kind_;
  std::int64_t integer_ = 0;
  Slice slice_;
  bool boolean_ = false;
  Tensor tensor_;
};

}  // namespace lesson::tensor
