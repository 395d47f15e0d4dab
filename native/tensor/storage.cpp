#include "tensor/storage.hpp"

#include <atomic>
#include <cstring>
#include <new>

namespace lesson::tensor {

namespace {
constexpr std::size_t kAlignment = 64;
std::atomic<std::size_t> g_live_bytes{0};
std::atomic<std::size_t> g_peak_bytes{0};
}  // namespace

std::size_t live_storage_bytes() { return g_live_bytes; }
std::size_t peak_storage_bytes() { return g_peak_bytes; }
void reset_peak_storage_bytes() { g_peak_bytes = g_live_bytes.load(); }

Storage::Storage(std::size_t nbytes, bool zero) : data_(nullptr), nbytes_(nbytes) {
  // aligned_alloc needs a size that is a multiple of the alignment, and a
  // non-zero one so that empty tensors still get a distinct pointer.
  const std::size_t rounded = ((nbytes + kAlignment - 1) / kAlignment) * kAlignment;
  data_ = std::aligned_alloc(kAlignment, rounded == 0 ? kAlignment : rounded);
  if (data_ == nullptr) throw std::bad_alloc();
  if (zero) std::memset(data_, 0, rounded == 0 ? kAlignment : rounded);
  const std::size_t live = g_live_bytes += nbytes_;
  std::size_t peak = g_peak_bytes.load();
  while (live > peak && !g_peak_bytes.compare_exchange_weak(peak, live)) {
  }
}

Storage::~Storage() {
  g_live_bytes -= nbytes_;
  std::free(data_);
}

}  // namespace lesson::tensor
