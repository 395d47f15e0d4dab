// Loading golden files written by the generator scripts under tests/golden/.
#pragma once

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lesson::testing {

inline nlohmann::json load_golden(const std::string& file) {
  const std::string path = std::string(LESSON_GOLDEN_DIR) + "/" + file;
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error("cannot open golden file " + path);
  }
  return nlohmann::json::parse(in);
}

inline std::vector<float> floats(const nlohmann::json& array) {
  return array.get<std::vector<float>>();
}

}  // namespace lesson::testing
