// Scope analysis: which names are fast locals, closure cells, free
// variables, globals, or namespace (module/class) names — the information
// the compiler needs to pick LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "python/ast.hpp"
#include "python/lexer.hpp"

namespace lesson::python {

enum class ScopeKind : std::uint8_t { Module, Class, Function };
enum class NameScope : std::uint8_t { Local, Cell, Free, GlobalExplicit, GlobalImplicit, Name };

struct Scope {
  ScopeKind kind = ScopeKind::Module;
  std::string name;
  std::string qualname;
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;
  int line = 0;

  // Collected while walking the tree.
  std::vector<std::string> params;
  std::map<std::string, unsigned> flags;
  std::vector<std::string> order;  // names in order of first appearance
  bool generator = false;
  bool comprehension = false;
  bool uses_class_cell = false;   // a function referring to super / __class__

  // Results of the analysis.
  std::map<std::string, NameScope> resolved;
  std::vector<std::string> varnames;  // fast locals: params first
  std::vector<std::string> cellvars;
  std::vector<std::string> freevars;
  bool needs_class_cell = false;  // class scope: create the __class__ cell

  NameScope lookup(const std::string& n) const {
    auto it = resolved.find(n);
    if (it != resolved.end()) return it->second;
    if (kind == ScopeKind::Function) return NameScope::GlobalImplicit;
    return NameScope::Name;
  }
};

struct SymbolTable {
  std::unique_ptr<Scope> top;
  std::map<const void*, Scope*> scopes;  // FunctionDef/ClassDef Stmt*, Lambda/comprehension Expr*
};

struct CompileError {
  SyntaxErrorInfo info;
};

// A CompileError at a line (offset 1), or marking the whole of a simple
// statement, as CPython does for a misplaced break, continue or return.
[[noreturn]] void throw_compile_error(int line, const std::string& msg);
[[noreturn]] void throw_compile_error_at(const Stmt& s, const std::string& msg);

// Builds and resolves the scopes of a module; throws CompileError.
void build_symbol_table(const AstModule& m, SymbolTable& out);

}  // namespace lesson::python
