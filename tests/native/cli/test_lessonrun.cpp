// lessonrun as a program: --lesson on lesson files (a passing lesson, a
// failing one with its diff, several at once), and FILE.py with figures
// written as SVG files.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

fs::path lessonrun_path() {
  std::error_code ec;
  return fs::read_symlink("/proc/self/exe", ec).parent_path() / "lessonrun";
}

struct Run {
  int code = -1;
  std::string out, err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs lessonrun with `args` inside `cwd`.
Run lessonrun(const std::string& args, const fs::path& cwd) {
  fs::path err = cwd / "stderr.txt";
  std::string cmd = "cd '" + cwd.string() + "' && '" + lessonrun_path().string() + "' " + args + " 2>'" + err.string() +
                    "' </dev/null";
  Run r;
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err);
  fs::remove(err);
  return r;
}

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("lessonrun_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name, std::ios::binary) << text;
  }
  static int& counter() {
    static int n = 0;
    return n;
  }
};

const char* kPassing = R"(---
id: passing
title: Passing
---

```python
x = 6
print(x * 7)
```

```output
42
```

```python tolerance=1e-2
print(round(1 / 3, 4), "done")
```

```output
0.333 done
```

```python figures=1
import matplotlib.pyplot as plt
plt.plot([1, 2, 3])
```

```python exercise id=double xp=10
y = ...
```

```python solution
y = x * 2
```

```python check
assert y == 12, f"expected 12, got {y}"
```

```python
print(y)
```

```output
12
```
)";

const char* kFailing = R"(---
id: failing
---

```python
print("one")
print("two")
```

```output
one
2
```

```python exercise id=wrong
z = ...
```

```python solution
z = 1
```

```python check
assert z == 2, "z should be 2"
```

```python
print(undefined_name)
```
)";

}  // namespace

TEST_CASE("lessonrun --lesson: a lesson whose cells all match") {
  REQUIRE(fs::exists(lessonrun_path()));
  TempDir dir;
  dir.write("01-passing.md", kPassing);
  Run r = lessonrun("--lesson 01-passing.md", dir.path);
  CHECK(r.out == "lesson 01-passing: 5 cells, 5 passed, 0 failed\n");
  CHECK(r.err.empty());
  CHECK(r.code == 0);
  CHECK_FALSE(fs::exists(dir.path / "figure-1.svg"));  // figures are files only with --figures
}

TEST_CASE("lessonrun --lesson: mismatches are reported with a diff, exit status 1") {
  TempDir dir;
  dir.write("02-failing.md", kFailing);
  Run r = lessonrun("--lesson 02-failing.md", dir.path);
  CHECK(r.code == 1);
  CHECK(r.out ==
        "lesson 02-failing: cell cell-1 (02-failing.md:5) FAILED: output differs\n"
        "--- expected\n+++ actual\n"
        "@@ -1,2 +1,2 @@\n"
        " one\n-2\n+two\n"
        "lesson 02-failing: exercise wrong (02-failing.md:15) FAILED: the check fails after the solution: "
        "AssertionError: z should be 2\n"
        "Traceback (most recent call last):\n"
        "  File \"<cell 2> check\", line 1, in <module>\n"
        "    assert z == 2, \"z should be 2\"\n"
        "AssertionError: z should be 2\n"
        "lesson 02-failing: cell cell-3 (02-failing.md:27) FAILED: output differs\n"
        "--- expected\n+++ actual\n"
        "@@ -0,0 +1,4 @@\n"
        "+Traceback (most recent call last):\n"
        "+  File \"<cell 3>\", line 1, in <module>\n"
        "+    print(undefined_name)\n"
        "+NameError: name 'undefined_name' is not defined\n"
        "lesson 02-failing: 3 cells, 0 passed, 3 failed\n");
}

TEST_CASE("lessonrun --lesson: a directory runs each lesson; --figures writes SVG files") {
  TempDir dir;
  dir.write("lessons/01-passing.md", kPassing);
  dir.write("lessons/02-failing.md", kFailing);
  dir.write("lessons/FORMAT.md", "not a lesson\n```output\nx\n```\n");
  Run r = lessonrun("--figures figs --lesson lessons", dir.path);
  CHECK(r.code == 1);
  CHECK(r.out.find("lesson 01-passing: 5 cells, 5 passed, 0 failed\n") != std::string::npos);
  CHECK(r.out.find("lesson 02-failing: 3 cells, 0 passed, 3 failed\n") != std::string::npos);
  CHECK(r.out.find("FORMAT") == std::string::npos);
  CHECK(r.err == "[figure 1 saved to figs/figure-1.svg]\n");
  CHECK(slurp(dir.path / "figs" / "figure-1.svg").find("<svg ") != std::string::npos);

  dir.write("bad.md", "```python\nunclosed\n");
  r = lessonrun("--lesson bad.md", dir.path);
  CHECK(r.code == 1);
  CHECK(r.out == "lesson bad: bad.md: line 1: code block is not closed\n");
  r = lessonrun("--lesson missing.md", dir.path);
  CHECK(r.code == 2);
}

TEST_CASE("lessonrun FILE.py: figures shown by plt.show() and left open become figure-N.svg") {
  TempDir dir;
  dir.write("plot.py",
            "import matplotlib.pyplot as plt\n"
            "plt.hist([1, 2, 2, 3])\n"
            "plt.show()\n"
            "print('between')\n"
            "fig, ax = plt.subplots()\n"
            "ax.imshow([[0, 1], [1, 0]])\n");
  Run r = lessonrun("plot.py", dir.path);
  CHECK(r.code == 0);
  CHECK(r.out == "between\n");
  CHECK(r.err == "[figure 1 saved to figure-1.svg]\n[figure 2 saved to figure-2.svg]\n");
  CHECK(slurp(dir.path / "figure-2.svg").find("fill=\"#440154\"") != std::string::npos);
}
