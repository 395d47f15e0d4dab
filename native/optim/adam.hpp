// torch.optim.Adam and AdamW with PyTorch 1.13's single-tensor update order.
#pragma once

#include "optim/optimizer.hpp"

namespace lesson::optim {

struct AdamOptions {
  double lr = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0;  // AdamW's default is 1e-2 (see AdamW::default_options)
  bool amsgrad = false;
  bool maximize = false;
};

class Adam : public Optimizer {
 public:
  Adam(const std::vector<Tensor>& params, const AdamOptions& options = {});
  void step() override;

 protected:
  Adam(std::string type_name, const std::vector<Tensor>& params, const AdamOptions& options, bool decoupled);

 private:
  bool decoupled_;  // AdamW: p *= 1 - lr * wd before the moments
};

class AdamW : public Adam {
 public:
  static AdamOptions default_options() {
    AdamOptions o;
    o.weight_decay = 1e-2;
    return o;
  }
  AdamW(const std::vector<Tensor>& params, const AdamOptions& options = default_options());
};

}  // namespace lesson::optim
