// Copying between JS Float32Arrays (or plain arrays of numbers) and std::vector.
#pragma once

#include <vector>

#include <emscripten/val.h>

namespace lesson::wasm {

inline bool is_absent(const emscripten::val& v) { return v.isNull() || v.isUndefined(); }

inline std::vector<float> to_float_vector(const emscripten::val& array) {
  return emscripten::convertJSArrayToNumberVector<float>(array);
}

// A new Float32Array that owns a copy of `data` (never a view into wasm
// memory, which a later memory growth would detach).
inline emscripten::val to_float32_array(const std::vector<float>& data) {
  const emscripten::val view(emscripten::typed_memory_view(data.size(), data.data()));
  return emscripten::val::global("Float32Array").new_(view);
}

}  // namespace lesson::wasm
