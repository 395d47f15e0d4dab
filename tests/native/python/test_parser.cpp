#include <doctest/doctest.h>

#include <string>

#include "python/ast.hpp"
#include "python/obj_int.hpp"
#include "python/obj_str.hpp"
#include "python/parser.hpp"
#include "python/runtime_init.hpp"

using namespace lesson::python;

namespace {

AstModule parse_ok(const std::string& src) {
  ensure_runtime_initialized();
  AstModule m;
  SyntaxErrorInfo err;
  bool ok = parse_module(src, m, err);
  INFO(err.message << " (line " << err.line << ")");
  REQUIRE(ok);
  return m;
}

SyntaxErrorInfo parse_error(const std::string& src) {
  ensure_runtime_initialized();
  AstModule m;
  SyntaxErrorInfo err;
  CHECK_FALSE(parse_module(src, m, err));
  return err;
}

}  // namespace

TEST_CASE("python parser: statements and targets") {
  AstModule m = parse_ok("a, *b = c = f(x, *y, k=1, **z)\nx += 1\n");
  REQUIRE(m.body.size() == 2);
  const Stmt& assign = *m.body[0];
  CHECK(assign.kind == StmtKind::Assign);
  REQUIRE(assign.targets.size() == 2);
  CHECK(assign.targets[0]->kind == ExprKind::Tuple);
  CHECK(assign.targets[0]->elts[1]->kind == ExprKind::Starred);
  CHECK(assign.targets[1]->kind == ExprKind::Name);
  const Expr& call = *assign.value;
  CHECK(call.kind == ExprKind::Call);
  CHECK(call.elts.size() == 2);
  CHECK(call.keywords.size() == 2);
  CHECK(call.keywords[1].name.empty());
  CHECK(m.body[1]->kind == StmtKind::AugAssign);
  CHECK(m.body[1]->op == static_cast<int>(BinOp::Add));
}

TEST_CASE("python parser: expressions keep Python's precedence") {
  AstModule m = parse_ok("r = -2 ** 2 + 3 * 4 < 5 < 6 and not x or y if c else z\n");
  const Expr& e = *m.body[0]->value;
  REQUIRE(e.kind == ExprKind::IfExp);
  const Expr& test_or = *e.b;
  REQUIRE(test_or.kind == ExprKind::BoolOp);
  CHECK(test_or.op == 1);
  const Expr& conj = *test_or.elts[0];
  REQUIRE(conj.kind == ExprKind::BoolOp);
  const Expr& cmp = *conj.elts[0];
  REQUIRE(cmp.kind == ExprKind::Compare);
  CHECK(cmp.ops.size() == 2);
  const Expr& sum = *cmp.elts[0];
  REQUIRE(sum.kind == ExprKind::BinOp);
  CHECK(sum.a->kind == ExprKind::UnaryOp);  // -(2 ** 2)
  CHECK(sum.a->a->kind == ExprKind::BinOp);
}

TEST_CASE("python parser: functions, classes, comprehensions, f-strings") {
  AstModule m = parse_ok(
      "@deco\n"
      "def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n"
      "    \"\"\"doc\"\"\"\n"
      "    return [x for x in a if x]\n"
      "class C(Base):\n"
      "    pass\n"
      "s = f'{a!r:>{w}} and {b=}'\n");
  const Stmt& def = *m.body[0];
  REQUIRE(def.kind == StmtKind::FunctionDef);
  CHECK(def.decorators.size() == 1);
  CHECK(def.args->posonly.size() == 2);
  CHECK(def.args->args.size() == 1);
  CHECK(def.args->has_vararg);
  CHECK(def.args->kwonly.size() == 2);
  CHECK(def.args->has_kwarg);
  CHECK(def.has_docstring);
  CHECK(def.docstring == "doc");
  CHECK(def.body[1]->value->kind == ExprKind::ListComp);
  CHECK(m.body[1]->kind == StmtKind::ClassDef);
  CHECK(m.body[1]->bases.size() == 1);
  const Expr& fs = *m.body[2]->value;
  REQUIRE(fs.kind == ExprKind::JoinedStr);
  REQUIRE(fs.elts.size() == 3);
  CHECK(fs.elts[0]->kind == ExprKind::FormattedValue);
  CHECK(fs.elts[0]->op == 2);  // !r
  CHECK(fs.elts[0]->b->kind == ExprKind::JoinedStr);
  CHECK(str_value(fs.elts[1]->value.get()) == " and b=");
  CHECK(fs.elts[2]->op == 2);  // {b=} shows the repr
}

TEST_CASE("python parser: CPython's syntax error messages") {
  CHECK(parse_error("for i in range(3)\n    pass\n").message == "expected ':'");
  SyntaxErrorInfo e = parse_error("def f():\nreturn 1\n");
  CHECK(e.message == "expected an indented block after function definition on line 1");
  CHECK(e.indentation);
  CHECK(e.line == 2);
  SyntaxErrorInfo u = parse_error("x = 1\n    y = 2\n");
  CHECK(u.message == "unexpected indent");
  CHECK(u.indentation);
  CHECK(parse_error("print(1, 2 3)\n").message == "invalid syntax. Perhaps you forgot a comma?");
  CHECK(parse_error("1 = x\n").message == "cannot assign to literal here. Maybe you meant '==' instead of '='?");
  CHECK(parse_error("f() = 1\n").message ==
        "cannot assign to function call here. Maybe you meant '==' instead of '='?");
  CHECK(parse_error("print \"hi\"\n").message == "Missing parentheses in call to 'print'. Did you mean print(...)?");
  CHECK(parse_error("if x = 1:\n    pass\n").message == "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  CHECK(parse_error("x = = 2\n").message == "invalid syntax");
  CHECK(parse_error("f(a=1, 2)\n").message == "positional argument follows keyword argument");
  CHECK(parse_error("def f(a=1, b):\n    pass\n").message == "non-default argument follows default argument");
  CHECK(parse_error("x = f'{}'\n").message == "f-string: empty expression not allowed");
}
