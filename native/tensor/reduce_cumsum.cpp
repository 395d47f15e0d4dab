#include "tensor/reduce_cumsum.hpp"

#include <algorithm>
#include <type_traits>
#include <vector>

#include "tensor/dispatch.hpp"
#include "tensor/reduce_dims.hpp"

namespace lesson::tensor {

namespace {

// Running sums down each [reduce, inner] block of a contiguous input
// (inner == 1: along rows). Acc is double for float and uint64 for the
// integers, whose overflow then wraps as PyTorch's int64 does.
template <class Acc, class T, class Out>
void running_sums(const T* x, std::int64_t outer, std::int64_t reduce, std::int64_t inner, Out* y) {
  if (inner == 1) {  // one running sum per row, kept in a register
    for (std::int64_t o = 0; o < outer; ++o) {
      Acc acc(0);
      for (std::int64_t r = o * reduce; r < (o + 1) * reduce; ++r) {
        acc += static_cast<Acc>(x[r]);
        y[r] = static_cast<Out>(acc);
      }
    }
    return;
  }
  std::vector<Acc> acc(static_cast<std::size_t>(inner));
  for (std::int64_t o = 0; o < outer; ++o) {
    std::fill(acc.begin(), acc.end(), Acc(0));
    for (std::int64_t r = 0; r < reduce; ++r) {
      const std::int64_t base = (o * reduce + r) * inner;
      for (std::int64_t j = 0; j < inner; ++j) {
        acc[static_cast<std::size_t>(j)] += static_cast<Acc>(x[base + j]);
        y[base + j] = static_cast<Out>(acc[static_cast<std::size_t>(j)]);
      }
    }
  }
}

}  // namespace

Tensor cumsum(const Tensor& self, std::int64_t dim) {
  const std::int64_t d = wrap_dim(dim, self.dim());
  const Tensor x = self.contiguous();
  const DType out_dtype = self.dtype() == DType::Float32 ? DType::Float32 : DType::Int64;
  Tensor out = Tensor::make(self.shape(), out_dtype, false);
  std::int64_t outer = 1, reduce = 1, inner = 1;
  for (std::int64_t k = 0; k < self.dim(); ++k) {
    const auto size = self.shape()[static_cast<std::size_t>(k)];
    (k < d ? outer : k == d ? reduce : inner) *= size;
  }
  dispatch(self.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (std::is_same_v<T, float>) {
      running_sums<double>(x.data<float>(), outer, reduce, inner, out.data<float>());
    } else {
      running_sums<std::uint64_t>(x.data<T>(), outer, reduce, inner,
                                  reinterpret_cast<std::uint64_t*>(out.data<std::int64_t>()));
    }
  });
  return out;
}

}  // namespace lesson::tensor
