#include "tensor/tensor.hpp"

#include "core/errors.hpp"
#include "tensor/copy.hpp"
#include "tensor/dispatch.hpp"

namespace lesson::tensor {

Tensor Tensor::make(const Shape& shape, DType dtype, bool zero) {
  check_sizes_nonnegative(shape);
  auto impl = std::make_shared<TensorImpl>();
  const auto n = static_cast<std::size_t>(numel_of(shape));
  impl->storage = std::make_shared<Storage>(n * dtype_size(dtype), zero);
  impl->dtype = dtype;
  impl->shape = shape;
  impl->strides = contiguous_strides(shape);
  impl->offset = 0;
  return Tensor(std::move(impl));
}

std::int64_t Tensor::size(std::int64_t d) const { return impl_->shape[wrap_dim(d, dim())]; }

std::int64_t Tensor::stride(std::int64_t d) const { return impl_->strides[wrap_dim(d, dim())]; }

bool Tensor::is_contiguous() const {
  std::int64_t expected = 1;
  for (std::size_t i = impl_->shape.size(); i-- > 0;) {
    const auto s = impl_->shape[i];
    if (s == 1) continue;
    if (s == 0) return true;
    if (impl_->strides[i] != expected) return false;
    expected *= s;
  }
  return true;
}

Tensor Tensor::as_strided(const Shape& shape, const Strides& strides, std::int64_t offset) const {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = impl_->storage;
  impl->dtype = impl_->dtype;
  impl->shape = shape;
  impl->strides = strides;
  impl->offset = offset;
  return Tensor(std::move(impl));
}

Tensor Tensor::contiguous() const { return is_contiguous() ? *this : clone_data(); }

Tensor Tensor::clone_data() const {
  Tensor out = make(shape(), dtype(), false);
  copy_into(out, *this);
  return out;
}

Tensor Tensor::to_dtype(DType target) const {
  if (target == dtype()) return *this;
  Tensor out = make(shape(), target, false);
  copy_into(out, *this);
  return out;
}

std::vector<double> Tensor::to_double_vector() const {
  const Tensor c = contiguous();
  std::vector<double> out(static_cast<std::size_t>(c.numel()));
  dispatch(dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* p = c.data<T>();
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<double>(p[i]);
  });
  return out;
}

std::vector<std::int64_t> Tensor::to_int_vector() const {
  const Tensor c = contiguous();
  std::vector<std::int64_t> out(static_cast<std::size_t>(c.numel()));
  dispatch(dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T* p = c.data<T>();
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::int64_t>(p[i]);
  });
  return out;
}

namespace {
void check_one_element(const Tensor& t) {
  if (t.numel() != 1) {
    throw_value_error("only one element tensors can be converted to Python scalars");
  }
}
}  // namespace

double Tensor::item_double() const {
  check_one_element(*this);
  return dispatch(dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    return static_cast<double>(*data<T>());
  });
}

std::int64_t Tensor::item_int() const {
  check_one_element(*this);
  return dispatch(dtype(), [&](auto tag) {
    using T = typename decltype(tag)::type;
    return static_cast<std::int64_t>(*data<T>());
  });
}

void Tensor::set_requires_grad(bool value) {
  if (!is_leaf()) {
    throw_runtime_error(
        "you can only change requires_grad flags of leaf variables. If you want to use a "
        "computed variable in a subgraph that doesn't require differentiation use "
        "var_no_grad = var.detach().");
  }
  if (value && !is_floating(dtype())) {
    throw_runtime_error("only Tensors of floating point dtype can require gradients");
  }
  impl_->autograd.requires_grad = value;
}

}  // namespace lesson::tensor
