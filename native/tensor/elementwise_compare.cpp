#include "tensor/elementwise_compare.hpp"

#include "tensor/elementwise_run.hpp"
#include "tensor/elementwise_types.hpp"

namespace lesson::tensor {

namespace {

template <class T>
struct EqOp {
  bool operator()(T a, T b) const { return a == b; }
};
template <class T>
struct NeOp {
  bool operator()(T a, T b) const { return a != b; }
};
template <class T>
struct LtOp {
  bool operator()(T a, T b) const { return a < b; }
};
template <class T>
struct LeOp {
  bool operator()(T a, T b) const { return a <= b; }
};
template <class T>
struct GtOp {
  bool operator()(T a, T b) const { return a > b; }
};
template <class T>
struct GeOp {
  bool operator()(T a, T b) const { return a >= b; }
};

template <template <class> class Op>
Tensor compare(const Tensor& a, const Tensor& b) {
  const DType common = result_type({a.dtype(), b.dtype()});
  return detail::run_binary(a, b, common, DType::Bool,
                            [](auto tag) { return Op<typename decltype(tag)::type>{}; });
}

}  // namespace

Tensor eq(const Tensor& a, const Tensor& b) { return compare<EqOp>(a, b); }
Tensor eq(const Tensor& a, const Scalar& b) { return compare<EqOp>(a, wrap_scalar(b)); }
Tensor eq(const Scalar& a, const Tensor& b) { return compare<EqOp>(b, wrap_scalar(a)); }
Tensor ne(const Tensor& a, const Tensor& b) { return compare<NeOp>(a, b); }
Tensor ne(const Tensor& a, const Scalar& b) { return compare<NeOp>(a, wrap_scalar(b)); }
Tensor ne(const Scalar& a, const Tensor& b) { return compare<NeOp>(b, wrap_scalar(a)); }
Tensor lt(const Tensor& a, const Tensor& b) { return compare<LtOp>(a, b); }
Tensor lt(const Tensor& a, const Scalar& b) { return compare<LtOp>(a, wrap_scalar(b)); }
Tensor lt(const Scalar& a, const Tensor& b) { return compare<GtOp>(b, wrap_scalar(a)); }
Tensor le(const Tensor& a, const Tensor& b) { return compare<LeOp>(a, b); }
Tensor le(const Tensor& a, const Scalar& b) { return compare<LeOp>(a, wrap_scalar(b)); }
Tensor le(const Scalar& a, const Tensor& b) { return compare<GeOp>(b, wrap_scalar(a)); }
Tensor gt(const Tensor& a, const Tensor& b) { return compare<GtOp>(a, b); }
Tensor gt(const Tensor& a, const Scalar& b) { return compare<GtOp>(a, wrap_scalar(b)); }
Tensor gt(const Scalar& a, const Tensor& b) { return compare<LtOp>(b, wrap_scalar(a)); }
Tensor ge(const Tensor& a, const Tensor& b) { return compare<GeOp>(a, b); }
Tensor ge(const Tensor& a, const Scalar& b) { return compare<GeOp>(a, wrap_scalar(b)); }
Tensor ge(const Scalar& a, const Tensor& b) { return compare<LeOp>(b, wrap_scalar(a)); }

}  // namespace lesson::tensor
