#include "optim/adam.hpp"

#include "optim_golden.hpp"

using namespace lesson;
using nlohmann::json;

namespace {

optim::AdamOptions options_from(const json& kw, optim::AdamOptions o) {
  o.lr = kw.value("lr", o.lr);
  if (kw.contains("betas")) {
    o.beta1 = kw["betas"][0];
    o.beta2 = kw["betas"][1];
  }
  o.eps = kw.value("eps", o.eps);
  o.weight_decay = kw.value("weight_decay", o.weight_decay);
  o.amsgrad = kw.value("amsgrad", false);
  o.maximize = kw.value("maximize", false);
  return o;
}

}  // namespace

TEST_CASE("Adam and AdamW trajectories match PyTorch 1.13") {
  const int adam = testing::run_trajectories("Adam", [](const tensor::Tensor& p, const json& c) {
    if (c.at("optimizer") == "AdamW")
      return std::unique_ptr<optim::Optimizer>(
          new optim::AdamW({p}, options_from(c.at("kwargs"), optim::AdamW::default_options())));
    return std::unique_ptr<optim::Optimizer>(new optim::Adam({p}, options_from(c.at("kwargs"), {})));
  });
  CHECK(adam == 6);  // "Adam" prefix covers the 4 Adam and 2 AdamW cases
}

TEST_CASE("Adam errors and state") {
  const auto doc = testing::load_golden("modules.json");
  tensor::Tensor p = nn::make_parameter(tensor::zeros({2}));
  auto with = [&](auto set) {
    optim::AdamOptions o;
    set(o);
    return optim::Adam({p}, o);
  };
  testing::check_optim_error(doc, "adam_eps", [&] { with([](auto& o) { o.eps = -1e-8; }); });
  testing::check_optim_error(doc, "adam_beta0", [&] { with([](auto& o) { o.beta1 = 1.0; }); });
  testing::check_optim_error(doc, "adam_beta1", [&] { with([](auto& o) { o.beta2 = -0.5; }); });
  optim::Adam opt({p});
  p.set_grad(tensor::ones({2}));
  opt.step();
  opt.step();
  const auto sd = opt.state_dict();
  CHECK(sd.state.at(0).step == 2);
  CHECK(sd.state.at(0).tensors.count("exp_avg") == 1);
  CHECK(sd.state.at(0).tensors.count("exp_avg_sq") == 1);
  CHECK(optim::AdamW({p}).param_groups()[0].options.at("weight_decay") == 0.01);
}
