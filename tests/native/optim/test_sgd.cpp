#include "optim/sgd.hpp"

#include "optim_golden.hpp"

using namespace lesson;
using nlohmann::json;

TEST_CASE("SGD trajectories match PyTorch 1.13") {
  const int n = testing::run_trajectories("SGD", [](const tensor::Tensor& p, const json& c) {
    const auto& kw = c.at("kwargs");
    optim::SGDOptions o;
    o.lr = kw.at("lr");
    o.momentum = kw.value("momentum", 0.0);
    o.dampening = kw.value("dampening", 0.0);
    o.weight_decay = kw.value("weight_decay", 0.0);
    o.nesterov = kw.value("nesterov", false);
    o.maximize = kw.value("maximize", false);
    return std::unique_ptr<optim::Optimizer>(new optim::SGD({p}, o));
  });
  CHECK(n == 5);
}

TEST_CASE("SGD errors, zero_grad, state") {
  const auto doc = testing::load_golden("modules.json");
  tensor::Tensor p = nn::make_parameter(tensor::zeros({2}));
  auto sgd = [&](double lr, double momentum, double dampening, bool nesterov) {
    optim::SGDOptions o;
    o.lr = lr;
    o.momentum = momentum;
    o.dampening = dampening;
    o.nesterov = nesterov;
    return optim::SGD({p}, o);
  };
  testing::check_optim_error(doc, "sgd_lr", [&] { sgd(-0.1, 0, 0, false); });
  testing::check_optim_error(doc, "sgd_nesterov", [&] { sgd(0.1, 0, 0, true); });
  testing::check_optim_error(doc, "empty", [&] { optim::SGD({}, optim::SGDOptions{0.1}); });

  auto opt = sgd(0.1, 0.9, 0, false);
  CHECK(opt.param_groups().size() == 1);
  CHECK(opt.param_groups()[0].options.at("lr") == 0.1);
  p.set_grad(tensor::ones({2}));
  opt.step();
  CHECK(p.to_double_vector() == std::vector<double>{-0.1f, -0.1f});
  CHECK(opt.state_dict().state.at(0).tensors.count("momentum_buffer") == 1);
  opt.zero_grad();  // 1.13 default keeps a zero gradient
  REQUIRE(p.grad().defined());
  CHECK(p.grad().to_double_vector() == std::vector<double>{0.0, 0.0});
  opt.zero_grad(true);
  CHECK_FALSE(p.grad().defined());
  opt.step();  // parameters without a gradient are skipped
  CHECK(p.to_double_vector() == std::vector<double>{-0.1f, -0.1f});
}
