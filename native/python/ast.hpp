// The syntax tree the parser builds and the compiler consumes. One node
// type per category (expressions, statements) with a kind tag; fields are
// used as the comments say.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "python/object.hpp"

namespace lesson::python {

enum class ExprKind : std::uint8_t {
  Name, Constant, JoinedStr, FormattedValue, BinOp, UnaryOp, BoolOp, Compare, Call, Attribute, Subscript, Slice,
  Starred, Tuple, List, Dict, Set, ListComp, SetComp, DictComp, GeneratorExp, Lambda, IfExp, NamedExpr, Yield,
  YieldFrom, Await,
};

enum class CmpKind : std::uint8_t { Lt, Le, Eq, Ne, Gt, Ge, Is, IsNot, In, NotIn };
enum class UnaryKind : std::uint8_t { Neg, Pos, Invert, Not };

struct Expr;
struct Stmt;
using ExprP = std::unique_ptr<Expr>;
using StmtP = std::unique_ptr<Stmt>;

struct Comprehension {
  ExprP target;
  ExprP iter;
  std::vector<ExprP> ifs;
};

struct Keyword {
  std::string name;  // empty for **mapping
  ExprP value;
  int line = 0;
};

struct Param {
  std::string name;
  int line = 0;
};

struct Arguments {
  std::vector<Param> posonly;
  std::vector<Param> args;
  std::vector<ExprP> defaults;  // for the last len(defaults) of posonly+args
  bool has_vararg = false;
  Param vararg;
  std::vector<Param> kwonly;
  std::vector<ExprP> kw_defaults;  // one per kwonly, null when required
  bool has_kwarg = false;
  Param kwarg;
};

struct Expr {
  ExprKind kind;
  int line = 0;
  int col = 0;
  std::string name;        // Name id, Attribute attr, NamedExpr target
  ObjRef value;            // Constant
  int op = 0;              // BinOp: BinOp; UnaryOp: UnaryKind; BoolOp: 0 and / 1 or; FormattedValue: conversion
  std::vector<CmpKind> ops;      // Compare
  ExprP a, b, c;                 // operands; IfExp: test/body/orelse; Slice: lower/upper/step;
                                 // Subscript: value/slice; Attribute, Starred, Await, Yield: a;
                                 // Call: func; FormattedValue: value/spec; comps: elt (b: DictComp value);
                                 // Lambda: body
  std::vector<ExprP> elts;       // Tuple/List/Set items, Call args, Dict keys (null: **), BoolOp values,
                                 // Compare: left then comparators, JoinedStr parts
  std::vector<ExprP> values;     // Dict values
  std::vector<Keyword> keywords;  // Call
  std::vector<Comprehension> generators;
  std::shared_ptr<Arguments> args;  // Lambda
  bool store = false;            // target context
};

struct Alias {
  std::string name;
  std::string asname;
};

struct Handler {
  ExprP type;  // null: bare except
  std::string name;
  std::vector<StmtP> body;
  int line = 0;
};

struct WithItem {
  ExprP context;
  ExprP target;  // may be null
};

enum class StmtKind : std::uint8_t {
  Expr, Assign, AugAssign, AnnAssign, Delete, Pass, Break, Continue, Return, Raise, Global, Nonlocal, Assert,
  Import, ImportFrom, If, While, For, Try, With, FunctionDef, ClassDef,
};

struct Stmt {
  StmtKind kind;
  int line = 0;
  int col = 0;
  int end_col = 0;  // 0-based byte column after a simple statement that ends on its first line, else 0
  std::vector<ExprP> targets;  // Assign targets (left to right), Delete targets
  ExprP value;    // Expr/Assign/AugAssign/AnnAssign/Return value, Raise exc, If/While test, Assert test
  ExprP target;   // AugAssign/AnnAssign/For target
  ExprP extra;    // Raise cause, Assert message, For iterable
  int op = 0;     // AugAssign: BinOp
  std::vector<StmtP> body, orelse, finalbody;
  std::vector<Handler> handlers;
  std::vector<WithItem> items;
  std::vector<Alias> names;          // Import, ImportFrom
  std::vector<std::string> idents;   // Global, Nonlocal
  std::string name;                  // FunctionDef/ClassDef name, ImportFrom module
  int level = 0;                     // ImportFrom dots
  std::shared_ptr<Arguments> args;   // FunctionDef
  std::vector<ExprP> decorators;
  std::vector<ExprP> bases;          // ClassDef
  std::vector<Keyword> keywords;     // ClassDef
  std::string docstring;             // FunctionDef/ClassDef
  bool has_docstring = false;
};

struct AstModule {
  std::vector<StmtP> body;
};

}  // namespace lesson::python
