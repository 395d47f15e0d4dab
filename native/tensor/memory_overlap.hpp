// PyTorch's memory-overlap checks for writes (ATen/MemoryOverlap): a write
// whose destination repeats memory, or whose source partly aliases the
// destination, is refused with PyTorch's message rather than giving
// order-dependent results.
#pragma once

#include "tensor/tensor.hpp"

namespace lesson::tensor {

enum class MemOverlap { No, Yes, TooHard };
enum class MemOverlapStatus { Full, Partial, No, TooHard };

// Yes when some size>1 dim has stride 0 (an expanded tensor).
MemOverlap has_internal_overlap(const Tensor& t);
// Full: same elements in the same order; Partial: the memory ranges meet.
MemOverlapStatus get_overlap_status(const Tensor& a, const Tensor& b);

// "unsupported operation: more than one element of the written-to tensor
// refers to a single memory location. ..."
void assert_no_internal_overlap(const Tensor& t);
// Errors on Partial overlap (what a copy checks).
void assert_no_partial_overlap(const Tensor& a, const Tensor& b);
// Errors on Partial or Full overlap (what index_put_ checks).
void assert_no_overlap(const Tensor& a, const Tensor& b);

}  // namespace lesson::tensor
