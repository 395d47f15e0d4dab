// Runs the optimizer trajectories of modules.json (generate_modules.py).
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>

#include "core/errors.hpp"
#include "golden.hpp"
#include "nn/module.hpp"
#include "optim/optimizer.hpp"
#include "tensor/create.hpp"
#include "tensor/tensor_json.hpp"

namespace lesson::testing {

using OptimizerFactory = std::function<std::unique_ptr<optim::Optimizer>(const tensor::Tensor&, const nlohmann::json&)>;

inline int run_trajectories(const std::string& kind_prefix, const OptimizerFactory& make) {
  const auto doc = load_golden("modules.json");
  const auto p0 = doc.at("optim_p0").get<std::vector<double>>();
  int cases = 0;
  for (const auto& c : doc.at("optim")) {
    const std::string name = c.at("optimizer");
    if (name.rfind(kind_prefix, 0) != 0) continue;
    CAPTURE(name);
    CAPTURE(c.at("kwargs").dump());
    tensor::Tensor p = nn::make_parameter(tensor::from_doubles({2, 3}, p0));
    auto opt = make(p, c);
    const auto& traj = c.at("trajectory");
    for (std::size_t k = 0; k < traj.size(); ++k) {
      CAPTURE(k);
      p.set_grad(tensor::from_doubles({2, 3}, doc.at("optim_grads")[k].get<std::vector<double>>()));
      opt->step();
      check_tensor(p, traj[k], 1e-6, 1e-6);
    }
    ++cases;
  }
  return cases;
}

inline void check_optim_error(const nlohmann::json& doc, const std::string& which, const std::function<void()>& fn) {
  for (const auto& c : doc.at("optim_errors")) {
    if (c.at("case") != which) continue;
    CAPTURE(which);
    try {
      fn();
      FAIL("no error");
    } catch (const TorchError& e) {
      CHECK(std::string(error_kind_name(e.kind())) == c.at("error").get<std::string>());
      CHECK(std::string(e.what()) == c.at("message").get<std::string>());
    }
    return;
  }
  FAIL("no golden error " << which);
}

}  // namespace lesson::testing
