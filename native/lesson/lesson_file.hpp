// A lesson file (lessons/FORMAT.md): front matter, runnable Python cells
// with their attributes and expected output, exercises with their hidden
// solution, check and hints. Parsing only; lesson_check.hpp compares output.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace lesson::lessonfile {

struct FrontMatter {
  std::string id, title;
  int order = 0, minutes = 0, xp = 0;
  std::vector<std::string> tags;
  std::map<std::string, std::string> fields;  // every key, as written
};

enum class CellKind { Code, Exercise };

struct Cell {
  CellKind kind = CellKind::Code;
  std::string id;              // id= or "cell-K" (K = 1-based among python cells)
  int index = 0;               // K
  int line = 0;                // 1-based line of the opening fence
  std::string code;            // the cell (for an exercise: the starter code)
  std::optional<std::string> expected;  // the output block, if any
  std::optional<double> tolerance;      // tolerance=REL
  std::optional<int> figures;           // figures=N
  int xp = 0;                           // exercise xp=
  std::map<std::string, std::string> attributes;  // all key=value pairs
  // Exercises only:
  std::optional<std::string> solution, check;
  std::vector<std::string> hints;
};

struct Lesson {
  FrontMatter front;
  std::vector<Cell> cells;
};

// A malformed lesson: message names the line.
struct LessonFormatError : std::runtime_error {
  LessonFormatError(int at_line, const std::string& message)
      : std::runtime_error("line " + std::to_string(at_line) + ": " + message), line(at_line) {}
  int line;
};

Lesson parse_lesson(const std::string& text);

}  // namespace lesson::lessonfile
