// Warnings PyTorch raises from its C++ code (TORCH_WARN, TORCH_WARN_ONCE):
// a UserWarning through the session's warnings module, so filters,
// catch_warnings and "error" apply, placed at the Python line that is
// running, as PyTorch's Python bindings place them.
#pragma once

#include <string>

namespace lesson::python {
class Vm;
}  // namespace lesson::python

namespace lesson::python::torch {

// TORCH_WARN: `message` already ends with PyTorch's "(Triggered internally
// at ...)" note where PyTorch prints one.
void torch_warn(Vm& vm, const std::string& message);

// TORCH_WARN_ONCE: once per session (PyTorch: once per process); `key`
// names the warning.
void torch_warn_once(Vm& vm, const char* key, const std::string& message);

}  // namespace lesson::python::torch
