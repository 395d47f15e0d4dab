// A tiny benchmark registry shared by the native and the WebAssembly bench
// programs (the same C++ is compiled twice). Each case registers a setup
// function that returns the callable to time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace lesson::bench {

struct Case {
  std::string name;                       // "BatchNorm2d train forward"
  std::vector<std::int64_t> shape;        // the input shape
  std::function<std::function<void()>()> setup;  // builds inputs, returns the timed body
};

std::vector<Case>& registry();

struct Registrar {
  Registrar(std::string name, std::vector<std::int64_t> shape,
            std::function<std::function<void()>()> setup) {
    registry().push_back(Case{std::move(name), std::move(shape), std::move(setup)});
  }
};

}  // namespace lesson::bench
