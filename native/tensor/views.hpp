// View operations: results share the input's storage and copy nothing (a new
// TensorImpl with other sizes, strides or offset). Errors as PyTorch 1.13.
// Reshaping views (view, reshape, flatten) are in reshape.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "tensor/tensor.hpp"

namespace lesson::tensor {

// Another TensorImpl over the same elements (x[...], transpose(d, d)).
Tensor alias(const Tensor& self);
// A view with no autograd history and requires_grad false (x.detach()).
Tensor detach(const Tensor& self);

Tensor permute(const Tensor& self, const std::vector<std::int64_t>& dims);
Tensor transpose(const Tensor& self, std::int64_t dim0, std::int64_t dim1);
// x.T: all dims reversed (PyTorch 1.13 warns when ndim != 2 but does it).
Tensor numpy_T(const Tensor& self);

Tensor unsqueeze(const Tensor& self, std::int64_t dim);
Tensor squeeze(const Tensor& self);                    // every size-1 dim
Tensor squeeze(const Tensor& self, std::int64_t dim);  // that dim if its size is 1

// sizes may hold -1 (keep the size) and more dims than self (new leading dims).
Tensor expand(const Tensor& self, const Shape& sizes);
// "torch.FloatTensor", "torch.LongTensor", "CPUBoolType": how PyTorch names a
// tensor type in expand's messages.
const char* tensor_type_string(DType dtype);

// The slice at `index` of dim `dim`, one dim fewer (x.select(dim, index)).
Tensor select(const Tensor& self, std::int64_t dim, std::int64_t index);
// x.narrow(dim, start, length).
Tensor narrow(const Tensor& self, std::int64_t dim, std::int64_t start, std::int64_t length);
// at::slice: start/stop default to the ends, are wrapped once if negative and
// clamped into range; step must be positive.
Tensor slice(const Tensor& self, std::int64_t dim, std::optional<std::int64_t> start,
             std::optional<std::int64_t> stop, std::int64_t step = 1);

}  // namespace lesson::tensor
