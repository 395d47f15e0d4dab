// torch.norm: vector p-norms over dims, and the 'fro' string form.
#pragma once

#include <string>

#include "tensor/reduce_dims.hpp"
#include "tensor/tensor.hpp"

namespace lesson::tensor {

// (sum |x|^p)^(1/p) over `dims` (empty = every dim), for any real p;
// p = inf / -inf give max / min |x|, p = 0 counts non-zeros. The norm of
// nothing is 0 for every p, as in PyTorch 1.13. Float input only: "norm():
// input dtype should be either floating point or complex. Got Long instead."
Tensor norm(const Tensor& self, double p = 2.0, const DimList& dims = {}, bool keepdim = false);

// p as a string, torch.norm's default being 'fro': the 2-norm over at most
// two dims, with its own errors ("Expected at most 2 dimensions, but got 3
// dimensions instead.", "Expected dims to be different, got [0, -2]
// instead"). 'nuc' (singular values) is not implemented; any other string:
// "only valid string values are 'fro' and 'nuc', found abc".
Tensor norm(const Tensor& self, const std::string& p, const DimList& dims = {}, bool keepdim = false);

}  // namespace lesson::tensor
