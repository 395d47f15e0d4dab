// The lesson file format (lessons/FORMAT.md) and the output comparison of
// lessonrun --lesson.
#include <doctest/doctest.h>

#include <string>

#include "lesson/lesson_check.hpp"
#include "lesson/lesson_file.hpp"

using namespace lesson::lessonfile;

namespace {

const char* kLesson = R"(---
id: why-normalize          # stable key
title: "Why normalize"
order: 1
minutes: 12
xp: 100
tags: [batchnorm, training]
---

# Why normalize

Some text with `inline code`.

```python
import torch
print(1 + 1)
```

```output
2
```

```python id=second tolerance=1e-3 figures=1
x = 3
```

Text between cells.

```sh
echo not a cell
```

```python exercise id=pool-shapes xp=30
out = ...
```

```python solution
out = 4
```

```python check
assert out == 4, f"expected 4, got {out}"
```

```hint
Think of floor((5 - 2) / 2) + 1.
```

```hint
Second hint.
```

```output
```

~~~~python
print("tilde fence")
~~~~
)";

}  // namespace

TEST_CASE("lesson file: front matter, cells, attributes, outputs, exercises") {
  Lesson l = parse_lesson(kLesson);
  CHECK(l.front.id == "why-normalize");
  CHECK(l.front.title == "Why normalize");
  CHECK(l.front.order == 1);
  CHECK(l.front.minutes == 12);
  CHECK(l.front.xp == 100);
  REQUIRE(l.front.tags.size() == 2);
  CHECK(l.front.tags[1] == "training");

  REQUIRE(l.cells.size() == 4);
  const Cell& c1 = l.cells[0];
  CHECK(c1.kind == CellKind::Code);
  CHECK(c1.id == "cell-1");
  CHECK(c1.index == 1);
  CHECK(c1.line == 14);
  CHECK(c1.code == "import torch\nprint(1 + 1)\n");
  REQUIRE(c1.expected);
  CHECK(*c1.expected == "2\n");
  CHECK_FALSE(c1.tolerance);

  const Cell& c2 = l.cells[1];
  CHECK(c2.id == "second");
  CHECK(c2.index == 2);
  REQUIRE(c2.tolerance);
  CHECK(*c2.tolerance == doctest::Approx(1e-3));
  REQUIRE(c2.figures);
  CHECK(*c2.figures == 1);
  CHECK_FALSE(c2.expected);  // must print nothing

  const Cell& ex = l.cells[2];
  CHECK(ex.kind == CellKind::Exercise);
  CHECK(ex.id == "pool-shapes");
  CHECK(ex.xp == 30);
  CHECK(ex.code == "out = ...\n");
  REQUIRE(ex.solution);
  CHECK(*ex.solution == "out = 4\n");
  REQUIRE(ex.check);
  CHECK(ex.check->find("assert out == 4") == 0);
  REQUIRE(ex.hints.size() == 2);
  CHECK(ex.hints[0] == "Think of floor((5 - 2) / 2) + 1.\n");
  REQUIRE(ex.expected);  // the solution's expected output: empty
  CHECK(ex.expected->empty());

  CHECK(l.cells[3].id == "cell-4");
  CHECK(l.cells[3].code == "print(\"tilde fence\")\n");
}

TEST_CASE("lesson file: a lesson without front matter, indented fences") {
  Lesson l = parse_lesson("Intro\n\n  ```python\n  a = 1\n    b = 2\n  ```\n");
  CHECK(l.front.id.empty());
  REQUIRE(l.cells.size() == 1);
  CHECK(l.cells[0].code == "a = 1\n  b = 2\n");
}

TEST_CASE("lesson file: malformed lessons are reported with their line") {
  auto error_of = [](const std::string& text) -> std::string {
    try {
      parse_lesson(text);
    } catch (const LessonFormatError& e) {
      return e.what();
    }
    return "";
  };
  CHECK(error_of("---\nid: x\n") == "line 1: front matter is not closed by a '---' line");
  CHECK(error_of("---\norder: first\n---\n") == "line 2: order must be an integer, got 'first'");
  CHECK(error_of("```python\nx = 1\n") == "line 1: code block is not closed");
  CHECK(error_of("```output\n1\n```\n") == "line 1: output block does not follow a python cell");
  CHECK(error_of("```python\nx\n```\n\ntext\n\n```output\n1\n```\n") ==
        "line 7: output block does not follow a python cell");
  CHECK(error_of("```python\nprint(1)\n```\n```output\n1\n```\n```output\n1\n```\n") ==
        "line 7: cell cell-1 has two output blocks");
  CHECK(error_of("```python solution\nx = 1\n```\n") == "line 1: python solution block does not follow an exercise");
  CHECK(error_of("```python exercise\nx = 1\n```\n") ==
        "line 1: exercise cell-1 needs a python solution and a python check block");
  CHECK(error_of("```python id=a\n```\n```python id=a\n```\n") == "line 3: duplicate cell id 'a'");
  CHECK(error_of("```python tolerance=abc\n```\n") == "line 1: tolerance must be a non-negative number, got 'abc'");
  CHECK(error_of("```python exercize\n```\n") == "line 1: unknown python cell attribute 'exercize'");
  CHECK(error_of("```hint\nx\n```\n") == "line 1: hint block does not follow an exercise");
}

TEST_CASE("lesson output: exact comparison and relative tolerance") {
  CHECK(outputs_match("2\n", "2\n", std::nullopt));
  CHECK_FALSE(outputs_match("2\n", "2", std::nullopt));
  CHECK_FALSE(outputs_match("tensor([1.0000])\n", "tensor([1.0001])\n", std::nullopt));

  CHECK(outputs_match("loss 0.5000\n", "loss 0.5004\n", 1e-3));
  CHECK_FALSE(outputs_match("loss 0.5000\n", "loss 0.5100\n", 1e-3));
  // One unit in the last printed digit is always allowed (values near 0).
  CHECK(outputs_match("tensor([ 0.0000, 1.2500])\n", "tensor([-0.0001, 1.2500])\n", 1e-3));
  CHECK(outputs_match("tensor([ 0.0000, 1.2500])\n", "tensor([-0.0001,  1.2501])\n", 1e-3));
  CHECK_FALSE(outputs_match("tensor([0.0000])\n", "tensor([0.0003])\n", 1e-3));
  CHECK(outputs_match("1e-05\n", "1.0001e-05\n", 1e-3));
  // Text around the numbers must still match.
  CHECK_FALSE(outputs_match("epoch 1 loss 0.5\n", "epoch 1 lost 0.5\n", 1e-3));
  CHECK_FALSE(outputs_match("a 1 2\n", "a 1 2 3\n", 1e-3));
  // Digits inside words are text: "cell3" is not a number.
  CHECK_FALSE(outputs_match("cell3\n", "cell4\n", 0.5));
}

TEST_CASE("lesson output: unified diff of expected and actual") {
  std::string d = unified_diff("a\nb\nc\n", "a\nB\nc\n");
  CHECK(d ==
        "--- expected\n+++ actual\n"
        "@@ -1,3 +1,3 @@\n"
        " a\n-b\n+B\n c\n");
  std::string far = unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\n5\n6\n7\n8\n9\nten\n", 2);
  CHECK(far == "--- expected\n+++ actual\n@@ -8,3 +8,3 @@\n 8\n 9\n-10\n+ten\n");
  std::string missing = unified_diff("x\n", "");
  CHECK(missing == "--- expected\n+++ actual\n@@ -1,1 +0,0 @@\n-x\n");
  std::string no_newline = unified_diff("x\n", "x");
  CHECK(no_newline == "--- expected\n+++ actual\n\\ actual output has no newline at the end\n");
}
