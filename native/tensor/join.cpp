#include "tensor/join.hpp"

#include <cstring>
#include <string>

#include "core/errors.hpp"
#include "tensor/copy.hpp"
#include "tensor/layout.hpp"
#include "tensor/reshape.hpp"
#include "tensor/views.hpp"

namespace lesson::tensor {

namespace {

// Before empty tensors could have any shape, [0] was the only one, so cat
// let it through whatever the other shapes; 1.13 keeps that for [0] only.
bool skipped_in_cat(const Tensor& t) { return t.dim() == 1 && t.numel() == 0; }

void check_same_shape_except(const Tensor& ref, const Tensor& t, std::int64_t dim, std::size_t index) {
  if (ref.dim() != t.dim()) {
    throw_runtime_error("Tensors must have same number of dimensions: got " + std::to_string(ref.dim()) +
                        " and " + std::to_string(t.dim()));
  }
  for (std::int64_t d = 0; d < ref.dim(); ++d) {
    if (d == dim) continue;
    if (ref.shape()[d] != t.shape()[d]) {
      throw_runtime_error("Sizes of tensors must match except in dimension " + std::to_string(dim) +
                          ". Expected size " + std::to_string(ref.shape()[d]) + " but got size " +
                          std::to_string(t.shape()[d]) + " for tensor number " + std::to_string(index) +
                          " in the list.");
    }
  }
}

// The output takes the inputs' channels-last layout only if they all share it.
MemoryFormat cat_memory_format(const std::vector<Tensor>& tensors) {
  MemoryFormat format = MemoryFormat::Contiguous;
  bool first = true;
  for (const auto& t : tensors) {
    const auto f = suggest_memory_format(t.shape(), t.strides());
    if (f == MemoryFormat::Contiguous) return f;
    if (!first && f != format) return MemoryFormat::Contiguous;
    format = f;
    first = false;
  }
  return format;
}

// Copies `src` into out[..., offset:offset+n, ...] along dim: whole blocks
// with memcpy when both are row-major and of one dtype, else element-wise.
void copy_slab(const Tensor& out, const Tensor& src, std::int64_t dim, std::int64_t offset) {
  const std::int64_t n = src.shape()[static_cast<std::size_t>(dim)];
  const Tensor dst = narrow(out, dim, offset, n);
  if (out.is_contiguous() && src.is_contiguous() && out.dtype() == src.dtype() && src.numel() > 0) {
    std::int64_t outer = 1, inner = 1;
    for (std::int64_t d = 0; d < dim; ++d) outer *= out.shape()[static_cast<std::size_t>(d)];
    for (std::int64_t d = dim + 1; d < out.dim(); ++d) inner *= out.shape()[static_cast<std::size_t>(d)];
    const std::size_t item = dtype_size(out.dtype());
    const std::size_t block = static_cast<std::size_t>(n * inner) * item;
    const std::size_t out_row =
        static_cast<std::size_t>(out.shape()[static_cast<std::size_t>(dim)] * inner) * item;
    auto* to = static_cast<char*>(dst.raw_data());
    const auto* from = static_cast<const char*>(src.raw_data());
    for (std::int64_t o = 0; o < outer; ++o) std::memcpy(to + o * out_row, from + o * block, block);
    return;
  }
  copy_into(dst, src);
}

}  // namespace

Tensor cat(const std::vector<Tensor>& tensors, std::int64_t dim) {
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    if (tensors[i].dim() == 0) {
      throw_runtime_error("zero-dimensional tensor (at position " + std::to_string(i) +
                          ") cannot be concatenated");
    }
  }
  std::size_t valid = tensors.size();
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    if (!skipped_in_cat(tensors[i])) {
      valid = i;
      break;
    }
  }
  // The dim is wrapped against the first tensor that is not skipped.
  if (valid < tensors.size()) dim = wrap_dim(dim, tensors[valid].dim());
  if (tensors.empty()) throw_runtime_error("torch.cat(): expected a non-empty list of Tensors");

  DType dtype = tensors[0].dtype();
  for (const auto& t : tensors) dtype = promote(dtype, t.dtype());
  const MemoryFormat format = cat_memory_format(tensors);
  Shape shape{0};
  if (valid < tensors.size()) {
    std::int64_t total = 0;
    for (std::size_t i = 0; i < tensors.size(); ++i) {
      if (skipped_in_cat(tensors[i])) continue;
      check_same_shape_except(tensors[valid], tensors[i], dim, i);
      total += tensors[i].shape()[static_cast<std::size_t>(dim)];
    }
    shape = tensors[valid].shape();
    shape[static_cast<std::size_t>(dim)] = total;
  }
  Tensor out = empty_strided(shape, strides_for_format(shape, format), dtype);
  if (out.numel() == 0) return out;
  std::int64_t offset = 0;
  for (const auto& t : tensors) {
    if (skipped_in_cat(t)) continue;
    copy_slab(out, t, dim, offset);
    offset += t.shape()[static_cast<std::size_t>(dim)];
  }
  return out;
}

Tensor stack(const std::vector<Tensor>& tensors, std::int64_t dim) {
  if (tensors.empty()) throw_runtime_error("stack expects a non-empty TensorList");
  const std::int64_t d = wrap_dim(dim, tensors[0].dim() + 1);
  for (std::size_t i = 1; i < tensors.size(); ++i) {
    if (tensors[i].shape() != tensors[0].shape()) {
      throw_runtime_error("stack expects each tensor to be equal size, but got " +
                          shape_str(tensors[0].shape()) + " at entry 0 and " + shape_str(tensors[i].shape()) +
                          " at entry " + std::to_string(i));
    }
  }
  if (d < tensors[0].dim()) {
    // As PyTorch: join along the existing dim, then split it in two by view.
    Shape shape = tensors[0].shape();
    shape.insert(shape.begin() + d, static_cast<std::int64_t>(tensors.size()));
    return view(cat(tensors, d), shape);
  }
  std::vector<Tensor> unsqueezed;
  for (const auto& t : tensors) unsqueezed.push_back(unsqueeze(t, d));
  return cat(unsqueezed, d);
}

}  // namespace lesson::tensor
