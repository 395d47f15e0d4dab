#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/errors.hpp"
#include "golden.hpp"
#include "nn/init.hpp"
#include "nn/linear.hpp"
#include "random/generator.hpp"
#include "tensor/create.hpp"
#include "tensor/tensor_json.hpp"

using namespace lesson;
using lesson::tensor::Tensor;
using nlohmann::json;

namespace {

void run_init(const std::string& fn, const Tensor& t, const json& kw) {
  namespace init = nn::init;
  auto num = [&](const char* k, double d) { return kw.contains(k) ? kw[k].get<double>() : d; };
  auto str = [&](const char* k, const char* d) { return kw.contains(k) ? kw[k].get<std::string>() : std::string(d); };
  if (fn == "kaiming_uniform_") init::kaiming_uniform_(t, num("a", 0), str("mode", "fan_in"), str("nonlinearity", "leaky_relu"));
  else if (fn == "kaiming_normal_") init::kaiming_normal_(t, num("a", 0), str("mode", "fan_in"), str("nonlinearity", "leaky_relu"));
  else if (fn == "xavier_uniform_") init::xavier_uniform_(t, num("gain", 1));
  else if (fn == "xavier_normal_") init::xavier_normal_(t, num("gain", 1));
  else if (fn == "uniform_") init::uniform_(t, num("a", 0), num("b", 1));
  else if (fn == "normal_") init::normal_(t, num("mean", 0), num("std", 1));
  else if (fn == "constant_") init::constant_(t, num("val", 0));
  else if (fn == "zeros_") init::zeros_(t);
  else if (fn == "ones_") init::ones_(t);
  else FAIL("unknown init " << fn);
}

}  // namespace

TEST_CASE("nn.init functions reproduce PyTorch after manual_seed") {
  const auto doc = testing::load_golden("modules.json");
  for (const auto& c : doc.at("init")) {
    CAPTURE(c.dump());
    random::default_generator().manual_seed(7);
    Tensor t = tensor::empty(c.at("shape").get<tensor::Shape>());
    run_init(c.at("fn"), t, c.at("kwargs"));
    testing::check_tensor(t, c.at("expected"), 1e-7, 1e-6);
  }
}

TEST_CASE("calculate_gain and init errors match PyTorch") {
  const auto doc = testing::load_golden("modules.json");
  for (const auto& c : doc.at("gains")) {
    CAPTURE(c.dump());
    std::optional<double> param;
    if (!c.at("param").is_null()) param = c.at("param").get<double>();
    CHECK(nn::init::calculate_gain(c.at("nonlinearity"), param) == doctest::Approx(c.at("gain").get<double>()).epsilon(1e-15));
  }
  for (const auto& c : doc.at("init_errors")) {
    CAPTURE(c.dump());
    const std::string which = c.at("case");
    try {
      if (which == "fan_1d") nn::init::xavier_uniform_(tensor::empty({3}));
      else if (which == "bad_mode") nn::init::kaiming_uniform_(tensor::empty({3, 2}), 0, "fan");
      else nn::init::calculate_gain("foo");
      FAIL("no error");
    } catch (const TorchError& e) {
      CHECK(std::string(error_kind_name(e.kind())) == c.at("error").get<std::string>());
      CHECK(std::string(e.what()) == c.at("message").get<std::string>());
    }
  }
}

TEST_CASE("default initialisation of Linear and Conv weights matches PyTorch") {
  const auto doc = testing::load_golden("modules.json");
  for (const auto& c : doc.at("default_init")) {
    CAPTURE(c.dump().substr(0, 80));
    random::default_generator().manual_seed(c.at("seed").get<std::uint64_t>());
    const auto& a = c.at("args");
    Tensor w, b;
    if (c.at("layer") == "Linear") {
      nn::Linear m(a[0], a[1], c.at("bias").get<bool>());
      w = m.weight();
      b = m.bias();
      CHECK(w.requires_grad());
      CHECK(w.is_leaf());
    } else {
      // ConvNd(in, out, k): weight (out, in, *k), bias (out); same scheme.
      tensor::Shape shape{a[1].get<std::int64_t>(), a[0].get<std::int64_t>()};
      const bool is2d = c.at("layer") == "Conv2d";
      if (a[2].is_array()) for (auto k : a[2]) shape.push_back(k);
      else for (int i = 0; i < (is2d ? 2 : 1); ++i) shape.push_back(a[2]);
      w = tensor::empty(shape);
      b = tensor::empty({a[1].get<std::int64_t>()});
      nn::init::reset_conv(w, b);
    }
    testing::check_tensor(w, c.at("weight"), 1e-7, 1e-6);
    if (c.at("bias").get<bool>()) testing::check_tensor(b, c.at("bias_value"), 1e-7, 1e-6);
    else CHECK_FALSE(b.defined());
  }
}
