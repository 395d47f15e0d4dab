// The runtime's version, set once in CMakeLists.txt (project VERSION).
#pragma once

namespace lesson::core {

inline constexpr const char* kVersion = LESSON_RUNTIME_VERSION;

}  // namespace lesson::core
