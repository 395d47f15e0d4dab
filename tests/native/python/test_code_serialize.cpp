// Code objects to bytes and back (native/python/code_serialize.cpp) and the
// frozen table built from them (native/python/frozen.hpp): a round trip keeps
// every field, the round-tripped code runs like the compiled one, bad bytes
// are refused, and the table this program links covers every library source.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "python/code_serialize.hpp"
#include "python/compiler.hpp"
#include "python/frozen.hpp"
#include "python/interpreter.hpp"
#include "python/obj_dict.hpp"
#include "python/torch/nn_sources.hpp"
#include "python/vm.hpp"

using namespace lesson::python;

namespace {

// Every kind of constant and code object the compiler makes.
const char* const kProgram = R"PY(
"""module docstring"""
import math
BIG = -9223372036854775807 - 1
FLOATS = (0.1, -0.0, float('inf'), 1e300, 2.5e-308)
NAMES = ('weight', 'bias', "two words", '', 'caf\u00e9', None)
NESTED = ((1, (2, 3)), (), ..., True, False, None)

def outer(a, b=2, *args, c, d=4, **kw):
    "a docstring"
    total = a + b + c + d + sum(args) + len(kw)
    def inner(x, /, y=1):
        return x * total + y
    return inner

class Shape:
    """a class docstring"""
    sides = 0
    def __init__(self, name):
        self.name = name
    @property
    def label(self):
        return f"{self.name!r}: {self.sides:>3d} sides"

class Square(Shape):
    sides = 4
    def __repr__(self):
        return super().__repr__()[:8] + "...>"

def gen(n):
    for i in range(n):
        yield i * i

squares = [x * x for x in range(5) if x % 2]
pairs = {k: v for k, v in zip("abc", range(3))}
unique = {c for c in "hello"}
print(BIG, FLOATS, NAMES, NESTED)
print(outer(1, c=3, e=5)(10), outer.__doc__, Shape.__doc__, __doc__)
print(Square("sq").label, list(gen(4)), squares, pairs, sorted(unique))
print((lambda *a, **k: (a, k))(1, x=2), math.pi)
try:
    outer(1)
except TypeError as e:
    print("TypeError:", e)
)PY";

// Compiling needs the runtime's types and interned names, which the first
// Interpreter sets up.
void ensure_runtime() { static Interpreter first; }

std::string compiled_bytes(const std::string& source, const std::string& filename = "<test>") {
  ensure_runtime();
  SyntaxErrorInfo err;
  Ref<Code> code = compile_source(source, filename, err);
  REQUIRE(code);
  return serialize_code(*code);
}

// Runs `code` in a fresh session's namespace; returns what it printed.
std::string run_code_object(Ref<Code> code) {
  Interpreter py;
  std::string out;
  py.set_output([&](OutputStream, std::string_view t) { out.append(t); });
  // A cell sets up the namespace's builtins; the code object runs after.
  REQUIRE(py.run_cell("pass", "<setup>").status == CellStatus::Ok);
  Vm& vm = py.vm();
  vm.run_code(code.get(), vm.main_globals.get(), vm.main_globals.get());
  return out;
}

}  // namespace

TEST_CASE("code serialization: a round trip keeps every field of every code object") {
  const std::string bytes = compiled_bytes(kProgram);
  Ref<Code> back = deserialize_code(bytes, make_source_text("<test>", kProgram));
  REQUIRE(back);
  CHECK(serialize_code(*back) == bytes);
  SyntaxErrorInfo err;
  Ref<Code> original = compile_source(kProgram, "<test>", err);
  CHECK(disassemble(*back) == disassemble(*original));
  CHECK(back->source->lines == make_source_text("<test>", kProgram)->lines);
  CHECK(back->filename() == "<test>");
}

TEST_CASE("code serialization: round-tripped code runs exactly like freshly compiled code") {
  ensure_runtime();
  SyntaxErrorInfo err;
  Ref<Code> original = compile_source(kProgram, "<test>", err);
  REQUIRE(original);
  Ref<Code> back = deserialize_code(serialize_code(*original), make_source_text("<test>", kProgram));
  const std::string expected = run_code_object(original);
  CHECK(expected.find("-9223372036854775808 (0.1, -0.0, inf, 1e+300, 2.5e-308)") != std::string::npos);
  CHECK(expected.find("TypeError: outer() missing 1 required keyword-only argument: 'c'") != std::string::npos);
  CHECK(run_code_object(back) == expected);
}

TEST_CASE("code serialization: bytes that are not a serialized code object are refused") {
  const std::string bytes = compiled_bytes("x = (1, 'a', 2.5)\nprint(x)\n");
  auto source = make_source_text("<t>", "x = (1, 'a', 2.5)\nprint(x)\n");
  CHECK_THROWS_AS(deserialize_code("", source), CodeFormatError);
  CHECK_THROWS_AS(deserialize_code("XPY1" + bytes.substr(4), source), CodeFormatError);
  for (std::size_t cut : {std::size_t{5}, bytes.size() / 2, bytes.size() - 1})
    CHECK_THROWS_AS(deserialize_code(bytes.substr(0, cut), source), CodeFormatError);
  CHECK_THROWS_AS(deserialize_code(bytes + "x", source), CodeFormatError);
}

TEST_CASE("code serialization: source lines split like the compiler's (\\n, \\r\\n, \\r, no final newline)") {
  auto text = make_source_text("<t>", "a\r\nb\rc\n\nd");
  CHECK(text->lines == std::vector<std::string>{"a", "b", "c", "", "d"});
  CHECK(make_source_text("<t>", "a\n")->lines == std::vector<std::string>{"a"});
  CHECK(make_source_text("<t>", "")->lines.empty());
}

TEST_CASE("frozen table: importing the whole library compiles no source at run time") {
  REQUIRE(frozen_code_table().count > 0);
  std::vector<std::string> compiled;
  set_module_source_observer([&](const std::string& filename, const std::string&, const Code&) {
    compiled.push_back(filename);
  });
  std::string program = "import torch\nimport torch.nn.functional\nimport torch.nn.init\nimport torch.optim\n"
                        "import collections\n";
  for (const char* name : torch::kNnModulesSubmodules) program += std::string("import torch.nn.modules.") + name + "\n";
  Interpreter py;
  CellResult r = py.run_cell(program, "<cell 1>");
  set_module_source_observer({});
  CHECK(r.status == CellStatus::Ok);
  CHECK_MESSAGE(compiled.empty(), "compiled at run time: ", compiled.size(), " sources, first ",
                compiled.empty() ? std::string() : compiled.front());
}

TEST_CASE("frozen table: an entry is used only for the exact source text it was compiled from") {
  const FrozenTable table = frozen_code_table();
  REQUIRE(table.count > 0);
  const FrozenCode& e = table.entries[0];
  CHECK(find_frozen_code(e.filename, "x = 1\n") == nullptr);
  CHECK(find_frozen_code("<not a library file>", "") == nullptr);
  // A session whose library source differs compiles it: run_module_source
  // falls back to compile_source (observed), and the result is the same.
  std::vector<std::string> compiled;
  set_module_source_observer([&](const std::string& filename, const std::string&, const Code&) {
    compiled.push_back(filename);
  });
  Interpreter py;
  std::string out;
  py.set_output([&](OutputStream, std::string_view t) { out.append(t); });
  CHECK(py.run_cell("import torch\nprint(torch.nn.Linear(2, 3))", "<cell 1>").status == CellStatus::Ok);
  set_module_source_observer({});
  CHECK(compiled.empty());
  CHECK(out == "Linear(in_features=2, out_features=3, bias=True)\n");
}
