#include "python/symtable.hpp"

#include <algorithm>

namespace lesson::python {

void throw_compile_error(int line, const std::string& msg) {
  CompileError e;
  e.info.message = msg;
  e.info.line = line;
  e.info.col = 1;
  throw e;
}

void throw_compile_error_at(const Stmt& s, const std::string& msg) {
  CompileError e;
  e.info.message = msg;
  e.info.line = s.line;
  e.info.col = s.col + 1;
  if (s.end_col > s.col) e.info.end_col = s.end_col + 1;
  throw e;
}

namespace {

constexpr unsigned kDefLocal = 1;
constexpr unsigned kDefParam = 2;
constexpr unsigned kDefGlobal = 4;
constexpr unsigned kDefNonlocal = 8;
constexpr unsigned kUse = 16;

[[noreturn]] void fail(int line, const std::string& msg) { throw_compile_error(line, msg); }
[[noreturn]] void fail_at(const Stmt& s, const std::string& msg) { throw_compile_error_at(s, msg); }

class Builder {
 public:
  explicit Builder(SymbolTable& t) : table_(t) {}

  void run(const AstModule& m) {
    table_.top = std::make_unique<Scope>();
    table_.top->kind = ScopeKind::Module;
    table_.top->name = "<module>";
    cur_ = table_.top.get();
    for (const auto& s : m.body) visit(*s);
    analyze_module(table_.top.get());
  }

 private:
  void note(const std::string& n, unsigned flag, int line) {
    auto it = cur_->flags.find(n);
    if (it == cur_->flags.end()) {
      cur_->order.push_back(n);
      cur_->flags[n] = flag;
      return;
    }
    unsigned old = it->second;
    if ((flag & (kDefGlobal | kDefNonlocal)) && (old & (kDefLocal | kUse | kDefParam))) {
      const char* kind = (flag & kDefGlobal) ? "global" : "nonlocal";
      if (old & kDefParam) fail(line, "name '" + n + "' is parameter and " + kind);
      if (old & kDefLocal) fail(line, "name '" + n + "' is assigned to before " + kind + " declaration");
      fail(line, "name '" + n + "' is used prior to " + kind + " declaration");
    }
    it->second |= flag;
  }
  void bind(const std::string& n, int line) { note(n, kDefLocal, line); }
  void use(const std::string& n, int line) {
    note(n, kUse, line);
    if ((n == "super" || n == "__class__") && cur_->kind == ScopeKind::Function) cur_->uses_class_cell = true;
  }

  Scope* push(ScopeKind kind, const std::string& name, const void* node, int line) {
    auto s = std::make_unique<Scope>();
    s->kind = kind;
    s->name = name;
    s->parent = cur_;
    s->line = line;
    if (cur_->kind == ScopeKind::Module) s->qualname = name;
    else if (cur_->kind == ScopeKind::Class) s->qualname = cur_->qualname + "." + name;
    else s->qualname = cur_->qualname + ".<locals>." + name;
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    table_.scopes[node] = raw;
    cur_ = raw;
    return raw;
  }
  void pop() { cur_ = cur_->parent; }

  void add_param(const Param& p) {
    cur_->params.push_back(p.name);
    note(p.name, kDefParam, p.line);
  }

  void visit_args_defaults(const Arguments& a) {
    for (const auto& d : a.defaults) visit(*d);
    for (const auto& d : a.kw_defaults)
      if (d) visit(*d);
  }

  void declare_params(const Arguments& a) {
    for (const auto& p : a.posonly) add_param(p);
    for (const auto& p : a.args) add_param(p);
    for (const auto& p : a.kwonly) add_param(p);
    if (a.has_vararg) add_param(a.vararg);
    if (a.has_kwarg) add_param(a.kwarg);
  }

  void visit_body(const std::vector<StmtP>& body) {
    for (const auto& s : body) visit(*s);
  }

  void visit(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::Expr: visit(*s.value); break;
      case StmtKind::Assign:
        visit(*s.value);
        for (const auto& t : s.targets) visit(*t);
        break;
      case StmtKind::AugAssign:
        visit(*s.value);
        if (s.target->kind == ExprKind::Name) {
          use(s.target->name, s.line);
          bind(s.target->name, s.line);
        } else {
          visit(*s.target);
        }
        break;
      case StmtKind::AnnAssign:
        if (s.value) {
          visit(*s.value);
          visit(*s.target);
        } else if (s.target->kind != ExprKind::Name) {
          visit(*s.target);
        }
        break;
      case StmtKind::Delete:
        for (const auto& t : s.targets) visit(*t);
        break;
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue:
        break;
      case StmtKind::Return:
        if (cur_->kind != ScopeKind::Function) fail_at(s, "'return' outside function");
        if (s.value) visit(*s.value);
        break;
      case StmtKind::Raise:
        if (s.value) visit(*s.value);
        if (s.extra) visit(*s.extra);
        break;
      case StmtKind::Global:
        for (const auto& n : s.idents) note(n, kDefGlobal, s.line);
        break;
      case StmtKind::Nonlocal:
        if (cur_->kind == ScopeKind::Module) fail(s.line, "nonlocal declaration not allowed at module level");
        for (const auto& n : s.idents) note(n, kDefNonlocal, s.line);
        break;
      case StmtKind::Assert:
        visit(*s.value);
        if (s.extra) visit(*s.extra);
        break;
      case StmtKind::Import:
        for (const auto& a : s.names) {
          if (!a.asname.empty()) bind(a.asname, s.line);
          else bind(a.name.substr(0, a.name.find('.')), s.line);
        }
        break;
      case StmtKind::ImportFrom:
        for (const auto& a : s.names) {
          if (a.name == "*") {
            if (cur_->kind == ScopeKind::Function) fail(s.line, "import * only allowed at module level");
            continue;
          }
          bind(a.asname.empty() ? a.name : a.asname, s.line);
        }
        break;
      case StmtKind::If:
      case StmtKind::While:
        visit(*s.value);
        visit_body(s.body);
        visit_body(s.orelse);
        break;
      case StmtKind::For:
        visit(*s.extra);
        visit(*s.target);
        visit_body(s.body);
        visit_body(s.orelse);
        break;
      case StmtKind::Try:
        visit_body(s.body);
        for (const auto& h : s.handlers) {
          if (h.type) visit(*h.type);
          if (!h.name.empty()) bind(h.name, h.line);
          visit_body(h.body);
        }
        visit_body(s.orelse);
        visit_body(s.finalbody);
        break;
      case StmtKind::With:
        for (const auto& item : s.items) {
          visit(*item.context);
          if (item.target) visit(*item.target);
        }
        visit_body(s.body);
        break;
      case StmtKind::FunctionDef: {
        for (const auto& d : s.decorators) visit(*d);
        visit_args_defaults(*s.args);
        bind(s.name, s.line);
        push(ScopeKind::Function, s.name, &s, s.line);
        declare_params(*s.args);
        visit_body(s.body);
        pop();
        break;
      }
      case StmtKind::ClassDef: {
        for (const auto& d : s.decorators) visit(*d);
        for (const auto& b : s.bases) visit(*b);
        for (const auto& k : s.keywords) visit(*k.value);
        bind(s.name, s.line);
        push(ScopeKind::Class, s.name, &s, s.line);
        visit_body(s.body);
        pop();
        break;
      }
    }
  }

  void visit_comprehension(const Expr& e, const char* name) {
    // The first iterable is evaluated in the enclosing scope.
    visit(*e.generators[0].iter);
    Scope* s = push(ScopeKind::Function, name, &e, e.line);
    s->comprehension = true;
    cur_->params.push_back(".0");
    note(".0", kDefParam, e.line);
    for (std::size_t i = 0; i < e.generators.size(); ++i) {
      const Comprehension& c = e.generators[i];
      if (i > 0) visit(*c.iter);
      visit(*c.target);
      for (const auto& cond : c.ifs) visit(*cond);
    }
    if (e.b) visit(*e.b);
    visit(*e.a);
    if (e.kind == ExprKind::GeneratorExp) s->generator = true;
    pop();
  }

  void visit(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Name:
        if (e.store) bind(e.name, e.line);
        else use(e.name, e.line);
        break;
      case ExprKind::Constant:
        break;
      case ExprKind::Lambda: {
        visit_args_defaults(*e.args);
        push(ScopeKind::Function, "<lambda>", &e, e.line);
        declare_params(*e.args);
        visit(*e.a);
        pop();
        break;
      }
      case ExprKind::ListComp: visit_comprehension(e, "<listcomp>"); break;
      case ExprKind::SetComp: visit_comprehension(e, "<setcomp>"); break;
      case ExprKind::DictComp: visit_comprehension(e, "<dictcomp>"); break;
      case ExprKind::GeneratorExp: visit_comprehension(e, "<genexpr>"); break;
      case ExprKind::Yield:
      case ExprKind::YieldFrom:
        if (cur_->kind != ScopeKind::Function) fail(e.line, "'yield' outside function");
        if (cur_->comprehension) fail(e.line, "'yield' inside list comprehension");
        cur_->generator = true;
        if (e.a) visit(*e.a);
        break;
      case ExprKind::NamedExpr: {
        visit(*e.a);
        // PEP 572: the target binds in the enclosing non-comprehension scope.
        Scope* save = cur_;
        while (cur_->comprehension && cur_->parent) cur_ = cur_->parent;
        bind(e.name, e.line);
        Scope* target_scope = cur_;
        cur_ = save;
        if (target_scope != save) use(e.name, e.line);
        break;
      }
      default:
        if (e.a) visit(*e.a);
        if (e.b) visit(*e.b);
        if (e.c) visit(*e.c);
        for (const auto& x : e.elts)
          if (x) visit(*x);
        for (const auto& x : e.values)
          if (x) visit(*x);
        for (const auto& k : e.keywords) visit(*k.value);
        break;
    }
  }

  // ---- analysis

  static bool bound_locally(unsigned f) { return (f & (kDefLocal | kDefParam)) && !(f & (kDefGlobal | kDefNonlocal)); }

  void analyze_module(Scope* m) {
    std::set<std::string> none;
    for (auto& c : m->children) analyze(c.get(), none);
    for (auto& kv : m->flags) m->resolved[kv.first] = NameScope::Name;
  }

  // Returns the free variables `s` needs from its enclosing scopes.
  std::set<std::string> analyze(Scope* s, const std::set<std::string>& enclosing) {
    std::set<std::string> frees;
    if (s->kind == ScopeKind::Function) {
      if (s->uses_class_cell && enclosing.count("__class__")) {
        if (!s->flags.count("__class__")) {
          s->order.push_back("__class__");
          s->flags["__class__"] = kUse;
        }
      }
      std::set<std::string> local;
      for (auto& kv : s->flags)
        if (bound_locally(kv.second)) local.insert(kv.first);
      std::set<std::string> inner = enclosing;
      inner.insert(local.begin(), local.end());
      for (auto& kv : s->flags)
        if (kv.second & kDefGlobal) inner.erase(kv.first);
      std::set<std::string> child_free;
      for (auto& c : s->children) {
        auto f = analyze(c.get(), inner);
        child_free.insert(f.begin(), f.end());
      }
      for (const std::string& n : s->order) {
        unsigned f = s->flags[n];
        if (f & kDefGlobal) {
          s->resolved[n] = NameScope::GlobalExplicit;
        } else if (f & kDefNonlocal) {
          if (!enclosing.count(n) || n == "__class__") fail(s->line, "no binding for nonlocal '" + n + "' found");
          s->resolved[n] = NameScope::Free;
          frees.insert(n);
        } else if (local.count(n)) {
          s->resolved[n] = NameScope::Local;
        } else if (enclosing.count(n)) {
          s->resolved[n] = NameScope::Free;
          frees.insert(n);
        } else {
          s->resolved[n] = NameScope::GlobalImplicit;
        }
      }
      for (const std::string& n : child_free) {
        auto it = s->resolved.find(n);
        if (it != s->resolved.end() && it->second == NameScope::Local) {
          it->second = NameScope::Cell;
        } else if (it != s->resolved.end() && it->second == NameScope::Free) {
          // already free here
        } else {
          s->resolved[n] = NameScope::Free;
          frees.insert(n);
        }
      }
      // Fast locals: parameters first, then other locals in order.
      for (const std::string& p : s->params) s->varnames.push_back(p);
      for (const std::string& n : s->order) {
        if (std::find(s->params.begin(), s->params.end(), n) != s->params.end()) continue;
        if (s->resolved[n] == NameScope::Local) s->varnames.push_back(n);
      }
      for (const std::string& n : s->order)
        if (s->resolved[n] == NameScope::Cell) s->cellvars.push_back(n);
      for (const std::string& n : child_free)
        if (s->resolved[n] == NameScope::Cell &&
            std::find(s->cellvars.begin(), s->cellvars.end(), n) == s->cellvars.end())
          s->cellvars.push_back(n);
      s->freevars.assign(frees.begin(), frees.end());
      return frees;
    }
    // Class scope: its own names live in the class namespace and are not
    // visible to methods.
    std::set<std::string> inner = enclosing;
    inner.insert("__class__");
    std::set<std::string> child_free;
    for (auto& c : s->children) {
      auto f = analyze(c.get(), inner);
      child_free.insert(f.begin(), f.end());
    }
    if (child_free.erase("__class__")) {
      s->needs_class_cell = true;
      s->cellvars.push_back("__class__");
    }
    for (const std::string& n : s->order) {
      unsigned f = s->flags[n];
      if (f & kDefGlobal) {
        s->resolved[n] = NameScope::GlobalExplicit;
      } else if (f & kDefNonlocal) {
        if (!enclosing.count(n)) fail(s->line, "no binding for nonlocal '" + n + "' found");
        s->resolved[n] = NameScope::Free;
        frees.insert(n);
      } else if (bound_locally(f)) {
        s->resolved[n] = NameScope::Name;
      } else if (enclosing.count(n)) {
        s->resolved[n] = NameScope::Free;
        frees.insert(n);
      } else {
        s->resolved[n] = NameScope::Name;
      }
    }
    frees.insert(child_free.begin(), child_free.end());
    s->freevars.assign(frees.begin(), frees.end());
    return frees;
  }

  SymbolTable& table_;
  Scope* cur_ = nullptr;
};

}  // namespace

void build_symbol_table(const AstModule& m, SymbolTable& out) {
  Builder b(out);
  b.run(m);
}

}  // namespace lesson::python
