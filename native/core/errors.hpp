// Errors raised by the library, tagged with the Python exception type that
// PyTorch raises for the same failure, so the cell language can re-raise them
// as RuntimeError, IndexError, ... with PyTorch's exact message.
#pragma once

#include <stdexcept>
#include <string>

namespace lesson {

enum class ErrorKind { RuntimeError, IndexError, ValueError, TypeError, NotImplementedError };

inline const char* error_kind_name(ErrorKind k) {
  switch (k) {
    case ErrorKind::RuntimeError: return "RuntimeError";
    case ErrorKind::IndexError: return "IndexError";
    case ErrorKind::ValueError: return "ValueError";
    case ErrorKind::TypeError: return "TypeError";
    case ErrorKind::NotImplementedError: return "NotImplementedError";
  }
  return "RuntimeError";
}

class TorchError : public std::runtime_error {
 public:
  TorchError(ErrorKind kind, const std::string& message)
      : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

[[noreturn]] inline void throw_runtime_error(const std::string& m) {
  throw TorchError(ErrorKind::RuntimeError, m);
}
[[noreturn]] inline void throw_index_error(const std::string& m) {
  throw TorchError(ErrorKind::IndexError, m);
}
[[noreturn]] inline void throw_value_error(const std::string& m) {
  throw TorchError(ErrorKind::ValueError, m);
}
[[noreturn]] inline void throw_type_error(const std::string& m) {
  throw TorchError(ErrorKind::TypeError, m);
}

}  // namespace lesson
