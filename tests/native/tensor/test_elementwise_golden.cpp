// Every case of tests/golden/elementwise.json (written by
// tests/golden/generate_elementwise.py from PyTorch 1.13): operands are
// rebuilt, views included, the op is run, and the result or the error (type
// and exact text) is compared with PyTorch's.
#include <doctest/doctest.h>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "core/errors.hpp"
#include "golden.hpp"
#include "tensor/elementwise.hpp"
#include "tensor/tensor_json.hpp"

namespace ts = lesson::tensor;
using json = nlohmann::json;

namespace {

const json& golden() {
  static const json doc = lesson::testing::load_golden("elementwise.json");
  return doc;
}

struct Arg {
  bool none = false;
  ts::Tensor base;    // the contiguous tensor the views start from
  ts::Tensor tensor;  // the operand (a view of base), undefined for numbers
  std::optional<ts::Scalar> number;
  bool is_tensor() const { return tensor.defined(); }
};

ts::Scalar number_from(const json& j) {
  const std::string kind = j.at("kind");
  if (kind == "bool") return ts::Scalar(j.at("scalar").get<bool>());
  if (kind == "int") return ts::Scalar(j.at("scalar").get<std::int64_t>());
  return ts::Scalar(lesson::testing::number_from_json(j.at("scalar")));
}

// The generator's views, rebuilt with as_strided.
ts::Tensor apply_view(const ts::Tensor& t, const json& view) {
  ts::Shape shape = t.shape();
  ts::Strides strides = t.strides();
  std::int64_t offset = t.offset();
  if (view.contains("permute")) {
    const auto perm = view["permute"].get<std::vector<std::size_t>>();
    for (std::size_t i = 0; i < perm.size(); ++i) {
      shape[i] = t.shape()[perm[i]];
      strides[i] = t.strides()[perm[i]];
    }
  } else if (view.contains("step")) {
    const auto d = view["step"][0].get<std::size_t>();
    const auto k = view["step"][1].get<std::int64_t>();
    shape[d] = (shape[d] + k - 1) / k;
    strides[d] *= k;
  } else if (view.contains("narrow")) {
    const auto d = view["narrow"][0].get<std::size_t>();
    offset += view["narrow"][1].get<std::int64_t>() * strides[d];
    shape[d] = view["narrow"][2].get<std::int64_t>();
  } else if (view.contains("expand")) {
    const auto target = view["expand"].get<ts::Shape>();
    ts::Strides out(target.size(), 0);
    const std::size_t lead = target.size() - shape.size();
    for (std::size_t i = 0; i < shape.size(); ++i) {
      out[lead + i] = shape[i] == target[lead + i] ? strides[i] : 0;
    }
    shape = target;
    strides = out;
  } else {
    FAIL("unknown view " << view.dump());
  }
  return t.as_strided(shape, strides, offset);
}

std::vector<Arg> parse_args(const json& args) {
  std::vector<Arg> out;
  for (const auto& j : args) {
    Arg a;
    if (j.is_null()) {
      a.none = true;
    } else if (j.contains("scalar")) {
      a.number = number_from(j);
    } else {
      a.base = j.contains("base_of") ? out.at(j["base_of"].get<std::size_t>()).base
                                     : lesson::testing::tensor_from_json(j.at("tensor"));
      a.tensor = a.base;
      for (const auto& v : j.at("views")) a.tensor = apply_view(a.tensor, v);
    }
    out.push_back(a);
  }
  return out;
}

// What an op gave back: a tensor, or a bool (allclose, equal).
struct Outcome {
  ts::Tensor tensor;
  std::optional<bool> flag;
  Outcome() = default;
  Outcome(ts::Tensor t) : tensor(std::move(t)) {}  // NOLINT: ops return tensors
  static Outcome boolean(bool b) {
    Outcome o;
    o.flag = b;
    return o;
  }
};

// Calls f with the operands as (Tensor, Tensor), (Tensor, Scalar) or
// (Scalar, Tensor); f's overloads decide which forms exist.
template <class F>
ts::Tensor call_binary(const std::vector<Arg>& a, F&& f) {
  const Arg& x = a.at(0);
  const Arg& y = a.at(1);
  if (x.is_tensor() && y.is_tensor()) return f(x.tensor, y.tensor);
  if (x.is_tensor()) {
    if constexpr (std::is_invocable_v<F&, const ts::Tensor&, const ts::Scalar&>) return f(x.tensor, *y.number);
  } else {
    if constexpr (std::is_invocable_v<F&, const ts::Scalar&, const ts::Tensor&>) return f(*x.number, y.tensor);
  }
  throw std::logic_error("operand kinds the op has no overload for");
}

#define LESSON_BINARY(fn) \
  [&](const auto& x, const auto& y) -> decltype(fn(x, y)) { return fn(x, y); }
#define LESSON_BINARY_ALPHA(fn) \
  [&](const auto& x, const auto& y) -> decltype(fn(x, y, alpha)) { return fn(x, y, alpha); }

double kwarg_double(const json& kwargs, const char* name, double fallback) {
  return kwargs.contains(name) ? lesson::testing::number_from_json(kwargs[name]) : fallback;
}

Outcome run_op(const std::string& op, const std::vector<Arg>& a, const json& kwargs) {
  const ts::Scalar alpha = kwargs.contains("alpha") ? number_from(kwargs["alpha"]) : ts::Scalar(1);
  const auto t0 = [&]() -> const ts::Tensor& { return a.at(0).tensor; };
  // binary arithmetic
  if (op == "add") return {call_binary(a, LESSON_BINARY_ALPHA(ts::add))};
  if (op == "sub") return {call_binary(a, LESSON_BINARY_ALPHA(ts::sub))};
  if (op == "mul") return {call_binary(a, LESSON_BINARY(ts::mul))};
  if (op == "div") return {call_binary(a, LESSON_BINARY(ts::div))};
  if (op == "floor_divide") return {call_binary(a, LESSON_BINARY(ts::floor_divide))};
  if (op == "remainder") return {call_binary(a, LESSON_BINARY(ts::remainder))};
  if (op == "pow") return {call_binary(a, LESSON_BINARY(ts::pow))};
  if (op == "maximum") return {call_binary(a, LESSON_BINARY(ts::maximum))};
  if (op == "minimum") return {call_binary(a, LESSON_BINARY(ts::minimum))};
  // comparisons and bitwise
  if (op == "eq") return {call_binary(a, LESSON_BINARY(ts::eq))};
  if (op == "ne") return {call_binary(a, LESSON_BINARY(ts::ne))};
  if (op == "lt") return {call_binary(a, LESSON_BINARY(ts::lt))};
  if (op == "le") return {call_binary(a, LESSON_BINARY(ts::le))};
  if (op == "gt") return {call_binary(a, LESSON_BINARY(ts::gt))};
  if (op == "ge") return {call_binary(a, LESSON_BINARY(ts::ge))};
  if (op == "bitwise_and") return {call_binary(a, LESSON_BINARY(ts::bitwise_and))};
  if (op == "bitwise_or") return {call_binary(a, LESSON_BINARY(ts::bitwise_or))};
  if (op == "bitwise_xor") return {call_binary(a, LESSON_BINARY(ts::bitwise_xor))};
  if (op == "bitwise_not") return {ts::bitwise_not(t0())};
  if (op == "invert") return {ts::invert(t0())};
  // unary
  static const std::vector<std::pair<std::string, ts::Tensor (*)(const ts::Tensor&)>> unary = {
      {"neg", ts::neg},   {"abs", ts::abs},   {"relu", ts::relu}, {"sqrt", ts::sqrt},
      {"rsqrt", ts::rsqrt}, {"reciprocal", ts::reciprocal}, {"exp", ts::exp}, {"log", ts::log},
      {"sin", ts::sin},   {"cos", ts::cos},   {"tanh", ts::tanh}, {"sigmoid", ts::sigmoid}};
  for (const auto& [name, fn] : unary) {
    if (op == name) return {fn(t0())};
  }
  // clamp: tensor bounds if either bound is a tensor, else number bounds
  if (op == "clamp" || op == "clamp_") {
    const Arg& lo = a.at(1);
    const Arg& hi = a.at(2);
    const bool inplace = op == "clamp_";
    if (lo.is_tensor() || hi.is_tensor()) {
      // Python passes a number next to a tensor bound as a 0-d tensor.
      const auto bound = [](const Arg& b) { return b.number ? ts::wrap_scalar(*b.number) : b.tensor; };
      return {inplace ? ts::clamp_(t0(), bound(lo), bound(hi)) : ts::clamp(t0(), bound(lo), bound(hi))};
    }
    return {inplace ? ts::clamp_(t0(), lo.number, hi.number) : ts::clamp(t0(), lo.number, hi.number)};
  }
  if (op == "where") {
    const Arg& x = a.at(1);
    const Arg& y = a.at(2);
    if (x.is_tensor() && y.is_tensor()) return {ts::where(t0(), x.tensor, y.tensor)};
    if (x.is_tensor()) return {ts::where(t0(), x.tensor, *y.number)};
    if (y.is_tensor()) return {ts::where(t0(), *x.number, y.tensor)};
    return {ts::where(t0(), *x.number, *y.number)};
  }
  if (op == "isclose" || op == "allclose") {
    const double rtol = kwarg_double(kwargs, "rtol", 1e-05);
    const double atol = kwarg_double(kwargs, "atol", 1e-08);
    const bool equal_nan = kwargs.value("equal_nan", false);
    if (op == "isclose") return {ts::isclose(t0(), a.at(1).tensor, rtol, atol, equal_nan)};
    return Outcome::boolean(ts::allclose(t0(), a.at(1).tensor, rtol, atol, equal_nan));
  }
  if (op == "equal") return Outcome::boolean(ts::equal(t0(), a.at(1).tensor));
  // in place
  if (op == "add_") return {call_binary(a, LESSON_BINARY_ALPHA(ts::add_))};
  if (op == "sub_") return {call_binary(a, LESSON_BINARY_ALPHA(ts::sub_))};
  if (op == "mul_") return {call_binary(a, LESSON_BINARY(ts::mul_))};
  if (op == "div_") return {call_binary(a, LESSON_BINARY(ts::div_))};
  if (op == "fill_") return {call_binary(a, LESSON_BINARY(ts::fill_))};
  if (op == "zero_") return {ts::zero_(t0())};
  if (op == "copy_") return {ts::copy_(t0(), a.at(1).tensor)};
  throw std::logic_error("no runner for op " + op);
}

bool is_inplace(const std::string& op) { return !op.empty() && op.back() == '_'; }

void check_case(std::size_t index, const json& c) {
  const std::string op = c.at("op");
  CAPTURE(index);
  CAPTURE(op);
  const auto args = parse_args(c.at("args"));
  const json& expected = c.at("expected");
  const std::uint64_t version_before = args.at(0).is_tensor() ? args[0].tensor.version() : 0;
  Outcome got;
  try {
    got = run_op(op, args, c.at("kwargs"));
  } catch (const lesson::TorchError& e) {
    const std::string raised = std::string(lesson::error_kind_name(e.kind())) + ": " + e.what();
    INFO("raised " << raised);
    REQUIRE_MESSAGE(expected.contains("error"), "PyTorch gave a result");
    CHECK(std::string(lesson::error_kind_name(e.kind())) == expected.at("error").get<std::string>());
    CHECK(std::string(e.what()) == expected.at("message").get<std::string>());
    return;
  }
  if (expected.contains("error")) {
    FAIL_CHECK("expected " << expected.at("error").get<std::string>() << ": "
                           << expected.at("message").get<std::string>());
    return;
  }
  if (expected.contains("bool")) {
    REQUIRE(got.flag.has_value());
    CHECK(*got.flag == expected.at("bool").get<bool>());
    return;
  }
  ts::Tensor actual = got.tensor;
  if (is_inplace(op)) {
    // The op returns self, bumped, and self holds the result.
    CHECK(got.tensor.is_same(args[0].tensor));
    CHECK(args[0].tensor.version() > version_before);
    actual = args[0].tensor;
  }
  const std::string want_dtype = "torch." + expected.at("dtype").get<std::string>();
  CHECK(std::string(ts::dtype_name(actual.dtype())) == want_dtype);
  CHECK(actual.shape() == expected.at("shape").get<ts::Shape>());
  if (expected.contains("strides")) {
    // Same memory layout as PyTorch's result (a transposed input gives a
    // transposed result).
    const auto want = expected.at("strides").get<ts::Strides>();
    CHECK_MESSAGE(actual.strides() == want,
                  "strides " << ts::shape_str(actual.strides()) << ", PyTorch " << ts::shape_str(want));
  }
  if (std::string(ts::dtype_name(actual.dtype())) == want_dtype &&
      actual.shape() == expected.at("shape").get<ts::Shape>()) {
    lesson::testing::check_tensor(actual, expected, c.at("atol").get<double>(), c.at("rtol").get<double>());
  }
}

// Runs the golden cases whose op is in `ops` and checks there are some.
void run_cases(const std::set<std::string>& ops, std::size_t at_least) {
  std::size_t count = 0;
  const auto& cases = golden().at("cases");
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (ops.count(cases[i].at("op").get<std::string>()) == 0) continue;
    ++count;
    check_case(i, cases[i]);
  }
  CHECK(count >= at_least);
}

}  // namespace

TEST_CASE("elementwise golden file has the cases the tests expect") {
  const auto& cases = golden().at("cases");
  CHECK(cases.size() >= 300);
  std::size_t errors = 0;
  for (const auto& c : cases) errors += c.at("expected").contains("error") ? 1 : 0;
  CHECK(errors >= 100);
}

TEST_CASE("binary arithmetic matches PyTorch") {
  run_cases({"add", "sub", "mul", "div", "floor_divide", "remainder", "maximum", "minimum"}, 200);
}

TEST_CASE("pow matches PyTorch") { run_cases({"pow"}, 60); }

TEST_CASE("unary math matches PyTorch") {
  run_cases({"neg", "abs", "relu", "sqrt", "rsqrt", "reciprocal", "exp", "log", "sin", "cos", "tanh", "sigmoid"},
            100);
}

TEST_CASE("comparisons match PyTorch") { run_cases({"eq", "ne", "lt", "le", "gt", "ge"}, 60); }

TEST_CASE("bitwise and logical ops match PyTorch") {
  run_cases({"bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_not", "invert"}, 40);
}

TEST_CASE("clamp matches PyTorch") { run_cases({"clamp"}, 30); }

TEST_CASE("where matches PyTorch") { run_cases({"where"}, 25); }

TEST_CASE("isclose, allclose and equal match PyTorch") { run_cases({"isclose", "allclose", "equal"}, 30); }

TEST_CASE("in-place ops match PyTorch") {
  run_cases({"add_", "sub_", "mul_", "div_", "clamp_", "fill_", "zero_", "copy_"}, 100);
}
