#include "tensor/memory_overlap.hpp"

#include "core/errors.hpp"
#include "tensor/layout.hpp"

namespace lesson::tensor {

MemOverlap has_internal_overlap(const Tensor& t) {
  if (is_non_overlapping_and_dense(t.shape(), t.strides())) return MemOverlap::No;
  for (std::size_t i = 0; i < t.shape().size(); ++i) {
    if (t.strides()[i] == 0 && t.shape()[i] > 1) return MemOverlap::Yes;
  }
  return MemOverlap::TooHard;
}

MemOverlapStatus get_overlap_status(const Tensor& a, const Tensor& b) {
  if (a.is_same(b)) return MemOverlapStatus::Full;
  if (a.numel() == 0 || b.numel() == 0) return MemOverlapStatus::No;
  if (!is_non_overlapping_and_dense(a.shape(), a.strides()) ||
      !is_non_overlapping_and_dense(b.shape(), b.strides())) {
    return MemOverlapStatus::TooHard;
  }
  if (!a.shares_storage(b)) return MemOverlapStatus::No;
  // Byte ranges, as dtypes of the two may differ.
  const auto* a_begin = static_cast<const char*>(a.raw_data());
  const auto* a_end = a_begin + a.numel() * static_cast<std::int64_t>(dtype_size(a.dtype()));
  const auto* b_begin = static_cast<const char*>(b.raw_data());
  const auto* b_end = b_begin + b.numel() * static_cast<std::int64_t>(dtype_size(b.dtype()));
  if (a_begin == b_begin && a_end == b_end) {
    return a.strides() == b.strides() ? MemOverlapStatus::Full : MemOverlapStatus::Partial;
  }
  if (a_begin < b_end && b_begin < a_end) return MemOverlapStatus::Partial;
  return MemOverlapStatus::No;
}

void assert_no_internal_overlap(const Tensor& t) {
  if (has_internal_overlap(t) == MemOverlap::Yes) {
    throw_runtime_error(
        "unsupported operation: more than one element of the written-to tensor refers to a single "
        "memory location. Please clone() the tensor before performing the operation.");
  }
}

namespace {
[[noreturn]] void throw_overlap() {
  throw_runtime_error(
      "unsupported operation: some elements of the input tensor and the written-to tensor refer "
      "to a single memory location. Please clone() the tensor before performing the operation.");
}
}  // namespace

void assert_no_partial_overlap(const Tensor& a, const Tensor& b) {
  if (get_overlap_status(a, b) == MemOverlapStatus::Partial) throw_overlap();
}

void assert_no_overlap(const Tensor& a, const Tensor& b) {
  const auto status = get_overlap_status(a, b);
  if (status == MemOverlapStatus::Partial || status == MemOverlapStatus::Full) throw_overlap();
}

}  // namespace lesson::tensor
