// JS API: LayerNorm over the last dimension of a float32 buffer.
#include <string>
#include <vector>

#include <emscripten/bind.h>

#include "float_arrays.hpp"
#include "js_errors.hpp"
#include "nn/layer_norm.hpp"

namespace lesson::wasm {
namespace {

using emscripten::val;

// layerNorm(x, rows, cols, weight?, bias?, eps = 1e-5) -> Float32Array
val layer_norm(const val& x, int rows, int cols, const val& weight, const val& bias, double eps) {
  if (rows < 0 || cols <= 0) {
    throw_js("RangeError", "layerNorm: rows must be >= 0 and cols > 0, got rows=" +
                               std::to_string(rows) + " cols=" + std::to_string(cols));
  }
  const std::vector<float> input = to_float_vector(x);
  const auto n = static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols);
  if (input.size() != n) {
    throw_js("RangeError", "layerNorm: x has " + std::to_string(input.size()) +
                               " elements, expected rows*cols = " + std::to_string(n));
  }
  std::vector<float> w, b;
  if (!is_absent(weight)) {
    w = to_float_vector(weight);
    if (w.size() != static_cast<std::size_t>(cols)) {
      throw_js("RangeError", "layerNorm: weight has " + std::to_string(w.size()) +
                                 " elements, expected cols = " + std::to_string(cols));
    }
  }
  if (!is_absent(bias)) {
    b = to_float_vector(bias);
    if (b.size() != static_cast<std::size_t>(cols)) {
      throw_js("RangeError", "layerNorm: bias has " + std::to_string(b.size()) +
                                 " elements, expected cols = " + std::to_string(cols));
    }
  }
  if (!(eps >= 0.0)) {
    throw_js("RangeError", "layerNorm: eps must be non-negative");
  }
  std::vector<float> out(n);
  nn::layer_norm_last_dim(input.data(), static_cast<std::size_t>(rows),
                          static_cast<std::size_t>(cols), w.empty() ? nullptr : w.data(),
                          b.empty() ? nullptr : b.data(), static_cast<float>(eps), out.data());
  return to_float32_array(out);
}

}  // namespace
}  // namespace lesson::wasm

EMSCRIPTEN_BINDINGS(lesson_layer_norm) {
  emscripten::function("layerNorm", &lesson::wasm::layer_norm);
}
