// JS API: the normalization and pooling layers of native/nn on float32
// buffers with an explicit shape (row-major, like a contiguous tensor).
// Bad arguments from JS raise TypeError / RangeError here; the kernels'
// own checks (lesson::TorchError with PyTorch's texts) are converted to
// JS errors of the matching class (TypeError, RangeError for IndexError and
// ValueError, Error otherwise), prefixed with the function name.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include <emscripten/bind.h>

#include "core/errors.hpp"
#include "float_arrays.hpp"
#include "js_errors.hpp"
#include "nn/adaptive_pool.hpp"
#include "nn/avg_pool.hpp"
#include "nn/batch_norm.hpp"
#include "nn/group_norm.hpp"
#include "nn/instance_norm.hpp"
#include "nn/max_pool.hpp"
#include "nn/pool_shape.hpp"

namespace lesson::wasm {
namespace {

using emscripten::val;
using tensor::Shape;
using tensor::Tensor;

bool is_array_like(const val& v) {
  if (is_absent(v)) return false;
  if (val::global("Array").call<bool>("isArray", v)) return true;
  return v.instanceof(val::global("Float32Array")) || v.instanceof(val::global("Float64Array")) ||
         v.instanceof(val::global("Int32Array"));
}

std::string format_shape(const Shape& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + "]";
}

// A non-negative integer (JS number) or a TypeError/RangeError naming it.
std::int64_t to_index(const char* fn, const char* what, const val& v, std::int64_t min_value) {
  if (!v.isNumber()) throw_js("TypeError", std::string(fn) + ": " + what + " must be a number");
  const double d = v.as<double>();
  if (!std::isfinite(d) || std::floor(d) != d) {
    throw_js("TypeError", std::string(fn) + ": " + what + " must be an integer, got " + std::to_string(d));
  }
  if (d < static_cast<double>(min_value) || d > 1e9) {
    throw_js("RangeError", std::string(fn) + ": " + what + " must be >= " + std::to_string(min_value) +
                               ", got " + std::to_string(static_cast<long long>(d)));
  }
  return static_cast<std::int64_t>(d);
}

Shape to_shape(const char* fn, const val& shape, std::size_t min_dims, std::size_t max_dims) {
  if (!is_array_like(shape)) throw_js("TypeError", std::string(fn) + ": shape must be an array of integers");
  const int length = shape["length"].as<int>();
  Shape out;
  for (int i = 0; i < length; ++i) {
    out.push_back(to_index(fn, ("shape[" + std::to_string(i) + "]").c_str(), shape[i], 0));
  }
  if (out.size() < min_dims || out.size() > max_dims) {
    std::string expected = min_dims == max_dims ? std::to_string(min_dims)
                                                : std::to_string(min_dims) + " to " + std::to_string(max_dims);
    throw_js("RangeError", std::string(fn) + ": shape must have " + expected + " dimensions, got " +
                               format_shape(out));
  }
  return out;
}

std::int64_t numel(const Shape& shape) {
  std::int64_t n = 1;
  for (auto s : shape) n *= s;
  return n;
}

Tensor make_tensor(const Shape& shape, const std::vector<float>& data) {
  Tensor t = Tensor::make(shape, tensor::DType::Float32, false);
  if (!data.empty()) std::memcpy(t.data<float>(), data.data(), data.size() * sizeof(float));
  return t;
}

// x as a tensor of `shape`, or a TypeError/RangeError.
Tensor input_tensor(const char* fn, const val& x, const Shape& shape) {
  if (!is_array_like(x)) throw_js("TypeError", std::string(fn) + ": x must be a Float32Array or an array of numbers");
  const std::vector<float> data = to_float_vector(x);
  const std::int64_t n = numel(shape);
  if (static_cast<std::int64_t>(data.size()) != n) {
    throw_js("RangeError", std::string(fn) + ": x has " + std::to_string(data.size()) +
                               " elements, expected " + std::to_string(n) + " for shape " + format_shape(shape));
  }
  return make_tensor(shape, data);
}

// An optional per-channel parameter (weight or bias): undefined tensor when absent.
Tensor channel_param(const char* fn, const char* what, const val& v, std::int64_t channels) {
  if (is_absent(v)) return Tensor();
  if (!is_array_like(v)) throw_js("TypeError", std::string(fn) + ": " + what + " must be a Float32Array, an array or null");
  const std::vector<float> data = to_float_vector(v);
  if (static_cast<std::int64_t>(data.size()) != channels) {
    throw_js("RangeError", std::string(fn) + ": " + what + " has " + std::to_string(data.size()) +
                               " elements, expected C = " + std::to_string(channels));
  }
  return make_tensor({channels}, data);
}

double to_eps(const char* fn, const val& eps) {
  if (is_absent(eps)) return 1e-5;
  if (!eps.isNumber()) throw_js("TypeError", std::string(fn) + ": eps must be a number");
  const double e = eps.as<double>();
  if (!(e >= 0.0) || !std::isfinite(e)) throw_js("RangeError", std::string(fn) + ": eps must be non-negative");
  return e;
}

// kernel/stride/padding: a number (both axes) or [h, w].
std::vector<std::int64_t> to_pair(const char* fn, const char* what, const val& v, std::int64_t min_value) {
  if (v.isNumber()) {
    const auto k = to_index(fn, what, v, min_value);
    return {k, k};
  }
  if (!is_array_like(v) || v["length"].as<int>() != 2) {
    throw_js("TypeError", std::string(fn) + ": " + what + " must be a number or an array [h, w]");
  }
  return {to_index(fn, what, v[0], min_value), to_index(fn, what, v[1], min_value)};
}

val to_data(const Tensor& t) {
  const Tensor c = t.contiguous();
  const float* p = c.data<float>();
  return to_float32_array(std::vector<float>(p, p + c.numel()));
}

val to_result(const Tensor& t) {
  val result = val::object();
  result.set("data", to_data(t));
  val shape = val::array();
  for (auto s : t.shape()) shape.call<void>("push", static_cast<double>(s));
  result.set("shape", shape);
  return result;
}

// Runs `op`, turning C++ exceptions into JS errors. The JS error is thrown
// after the catch block: a JS exception must never pass through a C++
// handler.
template <class Op>
auto call_kernel(const char* fn, Op op) -> decltype(op()) {
  std::string error_class, message;
  try {
    return op();
  } catch (const TorchError& e) {
    switch (e.kind()) {
      case ErrorKind::TypeError: error_class = "TypeError"; break;
      case ErrorKind::IndexError:
      case ErrorKind::ValueError: error_class = "RangeError"; break;
      default: error_class = "Error"; break;
    }
    message = std::string(fn) + ": " + e.what();
  } catch (const std::exception& e) {
    error_class = "Error";
    message = std::string(fn) + ": " + e.what();
  }
  throw_js(error_class.c_str(), message);
}

// batchNorm(x, shape, weight?, bias?, eps = 1e-5): training statistics over
// every dim except 1 (no running buffers).
val batch_norm(const val& x, const val& shape_v, const val& weight_v, const val& bias_v, const val& eps_v) {
  const char* fn = "batchNorm";
  const Shape shape = to_shape(fn, shape_v, 2, 8);
  const Tensor input = input_tensor(fn, x, shape);
  const Tensor weight = channel_param(fn, "weight", weight_v, shape[1]);
  const Tensor bias = channel_param(fn, "bias", bias_v, shape[1]);
  const double eps = to_eps(fn, eps_v);
  return to_data(call_kernel(fn, [&] {
    return nn::batch_norm(input, Tensor(), Tensor(), weight, bias, true, 0.1, eps);
  }));
}

// groupNorm(x, shape, numGroups, weight?, bias?, eps = 1e-5)
val group_norm(const val& x, const val& shape_v, const val& groups_v, const val& weight_v, const val& bias_v,
               const val& eps_v) {
  const char* fn = "groupNorm";
  const Shape shape = to_shape(fn, shape_v, 2, 8);
  const Tensor input = input_tensor(fn, x, shape);
  const std::int64_t groups = to_index(fn, "numGroups", groups_v, 1);
  if (shape[1] % groups != 0) {
    throw_js("RangeError", std::string(fn) + ": numGroups = " + std::to_string(groups) +
                               " does not divide the number of channels C = " + std::to_string(shape[1]));
  }
  const Tensor weight = channel_param(fn, "weight", weight_v, shape[1]);
  const Tensor bias = channel_param(fn, "bias", bias_v, shape[1]);
  const double eps = to_eps(fn, eps_v);
  return to_data(call_kernel(fn, [&] { return nn::group_norm(input, groups, weight, bias, eps); }));
}

// instanceNorm(x, shape, eps = 1e-5): each (sample, channel) plane on its own.
val instance_norm(const val& x, const val& shape_v, const val& eps_v) {
  const char* fn = "instanceNorm";
  const Shape shape = to_shape(fn, shape_v, 3, 8);
  const Tensor input = input_tensor(fn, x, shape);
  const double eps = to_eps(fn, eps_v);
  return to_data(call_kernel(fn, [&] {
    return nn::instance_norm(input, Tensor(), Tensor(), Tensor(), Tensor(), true, 0.1, eps);
  }));
}

struct PoolArgs {
  Tensor input;
  std::vector<std::int64_t> kernel, stride, padding;
};

PoolArgs pool_args(const char* fn, const val& x, const val& shape_v, const val& kernel_v, const val& stride_v,
                   const val& padding_v) {
  PoolArgs a;
  const Shape shape = to_shape(fn, shape_v, 3, 4);
  a.input = input_tensor(fn, x, shape);
  a.kernel = to_pair(fn, "kernel", kernel_v, 1);
  a.stride = is_absent(stride_v) ? a.kernel : to_pair(fn, "stride", stride_v, 1);
  a.padding = is_absent(padding_v) ? std::vector<std::int64_t>{0, 0} : to_pair(fn, "padding", padding_v, 0);
  return a;
}

// maxPool2d(x, shape, kernel, stride = kernel, padding = 0) -> {data, shape}
val max_pool2d(const val& x, const val& shape_v, const val& kernel_v, const val& stride_v, const val& padding_v) {
  const char* fn = "maxPool2d";
  const PoolArgs a = pool_args(fn, x, shape_v, kernel_v, stride_v, padding_v);
  return to_result(call_kernel(fn, [&] { return nn::max_pool2d(a.input, a.kernel, a.stride, a.padding); }));
}

// avgPool2d(x, shape, kernel, stride = kernel, padding = 0) -> {data, shape}
// (count_include_pad = true, as PyTorch's default).
val avg_pool2d(const val& x, const val& shape_v, const val& kernel_v, const val& stride_v, const val& padding_v) {
  const char* fn = "avgPool2d";
  const PoolArgs a = pool_args(fn, x, shape_v, kernel_v, stride_v, padding_v);
  return to_result(call_kernel(fn, [&] { return nn::avg_pool2d(a.input, a.kernel, a.stride, a.padding); }));
}

// adaptiveAvgPool2d(x, shape, outH, outW) -> {data, shape}
val adaptive_avg_pool2d(const val& x, const val& shape_v, const val& out_h_v, const val& out_w_v) {
  const char* fn = "adaptiveAvgPool2d";
  const Shape shape = to_shape(fn, shape_v, 3, 4);
  const Tensor input = input_tensor(fn, x, shape);
  const std::int64_t out_h = to_index(fn, "outH", out_h_v, 1);
  const std::int64_t out_w = to_index(fn, "outW", out_w_v, 1);
  return to_result(call_kernel(fn, [&] {
    return nn::adaptive_avg_pool2d(input, nn::OptionalSizes{out_h, out_w});
  }));
}

}  // namespace
}  // namespace lesson::wasm

EMSCRIPTEN_BINDINGS(lesson_nn) {
  emscripten::function("batchNorm", &lesson::wasm::batch_norm);
  emscripten::function("groupNorm", &lesson::wasm::group_norm);
  emscripten::function("instanceNorm", &lesson::wasm::instance_norm);
  emscripten::function("maxPool2d", &lesson::wasm::max_pool2d);
  emscripten::function("avgPool2d", &lesson::wasm::avg_pool2d);
  emscripten::function("adaptiveAvgPool2d", &lesson::wasm::adaptive_avg_pool2d);
}
