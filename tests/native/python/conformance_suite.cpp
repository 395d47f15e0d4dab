#include "conformance_suite.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "autograd/grad_mode.hpp"
#include "format/print_options.hpp"
#include "python/interpreter.hpp"

namespace fs = std::filesystem;

namespace lesson::testing {

namespace {

fs::path python_tests_dir() { return fs::weakly_canonical(fs::path(LESSON_GOLDEN_DIR) / ".." / "python"); }

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> case_names(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".py") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The first line where two texts differ, for failure messages.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string le, la;
  for (int line = 1;; ++line) {
    bool he = static_cast<bool>(std::getline(e, le));
    bool ha = static_cast<bool>(std::getline(a, la));
    if (!he && !ha) return "texts differ only in the final newline";
    if (!he) le = "<end>";
    if (!ha) la = "<end>";
    if (!he || !ha || le != la)
      return "line " + std::to_string(line) + "\n  expected: " + le + "\n  actual:   " + la;
  }
}

std::string run_in_interpreter(const std::string& source) {
  std::string out, err;
  {
    python::Interpreter py;
    py.set_time_budget(60);
    py.set_output([&](python::OutputStream s, std::string_view text) {
      (s == python::OutputStream::Stdout ? out : err).append(text);
    });
    py.run_cell(source, "<cell 1>");
    py.shutdown();
  }
  // Print options and grad mode are process-wide, as in PyTorch; each case
  // starts fresh.
  format::print_options() = format::PrintOptions{};
  autograd::set_grad_enabled(true);
  return out + err;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
  return s;
}

// Whether stderr holds nothing but printed warnings ("file:line: XWarning:
// message" and the indented source line under it), as a run that succeeded.
bool only_warnings(const std::string& err) {
  std::size_t start = 0;
  while (start < err.size()) {
    std::size_t end = err.find('\n', start);
    if (end == std::string::npos) end = err.size();
    const std::string line = err.substr(start, end - start);
    const bool source_line = line.rfind("  ", 0) == 0;
    const bool warning_line = line.find("Warning: ") != std::string::npos && line.find(": ") < line.find("Warning: ");
    if (!source_line && !warning_line) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

void check_through_interpreter(const ConformanceSuite& suite) {
  fs::path dir = python_tests_dir();
  std::vector<std::string> names = case_names(dir / suite.cases);
  CHECK(names.size() >= suite.min_cases);
  std::size_t passed = 0;
  for (const std::string& name : names) {
    fs::path expected_path = dir / suite.expected / (name + suite.extension);
    REQUIRE_MESSAGE(fs::exists(expected_path), "no expected output for " << name);
    std::string expected = read_text(expected_path);
    std::string actual = run_in_interpreter(read_text(dir / suite.cases / (name + ".py")));
    if (actual == expected) ++passed;
    else
      CHECK_MESSAGE(actual == expected, name << ".py: " << first_difference(expected, actual));
  }
  MESSAGE(passed << " of " << names.size() << " " << suite.label);
  CHECK(passed == names.size());
}

void check_through_lessonrun(const ConformanceSuite& suite) {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec).parent_path() / "lessonrun";
  REQUIRE_MESSAGE(fs::exists(exe), "lessonrun not built next to the test binary: " << exe.string());
  fs::path dir = python_tests_dir();
  fs::path err_file = fs::temp_directory_path() / ("lessonrun_stderr_" + std::to_string(getpid()) + ".txt");
  std::vector<std::string> names = case_names(dir / suite.cases);
  std::size_t passed = 0;
  for (const std::string& name : names) {
    fs::path script = dir / suite.cases / (name + ".py");
    // python3 names the script by its absolute path; the expected files use
    // "<cell 1>" instead.
    std::string expected = replace_all(read_text(dir / suite.expected / (name + suite.extension)),
                                       "File \"<cell 1>\"", "File \"" + script.string() + "\"");
    // Warnings are placed as "<file>:<line>: UserWarning: ...".
    expected = replace_all("\n" + expected, "\n<cell 1>:", "\n" + script.string() + ":").substr(1);
    std::string cmd = "'" + exe.string() + "' '" + script.string() + "' 2>'" + err_file.string() + "' </dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    int status = pclose(pipe);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::string err = read_text(err_file);
    bool ok = out + err == expected && (code == 0) == only_warnings(err);
    if (ok) ++passed;
    else
      CHECK_MESSAGE(ok, name << ".py (exit " << code << "): " << first_difference(expected, out + err));
  }
  fs::remove(err_file, ec);
  MESSAGE(passed << " of " << names.size() << " " << suite.label << " through lessonrun");
  CHECK(passed == names.size());
}

}  // namespace lesson::testing
