// Runs every registered benchmark and prints one JSON line per case:
//   {"name": ..., "shape": [...], "ms": median milliseconds, "runs": n}
// Usage: lesson_bench [substring-filter]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_registry.hpp"

namespace lesson::bench {

std::vector<Case>& registry() {
  static std::vector<Case> cases;
  return cases;
}

}  // namespace lesson::bench

namespace {

double now_ms() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::milli>(clock::now().time_since_epoch()).count();
}

// Median of at least 5 runs and at least ~250 ms of work, after one warm-up.
double median_ms(const std::function<void()>& body, int& runs) {
  body();
  std::vector<double> times;
  const double start = now_ms();
  while (times.size() < 5 || (now_ms() - start < 250.0 && times.size() < 1000)) {
    const double t0 = now_ms();
    body();
    times.push_back(now_ms() - t0);
  }
  std::sort(times.begin(), times.end());
  runs = static_cast<int>(times.size());
  return times[times.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::string filter = argc > 1 ? argv[1] : "";
  for (const auto& c : lesson::bench::registry()) {
    if (!filter.empty() && c.name.find(filter) == std::string::npos) continue;
    const auto body = c.setup();
    int runs = 0;
    const double ms = median_ms(body, runs);
    std::string shape = "[";
    for (std::size_t i = 0; i < c.shape.size(); ++i) {
      shape += (i ? "," : "") + std::to_string(c.shape[i]);
    }
    shape += "]";
    std::printf("{\"name\": \"%s\", \"shape\": %s, \"ms\": %.4f, \"runs\": %d}\n", c.name.c_str(),
                shape.c_str(), ms, runs);
    std::fflush(stdout);
  }
  return 0;
}
