#include <doctest/doctest.h>

#include <string>

#include "python/code.hpp"
#include "python/compiler.hpp"
#include "python/obj_function.hpp"
#include "python/obj_str.hpp"
#include "python/runtime_init.hpp"

using namespace lesson::python;

namespace {

Ref<Code> compile_ok(const std::string& src) {
  ensure_runtime_initialized();
  SyntaxErrorInfo err;
  Ref<Code> c = compile_source(src, "<test>", err);
  INFO(err.message);
  REQUIRE(c);
  return c;
}

std::string compile_error(const std::string& src, int* line = nullptr) {
  ensure_runtime_initialized();
  SyntaxErrorInfo err;
  Ref<Code> c = compile_source(src, "<test>", err);
  CHECK_FALSE(c);
  if (line) *line = err.line;
  return err.message;
}

const Code* child(const Code& c, const std::string& name) {
  for (const ObjRef& k : c.consts)
    if (k->type() == &code_type && static_cast<const Code*>(k.get())->name == name)
      return static_cast<const Code*>(k.get());
  return nullptr;
}

bool has_op(const Code& c, Opcode op) {
  for (std::uint32_t w : c.ops)
    if (op_of(w) == op) return true;
  return false;
}

}  // namespace

TEST_CASE("python compiler: names resolve to fast locals, cells, free variables and globals") {
  Ref<Code> m = compile_ok(
      "g = 1\n"
      "def outer(a):\n"
      "    b = a + g\n"
      "    def inner():\n"
      "        nonlocal b\n"
      "        b += 1\n"
      "        return b\n"
      "    return inner\n");
  CHECK(has_op(*m, OP_STORE_NAME));  // module level: namespace dict
  const Code* outer = child(*m, "outer");
  REQUIRE(outer);
  CHECK(outer->argcount == 1);
  CHECK(has_op(*outer, OP_LOAD_FAST));
  CHECK(has_op(*outer, OP_LOAD_GLOBAL));
  REQUIRE(outer->cellvars.size() == 1);
  CHECK(outer->cellvars[0]->value == "b");
  const Code* inner = child(*outer, "inner");
  REQUIRE(inner);
  REQUIRE(inner->freevars.size() == 1);
  CHECK(inner->freevars[0]->value == "b");
  CHECK(has_op(*inner, OP_LOAD_DEREF));
  CHECK(has_op(*inner, OP_STORE_DEREF));
  CHECK(inner->qualname == "outer.<locals>.inner");
}

TEST_CASE("python compiler: generators, comprehensions and classes get their own code objects") {
  Ref<Code> m = compile_ok(
      "def gen():\n    yield 1\n"
      "squares = [x * x for x in range(3)]\n"
      "class C:\n    def m(self):\n        return super().m()\n");
  const Code* gen = child(*m, "gen");
  REQUIRE(gen);
  CHECK((gen->flags & kCodeGenerator) != 0);
  const Code* comp = child(*m, "<listcomp>");
  REQUIRE(comp);
  CHECK(comp->argcount == 1);
  const Code* cls = child(*m, "C");
  REQUIRE(cls);
  // A method using super() closes over the class's __class__ cell.
  REQUIRE(cls->cellvars.size() == 1);
  CHECK(cls->cellvars[0]->value == "__class__");
  const Code* method = child(*cls, "m");
  REQUIRE(method);
  CHECK(method->qualname == "C.m");
  REQUIRE(method->freevars.size() == 1);
}

TEST_CASE("python compiler: line table and stack size") {
  Ref<Code> m = compile_ok("a = 1\n\nb = (a +\n     2)\nprint(a, b)\n");
  CHECK(m->stacksize >= 4);
  CHECK(m->line_for(0) == 1);
  CHECK(m->line_for(static_cast<std::uint32_t>(m->ops.size() - 1)) == 5);
  CHECK(disassemble(*m).find("LOAD_NAME") != std::string::npos);
}

TEST_CASE("python compiler: errors found after parsing") {
  int line = 0;
  CHECK(compile_error("x = 1\nreturn x\n", &line) == "'return' outside function");
  CHECK(line == 2);
  CHECK(compile_error("break\n") == "'break' outside loop");
  CHECK(compile_error("for i in x:\n    pass\ncontinue\n") == "'continue' not properly in loop");
  CHECK(compile_error("nonlocal x\n") == "nonlocal declaration not allowed at module level");
  CHECK(compile_error("def f():\n    nonlocal q\n") == "no binding for nonlocal 'q' found");
  CHECK(compile_error("def f():\n    x = 1\n    global x\n") == "name 'x' is assigned to before global declaration");
  CHECK(compile_error("x = yield 1\n") == "'yield' outside function");
  CHECK(compile_error("print(*a for a in b)\n").size() > 0);
}
