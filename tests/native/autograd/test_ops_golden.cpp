// Every case of tests/golden/autograd.json (PyTorch 1.13): the op's forward
// result, its grad_fn name and the input gradients for the given upstream
// gradient.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <string>

#include "autograd/engine.hpp"
#include "autograd/ops_arith.hpp"
#include "autograd/ops_index.hpp"
#include "autograd/ops_linalg.hpp"
#include "autograd/ops_reduce.hpp"
#include "autograd/ops_shape.hpp"
#include "autograd/ops_unary.hpp"
#include "golden.hpp"
#include "tensor/create.hpp"
#include "tensor/tensor_json.hpp"

using namespace lesson;
namespace A = lesson::autograd;
using nlohmann::json;
using tensor::Scalar;
using tensor::Tensor;
using Inputs = std::vector<Tensor>;
using Op = std::function<Tensor(const Inputs&, const json&)>;

namespace {

std::vector<tensor::TensorIndex> subscript(const json& entries) {
  std::vector<tensor::TensorIndex> out;
  for (const json& e : entries) {
    if (e.contains("int")) {
      out.emplace_back(e["int"].get<std::int64_t>());
    } else if (e.contains("slice")) {
      tensor::Slice s;
      const json& p = e["slice"];
      if (!p[0].is_null()) s.start = p[0].get<std::int64_t>();
      if (!p[1].is_null()) s.stop = p[1].get<std::int64_t>();
      if (!p[2].is_null()) s.step = p[2].get<std::int64_t>();
      out.emplace_back(s);
    } else if (e.contains("none")) {
      out.emplace_back(tensor::NoneIndex{});
    } else if (e.contains("ellipsis")) {
      out.emplace_back(tensor::EllipsisIndex{});
    } else {
      out.emplace_back(testing::tensor_from_json(e["tensor"]));
    }
  }
  return out;
}

double num(const json& a, const char* k) { return a.at(k).get<double>(); }
std::int64_t integer(const json& a, const char* k) { return a.at(k).get<std::int64_t>(); }
std::vector<std::int64_t> ints(const json& a, const char* k) { return a.at(k).get<std::vector<std::int64_t>>(); }

std::map<std::string, Op> ops() {
  std::map<std::string, Op> m;
  m["add"] = [](const Inputs& x, const json&) { return A::add(x[0], x[1]); };
  m["sub"] = [](const Inputs& x, const json&) { return A::sub(x[0], x[1]); };
  m["mul"] = [](const Inputs& x, const json&) { return A::mul(x[0], x[1]); };
  m["div"] = [](const Inputs& x, const json&) { return A::div(x[0], x[1]); };
  m["pow"] = [](const Inputs& x, const json&) { return A::pow(x[0], x[1]); };
  m["add_alpha"] = [](const Inputs& x, const json& a) { return A::add(x[0], x[1], num(a, "alpha")); };
  m["sub_alpha"] = [](const Inputs& x, const json& a) { return A::sub(x[0], x[1], num(a, "alpha")); };
  m["add_s"] = [](const Inputs& x, const json& a) { return A::add(x[0], Scalar(num(a, "k"))); };
  m["sub_s"] = [](const Inputs& x, const json& a) { return A::sub(x[0], Scalar(num(a, "k"))); };
  m["rsub_s"] = [](const Inputs& x, const json& a) { return A::rsub(x[0], num(a, "k")); };
  m["mul_s"] = [](const Inputs& x, const json& a) { return A::mul(x[0], Scalar(num(a, "k"))); };
  m["div_s"] = [](const Inputs& x, const json& a) { return A::div(x[0], Scalar(num(a, "k"))); };
  m["rdiv_s"] = [](const Inputs& x, const json& a) { return A::rdiv(x[0], num(a, "k")); };
  m["pow_s"] = [](const Inputs& x, const json& a) { return A::pow(x[0], Scalar(num(a, "k"))); };
  m["rpow_s"] = [](const Inputs& x, const json& a) { return A::pow(Scalar(num(a, "k")), x[0]); };
  m["neg"] = [](const Inputs& x, const json&) { return A::neg(x[0]); };
  m["exp"] = [](const Inputs& x, const json&) { return A::exp(x[0]); };
  m["log"] = [](const Inputs& x, const json&) { return A::log(x[0]); };
  m["sqrt"] = [](const Inputs& x, const json&) { return A::sqrt(x[0]); };
  m["rsqrt"] = [](const Inputs& x, const json&) { return A::rsqrt(x[0]); };
  m["abs"] = [](const Inputs& x, const json&) { return A::abs(x[0]); };
  m["sin"] = [](const Inputs& x, const json&) { return A::sin(x[0]); };
  m["cos"] = [](const Inputs& x, const json&) { return A::cos(x[0]); };
  m["tanh"] = [](const Inputs& x, const json&) { return A::tanh(x[0]); };
  m["sigmoid"] = [](const Inputs& x, const json&) { return A::sigmoid(x[0]); };
  m["relu"] = [](const Inputs& x, const json&) { return A::relu(x[0]); };
  m["reciprocal"] = [](const Inputs& x, const json&) { return A::reciprocal(x[0]); };
  m["clamp"] = [](const Inputs& x, const json& a) { return A::clamp(x[0], Scalar(num(a, "lo")), Scalar(num(a, "hi"))); };
  m["clamp_min"] = [](const Inputs& x, const json& a) { return A::clamp(x[0], Scalar(num(a, "lo")), std::nullopt); };
  m["sum"] = [](const Inputs& x, const json&) { return A::sum(x[0]); };
  m["mean"] = [](const Inputs& x, const json&) { return A::mean(x[0]); };
  m["var"] = [](const Inputs& x, const json&) { return A::var(x[0]); };
  m["std"] = [](const Inputs& x, const json&) { return A::std_dev(x[0]); };
  m["max"] = [](const Inputs& x, const json&) { return A::max(x[0]); };
  m["min"] = [](const Inputs& x, const json&) { return A::min(x[0]); };
  m["sum_dims"] = [](const Inputs& x, const json& a) { return A::sum(x[0], ints(a, "dims"), a["keep"].get<bool>()); };
  m["mean_dims"] = [](const Inputs& x, const json& a) { return A::mean(x[0], ints(a, "dims"), a["keep"].get<bool>()); };
  m["var_dims"] = [](const Inputs& x, const json& a) { return A::var(x[0], ints(a, "dims"), 1, a["keep"].get<bool>()); };
  m["std_dims"] = [](const Inputs& x, const json& a) { return A::std_dev(x[0], ints(a, "dims"), 1, a["keep"].get<bool>()); };
  m["max_dim"] = [](const Inputs& x, const json& a) { return A::max(x[0], integer(a, "dim"), a["keep"].get<bool>()).values; };
  m["min_dim"] = [](const Inputs& x, const json& a) { return A::min(x[0], integer(a, "dim"), a["keep"].get<bool>()).values; };
  m["matmul"] = [](const Inputs& x, const json&) { return A::matmul(x[0], x[1]); };
  m["mm"] = [](const Inputs& x, const json&) { return A::mm(x[0], x[1]); };
  m["bmm"] = [](const Inputs& x, const json&) { return A::bmm(x[0], x[1]); };
  m["mv"] = [](const Inputs& x, const json&) { return A::mv(x[0], x[1]); };
  m["dot"] = [](const Inputs& x, const json&) { return A::dot(x[0], x[1]); };
  m["addmm"] = [](const Inputs& x, const json&) { return A::addmm(x[0], x[1], x[2]); };
  m["linear"] = [](const Inputs& x, const json&) { return A::linear(x[0], x[1], x[2]); };
  m["linear_nobias"] = [](const Inputs& x, const json&) { return A::linear(x[0], x[1]); };
  m["view"] = [](const Inputs& x, const json& a) { return A::view(x[0], ints(a, "shape")); };
  m["reshape"] = [](const Inputs& x, const json& a) { return A::reshape(x[0], ints(a, "shape")); };
  m["reshape_t"] = [](const Inputs& x, const json& a) { return A::reshape(A::t(x[0]), ints(a, "shape")); };
  m["flatten"] = [](const Inputs& x, const json& a) { return A::flatten(x[0], integer(a, "s"), integer(a, "e")); };
  m["permute"] = [](const Inputs& x, const json& a) { return A::permute(x[0], ints(a, "dims")); };
  m["transpose"] = [](const Inputs& x, const json& a) { return A::transpose(x[0], integer(a, "d0"), integer(a, "d1")); };
  m["t"] = [](const Inputs& x, const json&) { return A::t(x[0]); };
  m["unsqueeze"] = [](const Inputs& x, const json& a) { return A::unsqueeze(x[0], integer(a, "dim")); };
  m["squeeze"] = [](const Inputs& x, const json&) { return A::squeeze(x[0]); };
  m["squeeze_dim"] = [](const Inputs& x, const json& a) { return A::squeeze(x[0], integer(a, "dim")); };
  m["expand"] = [](const Inputs& x, const json& a) { return A::expand(x[0], ints(a, "shape")); };
  m["repeat"] = [](const Inputs& x, const json& a) { return A::repeat(x[0], ints(a, "reps")); };
  m["cat"] = [](const Inputs& x, const json& a) { return A::cat(x, integer(a, "dim")); };
  m["stack"] = [](const Inputs& x, const json& a) { return A::stack(x, integer(a, "dim")); };
  m["split"] = [](const Inputs& x, const json& a) {
    return A::split(x[0], integer(a, "size"), integer(a, "dim"))[static_cast<std::size_t>(integer(a, "k"))];
  };
  m["split_sizes"] = [](const Inputs& x, const json& a) {
    return A::split_with_sizes(x[0], ints(a, "sizes"), integer(a, "dim"))[static_cast<std::size_t>(integer(a, "k"))];
  };
  m["chunk"] = [](const Inputs& x, const json& a) {
    return A::chunk(x[0], integer(a, "n"), integer(a, "dim"))[static_cast<std::size_t>(integer(a, "k"))];
  };
  m["clone"] = [](const Inputs& x, const json&) { return A::clone(x[0]); };
  m["contiguous_t"] = [](const Inputs& x, const json&) { return A::contiguous(A::t(x[0])); };
  m["index"] = [](const Inputs& x, const json& a) { return A::index(x[0], subscript(a["idx"])); };
  m["index_put"] = [](const Inputs& x, const json& a) {
    Tensor y = A::mul(x[0], Scalar(1));
    A::index_put(y, subscript(a["idx"]), x[1]);
    return y;
  };
  m["add_"] = [](const Inputs& x, const json&) { return A::add_(A::mul(x[0], Scalar(1)), x[1]); };
  m["sub_"] = [](const Inputs& x, const json&) { return A::sub_(A::mul(x[0], Scalar(1)), x[1]); };
  m["mul_"] = [](const Inputs& x, const json&) { return A::mul_(A::mul(x[0], Scalar(1)), x[1]); };
  m["div_"] = [](const Inputs& x, const json&) { return A::div_(A::mul(x[0], Scalar(1)), x[1]); };
  m["mul_s_"] = [](const Inputs& x, const json& a) { return A::mul_(A::mul(x[0], Scalar(1)), Scalar(num(a, "k"))); };
  m["mlp"] = [](const Inputs& x, const json&) {
    return A::mean(A::relu(A::add(A::matmul(x[0], A::t(x[1])), x[2])));
  };
  m["mlp2"] = [](const Inputs& x, const json&) {
    return A::sum(A::sigmoid(A::linear(A::tanh(A::linear(x[0], x[1], x[2])), x[3])));
  };
  m["diamond"] = [](const Inputs& x, const json&) {
    Tensor sq = A::mul(x[0], x[0]);
    return A::mul(A::add(sq, A::exp(x[0])), A::mul(x[0], x[0]));
  };
  m["softmax_like"] = [](const Inputs& x, const json&) {
    Tensor m1 = A::max(x[0], 1, true).values;
    Tensor e1 = A::exp(A::sub(x[0], m1));
    Tensor m2 = A::max(x[0], 1, true).values;
    Tensor e2 = A::exp(A::sub(x[0], m2));
    return A::div(e1, A::sum(e2, {1}, true));
  };
  m["mse"] = [](const Inputs& x, const json&) { return A::mean(A::pow(A::sub(x[0], x[1]), Scalar(2))); };
  m["shapes_chain"] = [](const Inputs& x, const json&) {
    Tensor p = A::reshape(A::permute(x[0], {1, 0, 2}), {3, 8});
    Tensor q = A::reshape(A::t(A::flatten(x[0], 1)), {3, 8});
    Tensor c = A::squeeze(A::unsqueeze(A::cat({p, q}, 0), 0), 0);
    return A::index(c, {tensor::Slice{1, std::nullopt, std::nullopt}, tensor::Slice{std::nullopt, std::nullopt, 2}});
  };
  return m;
}

}  // namespace

TEST_CASE("autograd ops match PyTorch 1.13 (golden)") {
  const json golden = testing::load_golden("autograd.json");
  const auto table = ops();
  int n = 0;
  for (const json& c : golden.at("cases")) {
    const std::string op = c.at("op");
    CAPTURE(op);
    CAPTURE(n);
    ++n;
    auto it = table.find(op);
    REQUIRE_MESSAGE(it != table.end(), "no C++ mapping for op " << op);
    Inputs inputs;
    for (const json& j : c.at("inputs")) {
      Tensor t = testing::tensor_from_json(j);
      t.set_requires_grad(true);
      inputs.push_back(t);
    }
    Tensor out = it->second(inputs, c.at("args"));
    testing::check_tensor(out, c.at("out"), 1e-4, 1e-4);
    REQUIRE(out.grad_fn() != nullptr);
    CHECK(out.grad_fn()->name() == c.at("name").get<std::string>());
    A::backward(out, testing::tensor_from_json(c.at("grad_out")));
    const json& grads = c.at("grads");
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      CAPTURE(i);
      if (grads[i].is_null()) {
        CHECK_FALSE(inputs[i].grad().defined());
      } else {
        REQUIRE(inputs[i].grad().defined());
        testing::check_tensor(inputs[i].grad(), grads[i], 1e-4, 1e-4);
      }
    }
  }
  CHECK(n == static_cast<int>(golden.at("cases").size()));
}
