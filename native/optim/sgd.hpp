// torch.optim.SGD with PyTorch 1.13's single-tensor update order.
#pragma once

#include "optim/optimizer.hpp"

namespace lesson::optim {

struct SGDOptions {
  double lr = -1;  // required in PyTorch; negative -> "Invalid learning rate"
  double momentum = 0;
  double dampening = 0;
  double weight_decay = 0;
  bool nesterov = false;
  bool maximize = false;
};

class SGD : public Optimizer {
 public:
  SGD(const std::vector<Tensor>& params, const SGDOptions& options);
  void step() override;
};

// Shared helpers for the optimizers: float32 views of a parameter and its
// gradient (contiguous), and writing a contiguous result back.
namespace detail {
Tensor contiguous_float(const Tensor& t, const char* what);
void write_back(const Tensor& param, const Tensor& values);
}  // namespace detail

}  // namespace lesson::optim
