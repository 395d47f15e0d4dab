#!/usr/bin/python3
"""Record the expected output of every cell of the lessons with real PyTorch.

Usage (from the repository root, with Debian's python3-torch and
python3-matplotlib installed):

    /usr/bin/python3 tests/lessons/record_outputs.py            # all lessons
    /usr/bin/python3 tests/lessons/record_outputs.py lessons/03-layer-norm.md
    /usr/bin/python3 tests/lessons/record_outputs.py --check    # CI: stale?

Each lesson (see lessons/FORMAT.md) runs like a notebook: one fresh namespace
per lesson, cells in order. A runnable cell is a ```python block or a
```python exercise block; for an exercise the hidden ```python solution runs
in its place, then the ```python check block, which must pass. The cell's
stdout, then its stderr (an uncaught exception prints a CPython-style
traceback that shows only the cells' own frames, without 3.11's caret lines),
is written into an ```output block right after the cell; a cell that prints
nothing gets none. The number of matplotlib figures a cell creates is written
as `figures=N` into its info string.

Running the script twice changes nothing. With --check it rewrites nothing,
prints a diff of every stale output and exits 1; numbers in the output of a
cell with `tolerance=REL` may differ by that relative amount.
"""

import argparse
import contextlib
import difflib
import glob
import io
import os
import re
import sys
import time
import traceback
import warnings

os.environ.setdefault("MPLBACKEND", "Agg")
import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

try:  # import once up front so that its few seconds are not charged to cell 1
    import torch  # noqa: F401,E402
except ImportError:
    pass

SLOW_SECONDS = 0.5  # cells must stay fast in WebAssembly: report slow ones
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FENCE_OPEN = re.compile(r"^```(.*)$")
FENCE_CLOSE = re.compile(r"^```\s*$")
CELL_FILE = re.compile(r"^<cell \d+>$")
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")


class LessonError(Exception):
    pass


# ---------------------------------------------------------------- parsing

def split_front_matter(text, path):
    if not text.startswith("---\n"):
        raise LessonError(f"{path}: missing front matter")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise LessonError(f"{path}: unterminated front matter")
    return text[: end + 5], text[end + 5:]


def parse_blocks(body, path):
    """Split the body into ('text', lines) and ('fence', info, lines) items."""
    lines = body.split("\n")
    items, text, i = [], [], 0
    while i < len(lines):
        m = FENCE_OPEN.match(lines[i])
        if m is None:
            text.append(lines[i])
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not FENCE_CLOSE.match(lines[j]):
            j += 1
        if j == len(lines):
            raise LessonError(f"{path}: unterminated fence opened on body line {i + 1}")
        if text:
            items.append(["text", text])
            text = []
        items.append(["fence", m.group(1).strip(), lines[i + 1: j]])
        i = j + 1
    items.append(["text", text])
    return items


def parse_info(info):
    parts = info.split()
    lang = parts[0] if parts else ""
    words = [p for p in parts[1:] if "=" not in p]
    attrs = {}
    for p in parts[1:]:
        if "=" in p:
            k, v = p.split("=", 1)
            attrs[k] = v
    return lang, words, attrs


def set_attr(info, key, value):
    """Return info with key=value set (value None removes it), order kept."""
    parts = info.split()
    out, done = [], False
    for p in parts:
        if p.startswith(key + "="):
            if value is not None and not done:
                out.append(f"{key}={value}")
                done = True
            continue
        out.append(p)
    if value is not None and not done:
        out.append(f"{key}={value}")
    return " ".join(out)


def kind_of(info):
    lang, words, _ = parse_info(info)
    if lang != "python":
        return lang
    if not words:
        return "code"
    return words[0]  # exercise, solution, check


# ---------------------------------------------------------------- running

def format_traceback(exc, sources):
    """CPython's traceback text restricted to cell frames, without carets."""
    out = []
    seen = set()

    def one(e):
        if id(e) in seen:
            return
        seen.add(id(e))
        if e.__cause__ is not None:
            one(e.__cause__)
            out.append("\nThe above exception was the direct cause of the following exception:\n\n")
        elif e.__context__ is not None and not e.__suppress_context__:
            one(e.__context__)
            out.append("\nDuring handling of the above exception, another exception occurred:\n\n")
        frames = [f for f in traceback.extract_tb(e.__traceback__) if CELL_FILE.match(f.filename)]
        if frames:
            out.append("Traceback (most recent call last):\n")
            for f in frames:
                out.append(f'  File "{f.filename}", line {f.lineno}, in {f.name}\n')
                src = sources.get(f.filename, [])
                if 1 <= f.lineno <= len(src) and src[f.lineno - 1].strip():
                    out.append(f"    {src[f.lineno - 1].strip()}\n")
        out.extend(traceback.format_exception_only(type(e), e))

    one(exc)
    return "".join(out)


class Runner:
    """One lesson's notebook kernel: a namespace and the cell sources."""

    def __init__(self, path=""):
        self.path = path
        self.namespace = {"__name__": "__main__", "__builtins__": __builtins__}
        self.sources = {}

    def run(self, code, filename):
        """Run code; return (stdout + stderr text, exception or None)."""
        self.sources[filename] = code.split("\n")
        out, err = io.StringIO(), io.StringIO()
        error = None
        start = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                exec(compile(code, filename, "exec"), self.namespace)
            except BaseException as e:  # noqa: BLE001 - a cell may raise anything
                error = e
                err.write(format_traceback(e, self.sources))
        seconds = time.perf_counter() - start
        if seconds > SLOW_SECONDS:
            print(f"note: {os.path.relpath(self.path)} {filename} took {seconds:.2f} s with PyTorch"
                  "; keep cells fast", file=sys.stderr)
        if caught:
            messages = "; ".join(f"{w.category.__name__}: {w.message}" for w in caught)
            raise LessonError(f"{filename} emitted warnings (machine-specific text; avoid them): {messages}")
        return out.getvalue() + err.getvalue(), error


def record_lesson(path):
    """Run every cell of one lesson; return the lesson text with fresh outputs."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    front, body = split_front_matter(text, path)
    items = parse_blocks(body, path)

    # Drop every output block together with the blank lines just before it;
    # outputs are re-inserted after their cells below.
    kept = []
    for item in items:
        if item[0] == "fence" and kind_of(item[1]) == "output":
            if kept and kept[-1][0] == "text":
                lines = kept[-1][1]
                while lines and lines[-1].strip() == "":
                    lines.pop()
            continue
        if item[0] == "text" and kept and kept[-1][0] == "text":
            kept[-1][1].extend(item[1])
        else:
            kept.append(item)
    # merging removed the blank line between cell and following text; a text
    # item that starts right after a fence needs one — handled when joining.

    plt.close("all")
    runner = Runner(path)
    index = 0
    result = []
    i = 0
    while i < len(kept):
        item = kept[i]
        if item[0] != "fence" or kind_of(item[1]) not in ("code", "exercise"):
            result.append(item)
            i += 1
            continue
        index += 1
        filename = f"<cell {index}>"
        kind = kind_of(item[1])
        before = set(plt.get_fignums())
        if kind == "code":
            output, _ = runner.run("\n".join(item[2]), filename)
        else:
            solution = check = None
            for other in kept[i + 1:]:
                if other[0] != "fence":
                    continue
                k = kind_of(other[1])
                if k == "solution" and solution is None:
                    solution = "\n".join(other[2])
                elif k == "check" and check is None:
                    check = "\n".join(other[2])
                elif k in ("code", "exercise"):
                    break
            if solution is None or check is None:
                raise LessonError(f"{path}: exercise {filename} needs a solution and a check block")
            output, error = runner.run(solution, filename)
            if error is not None:
                raise LessonError(f"{path}: the solution of {filename} raised:\n{output}")
            check_out, error = runner.run(check, f"<check {index}>")
            if error is not None:
                raise LessonError(f"{path}: the check of {filename} fails on its solution:\n{check_out}")
            if check_out:
                raise LessonError(f"{path}: the check of {filename} prints; checks must be silent")
        figures = len(set(plt.get_fignums()) - before)
        plt.close("all")
        info = set_attr(item[1], "figures", figures if figures else None)
        result.append(["fence", info, item[2]])
        if output:
            if not output.endswith("\n"):
                raise LessonError(f"{path}: output of {filename} does not end with a newline")
            result.append(["text", [""]])
            result.append(["fence", "output", output[:-1].split("\n")])
        i += 1

    # Join: a fence is followed by a newline; make sure a text item that
    # follows a fence starts with a blank line (lost when an output was cut).
    parts = []
    prev = None
    for item in result:
        if item[0] == "text":
            lines = item[1]
            if prev == "fence" and lines and lines[0].strip() != "":
                lines = [""] + lines
            parts.append("\n".join(lines))
            prev = "text"
        else:
            block = "```" + item[1] + "\n" + "".join(l + "\n" for l in item[2]) + "```"
            if prev == "fence":
                parts.append("")
            parts.append(block)
            prev = "fence"
    return front + "\n".join(parts)


# ---------------------------------------------------------------- checking

def outputs_by_cell(text, path):
    _, body = split_front_matter(text, path)
    cells, current = [], None
    for item in parse_blocks(body, path):
        if item[0] != "fence":
            continue
        kind = kind_of(item[1])
        if kind in ("code", "exercise"):
            current = {"info": item[1], "output": ""}
            cells.append(current)
        elif kind == "output" and current is not None:
            current["output"] = "\n".join(item[2]) + "\n"
    return cells


def same_within(a, b, rel):
    if NUMBER.split(a) != NUMBER.split(b):
        return False
    for x, y in zip(NUMBER.findall(a), NUMBER.findall(b)):
        fx, fy = float(x), float(y)
        if abs(fx - fy) > rel * max(abs(fx), abs(fy)) and x != y:
            return False
    return True


def stale(old, new, path):
    """True when the recorded outputs (or figure counts) differ beyond tolerance."""
    a, b = outputs_by_cell(old, path), outputs_by_cell(new, path)
    if len(a) != len(b):
        return True
    for x, y in zip(a, b):
        if parse_info(x["info"])[2].get("figures") != parse_info(y["info"])[2].get("figures"):
            return True
        tol = parse_info(x["info"])[2].get("tolerance")
        if x["output"] == y["output"]:
            continue
        if tol is None or not same_within(x["output"], y["output"], float(tol)):
            return True
    return False


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="lesson files (default: lessons/[0-9]*.md)")
    parser.add_argument("--check", action="store_true",
                        help="rewrite nothing; print a diff and exit 1 if any output is stale")
    args = parser.parse_args(argv)
    files = args.files or sorted(glob.glob(os.path.join(ROOT, "lessons", "[0-9][0-9]-*.md")))
    status = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            old = f.read()
        try:
            new = record_lesson(path)
        except LessonError as e:
            print(f"error: {e}", file=sys.stderr)
            status = 1
            continue
        rel = os.path.relpath(path)
        if args.check:
            if stale(old, new, path):
                sys.stdout.writelines(difflib.unified_diff(
                    old.splitlines(True), new.splitlines(True), rel, rel + " (recorded now)"))
                status = 1
            else:
                print(f"{rel}: up to date")
        elif new != old:
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)
            print(f"{rel}: outputs updated")
        else:
            print(f"{rel}: unchanged")
    return status


if __name__ == "__main__":
    sys.exit(main())
