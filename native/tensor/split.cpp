#include "tensor/split.hpp"

#include <algorithm>
#include <string>

#include "core/errors.hpp"
#include "tensor/views.hpp"

namespace lesson::tensor {

namespace {
std::string list_str(const std::vector<std::int64_t>& v) { return shape_str(v); }
}  // namespace

std::vector<Tensor> split(const Tensor& self, std::int64_t split_size, std::int64_t dim) {
  if (self.dim() == 0) throw_runtime_error("split expects at least a 1-dimensional tensor");
  if (split_size < 0) {
    throw_runtime_error("split expects split_size be non-negative, but got split_size=" +
                        std::to_string(split_size));
  }
  const std::int64_t dim_size = self.size(dim);
  if (split_size == 0 && dim_size != 0) {
    throw_runtime_error("split_size can only be 0 if dimension size is 0, but got dimension size of " +
                        std::to_string(dim_size));
  }
  // A split_size larger than the dim still gives one (whole) piece.
  std::int64_t pieces = 1;
  if (split_size != 0) pieces = std::max<std::int64_t>((dim_size + split_size - 1) / split_size, 1);
  const std::int64_t last = split_size - (split_size * pieces - dim_size);
  std::vector<Tensor> out;
  for (std::int64_t i = 0; i < pieces; ++i) {
    out.push_back(narrow(self, dim, i * split_size, i < pieces - 1 ? split_size : last));
  }
  return out;
}

std::vector<Tensor> split_with_sizes(const Tensor& self, const std::vector<std::int64_t>& split_sizes,
                                     std::int64_t dim) {
  if (self.dim() == 0) throw_runtime_error("split expects at least a 1-dimensional tensor");
  const std::int64_t dim_size = self.size(dim);
  std::int64_t total = 0;
  for (auto s : split_sizes) {
    if (s < 0) {
      throw_runtime_error(
          "split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=" +
          list_str(split_sizes));
    }
    total += s;
  }
  if (total != dim_size) {
    throw_runtime_error("split_with_sizes expects split_sizes to sum exactly to " + std::to_string(dim_size) +
                        " (input tensor's size at dimension " + std::to_string(dim) +
                        "), but got split_sizes=" + list_str(split_sizes));
  }
  std::vector<Tensor> out;
  std::int64_t start = 0;
  for (auto s : split_sizes) {
    out.push_back(narrow(self, dim, start, s));
    start += s;
  }
  return out;
}

std::vector<Tensor> chunk(const Tensor& self, std::int64_t chunks, std::int64_t dim) {
  if (self.dim() == 0) throw_runtime_error("chunk expects at least a 1-dimensional tensor");
  if (chunks <= 0) {
    throw_runtime_error("chunk expects `chunks` to be greater than 0, got: " + std::to_string(chunks));
  }
  const std::int64_t dim_size = self.size(dim);
  const std::int64_t split_size = (dim_size + chunks - 1) / chunks;
  // An empty dim still yields `chunks` empty pieces, which split cannot say.
  if (split_size == 0 && dim_size == 0) {
    return split_with_sizes(self, std::vector<std::int64_t>(static_cast<std::size_t>(chunks), 0), dim);
  }
  return split(self, split_size, dim);
}

}  // namespace lesson::tensor
