#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "golden.hpp"
#include "random/distributions.hpp"
#include "random/generator.hpp"

namespace rnd = lesson::random;
using nlohmann::json;

namespace {

std::vector<std::uint32_t> float_bits(const std::vector<float>& values) {
  std::vector<std::uint32_t> out(values.size());
  if (!values.empty()) {
    std::memcpy(out.data(), values.data(), values.size() * sizeof(float));
  }
  return out;
}

// Runs one recorded call on g and returns what it produced: float results as
// their bit patterns, int64 results as numbers.
json run_call(const json& call, rnd::Generator& g) {
  const std::string op = call["op"];
  const std::int64_t n = call["n"];
  std::vector<float> f(static_cast<std::size_t>(n));
  if (op == "uniform") {
    rnd::uniform_fill(f.data(), n, call["from"], call["to"], g);
  } else if (op == "normal") {
    rnd::normal_fill(f.data(), n, call["mean"], call["std"], g);
  } else if (op == "randint_float") {
    rnd::randint_fill(f.data(), n, call["low"].get<std::int64_t>(), call["high"].get<std::int64_t>(), g);
  } else if (op == "bernoulli") {
    rnd::bernoulli_fill(f.data(), n, call["p"], g);
  } else {
    std::vector<std::int64_t> ints(static_cast<std::size_t>(n));
    if (op == "randint") {
      rnd::randint_fill(ints.data(), n, call["low"].get<std::int64_t>(), call["high"].get<std::int64_t>(), g);
    } else if (op == "randperm") {
      rnd::randperm_fill(ints.data(), n, g);
    } else {
      FAIL("unknown op " << op);
    }
    return ints;
  }
  return float_bits(f);
}

// Replays every golden case whose calls all satisfy `wanted`.
template <typename Wanted>
int replay(Wanted wanted) {
  const auto doc = lesson::testing::load_golden("random.json");
  int compared = 0;
  for (const auto& c : doc["cases"]) {
    bool all = true;
    for (const auto& call : c["calls"]) {
      all = all && wanted(call);
    }
    if (!all) {
      continue;
    }
    const bool global = c.value("global", false);
    rnd::Generator local;
    rnd::Generator& g = global ? rnd::default_generator() : local;
    if (!c["seed"].is_null()) {
      g.manual_seed(c["seed"].get<std::uint64_t>());
    }
    if (!global) {
      REQUIRE(g.initial_seed() == c["initial_seed"].get<std::uint64_t>());
    }
    int index = 0;
    for (const auto& call : c["calls"]) {
      const std::string torch_call = call["torch"];
      const std::string seed = c["seed"].dump();
      CAPTURE(seed);
      CAPTURE(index);
      CAPTURE(torch_call);
      const json got = run_call(call, g);
      const json& expected = call["out"];
      REQUIRE(got.size() == expected.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        CAPTURE(i);
        // Bit patterns for floats, exact integers otherwise.
        REQUIRE(got[i] == expected[i]);
      }
      ++index;
      ++compared;
    }
  }
  return compared;
}

bool op_is(const json& call, const char* op) { return call["op"] == op; }

}  // namespace

TEST_CASE("uniform_fill matches torch.rand and uniform_ bit for bit") {
  const int n = replay([](const json& call) { return op_is(call, "uniform"); });
  CHECK(n >= 110);  // sizes 1..100, the larger sizes, uniform_(from, to)
}

TEST_CASE("normal_fill matches torch.randn and normal_ bit for bit") {
  const int n = replay([](const json& call) { return op_is(call, "normal"); });
  CHECK(n >= 110);
}

TEST_CASE("randint_fill matches torch.randint (int64 and float32)") {
  const int n = replay([](const json& call) { return op_is(call, "randint") || op_is(call, "randint_float"); });
  CHECK(n >= 110);
}

TEST_CASE("randperm_fill matches torch.randperm") {
  const int n = replay([](const json& call) { return op_is(call, "randperm"); });
  CHECK(n >= 34);
}

TEST_CASE("bernoulli_fill matches Tensor.bernoulli_(p)") {
  const int n = replay([](const json& call) { return op_is(call, "bernoulli"); });
  CHECK(n >= 7);
}

TEST_CASE("sequences of calls after one seed match PyTorch, on local and global generators") {
  // Every golden case, including the multi-call ones where the generator
  // state and the cached normal sample carry from call to call, the
  // torch.manual_seed ones (default_generator) and the unseeded one.
  const int n = replay([](const json&) { return true; });
  CHECK(n >= 400);
}

TEST_CASE("large samples match PyTorch's (hashed) bit for bit") {
  // A million normals exercise every branch of the AVX2 log and sincos; one
  // wrongly fused multiply-add shows up as about a hundred changed values.
  const auto doc = lesson::testing::load_golden("random.json");
  REQUIRE(doc["digests"].size() >= 10);
  for (const auto& d : doc["digests"]) {
    const auto& call = d["call"];
    const std::string torch_call = call["torch"];
    CAPTURE(torch_call);
    rnd::Generator g(d["seed"].get<std::uint64_t>());
    std::uint64_t hash = 0xcbf29ce484222325ull;  // FNV-1a over whole words
    std::size_t count = 0;
    for (int r = 0; r < d["repeat"].get<int>(); ++r) {
      for (const auto& word : run_call(call, g)) {
        hash = (hash ^ static_cast<std::uint64_t>(word.get<std::int64_t>())) * 0x100000001b3ull;
        ++count;
      }
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    CHECK(count == d["count"].get<std::size_t>());
    CHECK(std::string(hex) == d["fnv1a64"].get<std::string>());
  }
}

TEST_CASE("normal_fill of fewer than 16 elements uses and refills the cached sample") {
  rnd::Generator g(0);
  float x[3];
  rnd::normal_fill(x, 1, 0.0, 1.0, g);
  REQUIRE(g.next_double_normal_sample().has_value());
  const double cached = *g.next_double_normal_sample();
  rnd::normal_fill(x, 1, 2.0, 3.0, g);  // takes the cache, with its own mean/std
  CHECK(x[0] == static_cast<float>(cached * 3.0 + 2.0));
  CHECK_FALSE(g.next_double_normal_sample().has_value());
  // 16 or more elements leave the cache alone.
  rnd::normal_fill(x, 1, 0.0, 1.0, g);
  REQUIRE(g.next_double_normal_sample().has_value());
  std::vector<float> big(16);
  rnd::normal_fill(big.data(), 16, 0.0, 1.0, g);
  CHECK(g.next_double_normal_sample().has_value());
}

TEST_CASE("invalid arguments throw std::invalid_argument with PyTorch's text") {
  const auto doc = lesson::testing::load_golden("random.json");
  REQUIRE(doc["errors"].size() >= 10);
  for (const auto& e : doc["errors"]) {
    const std::string op = e["op"];
    const std::string expected = e["message"];
    CAPTURE(op);
    rnd::Generator g(0);
    float f[3];
    std::int64_t ints[3];
    std::string message;
    try {
      if (op == "randint") {
        rnd::randint_fill(ints, 3, e["low"].get<std::int64_t>(), e["high"].get<std::int64_t>(), g);
      } else if (op == "randint_float") {
        rnd::randint_fill(f, 3, e["low"].get<std::int64_t>(), e["high"].get<std::int64_t>(), g);
      } else if (op == "randperm") {
        rnd::randperm_fill(ints, e["n"].get<std::int64_t>(), g);
      } else if (op == "uniform") {
        rnd::uniform_fill(f, 3, e["from"], e["to"], g);
      } else if (op == "normal") {
        rnd::normal_fill(f, 3, e["mean"], e["std"], g);
      } else if (op == "bernoulli") {
        rnd::bernoulli_fill(f, 3, e["p"], g);
      } else {
        FAIL("unknown op " << op);
      }
    } catch (const std::invalid_argument& error) {
      message = error.what();
    }
    CHECK(message == expected);
  }
}

TEST_CASE("a rejected call draws nothing") {
  rnd::Generator a(3);
  rnd::Generator b(3);
  std::int64_t ints[2];
  CHECK_THROWS_AS(rnd::randint_fill(ints, 2, 4, 4, a), std::invalid_argument);
  CHECK(a.random() == b.random());
}
