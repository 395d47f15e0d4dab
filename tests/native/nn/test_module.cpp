#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "autograd/grad_mode.hpp"
#include "core/errors.hpp"
#include "golden.hpp"
#include "nn/containers.hpp"
#include "nn/linear.hpp"
#include "nn/module.hpp"
#include "tensor/create.hpp"

using namespace lesson;
using lesson::tensor::Tensor;
using nn::ModulePtr;

namespace {

ModulePtr relu() { return std::make_shared<nn::Module>("ReLU"); }
ModulePtr linear(std::int64_t i, std::int64_t o, bool bias = true) { return std::make_shared<nn::Linear>(i, o, bias); }

// The MLP of generate_modules.py, built as the evaluator would for cell code.
ModulePtr make_mlp() {
  auto m = std::make_shared<nn::Module>("MLP");
  m->register_module("fc1", linear(4, 8));
  m->register_module("act", relu());
  m->register_module("body", std::make_shared<nn::Sequential>(std::vector<ModulePtr>{
                                 linear(8, 8), relu(), std::make_shared<nn::Sequential>(std::vector<ModulePtr>{linear(8, 2)})}));
  m->register_module("heads", std::make_shared<nn::ModuleList>(std::vector<ModulePtr>{linear(2, 1), linear(2, 3, false)}));
  m->register_buffer("steps", tensor::zeros({1}));
  m->register_buffer("scratch", tensor::zeros({2}), false);
  m->register_parameter("scale", nn::make_parameter(tensor::ones({1})));
  return m;
}

template <class V>
std::vector<std::string> names(const V& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.first);
  return out;
}

std::string golden_repr(const nlohmann::json& doc, const std::string& module) {
  for (const auto& r : doc.at("reprs"))
    if (r.at("module") == module) return r.at("repr");
  FAIL("no golden repr " << module);
  return "";
}

}  // namespace

TEST_CASE("Module repr matches PyTorch, nested indentation included") {
  const auto doc = testing::load_golden("modules.json");
  CHECK(nn::Linear(3, 2).repr() == golden_repr(doc, "Linear(3, 2)"));
  CHECK(nn::Linear(3, 2, false).repr() == golden_repr(doc, "Linear(3, 2, bias=False)"));
  CHECK(nn::Sequential({linear(3, 4), relu(), linear(4, 1)}).repr() ==
        golden_repr(doc, "Sequential(Linear, ReLU, Linear)"));
  CHECK(nn::Sequential().repr() == golden_repr(doc, "Sequential()"));
  CHECK(nn::ModuleList({linear(2, 2), relu()}).repr() == golden_repr(doc, "ModuleList([Linear, ReLU])"));
  CHECK(make_mlp()->repr() == golden_repr(doc, "MLP"));
  CHECK(relu()->repr() == golden_repr(doc, "ReLU()"));
}

TEST_CASE("registries and traversals follow PyTorch's order") {
  const auto doc = testing::load_golden("modules.json");
  const auto& k = doc.at("state_dict_keys");
  auto m = make_mlp();
  CHECK(names(m->state_dict()) == k.at("state_dict").get<std::vector<std::string>>());
  CHECK(names(m->named_parameters()) == k.at("named_parameters").get<std::vector<std::string>>());
  CHECK(names(m->named_buffers()) == k.at("named_buffers").get<std::vector<std::string>>());
  CHECK(names(m->named_children()) == k.at("named_children").get<std::vector<std::string>>());
  CHECK(names(m->named_modules()) == k.at("named_modules").get<std::vector<std::string>>());
  CHECK(m->parameters().size() == 10);
  CHECK(m->parameters(false).size() == 1);
  CHECK(m->children().size() == 4);
  CHECK(m->modules().size() == 11);
  // Shared submodules and parameters are reported once.
  auto shared = linear(2, 2);
  nn::Sequential seq({shared, shared});
  CHECK(seq.parameters().size() == 2);
  CHECK(names(seq.named_modules()) == std::vector<std::string>{"", "0"});
  // state_dict tensors share storage but carry no autograd state.
  auto sd = m->state_dict();
  CHECK(sd[0].second.shares_storage(m->parameter("scale")));
  CHECK_FALSE(sd[0].second.requires_grad());
  CHECK(m->parameter("scale").requires_grad());
}

TEST_CASE("load_state_dict copies values and reports PyTorch's errors") {
  const auto doc = testing::load_golden("modules.json");
  auto z = [](tensor::Shape s) { return tensor::zeros(s); };
  std::map<std::string, nn::NamedTensors> cases = {
      {"missing_bias", {{"weight", z({2, 3})}}},
      {"unexpected", {{"weight", z({2, 3})}, {"bias", z({2})}, {"extra", z({1})}}},
      {"missing_and_unexpected", {{"weight", z({2, 3})}, {"b", z({2})}, {"c", z({2})}}},
      {"shape", {{"weight", z({3, 3})}, {"bias", z({2})}}},
      {"nested_missing", {{"0.weight", z({2, 2})}, {"0.bias", z({2})}}},
  };
  for (const auto& c : doc.at("load_errors")) {
    const std::string name = c.at("case");
    CAPTURE(name);
    ModulePtr m = name == "nested_missing"
                      ? ModulePtr(std::make_shared<nn::Sequential>(std::vector<ModulePtr>{linear(2, 2), relu(), linear(2, 1)}))
                      : linear(3, 2);
    try {
      m->load_state_dict(cases.at(name));
      FAIL("no error");
    } catch (const TorchError& e) {
      CHECK(std::string(error_kind_name(e.kind())) == c.at("error").get<std::string>());
      CHECK(std::string(e.what()) == c.at("message").get<std::string>());
    }
  }
  nn::Linear lin(3, 2);
  auto res = lin.load_state_dict({{"weight", tensor::ones({2, 3})}}, false);
  CHECK(res.repr() == doc.at("load_nonstrict_repr").get<std::string>());
  CHECK(lin.weight().to_double_vector() == std::vector<double>(6, 1.0));
  CHECK(lin.weight().requires_grad());
  nn::Linear other(3, 2);
  CHECK(other.load_state_dict(lin.state_dict()).repr() == "<All keys matched successfully>");
  CHECK(other.bias().to_double_vector() == lin.bias().to_double_vector());
}

TEST_CASE("train/eval, zero_grad, register errors, containers, forward") {
  auto m = make_mlp();
  CHECK(m->training());
  m->eval();
  for (const auto& sub : m->modules()) CHECK_FALSE(sub->training());
  m->train();
  CHECK(m->module("body")->module("2")->training());

  Tensor w = m->parameter("scale");
  w.set_grad(tensor::ones({1}));
  m->zero_grad();  // 1.13 default: set_to_none=False
  REQUIRE(w.grad().defined());
  CHECK(w.grad().to_double_vector() == std::vector<double>{0.0});
  m->zero_grad(true);
  CHECK_FALSE(w.grad().defined());

  CHECK_THROWS_WITH(m->register_buffer("a.b", tensor::zeros({1})), "buffer name can't contain \".\"");
  CHECK_THROWS_WITH(m->register_parameter("fc1", Tensor()), "attribute 'fc1' already exists");
  CHECK_THROWS_WITH(m->forward(tensor::zeros({1})), "Module [MLP] is missing the required \"forward\" function");

  nn::ModuleList list({linear(1, 1)});
  list.append(relu());
  list.insert(0, linear(2, 2));
  CHECK(names(list.named_children()) == std::vector<std::string>{"0", "1", "2"});
  CHECK(list.at(-1)->type_name() == "ReLU");
  CHECK_THROWS_WITH(list.at(3), "index 3 is out of range");

  nn::Linear lin(3, 2);
  lin.load_state_dict({{"weight", tensor::from_doubles({2, 3}, {1, 2, 3, 4, 5, 6})}, {"bias", tensor::from_doubles({2}, {0.5, -1})}});
  Tensor x = tensor::from_doubles({1, 3}, {1, 0, -1});
  Tensor y;
  {
    autograd::NoGradGuard g;
    y = nn::Sequential({std::make_shared<nn::Linear>(3, 2)}).forward(x);  // shape only
    CHECK(y.shape() == tensor::Shape{1, 2});
    y = lin.forward(x);
  }
  CHECK(y.to_double_vector() == std::vector<double>{-1.5, -3.0});
}
