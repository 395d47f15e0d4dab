// Conformance with CPython 3.11: every program in tests/python/cases/ runs
// through the Interpreter (and through the lessonrun CLI) and must print
// exactly what CPython printed into tests/python/expected/ (stdout, then
// the traceback on stderr). Regenerate the expected files with
// tests/python/generate_expected.sh.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "python/interpreter.hpp"

namespace fs = std::filesystem;
using lesson::python::Interpreter;
using lesson::python::OutputStream;

namespace {

fs::path python_tests_dir() { return fs::weakly_canonical(fs::path(LESSON_GOLDEN_DIR) / ".." / "python"); }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(python_tests_dir() / "cases"))
    if (entry.path().extension() == ".py") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The first line where two texts differ, for failure messages.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string le, la;
  int line = 1;
  for (;; ++line) {
    bool he = static_cast<bool>(std::getline(e, le));
    bool ha = static_cast<bool>(std::getline(a, la));
    if (!he && !ha) return "texts differ only in the final newline";
    if (!he) le = "<end>";
    if (!ha) la = "<end>";
    if (!he || !ha || le != la)
      return "line " + std::to_string(line) + "\n  expected: " + le + "\n  actual:   " + la;
  }
}

struct Captured {
  std::string out;
  std::string err;
};

Captured run_case(const std::string& source) {
  Captured c;
  Interpreter py;
  py.set_time_budget(30);
  py.set_output([&c](OutputStream s, std::string_view text) {
    (s == OutputStream::Stdout ? c.out : c.err).append(text);
  });
  py.run_cell(source, "<cell 1>");
  py.shutdown();
  return c;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
    s.replace(pos, from.size(), to);
  return s;
}

fs::path lessonrun_path() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return self.parent_path() / "lessonrun";
}

}  // namespace

TEST_CASE("python conformance: every case prints what CPython 3.11 prints") {
  std::vector<std::string> names = case_names();
  CHECK(names.size() >= 150);
  fs::path dir = python_tests_dir();
  std::size_t passed = 0;
  std::vector<std::string> failed;
  for (const std::string& name : names) {
    fs::path expected_path = dir / "expected" / (name + ".out");
    REQUIRE_MESSAGE(fs::exists(expected_path), "no expected output for " << name);
    std::string expected = read_file(expected_path);
    Captured c = run_case(read_file(dir / "cases" / (name + ".py")));
    std::string actual = c.out + c.err;
    if (actual == expected) {
      ++passed;
    } else {
      failed.push_back(name);
      CHECK_MESSAGE(actual == expected, name << ".py: " << first_difference(expected, actual));
    }
  }
  MESSAGE(passed << " of " << names.size() << " conformance cases match CPython");
  CHECK(failed.empty());
}

TEST_CASE("python conformance: lessonrun FILE.py prints what python3 FILE.py prints") {
  fs::path exe = lessonrun_path();
  REQUIRE_MESSAGE(fs::exists(exe), "lessonrun not built next to the test binary: " << exe.string());
  fs::path dir = python_tests_dir();
  fs::path err_file = fs::temp_directory_path() / ("lessonrun_stderr_" + std::to_string(getpid()) + ".txt");
  std::size_t passed = 0;
  std::vector<std::string> names = case_names();
  for (const std::string& name : names) {
    fs::path script = dir / "cases" / (name + ".py");
    // python3 names the script by its absolute path; the expected files use
    // "<cell 1>" instead.
    std::string expected =
        replace_all(read_file(dir / "expected" / (name + ".out")), "File \"<cell 1>\"", "File \"" + script.string() + "\"");
    std::string cmd = "'" + exe.string() + "' '" + script.string() + "' 2>'" + err_file.string() + "' </dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
    int status = pclose(pipe);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::string err = read_file(err_file);
    std::string actual = out + err;
    bool ok = actual == expected && (code == 0) == err.empty();
    if (ok) ++passed;
    else
      CHECK_MESSAGE(ok, name << ".py (exit " << code << "): " << first_difference(expected, actual));
  }
  std::error_code ec;
  fs::remove(err_file, ec);
  MESSAGE(passed << " of " << names.size() << " cases match through lessonrun");
  CHECK(passed == names.size());
}
