// Comparing a cell's output with the output recorded in the lesson, and the
// diff lessonrun --lesson prints when they differ.
#pragma once

#include <optional>
#include <string>

namespace lesson::lessonfile {

// Exact comparison, or with `tolerance` (relative) every number in the text
// may differ from the expected one by up to tolerance * max(|a|, |b|), or
// by one unit in the last digit the expected number prints; the text around
// numbers must match, except that spaces and tabs are not significant (a
// changed sign or width moves the columns of tensor output).
bool outputs_match(const std::string& expected, const std::string& actual, std::optional<double> tolerance);

// A unified-style line diff ("--- expected", "+++ actual", hunks with
// `context` lines of context).
std::string unified_diff(const std::string& expected, const std::string& actual, int context = 3);

}  // namespace lesson::lessonfile
