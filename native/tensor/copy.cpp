#include "tensor/copy.hpp"

#include <cstring>

#include "core/errors.hpp"
#include "tensor/dispatch.hpp"

namespace lesson::tensor {

Strides broadcast_strides(const Tensor& src, const Shape& shape) {
  const std::size_t nd = shape.size();
  const std::size_t sd = src.shape().size();
  if (sd > nd) {
    throw_runtime_error("The expanded size of the tensor (" + std::to_string(nd ? shape[0] : 1) +
                        ") must match the existing size (" + std::to_string(src.shape()[0]) +
                        ") at non-singleton dimension 0.  Target sizes: " + shape_str(shape) +
                        ".  Tensor sizes: " + shape_str(src.shape()));
  }
  Strides out(nd, 0);
  for (std::size_t i = 0; i < sd; ++i) {
    const std::size_t d = nd - sd + i;
    const auto have = src.shape()[i];
    if (have == shape[d]) {
      out[d] = src.strides()[i];
    } else if (have != 1) {
      throw_runtime_error("The expanded size of the tensor (" + std::to_string(shape[d]) +
                          ") must match the existing size (" + std::to_string(have) +
                          ") at non-singleton dimension " + std::to_string(d) +
                          ".  Target sizes: " + shape_str(shape) +
                          ".  Tensor sizes: " + shape_str(src.shape()));
    }
  }
  return out;
}

void copy_into(const Tensor& dst, const Tensor& src) {
  const Strides src_strides = broadcast_strides(src, dst.shape());
  // Fast path: same dtype, both contiguous, same shape.
  if (dst.dtype() == src.dtype() && dst.is_contiguous() && src.is_contiguous() &&
      dst.shape() == src.shape()) {
    if (dst.raw_data() != src.raw_data()) {
      std::memmove(dst.raw_data(), src.raw_data(),
                   static_cast<std::size_t>(dst.numel()) * dtype_size(dst.dtype()));
    }
    return;
  }
  // Copying from overlapping memory (x[1:] = x[:-1]) must read the old values.
  const Tensor source = src.shares_storage(dst) ? src.clone_data() : src;
  const Strides strides = src.shares_storage(dst) ? broadcast_strides(source, dst.shape()) : src_strides;
  dispatch(dst.dtype(), [&](auto dtag) {
    using D = typename decltype(dtag)::type;
    dispatch(source.dtype(), [&](auto stag) {
      using S = typename decltype(stag)::type;
      D* out = dst.data<D>();
      const S* in = source.data<S>();
      for_each_offset2(dst.shape(), dst.strides(), strides, [&](std::int64_t od, std::int64_t os) {
        out[od] = convert_element<D>(in[os]);
      });
    });
  });
}

}  // namespace lesson::tensor
