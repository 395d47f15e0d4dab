// A reference-counted, 64-byte aligned block of bytes that tensors and their
// views share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace lesson::tensor {

// Bytes held by all live storages, and the most ever held at once since the
// last reset_peak_storage_bytes(): lets tests show that tensors are freed
// when their last reference goes.
std::size_t live_storage_bytes();
std::size_t peak_storage_bytes();
void reset_peak_storage_bytes();

class Storage {
 public:
  // Zero-filled when `zero` is true; otherwise the contents are unspecified
  // (torch.empty).
  explicit Storage(std::size_t nbytes, bool zero = true);
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;

  void* data() { return data_; }
  const void* data() const { return data_; }
  std::size_t nbytes() const { return nbytes_; }
  std::uint64_t version() const { return version_; }
  void bump_version() { ++version_; }

 private:
  void* data_;
  std::size_t nbytes_;
  std::uint64_t version_ = 0;  // in-place modifications, for autograd's saved-tensor check
};

}  // namespace lesson::tensor
