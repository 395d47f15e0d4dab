// The loops every element-wise op runs on. Operands are first viewed in the
// output's shape (broadcast dims get stride 0) and their dimensions coalesced
// as far as all strides allow, the way PyTorch's TensorIterator does; the walk
// then hands whole inner rows to a row kernel. A row whose operands are all
// contiguous (or a broadcast single value) is the fast path: xtensor adaptors
// with xt::noalias when the op has an xtensor expression, a plain pointer loop
// otherwise. Anything else is a strided loop.
//
// An op is a small struct with `operator()(a, b...)` for one element and,
// optionally, `expr(xa, xb...)` building the same computation as an xtensor
// expression, enabled by `static constexpr bool has_expr = true`.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <type_traits>
#include <vector>

#include <xtensor/xadapt.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xtensor.hpp>

#include "tensor/copy.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor::detail {

template <class Op, class = void>
struct op_has_expr : std::false_type {};
template <class Op>
struct op_has_expr<Op, std::enable_if_t<Op::has_expr>> : std::true_type {};

// Rows shorter than this skip the adaptor set-up and run as plain loops.
constexpr std::int64_t kMinExprRow = 16;

template <class T>
auto adapt_row(T* p, std::int64_t n) {
  const std::array<std::size_t, 1> shape{static_cast<std::size_t>(n)};
  return xt::adapt(p, static_cast<std::size_t>(n), xt::no_ownership(), shape);
}

// Orders dims by the first operand's (the output's) strides, largest first,
// so the walk follows memory; drops size-1 dims and merges neighbours that
// every operand steps through as one (outer stride == inner stride * inner
// size). Leaves at least one dim.
template <std::size_t N>
void coalesce(Shape& shape, std::array<Strides, N>& strides) {
  std::vector<std::size_t> order(shape.size());
  for (std::size_t d = 0; d < order.size(); ++d) order[d] = d;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return strides[0][a] > strides[0][b]; });
  Shape out_shape;
  std::array<Strides, N> out_strides;
  for (std::size_t d : order) {
    if (shape[d] == 1) continue;
    bool merge = !out_shape.empty();
    for (std::size_t k = 0; merge && k < N; ++k) {
      merge = out_strides[k].back() == strides[k][d] * shape[d];
    }
    if (merge) {
      out_shape.back() *= shape[d];
      for (std::size_t k = 0; k < N; ++k) out_strides[k].back() = strides[k][d];
    } else {
      out_shape.push_back(shape[d]);
      for (std::size_t k = 0; k < N; ++k) out_strides[k].push_back(strides[k][d]);
    }
  }
  if (out_shape.empty()) {
    out_shape.push_back(1);
    for (std::size_t k = 0; k < N; ++k) out_strides[k].push_back(0);
  }
  shape = std::move(out_shape);
  strides = std::move(out_strides);
}

// Calls row(offsets, count) for every innermost row of `shape`, offsets being
// the element offsets of the row's first element for each operand.
template <std::size_t N, class F>
void walk_rows(const Shape& shape, const std::array<Strides, N>& strides, F&& row) {
  const std::size_t nd = shape.size();
  std::array<std::int64_t, N> off{};
  const std::int64_t inner = shape[nd - 1];
  if (nd == 1) {
    row(off, inner);
    return;
  }
  std::vector<std::int64_t> index(nd - 1, 0);
  while (true) {
    row(off, inner);
    std::size_t d = nd - 1;
    while (true) {
      if (d == 0) return;
      --d;
      ++index[d];
      for (std::size_t k = 0; k < N; ++k) off[k] += strides[k][d];
      if (index[d] < shape[d]) break;
      for (std::size_t k = 0; k < N; ++k) off[k] -= strides[k][d] * shape[d];
      index[d] = 0;
    }
  }
}

// out = op(a), elementwise; `a` broadcasts to out's shape.
template <class Out, class A, class Op>
void unary_map(const Tensor& out, const Tensor& a, const Op& op) {
  if (out.numel() == 0) return;
  Shape shape = out.shape();
  std::array<Strides, 2> st{out.strides(), broadcast_strides(a, shape)};
  coalesce(shape, st);
  Out* po = out.data<Out>();
  const A* pa = a.data<A>();
  const std::int64_t so = st[0].back(), sa = st[1].back();
  walk_rows(shape, st, [&](const std::array<std::int64_t, 2>& o, std::int64_t n) {
    Out* ro = po + o[0];
    const A* ra = pa + o[1];
    if (so == 1 && sa == 1) {
      if constexpr (op_has_expr<Op>::value) {
        if (n >= kMinExprRow) {
          auto xo = adapt_row(ro, n);
          xt::noalias(xo) = op.expr(adapt_row(ra, n));
          return;
        }
      }
      for (std::int64_t i = 0; i < n; ++i) ro[i] = op(ra[i]);
    } else {
      for (std::int64_t i = 0; i < n; ++i) ro[i * so] = op(ra[i * sa]);
    }
  });
}

// out = op(a, b), elementwise; a and b broadcast to out's shape.
template <class Out, class A, class B, class Op>
void binary_map(const Tensor& out, const Tensor& a, const Tensor& b, const Op& op) {
  if (out.numel() == 0) return;
  Shape shape = out.shape();
  std::array<Strides, 3> st{out.strides(), broadcast_strides(a, shape), broadcast_strides(b, shape)};
  coalesce(shape, st);
  Out* po = out.data<Out>();
  const A* pa = a.data<A>();
  const B* pb = b.data<B>();
  const std::int64_t so = st[0].back(), sa = st[1].back(), sb = st[2].back();
  walk_rows(shape, st, [&](const std::array<std::int64_t, 3>& o, std::int64_t n) {
    Out* ro = po + o[0];
    const A* ra = pa + o[1];
    const B* rb = pb + o[2];
    if (so == 1 && sa == 1 && sb == 1) {
      if constexpr (op_has_expr<Op>::value) {
        if (n >= kMinExprRow) {
          auto xo = adapt_row(ro, n);
          xt::noalias(xo) = op.expr(adapt_row(ra, n), adapt_row(rb, n));
          return;
        }
      }
      for (std::int64_t i = 0; i < n; ++i) ro[i] = op(ra[i], rb[i]);
    } else if (so == 1 && sa == 1 && sb == 0) {
      const B vb = *rb;
      if constexpr (op_has_expr<Op>::value) {
        if (n >= kMinExprRow) {
          auto xo = adapt_row(ro, n);
          xt::noalias(xo) = op.expr(adapt_row(ra, n), vb);
          return;
        }
      }
      for (std::int64_t i = 0; i < n; ++i) ro[i] = op(ra[i], vb);
    } else if (so == 1 && sa == 0 && sb == 1) {
      const A va = *ra;
      if constexpr (op_has_expr<Op>::value) {
        if (n >= kMinExprRow) {
          auto xo = adapt_row(ro, n);
          xt::noalias(xo) = op.expr(va, adapt_row(rb, n));
          return;
        }
      }
      for (std::int64_t i = 0; i < n; ++i) ro[i] = op(va, rb[i]);
    } else {
      for (std::int64_t i = 0; i < n; ++i) ro[i * so] = op(ra[i * sa], rb[i * sb]);
    }
  });
}

// out = op(a, b, c), elementwise, all broadcast to out's shape (where, clamp).
// Contiguous rows are plain pointer loops the compiler can vectorise.
template <class Out, class A, class B, class C, class Op>
void ternary_map(const Tensor& out, const Tensor& a, const Tensor& b, const Tensor& c, const Op& op) {
  if (out.numel() == 0) return;
  Shape shape = out.shape();
  std::array<Strides, 4> st{out.strides(), broadcast_strides(a, shape), broadcast_strides(b, shape),
                            broadcast_strides(c, shape)};
  coalesce(shape, st);
  Out* po = out.data<Out>();
  const A* pa = a.data<A>();
  const B* pb = b.data<B>();
  const C* pc = c.data<C>();
  const std::int64_t so = st[0].back(), sa = st[1].back(), sb = st[2].back(), sc = st[3].back();
  walk_rows(shape, st, [&](const std::array<std::int64_t, 4>& o, std::int64_t n) {
    Out* ro = po + o[0];
    const A* ra = pa + o[1];
    const B* rb = pb + o[2];
    const C* rc = pc + o[3];
    if (so == 1 && sa == 1 && sb == 1 && sc == 1) {
      for (std::int64_t i = 0; i < n; ++i) ro[i] = op(ra[i], rb[i], rc[i]);
    } else {
      for (std::int64_t i = 0; i < n; ++i) ro[i * so] = op(ra[i * sa], rb[i * sb], rc[i * sc]);
    }
  });
}

}  // namespace lesson::tensor::detail
