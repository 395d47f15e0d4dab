#include "tensor/reduce_minmax.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <string>
#include <type_traits>

#include "core/errors.hpp"
#include "tensor/dispatch.hpp"
#include "tensor/elementwise_types.hpp"
#include "tensor/reduce_dims.hpp"
#include "tensor/reduce_kernels.hpp"

namespace lesson::tensor {

namespace {

// Whether v replaces the running best: strictly better (so ties keep the
// first index), or the first NaN, after which nothing replaces it.
template <bool Max, class T>
inline bool better(T v, T best) {
  if constexpr (std::is_same_v<T, float>) {
    return (Max ? v > best : v < best) || (v != v && best == best);
  } else {
    return Max ? v > best : v < best;
  }
}

// Float max/min of a contiguous run in SIMD lanes; NaNs are tracked
// separately because the SSE/wasm max instructions do not propagate them.
// Equal values resolve to the later one, as PyTorch's whole-tensor max
// does (it shows for -0.0 against 0.0).
template <bool Max>
float float_extreme(const float* x, std::int64_t n) {
  using kernels::FloatBatch;
  using kernels::kLanes;
  float best = x[0];
  bool nan = false;
  std::int64_t i = 0;
  if (n >= kLanes) {
    FloatBatch acc = FloatBatch::load_unaligned(x);
    auto seen_nan = xsimd::isnan(acc);
    for (i = kLanes; i + kLanes <= n; i += kLanes) {
      const FloatBatch v = FloatBatch::load_unaligned(x + i);
      seen_nan = seen_nan | xsimd::isnan(v);
      acc = Max ? xsimd::max(acc, v) : xsimd::min(acc, v);
    }
    nan = xsimd::any(seen_nan);
    float lanes[kLanes];
    acc.store_unaligned(lanes);
    best = lanes[0];
    for (float v : lanes) best = (Max ? best > v : best < v) ? best : v;
  }
  for (; i < n; ++i) {
    if (x[i] != x[i]) nan = true;
    best = (Max ? best > x[i] : best < x[i]) ? best : x[i];
  }
  return nan ? std::numeric_limits<float>::quiet_NaN() : best;
}

// Best value and its index along `reduce` for every row or column.
template <bool Max, class T>
void arg_reduce(const T* x, std::int64_t outer, std::int64_t reduce, std::int64_t inner, T* values,
                std::int64_t* indices) {
  if constexpr (std::is_same_v<T, float>) {
    if (inner == 1 && reduce >= 4 * kernels::kLanes) {
      // Long rows: the extreme in SIMD lanes, then the first position
      // holding it (or the first NaN) in a second, cheaper pass.
      for (std::int64_t o = 0; o < outer; ++o) {
        const float* row = x + o * reduce;
        const float best = float_extreme<Max>(row, reduce);
        std::int64_t at = 0;
        if (best != best) {
          while (row[at] == row[at]) ++at;
        } else {
          while (row[at] != best) ++at;
        }
        values[o] = row[at];  // the first one, so -0.0 and 0.0 come out as PyTorch's
        indices[o] = at;
      }
      return;
    }
  }
  for (std::int64_t o = 0; o < outer; ++o) {
    const T* block = x + o * reduce * inner;
    T* best = values + o * inner;
    std::int64_t* at = indices + o * inner;
    for (std::int64_t j = 0; j < inner; ++j) {
      best[j] = block[j];
      at[j] = 0;
    }
    for (std::int64_t r = 1; r < reduce; ++r) {
      const T* row = block + r * inner;
      for (std::int64_t j = 0; j < inner; ++j) {
        if (better<Max>(row[j], best[j])) {
          best[j] = row[j];
          at[j] = r;
        }
      }
    }
  }
}

template <bool Max>
Tensor extreme_all(const Tensor& self) {
  const char* name = Max ? "max" : "min";
  if (self.numel() == 0) {
    throw_runtime_error(std::string(name) +
                        "(): Expected reduction dim to be specified for input.numel() == 0. "
                        "Specify the reduction dim with the 'dim' argument.");
  }
  const Tensor x = self.contiguous();
  Tensor out = Tensor::make({}, self.dtype(), false);
  dispatch(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, float>) {
      *out.data<float>() = float_extreme<Max>(x.data<float>(), x.numel());
    } else {
      std::int64_t index = 0;
      arg_reduce<Max>(x.data<T>(), 1, x.numel(), 1, out.data<T>(), &index);
    }
  });
  return out;
}

template <bool Max>
ValuesIndices extreme_dim(const Tensor& self, std::int64_t dim, bool keepdim) {
  const std::int64_t d = wrap_dim(dim, self.dim());
  if (self.numel() == 0 && self.dim() > 0 && self.shape()[static_cast<std::size_t>(d)] == 0) {
    throw_index_error(std::string(Max ? "max" : "min") + "(): Expected reduction dim " +
                      std::to_string(d) + " to have non-zero size.");
  }
  const ReducePlan p = plan_reduction(self, single_dim_mask(self, dim), keepdim);
  ValuesIndices out{Tensor::make(p.out_shape, self.dtype(), false),
                    Tensor::make(p.out_shape, DType::Int64, false)};
  dispatch(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    arg_reduce<Max>(p.input.data<T>(), p.s.outer, p.s.reduce, p.s.inner, out.values.data<T>(),
                    out.indices.data<std::int64_t>());
  });
  return out;
}

template <bool Max>
Tensor arg_extreme(const Tensor& self, std::optional<std::int64_t> dim, bool keepdim) {
  const std::string name = Max ? "argmax" : "argmin";
  std::vector<bool> mask;
  if (dim) {
    const std::int64_t d = wrap_dim(*dim, self.dim());
    if (self.numel() == 0 && self.dim() > 0 && self.shape()[static_cast<std::size_t>(d)] == 0) {
      throw_index_error(name + "(): Expected reduction dim " + std::to_string(d) +
                        " to have non-zero size.");
    }
    mask = single_dim_mask(self, *dim);
  } else {
    if (self.numel() == 0) {
      throw_index_error(name + "(): Expected reduction dim to be specified for input.numel() == 0.");
    }
    mask = reduce_mask(self, {});
  }
  if (self.dtype() == DType::Bool) throw_not_implemented_for((name + "_cpu").c_str(), DType::Bool);
  // Without a dim the whole tensor is one row, so the index is row-major flat.
  const ReducePlan p = plan_reduction(self, mask, keepdim);
  Tensor indices = Tensor::make(p.out_shape, DType::Int64, false);
  dispatch(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const std::unique_ptr<T[]> values(new T[static_cast<std::size_t>(p.s.outputs())]);
    arg_reduce<Max>(p.input.data<T>(), p.s.outer, p.s.reduce, p.s.inner, values.get(),
                    indices.data<std::int64_t>());
  });
  return indices;
}

}  // namespace

Tensor max(const Tensor& self) { return extreme_all<true>(self); }
Tensor min(const Tensor& self) { return extreme_all<false>(self); }

ValuesIndices max(const Tensor& self, std::int64_t dim, bool keepdim) {
  return extreme_dim<true>(self, dim, keepdim);
}
ValuesIndices min(const Tensor& self, std::int64_t dim, bool keepdim) {
  return extreme_dim<false>(self, dim, keepdim);
}

Tensor argmax(const Tensor& self, std::optional<std::int64_t> dim, bool keepdim) {
  return arg_extreme<true>(self, dim, keepdim);
}
Tensor argmin(const Tensor& self, std::optional<std::int64_t> dim, bool keepdim) {
  return arg_extreme<false>(self, dim, keepdim);
}

}  // namespace lesson::tensor
