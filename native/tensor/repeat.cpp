#include "tensor/repeat.hpp"

#include "core/errors.hpp"
#include "tensor/copy.hpp"

namespace lesson::tensor {

Tensor repeat(const Tensor& self, const std::vector<std::int64_t>& repeats) {
  const std::size_t nd = repeats.size();
  if (nd < self.shape().size()) {
    throw_runtime_error(
        "Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  }
  const std::size_t lead = nd - self.shape().size();
  Shape padded(lead, 1);
  padded.insert(padded.end(), self.shape().begin(), self.shape().end());
  Strides src_strides(lead, 0);
  src_strides.insert(src_strides.end(), self.strides().begin(), self.strides().end());
  Shape target(nd);
  bool empty = false;
  for (std::size_t i = 0; i < nd; ++i) {
    target[i] = padded[i] * repeats[i];
    empty = empty || repeats[i] == 0;
  }
  Tensor out = Tensor::make(target, self.dtype(), false);
  if (empty || out.numel() == 0) return out;
  // Look at the result as [r0, s0, r1, s1, ...]: copy number k along dim i is
  // the block at k * s_i. The source reads each block from the same place
  // (stride 0 along every r_i), so one strided copy fills all tiles.
  const Strides out_strides = out.strides();
  Shape tiled_shape;
  Strides tiled_out, tiled_src;
  for (std::size_t i = 0; i < nd; ++i) {
    tiled_shape.push_back(repeats[i]);
    tiled_shape.push_back(padded[i]);
    tiled_out.push_back(padded[i] * out_strides[i]);
    tiled_out.push_back(out_strides[i]);
    tiled_src.push_back(0);
    tiled_src.push_back(src_strides[i]);
  }
  copy_into(out.as_strided(tiled_shape, tiled_out, 0),
            self.as_strided(tiled_shape, tiled_src, self.offset()));
  return out;
}

}  // namespace lesson::tensor
