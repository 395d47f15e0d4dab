#include "tensor/linalg.hpp"

#include <string>
#include <type_traits>
#include <utility>

#include "core/errors.hpp"
#include "tensor/copy.hpp"
#include "tensor/dispatch.hpp"
#include "tensor/elementwise_types.hpp"
#include "tensor/linalg_gemm.hpp"

namespace lesson::tensor {

namespace {

std::string dims_text(std::int64_t rows, std::int64_t cols) {
  return std::to_string(rows) + "x" + std::to_string(cols);
}

// The dtype check PyTorch's kernels make when they read the second operand
// as the first one's element type.
void check_same_dtype(DType first, DType second) {
  if (first != second) {
    throw_runtime_error(std::string("expected scalar type ") + scalar_type_name(first) +
                        " but found " + scalar_type_name(second));
  }
}

// The early result PyTorch gives when there is nothing to multiply.
Tensor zeros_of(const Shape& shape, DType dtype) { return Tensor::make(shape, dtype, true); }

// out[batch] = a[batch] (m x k) . b[batch] (k x n). `a` and `b` end in
// their matrix dims, and their leading (batch) dims broadcast to
// `out_batch`; `out_shape` is the result's shape, holding the same
// elements as out_batch + [m, n]. The dtypes were checked equal.
Tensor product(const Tensor& a, const Tensor& b, const Shape& out_batch, const Shape& out_shape) {
  const Tensor ac = a.contiguous();
  const Tensor bc = b.contiguous();
  const std::int64_t m = ac.size(-2), k = ac.size(-1), n = bc.size(-1);
  Tensor out = Tensor::make(out_shape, a.dtype(), true);
  if (out.numel() == 0 || k == 0) return out;

  // Matrix offsets of each operand along the output batch; 0 where broadcast.
  const auto batch_strides = [&out_batch](const Tensor& t) {
    Strides s(out_batch.size(), 0);
    const std::size_t tb = t.shape().size() - 2;
    for (std::size_t i = 0; i < tb; ++i) {
      const std::size_t d = out_batch.size() - tb + i;
      if (t.shape()[i] != 1) s[d] = t.strides()[i];
    }
    return s;
  };
  const Strides sa = batch_strides(ac), sb = batch_strides(bc);
  dispatch(a.dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (!std::is_same_v<T, bool>) {
      const T* pa = ac.data<T>();
      const T* pb = bc.data<T>();
      T* po = out.data<T>();
      for_each_offset2(out_batch, sa, sb, [&](std::int64_t oa, std::int64_t ob) {
        if (n == 1) {  // matrix . vector: one dot product per row
          for (std::int64_t i = 0; i < m; ++i) po[i] = kernels::dot(pa + oa + i * k, pb + ob, k);
        } else {
          kernels::gemm(pa + oa, pb + ob, po, m, k, n);
        }
        po += m * n;
      });
    }
  });
  return out;
}

// A vector as a [1, k] row or a [k, 1] column (views).
Tensor as_row(const Tensor& v) { return v.as_strided({1, v.size(0)}, {v.size(0) * v.stride(0), v.stride(0)}, v.offset()); }
Tensor as_column(const Tensor& v) { return v.as_strided({v.size(0), 1}, {v.stride(0), 1}, v.offset()); }

// The last two dims swapped (a view).
Tensor swap_last_two(const Tensor& x) {
  Shape shape = x.shape();
  Strides strides = x.strides();
  const std::size_t nd = shape.size();
  std::swap(shape[nd - 1], shape[nd - 2]);
  std::swap(strides[nd - 1], strides[nd - 2]);
  return x.as_strided(shape, strides, x.offset());
}

std::int64_t product_of(const Shape& shape, std::size_t from, std::size_t to) {
  std::int64_t p = 1;
  for (std::size_t i = from; i < to; ++i) p *= shape[i];
  return p;
}

// PyTorch's checks, each returning true when the result is all zeros
// without a kernel (and so without the dtype checks).

bool check_mm(const Shape& s1, const Shape& s2, DType d1, DType d2) {
  if (s1[1] != s2[0]) {
    throw_runtime_error("mat1 and mat2 shapes cannot be multiplied (" + dims_text(s1[0], s1[1]) +
                        " and " + dims_text(s2[0], s2[1]) + ")");
  }
  if (s1[0] == 0 || s2[1] == 0 || s1[1] == 0) return true;
  if (d1 == DType::Bool) throw_not_implemented_for("addmm_impl_cpu_", d1);
  check_same_dtype(d1, d2);
  return false;
}

bool check_mv(const Shape& mat, const Shape& vec, DType dmat, DType dvec) {
  if (mat.size() != 2 || vec.size() != 1) {
    throw_runtime_error("vector + matrix @ vector expected, got 1, " + std::to_string(mat.size()) +
                        ", " + std::to_string(vec.size()));
  }
  if (mat[1] != vec[0]) {
    throw_runtime_error("size mismatch, got " + std::to_string(mat[0]) + ", " +
                        dims_text(mat[0], mat[1]) + "," + std::to_string(vec[0]));
  }
  if (mat[0] * mat[1] == 0) return true;
  if (dmat == DType::Bool) throw_not_implemented_for("addmv_impl_cpu", dmat);
  check_same_dtype(dmat, dvec);
  return false;
}

bool check_bmm(const Shape& s1, const Shape& s2, DType d1, DType d2) {
  if (s2[0] != s1[0] || s2[1] != s1[2]) {
    throw_runtime_error("Expected size for first two dimensions of batch2 tensor to be: [" +
                        std::to_string(s1[0]) + ", " + std::to_string(s1[2]) + "] but got: [" +
                        std::to_string(s2[0]) + ", " + std::to_string(s2[1]) + "].");
  }
  if (s1[0] * s1[1] * s2[2] == 0 || s1[2] == 0) return true;
  if (d1 == DType::Bool) throw_not_implemented_for("bmm", d1);
  check_same_dtype(d1, d2);
  return false;
}

// >=3-D . 1/2-D: PyTorch folds the batch into the rows of one mv / mm.
Tensor folded_product(const Tensor& big, const Tensor& small) {
  const Shape& s = big.shape();
  const std::size_t nd = s.size();
  const std::int64_t k = s[nd - 1];
  const std::int64_t rows = product_of(s, 0, nd - 1);
  Shape out_shape(s.begin(), s.end() - 1);
  const Tensor dense = big.contiguous();
  const Tensor flat = dense.as_strided({rows, k}, {k, 1}, dense.offset());
  if (small.dim() == 1) {
    if (check_mv({rows, k}, small.shape(), big.dtype(), small.dtype())) return zeros_of(out_shape, small.dtype());
    return product(flat, as_column(small), {}, out_shape);
  }
  out_shape.push_back(small.size(1));
  if (check_mm({rows, k}, small.shape(), big.dtype(), small.dtype())) return zeros_of(out_shape, big.dtype());
  return product(flat, small, {}, out_shape);
}

// 1/2-D . >=3-D: PyTorch folds other^T's batch the same way, computing
// (other^T folded) . self^T and transposing back.
Tensor folded_product_transposed(const Tensor& self, const Tensor& other) {
  const Shape& s = other.shape();
  const std::size_t nd = s.size();
  const std::int64_t k = s[nd - 2], p = s[nd - 1];
  const Shape batch(s.begin(), s.end() - 2);
  const std::int64_t rows = product_of(s, 0, nd - 2) * p;
  Shape out_shape = batch;
  if (self.dim() == 1) {
    out_shape.push_back(p);
    if (check_mv({rows, k}, self.shape(), other.dtype(), self.dtype())) return zeros_of(out_shape, self.dtype());
    return product(as_row(self), other, batch, out_shape);
  }
  const std::int64_t n = self.size(0);
  out_shape.push_back(n);
  out_shape.push_back(p);
  if (check_mm({rows, k}, {self.size(1), n}, other.dtype(), self.dtype())) return zeros_of(out_shape, other.dtype());
  return product(self, other, batch, out_shape);
}

// Both >=3-D: broadcast the batch dims, then bmm's checks on the flattened batch.
Tensor batched_product(const Tensor& self, const Tensor& other) {
  const Shape& s1 = self.shape();
  const Shape& s2 = other.shape();
  const Shape batch = broadcast_shapes(Shape(s1.begin(), s1.end() - 2), Shape(s2.begin(), s2.end() - 2));
  const std::int64_t count = numel_of(batch);
  const std::int64_t n = s1[s1.size() - 2], p = s2.back();
  Shape out_shape = batch;
  out_shape.push_back(n);
  out_shape.push_back(p);
  if (check_bmm({count, n, s1.back()}, {count, s2[s2.size() - 2], p}, self.dtype(), other.dtype())) {
    return zeros_of(out_shape, other.dtype());
  }
  return product(self, other, batch, out_shape);
}

}  // namespace

Tensor dot(const Tensor& self, const Tensor& other) {
  if (self.dim() != 1 || other.dim() != 1) {
    throw_runtime_error("1D tensors expected, but got " + std::to_string(self.dim()) + "D and " +
                        std::to_string(other.dim()) + "D tensors");
  }
  if (self.dtype() != other.dtype()) {
    throw_runtime_error(std::string("dot : expected both vectors to have same dtype, but found ") +
                        scalar_type_name(self.dtype()) + " and " + scalar_type_name(other.dtype()));
  }
  if (self.numel() != other.numel()) {
    const auto a = std::to_string(self.numel()), b = std::to_string(other.numel());
    throw_runtime_error("inconsistent tensor size, expected tensor [" + a + "] and src [" + b +
                        "] to have the same number of elements, but got " + a + " and " + b +
                        " elements respectively");
  }
  if (self.dtype() == DType::Bool) throw_not_implemented_for("dot", DType::Bool);
  return product(as_row(self), as_column(other), {}, {});
}

Tensor mv(const Tensor& self, const Tensor& vec) {
  if (check_mv(self.shape(), vec.shape(), self.dtype(), vec.dtype())) return zeros_of({self.size(0)}, vec.dtype());
  return product(self, as_column(vec), {}, {self.size(0)});
}

Tensor mm(const Tensor& self, const Tensor& mat2) {
  if (self.dim() != 2) throw_runtime_error("self must be a matrix");
  if (mat2.dim() != 2) throw_runtime_error("mat2 must be a matrix");
  const Shape out_shape{self.size(0), mat2.size(1)};
  if (check_mm(self.shape(), mat2.shape(), self.dtype(), mat2.dtype())) return zeros_of(out_shape, self.dtype());
  return product(self, mat2, {}, out_shape);
}

Tensor bmm(const Tensor& self, const Tensor& mat2) {
  if (self.dim() != 3) throw_runtime_error("batch1 must be a 3D tensor");
  if (mat2.dim() != 3) throw_runtime_error("batch2 must be a 3D tensor");
  const Shape out_shape{self.size(0), self.size(1), mat2.size(2)};
  if (check_bmm(self.shape(), mat2.shape(), self.dtype(), mat2.dtype())) return zeros_of(out_shape, mat2.dtype());
  return product(self, mat2, {self.size(0)}, out_shape);
}

Tensor matmul(const Tensor& self, const Tensor& other) {
  const std::int64_t d1 = self.dim(), d2 = other.dim();
  if (d1 == 0 || d2 == 0) {
    throw_runtime_error("both arguments to matmul need to be at least 1D, but they are " +
                        std::to_string(d1) + "D and " + std::to_string(d2) + "D");
  }
  if (d1 == 1 && d2 == 1) return dot(self, other);
  if (d1 == 2 && d2 == 1) return mv(self, other);
  if (d1 == 1 && d2 == 2) {
    const Shape out_shape{other.size(1)};
    if (check_mm({1, self.size(0)}, other.shape(), self.dtype(), other.dtype())) return zeros_of(out_shape, self.dtype());
    return product(as_row(self), other, {}, out_shape);
  }
  if (d1 == 2 && d2 == 2) return mm(self, other);
  if (d1 >= 3 && d2 <= 2) return folded_product(self, other);
  if (d2 >= 3 && d1 <= 2) return folded_product_transposed(self, other);
  return batched_product(self, other);
}

Tensor t(const Tensor& self) {
  if (self.dim() > 2) {
    throw_runtime_error("t() expects a tensor with <= 2 dimensions, but self is " +
                        std::to_string(self.dim()) + "D");
  }
  if (self.dim() < 2) return self.as_strided(self.shape(), self.strides(), self.offset());
  return swap_last_two(self);
}

}  // namespace lesson::tensor
