// Raising JavaScript errors from Embind functions. A C++ exception crossing
// into JS arrives as an opaque WebAssembly.Exception; the page needs a real
// Error with a message, so bindings validate and throw these instead.
#pragma once

#include <string>

#include <emscripten/val.h>

namespace lesson::wasm {

[[noreturn]] inline void throw_js(const char* error_class, const std::string& message) {
  emscripten::val::global(error_class).new_(emscripten::val(message)).throw_();
}

}  // namespace lesson::wasm
