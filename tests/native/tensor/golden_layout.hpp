// The memory layouts the golden generators give their inputs (see
// with_layout in tests/golden/generate_reduce.py), rebuilt with
// Tensor::as_strided so kernels meet non-contiguous tensors with the values
// PyTorch saw.
#pragma once

#include <algorithm>
#include <limits>
#include <string>

#include "tensor/copy.hpp"
#include "tensor/create.hpp"
#include "tensor/tensor.hpp"

namespace lesson::testing {

// "contiguous": x itself. "transposed": dims stored in reverse order.
// "strided": every other element of a buffer twice as long along the last
// dim, the gaps filled with a value a wrong read would show (nan, 7777, True).
inline tensor::Tensor with_layout(const tensor::Tensor& x, const std::string& layout) {
  using tensor::Shape;
  using tensor::Strides;
  using tensor::Tensor;
  if (layout == "transposed" && x.dim() >= 2) {
    Shape reversed(x.shape().rbegin(), x.shape().rend());
    Tensor base = Tensor::make(reversed, x.dtype());
    Strides strides(base.strides().rbegin(), base.strides().rend());
    Tensor view = base.as_strided(x.shape(), strides, 0);
    tensor::copy_into(view, x);
    return view;
  }
  if (layout == "strided" && x.dim() >= 1) {
    Shape wide = x.shape();
    wide.back() *= 2;
    const tensor::Scalar gap = x.dtype() == tensor::DType::Float32
                                   ? tensor::Scalar(std::numeric_limits<double>::quiet_NaN())
                               : x.dtype() == tensor::DType::Int64 ? tensor::Scalar(std::int64_t{7777})
                                                                  : tensor::Scalar(true);
    Tensor base = tensor::full(wide, gap, x.dtype());
    Strides strides = base.strides();
    strides.back() = 2;
    Tensor view = base.as_strided(x.shape(), strides, 0);
    tensor::copy_into(view, x);
    return view;
  }
  return x;
}

}  // namespace lesson::testing
