#include "tensor/storage.hpp"

#include <cstring>
#include <new>

namespace lesson::tensor {

namespace {
constexpr std::size_t kAlignment = 64;
}

Storage::Storage(std::size_t nbytes, bool zero) : data_(nullptr), nbytes_(nbytes) {
  // aligned_alloc needs a size that is a multiple of the alignment, and a
  // non-zero one so that empty tensors still get a distinct pointer.
  const std::size_t rounded = ((nbytes + kAlignment - 1) / kAlignment) * kAlignment;
  data_ = std::aligned_alloc(kAlignment, rounded == 0 ? kAlignment : rounded);
  if (data_ == nullptr) throw std::bad_alloc();
  if (zero) std::memset(data_, 0, rounded == 0 ? kAlignment : rounded);
}

Storage::~Storage() { std::free(data_); }

}  // namespace lesson::tensor
