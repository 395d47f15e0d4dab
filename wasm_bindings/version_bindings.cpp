// JS API: the runtime's version string.
#include <string>

#include <emscripten/bind.h>

#include "core/version.hpp"

namespace {
std::string runtime_version() { return lesson::core::kVersion; }
}  // namespace

EMSCRIPTEN_BINDINGS(lesson_version) {
  emscripten::function("version", &runtime_version);
}
