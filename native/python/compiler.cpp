#include "python/compiler.hpp"

#include <cmath>
#include <cstring>
#include <sstream>

#include "python/obj_float.hpp"
#include "python/obj_int.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"
#include "python/obj_tuple.hpp"
#include "python/parser.hpp"
#include "python/symtable.hpp"

namespace lesson::python {

namespace {

[[noreturn]] void fail(int line, const std::string& msg) { throw_compile_error(line, msg); }
[[noreturn]] void fail_at(const Stmt& s, const std::string& msg) { throw_compile_error_at(s, msg); }

enum class FBlockKind { WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, HandlerCleanup, HandlerName };

struct FBlock {
  FBlockKind kind;
  int continue_label = -1;
  int break_label = -1;
  const std::vector<StmtP>* finalbody = nullptr;
  std::string name;
};

FBlock block(FBlockKind k) {
  FBlock b;
  b.kind = k;
  return b;
}

struct Unit {
  Ref<Code> code;
  Scope* scope = nullptr;
  std::vector<std::pair<std::size_t, int>> patches;  // (instruction, label)
  std::vector<std::int64_t> labels;                  // label -> instruction index (-1 unbound)
  std::vector<FBlock> fblocks;
  int line = 1;
  int last_line = -1;
};

bool same_constant(Object* a, Object* b) {
  if (a->type() != b->type()) return false;
  if (a->type() == &int_type || a->type() == &bool_type) return int_value(a) == int_value(b);
  if (a->type() == &float_type) {
    double x = float_value(a), y = float_value(b);
    return std::memcmp(&x, &y, sizeof x) == 0;
  }
  if (a->type() == &str_type) return str_value(a) == str_value(b);
  return a == b;
}

class Compiler {
 public:
  Compiler(SymbolTable& st, std::shared_ptr<const SourceText> src) : st_(st), source_(std::move(src)) {}

  Ref<Code> compile_module(const AstModule& m) {
    enter(st_.top.get(), "<module>", 1);
    for (const auto& s : m.body) compile_stmt(*s);
    emit_const(none());
    emit(OP_RETURN_VALUE);
    return leave();
  }

 private:
  // ---- units and emission

  Unit& u() { return units_.back(); }

  void enter(Scope* scope, const std::string& name, int firstline) {
    Unit unit;
    unit.code = Ref<Code>(new Code());
    unit.scope = scope;
    unit.line = firstline;
    Code* c = unit.code.get();
    c->name = name;
    c->qualname = scope->kind == ScopeKind::Module ? name : scope->qualname;
    c->firstlineno = firstline;
    c->source = source_;
    for (const auto& v : scope->varnames) c->varnames.push_back(intern(v));
    for (const auto& v : scope->cellvars) c->cellvars.push_back(intern(v));
    for (const auto& v : scope->freevars) c->freevars.push_back(intern(v));
    for (const auto& cv : scope->cellvars) {
      int from = -1;
      for (std::size_t i = 0; i < scope->params.size(); ++i)
        if (scope->params[i] == cv) from = static_cast<int>(i);
      c->cell_from_param.push_back(from);
    }
    if (scope->kind == ScopeKind::Function) c->flags |= kCodeNewLocals;
    if (scope->kind == ScopeKind::Class) c->flags |= kCodeClassBody;
    if (scope->generator) c->flags |= kCodeGenerator;
    units_.push_back(std::move(unit));
  }

  Ref<Code> leave() {
    Unit& un = u();
    for (auto& p : un.patches) {
      std::int64_t target = un.labels[static_cast<std::size_t>(p.second)];
      std::uint32_t& word = un.code->ops[p.first];
      word = encode_op(op_of(word), static_cast<std::uint32_t>(target));
    }
    un.code->stacksize = compute_stacksize(*un.code);
    Ref<Code> code = un.code;
    units_.pop_back();
    return code;
  }

  void set_line(int line) {
    if (line > 0) u().line = line;
  }

  std::size_t emit(Opcode op, std::uint32_t arg = 0) {
    Unit& un = u();
    if (un.line != un.last_line) {
      un.code->linetable.emplace_back(static_cast<std::uint32_t>(un.code->ops.size()), un.line);
      un.last_line = un.line;
    }
    un.code->ops.push_back(encode_op(op, arg));
    return un.code->ops.size() - 1;
  }

  int new_label() {
    u().labels.push_back(-1);
    return static_cast<int>(u().labels.size() - 1);
  }
  void bind_label(int l) { u().labels[static_cast<std::size_t>(l)] = static_cast<std::int64_t>(u().code->ops.size()); }
  void emit_jump(Opcode op, int label) {
    std::int64_t target = u().labels[static_cast<std::size_t>(label)];
    if (target >= 0) {
      emit(op == OP_JUMP ? OP_JUMP_BACKWARD : op, static_cast<std::uint32_t>(target));
      return;
    }
    std::size_t at = emit(op, 0);
    u().patches.emplace_back(at, label);
  }

  std::uint32_t add_const(Object* v) {
    auto& consts = u().code->consts;
    for (std::size_t i = 0; i < consts.size(); ++i)
      if (same_constant(consts[i].get(), v)) return static_cast<std::uint32_t>(i);
    consts.emplace_back(v);
    return static_cast<std::uint32_t>(consts.size() - 1);
  }
  void emit_const(Object* v) { emit(OP_LOAD_CONST, add_const(v)); }

  std::uint32_t add_name(const std::string& n) {
    auto& names = u().code->names;
    Str* s = intern(n);
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == s) return static_cast<std::uint32_t>(i);
    names.push_back(s);
    return static_cast<std::uint32_t>(names.size() - 1);
  }

  std::uint32_t varname_index(const std::string& n) {
    const auto& v = u().scope->varnames;
    for (std::size_t i = 0; i < v.size(); ++i)
      if (v[i] == n) return static_cast<std::uint32_t>(i);
    fail(u().line, "internal error: no local " + n);
  }

  std::uint32_t deref_index(const std::string& n) {
    const auto& cells = u().scope->cellvars;
    for (std::size_t i = 0; i < cells.size(); ++i)
      if (cells[i] == n) return static_cast<std::uint32_t>(i);
    const auto& frees = u().scope->freevars;
    for (std::size_t i = 0; i < frees.size(); ++i)
      if (frees[i] == n) return static_cast<std::uint32_t>(cells.size() + i);
    fail(u().line, "internal error: no cell " + n);
  }

  enum class Access { Load, Store, Delete };

  void name_op(const std::string& n, Access a) {
    Scope* s = u().scope;
    NameScope ns = s->lookup(n);
    switch (ns) {
      case NameScope::Local:
        emit(a == Access::Load ? OP_LOAD_FAST : a == Access::Store ? OP_STORE_FAST : OP_DELETE_FAST,
             varname_index(n));
        return;
      case NameScope::Cell:
      case NameScope::Free:
        if (a == Access::Load && s->kind == ScopeKind::Class) emit(OP_LOAD_CLASSDEREF, deref_index(n));
        else emit(a == Access::Load ? OP_LOAD_DEREF : a == Access::Store ? OP_STORE_DEREF : OP_DELETE_DEREF, deref_index(n));
        return;
      case NameScope::GlobalExplicit:
        if (s->kind == ScopeKind::Module) break;
        emit(a == Access::Load ? OP_LOAD_GLOBAL : a == Access::Store ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, add_name(n));
        return;
      case NameScope::GlobalImplicit:
        if (s->kind == ScopeKind::Function) {
          emit(a == Access::Load ? OP_LOAD_GLOBAL : a == Access::Store ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL,
               add_name(n));
          return;
        }
        break;
      case NameScope::Name:
        break;
    }
    emit(a == Access::Load ? OP_LOAD_NAME : a == Access::Store ? OP_STORE_NAME : OP_DELETE_NAME, add_name(n));
  }

  // ---- statements

  void compile_body(const std::vector<StmtP>& body) {
    for (const auto& s : body) compile_stmt(*s);
  }

  void compile_stmt(const Stmt& s) {
    set_line(s.line);
    switch (s.kind) {
      case StmtKind::Expr:
        compile_expr(*s.value);
        emit(OP_POP_TOP);
        break;
      case StmtKind::Assign:
        compile_expr(*s.value);
        for (std::size_t i = 0; i < s.targets.size(); ++i) {
          if (i + 1 < s.targets.size()) emit(OP_DUP_TOP);
          compile_store(*s.targets[i]);
        }
        break;
      case StmtKind::AugAssign:
        compile_augassign(s);
        break;
      case StmtKind::AnnAssign:
        if (s.value) {
          compile_expr(*s.value);
          compile_store(*s.target);
        }
        break;
      case StmtKind::Delete:
        for (const auto& t : s.targets) compile_delete(*t);
        break;
      case StmtKind::Pass:
        break;
      case StmtKind::Break:
        compile_break(s);
        break;
      case StmtKind::Continue:
        compile_continue(s);
        break;
      case StmtKind::Return:
        if (s.value) compile_expr(*s.value);
        else emit_const(none());
        unwind_all(true);
        set_line(s.line);
        emit(OP_RETURN_VALUE);
        break;
      case StmtKind::Raise:
        if (s.value) {
          compile_expr(*s.value);
          if (s.extra) {
            compile_expr(*s.extra);
            emit(OP_RAISE_VARARGS, 2);
          } else {
            emit(OP_RAISE_VARARGS, 1);
          }
        } else {
          emit(OP_RAISE_VARARGS, 0);
        }
        break;
      case StmtKind::Global:
      case StmtKind::Nonlocal:
        break;
      case StmtKind::Assert: {
        int end = new_label();
        compile_expr(*s.value);
        emit_jump(OP_POP_JUMP_IF_TRUE, end);
        set_line(s.line);
        if (s.extra) {
          emit(OP_PUSH_NULL);
          emit(OP_LOAD_ASSERTION_ERROR);
          compile_expr(*s.extra);
          emit(OP_CALL, 1);
        } else {
          emit(OP_LOAD_ASSERTION_ERROR);
        }
        emit(OP_RAISE_VARARGS, 1);
        bind_label(end);
        break;
      }
      case StmtKind::Import:
        for (const auto& a : s.names) {
          if (a.asname.empty()) {
            emit_const(none());
            emit(OP_IMPORT_NAME, add_name(a.name));
            name_op(a.name.substr(0, a.name.find('.')), Access::Store);
          } else {
            emit_const(empty_tuple());
            emit(OP_IMPORT_NAME, add_name(a.name));
            name_op(a.asname, Access::Store);
          }
        }
        break;
      case StmtKind::ImportFrom: {
        std::vector<ObjRef> names;
        for (const auto& a : s.names) names.push_back(make_str(a.name));
        Ref<Tuple> fromlist = make_tuple(std::move(names));
        emit_const(fromlist.get());
        emit(OP_IMPORT_NAME, add_name(s.name));
        if (s.names.size() == 1 && s.names[0].name == "*") {
          emit(OP_IMPORT_STAR);
          break;
        }
        for (const auto& a : s.names) {
          emit(OP_IMPORT_FROM, add_name(a.name));
          name_op(a.asname.empty() ? a.name : a.asname, Access::Store);
        }
        emit(OP_POP_TOP);
        break;
      }
      case StmtKind::If: {
        int orelse = new_label(), end = new_label();
        compile_expr(*s.value);
        emit_jump(OP_POP_JUMP_IF_FALSE, orelse);
        compile_body(s.body);
        if (!s.orelse.empty()) emit_jump(OP_JUMP, end);
        bind_label(orelse);
        compile_body(s.orelse);
        bind_label(end);
        break;
      }
      case StmtKind::While:
        compile_while(s);
        break;
      case StmtKind::For:
        compile_for(s);
        break;
      case StmtKind::Try:
        if (!s.finalbody.empty()) compile_try_finally(s);
        else compile_try_except(s);
        break;
      case StmtKind::With:
        compile_with(s, 0);
        break;
      case StmtKind::FunctionDef:
        compile_function_def(s);
        break;
      case StmtKind::ClassDef:
        compile_class_def(s);
        break;
    }
  }

  void compile_augassign(const Stmt& s) {
    const Expr& t = *s.target;
    std::uint32_t op = static_cast<std::uint32_t>(s.op) + 16;
    switch (t.kind) {
      case ExprKind::Name:
        name_op(t.name, Access::Load);
        compile_expr(*s.value);
        set_line(s.line);
        emit(OP_BINARY_OP, op);
        name_op(t.name, Access::Store);
        break;
      case ExprKind::Attribute:
        compile_expr(*t.a);
        emit(OP_DUP_TOP);
        set_line(t.line);
        emit(OP_LOAD_ATTR, add_name(t.name));
        compile_expr(*s.value);
        set_line(s.line);
        emit(OP_BINARY_OP, op);
        emit(OP_ROT_TWO);
        emit(OP_STORE_ATTR, add_name(t.name));
        break;
      case ExprKind::Subscript:
        compile_expr(*t.a);
        compile_expr(*t.b);
        emit(OP_DUP_TOP_TWO);
        set_line(t.line);
        emit(OP_BINARY_SUBSCR);
        compile_expr(*s.value);
        set_line(s.line);
        emit(OP_BINARY_OP, op);
        emit(OP_ROT_THREE);
        emit(OP_STORE_SUBSCR);
        break;
      default:
        fail(s.line, "illegal expression for augmented assignment");
    }
  }

  void compile_store(const Expr& t) {
    switch (t.kind) {
      case ExprKind::Name:
        name_op(t.name, Access::Store);
        break;
      case ExprKind::Attribute:
        compile_expr(*t.a);
        set_line(t.line);
        emit(OP_STORE_ATTR, add_name(t.name));
        break;
      case ExprKind::Subscript:
        compile_expr(*t.a);
        compile_expr(*t.b);
        set_line(t.line);
        emit(OP_STORE_SUBSCR);
        break;
      case ExprKind::Tuple:
      case ExprKind::List: {
        std::size_t star = t.elts.size();
        for (std::size_t i = 0; i < t.elts.size(); ++i)
          if (t.elts[i]->kind == ExprKind::Starred) star = i;
        set_line(t.line);
        if (star == t.elts.size()) {
          emit(OP_UNPACK_SEQUENCE, static_cast<std::uint32_t>(t.elts.size()));
        } else {
          std::size_t after = t.elts.size() - star - 1;
          if (star > 255 || after > 65535) fail(t.line, "too many expressions in star-unpacking assignment");
          emit(OP_UNPACK_EX, static_cast<std::uint32_t>(star | (after << 8)));
        }
        for (const auto& e : t.elts) compile_store(e->kind == ExprKind::Starred ? *e->a : *e);
        break;
      }
      case ExprKind::Starred:
        compile_store(*t.a);
        break;
      default:
        fail(t.line, "cannot assign to expression");
    }
  }

  void compile_delete(const Expr& t) {
    switch (t.kind) {
      case ExprKind::Name:
        set_line(t.line);
        name_op(t.name, Access::Delete);
        break;
      case ExprKind::Attribute:
        compile_expr(*t.a);
        set_line(t.line);
        emit(OP_DELETE_ATTR, add_name(t.name));
        break;
      case ExprKind::Subscript:
        compile_expr(*t.a);
        compile_expr(*t.b);
        set_line(t.line);
        emit(OP_DELETE_SUBSCR);
        break;
      case ExprKind::Tuple:
      case ExprKind::List:
        for (const auto& e : t.elts) compile_delete(*e);
        break;
      default:
        fail(t.line, "cannot delete expression");
    }
  }

  static bool is_constant_true(const Expr& e) {
    if (e.kind != ExprKind::Constant) return false;
    Object* v = e.value.get();
    if (is_bool(v) || is_int(v)) return int_value(v) != 0;
    if (is_str(v)) return !str_value(v).empty();
    return false;
  }

  void compile_while(const Stmt& s) {
    int start = new_label(), orelse = new_label(), end = new_label();
    bind_label(start);
    if (!is_constant_true(*s.value)) {
      compile_expr(*s.value);
      emit_jump(OP_POP_JUMP_IF_FALSE, orelse);
    }
    u().fblocks.push_back(FBlock{FBlockKind::WhileLoop, start, end, nullptr, ""});
    compile_body(s.body);
    u().fblocks.pop_back();
    set_line(s.line);
    emit_jump(OP_JUMP, start);
    bind_label(orelse);
    compile_body(s.orelse);
    bind_label(end);
  }

  void compile_for(const Stmt& s) {
    int start = new_label(), cleanup = new_label(), end = new_label();
    compile_expr(*s.extra);
    set_line(s.line);
    emit(OP_GET_ITER);
    bind_label(start);
    emit_jump(OP_FOR_ITER, cleanup);
    compile_store(*s.target);
    u().fblocks.push_back(FBlock{FBlockKind::ForLoop, start, end, nullptr, ""});
    compile_body(s.body);
    u().fblocks.pop_back();
    set_line(s.line);
    emit_jump(OP_JUMP, start);
    bind_label(cleanup);
    compile_body(s.orelse);
    bind_label(end);
  }

  // Emits the code that leaves one block early (return/break/continue).
  void unwind(const FBlock& b, bool preserve_tos) {
    switch (b.kind) {
      case FBlockKind::WhileLoop:
        break;
      case FBlockKind::ForLoop:
        if (preserve_tos) emit(OP_ROT_TWO);
        emit(OP_POP_TOP);
        break;
      case FBlockKind::TryExcept:
        emit(OP_POP_BLOCK);
        break;
      case FBlockKind::FinallyTry: {
        emit(OP_POP_BLOCK);
        // Run the finally body with this block removed, so a return inside
        // it does not run it again.
        std::vector<FBlock> saved = u().fblocks;
        std::size_t idx = 0;
        for (std::size_t i = 0; i < u().fblocks.size(); ++i)
          if (u().fblocks[i].finalbody == b.finalbody && u().fblocks[i].kind == FBlockKind::FinallyTry) idx = i;
        u().fblocks.resize(idx);
        compile_body(*b.finalbody);
        u().fblocks = saved;
        break;
      }
      case FBlockKind::FinallyEnd:
        emit(OP_POP_BLOCK);
        if (preserve_tos) {
          emit(OP_ROT_TWO);
          emit(OP_POP_TOP);
          emit(OP_ROT_TWO);
        } else {
          emit(OP_POP_TOP);
        }
        emit(OP_POP_EXCEPT);
        break;
      case FBlockKind::With:
        emit(OP_POP_BLOCK);
        if (preserve_tos) emit(OP_ROT_TWO);
        emit(OP_WITH_EXIT);
        break;
      case FBlockKind::HandlerCleanup:
        emit(OP_POP_BLOCK);
        if (preserve_tos) emit(OP_ROT_TWO);
        emit(OP_POP_EXCEPT);
        break;
      case FBlockKind::HandlerName:
        emit(OP_POP_BLOCK);
        emit_const(none());
        name_op(b.name, Access::Store);
        name_op(b.name, Access::Delete);
        break;
    }
  }

  void unwind_all(bool preserve_tos) {
    std::vector<FBlock> blocks = u().fblocks;
    for (std::size_t i = blocks.size(); i-- > 0;) {
      u().fblocks.resize(i + 1);
      unwind(blocks[i], preserve_tos);
    }
    u().fblocks = blocks;
  }

  void compile_break(const Stmt& s) {
    std::vector<FBlock> blocks = u().fblocks;
    for (std::size_t i = blocks.size(); i-- > 0;) {
      if (blocks[i].kind == FBlockKind::WhileLoop || blocks[i].kind == FBlockKind::ForLoop) {
        u().fblocks.resize(i + 1);
        unwind(blocks[i], false);
        u().fblocks = blocks;
        emit_jump(OP_JUMP, blocks[i].break_label);
        return;
      }
      u().fblocks.resize(i + 1);
      unwind(blocks[i], false);
    }
    u().fblocks = blocks;
    fail_at(s, "'break' outside loop");
  }

  void compile_continue(const Stmt& s) {
    std::vector<FBlock> blocks = u().fblocks;
    for (std::size_t i = blocks.size(); i-- > 0;) {
      if (blocks[i].kind == FBlockKind::WhileLoop || blocks[i].kind == FBlockKind::ForLoop) {
        u().fblocks = blocks;
        emit_jump(OP_JUMP, blocks[i].continue_label);
        return;
      }
      u().fblocks.resize(i + 1);
      unwind(blocks[i], false);
    }
    u().fblocks = blocks;
    fail_at(s, "'continue' not properly in loop");
  }

  void compile_try_except(const Stmt& s) {
    int handler = new_label(), cleanup = new_label(), end = new_label();
    emit_jump(OP_SETUP_FINALLY, handler);
    u().fblocks.push_back(block(FBlockKind::TryExcept));
    compile_body(s.body);
    u().fblocks.pop_back();
    emit(OP_POP_BLOCK);
    compile_body(s.orelse);
    emit_jump(OP_JUMP, end);

    bind_label(handler);
    set_line(s.handlers.empty() ? s.line : s.handlers[0].line);
    emit(OP_PUSH_EXC_INFO);
    emit_jump(OP_SETUP_FINALLY, cleanup);
    for (std::size_t i = 0; i < s.handlers.size(); ++i) {
      const Handler& h = s.handlers[i];
      set_line(h.line);
      if (!h.type && i + 1 != s.handlers.size()) fail(h.line, "default 'except:' must be last");
      int next = new_label();
      if (h.type) {
        compile_expr(*h.type);
        set_line(h.line);
        emit(OP_CHECK_EXC_MATCH);
        emit_jump(OP_POP_JUMP_IF_FALSE, next);
      }
      if (!h.name.empty()) {
        int name_cleanup = new_label();
        name_op(h.name, Access::Store);
        emit_jump(OP_SETUP_FINALLY, name_cleanup);
        u().fblocks.push_back(block(FBlockKind::HandlerCleanup));
        u().fblocks.push_back(FBlock{FBlockKind::HandlerName, -1, -1, nullptr, h.name});
        compile_body(h.body);
        u().fblocks.pop_back();
        u().fblocks.pop_back();
        emit(OP_POP_BLOCK);
        emit_const(none());
        name_op(h.name, Access::Store);
        name_op(h.name, Access::Delete);
        emit(OP_POP_BLOCK);
        emit(OP_POP_EXCEPT);
        emit_jump(OP_JUMP, end);
        bind_label(name_cleanup);
        emit_const(none());
        name_op(h.name, Access::Store);
        name_op(h.name, Access::Delete);
        emit(OP_RERAISE);
      } else {
        emit(OP_POP_TOP);
        u().fblocks.push_back(block(FBlockKind::HandlerCleanup));
        compile_body(h.body);
        u().fblocks.pop_back();
        emit(OP_POP_BLOCK);
        emit(OP_POP_EXCEPT);
        emit_jump(OP_JUMP, end);
      }
      bind_label(next);
    }
    emit(OP_RERAISE);
    bind_label(cleanup);
    emit(OP_POP_EXCEPT_RERAISE);
    bind_label(end);
  }

  void compile_try_finally(const Stmt& s) {
    int exc_path = new_label(), cleanup = new_label(), end = new_label();
    emit_jump(OP_SETUP_FINALLY, exc_path);
    u().fblocks.push_back(FBlock{FBlockKind::FinallyTry, -1, -1, &s.finalbody, ""});
    if (!s.handlers.empty()) compile_try_except(s);
    else compile_body(s.body);
    u().fblocks.pop_back();
    emit(OP_POP_BLOCK);
    compile_body(s.finalbody);
    emit_jump(OP_JUMP, end);

    bind_label(exc_path);
    emit(OP_PUSH_EXC_INFO);
    emit_jump(OP_SETUP_FINALLY, cleanup);
    u().fblocks.push_back(block(FBlockKind::FinallyEnd));
    compile_body(s.finalbody);
    u().fblocks.pop_back();
    emit(OP_RERAISE);
    bind_label(cleanup);
    emit(OP_POP_EXCEPT_RERAISE);
    bind_label(end);
  }

  void compile_with(const Stmt& s, std::size_t item) {
    const WithItem& wi = s.items[item];
    int exc_path = new_label(), cleanup = new_label(), suppress = new_label(), end = new_label();
    set_line(s.line);
    compile_expr(*wi.context);
    set_line(s.line);
    emit(OP_BEFORE_WITH);
    emit_jump(OP_SETUP_WITH, exc_path);
    u().fblocks.push_back(block(FBlockKind::With));
    if (wi.target) compile_store(*wi.target);
    else emit(OP_POP_TOP);
    if (item + 1 < s.items.size()) compile_with(s, item + 1);
    else compile_body(s.body);
    u().fblocks.pop_back();
    set_line(s.line);
    emit(OP_POP_BLOCK);
    emit(OP_WITH_EXIT);
    emit_jump(OP_JUMP, end);

    bind_label(exc_path);
    emit(OP_PUSH_EXC_INFO);
    emit_jump(OP_SETUP_FINALLY, cleanup);
    emit(OP_WITH_EXCEPT_START);
    emit_jump(OP_POP_JUMP_IF_TRUE, suppress);
    emit(OP_RERAISE);
    bind_label(suppress);
    emit(OP_POP_BLOCK);
    emit(OP_POP_TOP);
    emit(OP_POP_EXCEPT);
    emit(OP_POP_TOP);
    emit_jump(OP_JUMP, end);
    bind_label(cleanup);
    emit(OP_POP_EXCEPT_RERAISE);
    bind_label(end);
  }

  // Pushes the closure tuple for `child` and returns MAKE_FUNCTION flags.
  std::uint32_t emit_closure(const Scope* child) {
    if (child->freevars.empty()) return 0;
    for (const std::string& n : child->freevars) emit(OP_LOAD_CLOSURE, deref_index(n));
    emit(OP_BUILD_TUPLE, static_cast<std::uint32_t>(child->freevars.size()));
    return 8;
  }

  std::uint32_t emit_defaults(const Arguments& a) {
    std::uint32_t flags = 0;
    if (!a.defaults.empty()) {
      for (const auto& d : a.defaults) compile_expr(*d);
      emit(OP_BUILD_TUPLE, static_cast<std::uint32_t>(a.defaults.size()));
      flags |= 1;
    }
    std::uint32_t nkw = 0;
    for (std::size_t i = 0; i < a.kwonly.size(); ++i) {
      if (!a.kw_defaults[i]) continue;
      emit_const(intern(a.kwonly[i].name));
      compile_expr(*a.kw_defaults[i]);
      ++nkw;
    }
    if (nkw) {
      emit(OP_BUILD_MAP, nkw);
      flags |= 2;
    }
    return flags;
  }

  void set_signature(Code* c, const Arguments& a) {
    c->posonlyargcount = static_cast<int>(a.posonly.size());
    c->argcount = static_cast<int>(a.posonly.size() + a.args.size());
    c->kwonlyargcount = static_cast<int>(a.kwonly.size());
    if (a.has_vararg) c->flags |= kCodeVarargs;
    if (a.has_kwarg) c->flags |= kCodeVarkeywords;
  }

  void compile_function_def(const Stmt& s) {
    for (const auto& d : s.decorators) {
      emit(OP_PUSH_NULL);
      compile_expr(*d);
    }
    set_line(s.line);
    std::uint32_t flags = emit_defaults(*s.args);
    Scope* scope = st_.scopes.at(&s);
    flags |= emit_closure(scope);
    enter(scope, s.name, s.line);
    set_signature(u().code.get(), *s.args);
    if (s.has_docstring) u().code->doc = make_str(s.docstring);
    std::size_t first = s.has_docstring ? 1 : 0;
    for (std::size_t i = first; i < s.body.size(); ++i) compile_stmt(*s.body[i]);
    emit_const(none());
    emit(OP_RETURN_VALUE);
    Ref<Code> code = leave();
    set_line(s.line);
    emit_const(code.get());
    emit(OP_MAKE_FUNCTION, flags);
    for (std::size_t i = 0; i < s.decorators.size(); ++i) emit(OP_CALL, 1);
    name_op(s.name, Access::Store);
  }

  void compile_class_def(const Stmt& s) {
    for (const auto& d : s.decorators) {
      emit(OP_PUSH_NULL);
      compile_expr(*d);
    }
    set_line(s.line);
    emit(OP_PUSH_NULL);
    emit(OP_LOAD_BUILD_CLASS);
    Scope* scope = st_.scopes.at(&s);
    std::uint32_t flags = emit_closure(scope);
    enter(scope, s.name, s.line);
    if (s.has_docstring) {
      emit_const(make_str(s.docstring).get());
      emit(OP_STORE_NAME, add_name("__doc__"));
    }
    std::size_t first = s.has_docstring ? 1 : 0;
    for (std::size_t i = first; i < s.body.size(); ++i) compile_stmt(*s.body[i]);
    if (scope->needs_class_cell) emit(OP_LOAD_CLOSURE, deref_index("__class__"));
    else emit_const(none());
    emit(OP_RETURN_VALUE);
    Ref<Code> code = leave();
    set_line(s.line);
    emit_const(code.get());
    emit(OP_MAKE_FUNCTION, flags);
    emit_const(make_str(s.name).get());
    for (const auto& b : s.bases) compile_expr(*b);
    if (!s.keywords.empty()) {
      std::vector<ObjRef> names;
      for (const auto& k : s.keywords) {
        compile_expr(*k.value);
        names.push_back(ObjRef(intern(k.name)));
      }
      emit_const(make_tuple(std::move(names)).get());
      emit(OP_CALL_KW, static_cast<std::uint32_t>(2 + s.bases.size() + s.keywords.size()));
    } else {
      emit(OP_CALL, static_cast<std::uint32_t>(2 + s.bases.size()));
    }
    for (std::size_t i = 0; i < s.decorators.size(); ++i) emit(OP_CALL, 1);
    name_op(s.name, Access::Store);
  }

  // ---- expressions

  void compile_expr(const Expr& e) {
    int saved = u().line;
    set_line(e.line);
    compile_expr_inner(e);
    u().line = saved;
  }

  static bool has_starred(const std::vector<ExprP>& v) {
    for (const auto& x : v)
      if (x && x->kind == ExprKind::Starred) return true;
    return false;
  }

  // Builds a list from elements that may include *iterables.
  void build_list_with_stars(const std::vector<ExprP>& elts) {
    emit(OP_BUILD_LIST, 0);
    for (const auto& x : elts) {
      if (x->kind == ExprKind::Starred) {
        compile_expr(*x->a);
        emit(OP_LIST_EXTEND, 1);
      } else {
        compile_expr(*x);
        emit(OP_LIST_APPEND, 1);
      }
    }
  }

  bool constant_tuple(const Expr& e, ObjRef& out) {
    std::vector<ObjRef> items;
    for (const auto& x : e.elts) {
      if (x->kind != ExprKind::Constant) return false;
      items.push_back(x->value);
    }
    out = make_tuple(std::move(items));
    return true;
  }

  void compile_expr_inner(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Name:
        name_op(e.name, Access::Load);
        return;
      case ExprKind::Constant:
        emit_const(e.value.get());
        return;
      case ExprKind::JoinedStr: {
        std::uint32_t n = 0;
        for (const auto& part : e.elts) {
          compile_expr(*part);
          ++n;
        }
        if (n == 0) emit_const(make_str("").get());
        else if (n > 1 || e.elts[0]->kind != ExprKind::FormattedValue) emit(OP_BUILD_STRING, n);
        return;
      }
      case ExprKind::FormattedValue: {
        compile_expr(*e.a);
        std::uint32_t flags = static_cast<std::uint32_t>(e.op);
        if (e.b) {
          compile_expr(*e.b);
          flags |= 4;
        }
        set_line(e.line);
        emit(OP_FORMAT_VALUE, flags);
        return;
      }
      case ExprKind::BinOp:
        compile_expr(*e.a);
        compile_expr(*e.b);
        set_line(e.line);
        emit(OP_BINARY_OP, static_cast<std::uint32_t>(e.op));
        return;
      case ExprKind::UnaryOp:
        compile_expr(*e.a);
        set_line(e.line);
        switch (static_cast<UnaryKind>(e.op)) {
          case UnaryKind::Not: emit(OP_UNARY_NOT); break;
          case UnaryKind::Neg: emit(OP_UNARY_OP, static_cast<std::uint32_t>(UnaryOp::Neg)); break;
          case UnaryKind::Pos: emit(OP_UNARY_OP, static_cast<std::uint32_t>(UnaryOp::Pos)); break;
          case UnaryKind::Invert: emit(OP_UNARY_OP, static_cast<std::uint32_t>(UnaryOp::Invert)); break;
        }
        return;
      case ExprKind::BoolOp: {
        int end = new_label();
        for (std::size_t i = 0; i < e.elts.size(); ++i) {
          compile_expr(*e.elts[i]);
          if (i + 1 < e.elts.size()) emit_jump(e.op == 0 ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, end);
        }
        bind_label(end);
        return;
      }
      case ExprKind::Compare:
        compile_compare(e);
        return;
      case ExprKind::Call:
        compile_call(e);
        return;
      case ExprKind::Attribute:
        compile_expr(*e.a);
        set_line(e.line);
        emit(OP_LOAD_ATTR, add_name(e.name));
        return;
      case ExprKind::Subscript:
        compile_expr(*e.a);
        compile_expr(*e.b);
        set_line(e.line);
        emit(OP_BINARY_SUBSCR);
        return;
      case ExprKind::Slice: {
        if (e.a) compile_expr(*e.a);
        else emit_const(none());
        if (e.b) compile_expr(*e.b);
        else emit_const(none());
        if (e.c) {
          compile_expr(*e.c);
          emit(OP_BUILD_SLICE, 3);
        } else {
          emit(OP_BUILD_SLICE, 2);
        }
        return;
      }
      case ExprKind::Starred:
        fail(e.line, "can't use starred expression here");
      case ExprKind::Tuple: {
        ObjRef folded;
        if (!e.elts.empty() && constant_tuple(e, folded)) {
          emit_const(folded.get());
          return;
        }
        if (has_starred(e.elts)) {
          build_list_with_stars(e.elts);
          emit(OP_LIST_TO_TUPLE);
          return;
        }
        for (const auto& x : e.elts) compile_expr(*x);
        emit(OP_BUILD_TUPLE, static_cast<std::uint32_t>(e.elts.size()));
        return;
      }
      case ExprKind::List:
        if (has_starred(e.elts)) {
          build_list_with_stars(e.elts);
          return;
        }
        for (const auto& x : e.elts) compile_expr(*x);
        emit(OP_BUILD_LIST, static_cast<std::uint32_t>(e.elts.size()));
        return;
      case ExprKind::Set:
        if (has_starred(e.elts)) {
          emit(OP_BUILD_SET, 0);
          for (const auto& x : e.elts) {
            if (x->kind == ExprKind::Starred) {
              compile_expr(*x->a);
              emit(OP_SET_UPDATE, 1);
            } else {
              compile_expr(*x);
              emit(OP_SET_ADD, 1);
            }
          }
          return;
        }
        if (e.elts.size() >= 3) {
          ObjRef folded;
          if (constant_tuple(e, folded)) {
            emit_const(folded.get());
            emit(OP_BUILD_CONST_SET);
            return;
          }
        }
        for (const auto& x : e.elts) compile_expr(*x);
        emit(OP_BUILD_SET, static_cast<std::uint32_t>(e.elts.size()));
        return;
      case ExprKind::Dict: {
        bool unpack = false;
        for (const auto& k : e.elts)
          if (!k) unpack = true;
        if (!unpack) {
          for (std::size_t i = 0; i < e.elts.size(); ++i) {
            compile_expr(*e.elts[i]);
            compile_expr(*e.values[i]);
          }
          emit(OP_BUILD_MAP, static_cast<std::uint32_t>(e.elts.size()));
          return;
        }
        emit(OP_BUILD_MAP, 0);
        std::uint32_t pending = 0;
        for (std::size_t i = 0; i < e.elts.size(); ++i) {
          if (e.elts[i]) {
            compile_expr(*e.elts[i]);
            compile_expr(*e.values[i]);
            ++pending;
            continue;
          }
          if (pending) {
            emit(OP_BUILD_MAP, pending);
            emit(OP_DICT_UPDATE, 1);
            pending = 0;
          }
          compile_expr(*e.values[i]);
          emit(OP_DICT_UPDATE, 1);
        }
        if (pending) {
          emit(OP_BUILD_MAP, pending);
          emit(OP_DICT_UPDATE, 1);
        }
        return;
      }
      case ExprKind::ListComp:
      case ExprKind::SetComp:
      case ExprKind::DictComp:
      case ExprKind::GeneratorExp:
        compile_comprehension(e);
        return;
      case ExprKind::Lambda: {
        std::uint32_t flags = emit_defaults(*e.args);
        Scope* scope = st_.scopes.at(&e);
        flags |= emit_closure(scope);
        enter(scope, "<lambda>", e.line);
        set_signature(u().code.get(), *e.args);
        compile_expr(*e.a);
        emit(OP_RETURN_VALUE);
        Ref<Code> code = leave();
        emit_const(code.get());
        emit(OP_MAKE_FUNCTION, flags);
        return;
      }
      case ExprKind::IfExp: {
        int orelse = new_label(), end = new_label();
        compile_expr(*e.a);
        emit_jump(OP_POP_JUMP_IF_FALSE, orelse);
        compile_expr(*e.b);
        emit_jump(OP_JUMP, end);
        bind_label(orelse);
        compile_expr(*e.c);
        bind_label(end);
        return;
      }
      case ExprKind::NamedExpr:
        compile_expr(*e.a);
        emit(OP_DUP_TOP);
        name_op(e.name, Access::Store);
        return;
      case ExprKind::Yield:
        if (e.a) compile_expr(*e.a);
        else emit_const(none());
        emit(OP_YIELD_VALUE);
        return;
      case ExprKind::YieldFrom:
        compile_expr(*e.a);
        emit(OP_GET_YIELD_FROM_ITER);
        emit_const(none());
        emit(OP_YIELD_FROM);
        return;
      case ExprKind::Await:
        fail(e.line, "'await' outside async function");
    }
  }

  void compile_compare(const Expr& e) {
    compile_expr(*e.elts[0]);
    auto emit_cmp = [&](CmpKind k) {
      set_line(e.line);
      switch (k) {
        case CmpKind::Lt: emit(OP_COMPARE_OP, static_cast<std::uint32_t>(CmpOp::Lt)); break;
        case CmpKind::Le: emit(OP_COMPARE_OP, static_cast<std::uint32_t>(CmpOp::Le)); break;
        case CmpKind::Eq: emit(OP_COMPARE_OP, static_cast<std::uint32_t>(CmpOp::Eq)); break;
        case CmpKind::Ne: emit(OP_COMPARE_OP, static_cast<std::uint32_t>(CmpOp::Ne)); break;
        case CmpKind::Gt: emit(OP_COMPARE_OP, static_cast<std::uint32_t>(CmpOp::Gt)); break;
        case CmpKind::Ge: emit(OP_COMPARE_OP, static_cast<std::uint32_t>(CmpOp::Ge)); break;
        case CmpKind::Is: emit(OP_IS_OP, 0); break;
        case CmpKind::IsNot: emit(OP_IS_OP, 1); break;
        case CmpKind::In: emit(OP_CONTAINS_OP, 0); break;
        case CmpKind::NotIn: emit(OP_CONTAINS_OP, 1); break;
      }
    };
    if (e.ops.size() == 1) {
      compile_expr(*e.elts[1]);
      emit_cmp(e.ops[0]);
      return;
    }
    int cleanup = new_label(), end = new_label();
    for (std::size_t i = 0; i < e.ops.size(); ++i) {
      compile_expr(*e.elts[i + 1]);
      if (i + 1 < e.ops.size()) {
        emit(OP_DUP_TOP);
        emit(OP_ROT_THREE);
        emit_cmp(e.ops[i]);
        emit_jump(OP_JUMP_IF_FALSE_OR_POP, cleanup);
      } else {
        emit_cmp(e.ops[i]);
      }
    }
    emit_jump(OP_JUMP, end);
    bind_label(cleanup);
    emit(OP_ROT_TWO);
    emit(OP_POP_TOP);
    bind_label(end);
  }

  void compile_call(const Expr& e) {
    bool star = has_starred(e.elts);
    bool dstar = false;
    for (const auto& k : e.keywords)
      if (k.name.empty()) dstar = true;
    if (!star && !dstar && e.a->kind == ExprKind::Attribute) {
      compile_expr(*e.a->a);
      set_line(e.a->line);
      emit(OP_LOAD_METHOD, add_name(e.a->name));
    } else {
      emit(OP_PUSH_NULL);
      compile_expr(*e.a);
    }
    if (star || dstar) {
      build_list_with_stars(e.elts);
      emit(OP_LIST_TO_TUPLE);
      if (!e.keywords.empty()) {
        emit(OP_BUILD_MAP, 0);
        std::uint32_t pending = 0;
        for (const auto& k : e.keywords) {
          if (!k.name.empty()) {
            emit_const(intern(k.name));
            compile_expr(*k.value);
            ++pending;
            continue;
          }
          if (pending) {
            emit(OP_BUILD_MAP, pending);
            emit(OP_DICT_MERGE, 1);
            pending = 0;
          }
          compile_expr(*k.value);
          emit(OP_DICT_MERGE, 1);
        }
        if (pending) {
          emit(OP_BUILD_MAP, pending);
          emit(OP_DICT_MERGE, 1);
        }
      }
      set_line(e.line);
      emit(OP_CALL_EX, e.keywords.empty() ? 0 : 1);
      return;
    }
    for (const auto& a : e.elts) compile_expr(*a);
    if (e.keywords.empty()) {
      set_line(e.line);
      emit(OP_CALL, static_cast<std::uint32_t>(e.elts.size()));
      return;
    }
    std::vector<ObjRef> names;
    for (const auto& k : e.keywords) {
      compile_expr(*k.value);
      names.push_back(ObjRef(intern(k.name)));
    }
    emit_const(make_tuple(std::move(names)).get());
    set_line(e.line);
    emit(OP_CALL_KW, static_cast<std::uint32_t>(e.elts.size() + e.keywords.size()));
  }

  void compile_comprehension(const Expr& e) {
    Scope* scope = st_.scopes.at(&e);
    const char* name = e.kind == ExprKind::ListComp  ? "<listcomp>"
                       : e.kind == ExprKind::SetComp ? "<setcomp>"
                       : e.kind == ExprKind::DictComp ? "<dictcomp>"
                                                      : "<genexpr>";
    emit(OP_PUSH_NULL);
    std::uint32_t flags = emit_closure(scope);
    enter(scope, name, e.line);
    Code* c = u().code.get();
    c->argcount = 1;
    if (e.kind == ExprKind::ListComp) emit(OP_BUILD_LIST, 0);
    else if (e.kind == ExprKind::SetComp) emit(OP_BUILD_SET, 0);
    else if (e.kind == ExprKind::DictComp) emit(OP_BUILD_MAP, 0);
    emit(OP_LOAD_FAST, 0);
    compile_comprehension_loop(e, 0);
    if (e.kind == ExprKind::GeneratorExp) emit_const(none());
    emit(OP_RETURN_VALUE);
    Ref<Code> code = leave();
    emit_const(code.get());
    emit(OP_MAKE_FUNCTION, flags);
    compile_expr(*e.generators[0].iter);
    emit(OP_GET_ITER);
    emit(OP_CALL, 1);
  }

  void compile_comprehension_loop(const Expr& e, std::size_t gi) {
    const Comprehension& g = e.generators[gi];
    int start = new_label(), end = new_label();
    if (gi > 0) {
      compile_expr(*g.iter);
      emit(OP_GET_ITER);
    }
    bind_label(start);
    emit_jump(OP_FOR_ITER, end);
    compile_store(*g.target);
    for (const auto& cond : g.ifs) {
      compile_expr(*cond);
      emit_jump(OP_POP_JUMP_IF_FALSE, start);
    }
    if (gi + 1 < e.generators.size()) {
      compile_comprehension_loop(e, gi + 1);
    } else {
      auto depth = static_cast<std::uint32_t>(e.generators.size() + 1);
      switch (e.kind) {
        case ExprKind::ListComp:
          compile_expr(*e.a);
          emit(OP_LIST_APPEND, depth);
          break;
        case ExprKind::SetComp:
          compile_expr(*e.a);
          emit(OP_SET_ADD, depth);
          break;
        case ExprKind::DictComp:
          compile_expr(*e.a);
          compile_expr(*e.b);
          emit(OP_MAP_ADD, depth);
          break;
        default:
          compile_expr(*e.a);
          emit(OP_YIELD_VALUE);
          emit(OP_POP_TOP);
          break;
      }
    }
    emit_jump(OP_JUMP, start);
    bind_label(end);
  }

  // ---- stack depth: a walk over the control-flow graph.

  static int stack_effect(Opcode op, std::uint32_t arg, bool jump) {
    switch (op) {
      case OP_BUILD_CONST_SET:
      case OP_NOP: case OP_ROT_TWO: case OP_ROT_THREE: case OP_ROT_FOUR: case OP_DELETE_FAST:
      case OP_DELETE_DEREF: case OP_DELETE_NAME: case OP_DELETE_GLOBAL: case OP_LOAD_ATTR: case OP_UNARY_OP:
      case OP_UNARY_NOT: case OP_LIST_TO_TUPLE: case OP_JUMP: case OP_JUMP_BACKWARD: case OP_GET_ITER:
      case OP_GET_YIELD_FROM_ITER: case OP_POP_BLOCK: case OP_CHECK_EXC_MATCH: case OP_IMPORT_NAME:
      case OP_SETUP_ANNOTATIONS: case OP_YIELD_VALUE:
        return 0;
      case OP_POP_TOP: case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_NAME: case OP_STORE_GLOBAL:
      case OP_DELETE_ATTR: case OP_BINARY_OP: case OP_COMPARE_OP: case OP_IS_OP: case OP_CONTAINS_OP:
      case OP_BINARY_SUBSCR: case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND: case OP_SET_UPDATE:
      case OP_DICT_UPDATE: case OP_DICT_MERGE: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
      case OP_RETURN_VALUE: case OP_YIELD_FROM: case OP_POP_EXCEPT: case OP_WITH_EXIT: case OP_IMPORT_STAR:
      case OP_RERAISE:
        return -1;
      case OP_DUP_TOP: case OP_PUSH_NULL: case OP_LOAD_CONST: case OP_LOAD_FAST: case OP_LOAD_DEREF:
      case OP_LOAD_CLOSURE: case OP_LOAD_CLASSDEREF: case OP_LOAD_NAME: case OP_LOAD_GLOBAL: case OP_LOAD_METHOD:
      case OP_PUSH_EXC_INFO: case OP_BEFORE_WITH: case OP_WITH_EXCEPT_START: case OP_IMPORT_FROM:
      case OP_LOAD_BUILD_CLASS: case OP_LOAD_ASSERTION_ERROR:
        return 1;
      case OP_DUP_TOP_TWO: return 2;
      case OP_STORE_ATTR: case OP_DELETE_SUBSCR: case OP_MAP_ADD: return -2;
      case OP_STORE_SUBSCR: case OP_POP_EXCEPT_RERAISE: return -3;
      case OP_BUILD_SLICE: return 1 - static_cast<int>(arg);
      case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
        return 1 - static_cast<int>(arg);
      case OP_BUILD_MAP: return 1 - 2 * static_cast<int>(arg);
      case OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
      case OP_JUMP_IF_FALSE_OR_POP: case OP_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
      case OP_FOR_ITER: return jump ? -1 : 1;
      case OP_UNPACK_SEQUENCE: return static_cast<int>(arg) - 1;
      case OP_UNPACK_EX: return static_cast<int>((arg & 0xff) + (arg >> 8));
      case OP_CALL: return -static_cast<int>(arg) - 1;
      case OP_CALL_KW: return -static_cast<int>(arg) - 2;
      case OP_CALL_EX: return -2 - static_cast<int>(arg & 1);
      case OP_MAKE_FUNCTION:
        return -static_cast<int>(((arg & 1) ? 1 : 0) + ((arg & 2) ? 1 : 0) + ((arg & 8) ? 1 : 0));
      case OP_RAISE_VARARGS: return -static_cast<int>(arg);
      case OP_SETUP_FINALLY: return jump ? 1 : 0;
      case OP_SETUP_WITH: return 0;
      default: return 0;
    }
  }

  static int compute_stacksize(const Code& c) {
    std::size_t n = c.ops.size();
    std::vector<int> depth_at(n, -1);
    std::vector<std::pair<std::size_t, int>> work{{0, 0}};
    int maxdepth = 0;
    while (!work.empty()) {
      auto [pc, depth] = work.back();
      work.pop_back();
      while (pc < n) {
        if (depth_at[pc] >= depth) break;
        depth_at[pc] = depth;
        std::uint32_t word = c.ops[pc];
        Opcode op = op_of(word);
        std::uint32_t arg = arg_of(word);
        bool is_jump = op == OP_JUMP || op == OP_JUMP_BACKWARD || op == OP_POP_JUMP_IF_FALSE ||
                       op == OP_POP_JUMP_IF_TRUE || op == OP_JUMP_IF_FALSE_OR_POP || op == OP_JUMP_IF_TRUE_OR_POP ||
                       op == OP_FOR_ITER || op == OP_SETUP_FINALLY || op == OP_SETUP_WITH;
        if (is_jump) {
          int jd = depth + stack_effect(op, arg, true);
          if (op == OP_SETUP_FINALLY) jd = depth + 1;
          if (op == OP_SETUP_WITH) jd = depth;
          maxdepth = std::max(maxdepth, jd);
          work.emplace_back(arg, jd);
        }
        depth += stack_effect(op, arg, false);
        if (op == OP_UNPACK_EX || op == OP_UNPACK_SEQUENCE) maxdepth = std::max(maxdepth, depth + 1);
        maxdepth = std::max(maxdepth, depth);
        if (op == OP_JUMP || op == OP_JUMP_BACKWARD || op == OP_RETURN_VALUE || op == OP_RAISE_VARARGS ||
            op == OP_RERAISE || op == OP_POP_EXCEPT_RERAISE)
          break;
        ++pc;
      }
    }
    return maxdepth + 4;
  }

  SymbolTable& st_;
  std::shared_ptr<const SourceText> source_;
  std::vector<Unit> units_;
};

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::string cur;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      lines.push_back(cur);
      cur.clear();
    } else if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

}  // namespace

Ref<Code> compile_source(const std::string& source, const std::string& filename, SyntaxErrorInfo& error) {
  auto text = std::make_shared<SourceText>();
  text->filename = filename;
  text->lines = split_lines(source);
  AstModule m;
  // Normalise line endings and make sure the text ends with a newline.
  std::string src;
  src.reserve(source.size() + 1);
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\r') {
      if (i + 1 < source.size() && source[i + 1] == '\n') continue;
      src.push_back('\n');
      continue;
    }
    src.push_back(source[i]);
  }
  if (src.empty() || src.back() != '\n') src.push_back('\n');
  if (!parse_module(src, m, error)) return nullptr;
  try {
    SymbolTable st;
    build_symbol_table(m, st);
    Compiler c(st, text);
    return c.compile_module(m);
  } catch (CompileError& e) {
    error = e.info;
    return nullptr;
  }
}

std::string disassemble(const Code& code) {
  std::ostringstream out;
  out << "code " << code.qualname << " (stack " << code.stacksize << ")\n";
  for (std::size_t i = 0; i < code.ops.size(); ++i) {
    std::uint32_t w = code.ops[i];
    out << "  " << i << " [" << code.line_for(static_cast<std::uint32_t>(i)) << "] " << opcode_name(op_of(w)) << " "
        << arg_of(w) << "\n";
  }
  for (const ObjRef& c : code.consts)
    if (c->type() == &code_type) out << disassemble(*static_cast<const Code*>(c.get()));
  return out.str();
}

}  // namespace lesson::python
