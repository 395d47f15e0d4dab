#include "python/parser.hpp"

#include <cstdint>
#include <set>

#include "python/obj_float.hpp"
#include "python/obj_int.hpp"
#include "python/obj_none.hpp"
#include "python/obj_str.hpp"

namespace lesson::python {

namespace {

const std::set<std::string>& keywords() {
  static const std::set<std::string> k = {
      "False", "None",   "True",    "and",      "as",   "assert", "async",  "await", "break",
      "class", "continue", "def",   "del",      "elif", "else",   "except", "finally", "for",
      "from",  "global", "if",      "import",   "in",   "is",     "lambda", "nonlocal", "not",
      "or",    "pass",   "raise",   "return",   "try",  "while",  "with",   "yield"};
  return k;
}

struct ParseError {
  SyntaxErrorInfo info;
};

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : toks_(std::move(tokens)) {}

  void parse_file(AstModule& m) {
    while (!at(Tok::End)) parse_statement(m.body);
  }

  ExprP parse_fstring_expression() {
    ExprP e = parse_star_expressions_or_yield();
    if (at(Tok::Newline)) advance();
    if (!at(Tok::End)) error_at(peek(), "invalid syntax");
    return e;
  }

 private:
  // ---- token helpers
  const Token& peek(std::size_t k = 0) const {
    std::size_t i = std::min(pos_ + k, toks_.size() - 1);
    return toks_[i];
  }
  const Token& advance() { return toks_[pos_ < toks_.size() - 1 ? pos_++ : pos_]; }
  bool at(Tok k) const { return peek().kind == k; }
  // Whether an operator or name token's text is `s` (a literal of at most
  // 8 bytes): one integer comparison (pack_token_text).
  [[gnu::always_inline]] static bool is(const Token& t, const char* s) { return t.code == pack_token_text(s); }
  // One integer comparison each: `op` and `kw` are literals of at most 8
  // bytes, packed at compile time (pack_token_text).
  [[gnu::always_inline]] bool at_op(const char* op, std::size_t k = 0) const {
    const Token& t = peek(k);
    return t.kind == Tok::Op && t.code == pack_token_text(op);
  }
  [[gnu::always_inline]] bool at_kw(const char* kw, std::size_t k = 0) const {
    const Token& t = peek(k);
    return t.kind == Tok::Name && t.code == pack_token_text(kw);
  }
  bool accept_op(const char* op) {
    if (at_op(op)) {
      advance();
      return true;
    }
    return false;
  }
  bool accept_kw(const char* kw) {
    if (at_kw(kw)) {
      advance();
      return true;
    }
    return false;
  }

  [[noreturn]] void error_at(const Token& t, const std::string& msg, bool indentation = false) {
    ParseError e;
    e.info.message = msg;
    e.info.line = t.line;
    e.info.col = t.col + 1;
    e.info.indentation = indentation;
    throw e;
  }
  // An error marking the source from `first` to the end of `last` (on one line).
  [[noreturn]] void error_span(const Token& first, const Token& last, const std::string& msg) {
    ParseError e;
    e.info.message = msg;
    e.info.line = first.line;
    e.info.col = first.col + 1;
    if (last.line == first.line && last.end_line == first.line && last.end_col > first.col) e.info.end_col = last.end_col + 1;
    throw e;
  }
  [[noreturn]] void error_line(int line, const std::string& msg, bool indentation = false) {
    ParseError e;
    e.info.message = msg;
    e.info.line = line;
    e.info.col = 1;
    e.info.indentation = indentation;
    throw e;
  }
  [[noreturn]] void invalid() {
    const Token& t = peek();
    if (t.kind == Tok::Indent) error_at(t, "unexpected indent", true);
    // CPython marks the whole offending token.
    if (t.kind == Tok::Name || t.kind == Tok::Op || t.kind == Tok::Int || t.kind == Tok::Float) error_span(t, t, "invalid syntax");
    error_at(t, "invalid syntax");
  }
  void expect_op(const char* op) {
    if (!accept_op(op)) {
      if (std::string(op) == ":") error_at(peek(), "expected ':'");
      invalid();
    }
  }
  std::string expect_name() {
    if (!at(Tok::Name) || keywords().count(peek().text)) invalid();
    return advance().text;
  }
  bool at_name() const { return at(Tok::Name) && !keywords().count(peek().text); }

  ExprP make(ExprKind k, const Token& t) {
    auto e = std::make_unique<Expr>();
    e->kind = k;
    e->line = t.line;
    e->col = t.col;
    return e;
  }
  StmtP make_stmt(StmtKind k, const Token& t) {
    auto s = std::make_unique<Stmt>();
    s->kind = k;
    s->line = t.line;
    s->col = t.col;
    return s;
  }

  // Can this token begin an expression?
  bool starts_expression(std::size_t k = 0) const {
    const Token& t = peek(k);
    switch (t.kind) {
      case Tok::Name:
        if (!keywords().count(t.text)) return true;
        return is(t, "None") || is(t, "True") || is(t, "False") || is(t, "not") || is(t, "lambda") ||
               is(t, "await");
      case Tok::Int:
      case Tok::Float:
      case Tok::String:
        return true;
      case Tok::Op:
        return is(t, "(") || is(t, "[") || is(t, "{") || is(t, "-") || is(t, "+") || is(t, "~") ||
               is(t, "...") || is(t, "*");
      default:
        return false;
    }
  }

  // ---- statements

  void parse_statement(std::vector<StmtP>& out) {
    const Token& t = peek();
    if (t.kind == Tok::Indent) error_at(t, "unexpected indent", true);
    if (t.kind == Tok::Dedent) invalid();
    if (t.kind == Tok::Name) {
      const Token& w = t;
      if (is(w, "if")) return out.push_back(parse_if());
      if (is(w, "while")) return out.push_back(parse_while());
      if (is(w, "for")) return out.push_back(parse_for());
      if (is(w, "try")) return out.push_back(parse_try());
      if (is(w, "with")) return out.push_back(parse_with());
      if (is(w, "def")) return out.push_back(parse_def({}));
      if (is(w, "class")) return out.push_back(parse_class({}));
      if (is(w, "async")) error_at(t, "async functions are not supported in lesson cells");
    }
    if (t.kind == Tok::Op && is(t, "@")) return out.push_back(parse_decorated());
    parse_simple_statements(out);
  }

  void parse_simple_statements(std::vector<StmtP>& out) {
    for (;;) {
      out.push_back(parse_simple_statement());
      const Token& last = toks_[pos_ - 1];
      if (last.end_line == out.back()->line) out.back()->end_col = last.end_col;
      if (accept_op(";")) {
        if (at(Tok::Newline)) break;
        continue;
      }
      break;
    }
    if (!at(Tok::Newline)) {
      if (at(Tok::End)) return;
      invalid();
    }
    advance();
  }

  std::vector<StmtP> parse_block(const std::string& what, int header_line) {
    expect_op(":");
    std::vector<StmtP> body;
    if (at(Tok::Newline)) {
      advance();
      if (!at(Tok::Indent))
        error_at(peek(), "expected an indented block after " + what + " on line " + std::to_string(header_line), true);
      advance();
      while (!at(Tok::Dedent) && !at(Tok::End)) parse_statement(body);
      if (at(Tok::Dedent)) advance();
      return body;
    }
    parse_simple_statements(body);
    return body;
  }

  StmtP parse_if() {
    const Token& t = advance();
    StmtP s = make_stmt(StmtKind::If, t);
    s->value = parse_condition();
    s->body = parse_block("'if' statement", t.line);
    if (at_kw("elif")) {
      const Token& e = peek();
      StmtP elif = parse_elif();
      (void)e;
      s->orelse.push_back(std::move(elif));
    } else if (at_kw("else")) {
      const Token& e = advance();
      s->orelse = parse_block("'else' statement", e.line);
    }
    return s;
  }

  StmtP parse_elif() {
    const Token& t = advance();
    StmtP s = make_stmt(StmtKind::If, t);
    s->value = parse_condition();
    s->body = parse_block("'elif' statement", t.line);
    if (at_kw("elif")) {
      s->orelse.push_back(parse_elif());
    } else if (at_kw("else")) {
      const Token& e = advance();
      s->orelse = parse_block("'else' statement", e.line);
    }
    return s;
  }

  ExprP parse_condition() {
    const Token& start = peek();
    ExprP e = parse_named_expression();
    // CPython marks the would-be assignment, `x = 3`.
    if (at_op("=")) error_span(start, peek(1), "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return e;
  }

  StmtP parse_while() {
    const Token& t = advance();
    StmtP s = make_stmt(StmtKind::While, t);
    s->value = parse_condition();
    s->body = parse_block("'while' statement", t.line);
    if (at_kw("else")) {
      const Token& e = advance();
      s->orelse = parse_block("'else' statement", e.line);
    }
    return s;
  }

  StmtP parse_for() {
    const Token& t = advance();
    StmtP s = make_stmt(StmtKind::For, t);
    s->target = parse_target_list();
    check_target(s->target.get(), "assign to");
    if (!accept_kw("in")) invalid();
    s->extra = parse_star_expressions();
    s->body = parse_block("'for' statement", t.line);
    if (at_kw("else")) {
      const Token& e = advance();
      s->orelse = parse_block("'else' statement", e.line);
    }
    return s;
  }

  // for-loop and comprehension targets: star_targets up to 'in'.
  ExprP parse_target_list() {
    const Token& t = peek();
    std::vector<ExprP> items;
    bool trailing = false;
    for (;;) {
      if (at_op("*")) {
        const Token& st = advance();
        ExprP e = make(ExprKind::Starred, st);
        e->a = parse_bitor();
        items.push_back(std::move(e));
      } else {
        items.push_back(parse_bitor());
      }
      if (!at_op(",")) break;
      advance();
      trailing = true;
      if (at_kw("in") || at_op("=")) break;
      trailing = false;
    }
    if (items.size() == 1 && !trailing) return std::move(items[0]);
    ExprP tup = make(ExprKind::Tuple, t);
    tup->elts = std::move(items);
    return tup;
  }

  StmtP parse_try() {
    const Token& t = advance();
    StmtP s = make_stmt(StmtKind::Try, t);
    s->body = parse_block("'try' statement", t.line);
    while (at_kw("except")) {
      const Token& e = advance();
      Handler h;
      h.line = e.line;
      if (at_op("*")) error_at(peek(), "except* is not supported in lesson cells");
      if (!at_op(":")) {
        h.type = parse_test();
        if (at_op(",")) {
          // except A, B:  (Python 2 style)
          error_at(peek(), "multiple exception types must be parenthesized");
        }
        if (accept_kw("as")) h.name = expect_name();
      }
      h.body = parse_block("'except' statement", e.line);
      s->handlers.push_back(std::move(h));
    }
    if (at_kw("else")) {
      const Token& e = advance();
      if (s->handlers.empty()) invalid();
      s->orelse = parse_block("'else' statement", e.line);
    }
    if (at_kw("finally")) {
      const Token& f = advance();
      s->finalbody = parse_block("'finally' statement", f.line);
    }
    if (s->handlers.empty() && s->finalbody.empty()) error_at(peek(), "expected 'except' or 'finally' block");
    return s;
  }

  StmtP parse_with() {
    const Token& t = advance();
    StmtP s = make_stmt(StmtKind::With, t);
    bool parenthesized = false;
    if (at_op("(")) {
      // with (a as b, c as d): -- only when an 'as' appears inside.
      std::size_t save = pos_;
      int depth = 0;
      bool has_as = false;
      for (std::size_t k = pos_; k < toks_.size(); ++k) {
        const Token& x = toks_[k];
        if (x.kind == Tok::Op && (is(x, "(") || is(x, "[") || is(x, "{"))) depth++;
        else if (x.kind == Tok::Op && (is(x, ")") || is(x, "]") || is(x, "}"))) {
          if (--depth == 0) {
            parenthesized = has_as && k + 1 < toks_.size() && toks_[k + 1].kind == Tok::Op && is(toks_[k + 1], ":");
            break;
          }
        } else if (depth == 1 && x.kind == Tok::Name && is(x, "as")) {
          has_as = true;
        }
      }
      pos_ = save;
      if (parenthesized) advance();
    }
    for (;;) {
      WithItem item;
      item.context = parse_test();
      if (accept_kw("as")) {
        item.target = parse_target_atom();
        check_target(item.target.get(), "assign to");
      }
      s->items.push_back(std::move(item));
      if (!accept_op(",")) break;
      if (parenthesized && at_op(")")) break;
    }
    if (parenthesized) expect_op(")");
    s->body = parse_block("'with' statement", t.line);
    return s;
  }

  ExprP parse_target_atom() {
    const Token& t = peek();
    if (at_op("(") || at_op("[")) {
      return parse_bitor();
    }
    (void)t;
    return parse_bitor();
  }

  StmtP parse_decorated() {
    std::vector<ExprP> decorators;
    while (at_op("@")) {
      advance();
      decorators.push_back(parse_named_expression());
      if (!at(Tok::Newline)) invalid();
      advance();
    }
    if (at_kw("def")) return parse_def(std::move(decorators));
    if (at_kw("class")) return parse_class(std::move(decorators));
    invalid();
  }

  void take_docstring(Stmt& s) {
    if (s.body.empty()) return;
    Stmt* first = s.body[0].get();
    if (first->kind == StmtKind::Expr && first->value->kind == ExprKind::Constant && is_str(first->value->value.get())) {
      s.has_docstring = true;
      s.docstring = str_value(first->value->value.get());
    }
  }

  StmtP parse_def(std::vector<ExprP> decorators) {
    const Token& t = advance();
    StmtP s = make_stmt(StmtKind::FunctionDef, t);
    if (!decorators.empty()) s->line = decorators.front()->line;
    s->decorators = std::move(decorators);
    s->name = expect_name();
    if (!accept_op("(")) error_at(peek(), "expected '('");
    s->args = parse_parameters(")", true);
    expect_op(")");
    if (accept_op("->")) parse_test();  // return annotation: parsed, not evaluated
    s->body = parse_block("function definition", t.line);
    s->line = t.line;
    take_docstring(*s);
    return s;
  }

  StmtP parse_class(std::vector<ExprP> decorators) {
    const Token& t = advance();
    StmtP s = make_stmt(StmtKind::ClassDef, t);
    s->decorators = std::move(decorators);
    s->name = expect_name();
    if (accept_op("(")) {
      while (!at_op(")")) {
        if (at(Tok::Name) && at_op("=", 1)) {
          Keyword k;
          k.line = peek().line;
          k.name = advance().text;
          advance();
          k.value = parse_test();
          s->keywords.push_back(std::move(k));
        } else {
          s->bases.push_back(parse_test());
        }
        if (!accept_op(",")) break;
      }
      expect_op(")");
    }
    s->body = parse_block("class definition", t.line);
    take_docstring(*s);
    return s;
  }

  // Parameters of def (annotations allowed) or lambda (close = ":").
  std::shared_ptr<Arguments> parse_parameters(const char* close, bool annotations) {
    auto a = std::make_shared<Arguments>();
    bool seen_default = false;
    bool seen_star = false;
    std::set<std::string> names;
    auto param = [&]() {
      Param p;
      p.line = peek().line;
      p.name = expect_name();
      if (names.count(p.name)) error_at(peek(), "duplicate argument '" + p.name + "' in function definition");
      names.insert(p.name);
      if (annotations && accept_op(":")) parse_test();
      return p;
    };
    while (!at_op(close)) {
      if (accept_op("/")) {
        if (seen_star || !a->posonly.empty() || a->args.empty()) {
          if (a->args.empty()) error_at(peek(), "at least one argument must precede /");
          error_at(peek(), "/ must be ahead of *");
        }
        a->posonly = std::move(a->args);
        a->args.clear();
      } else if (at_op("**")) {
        advance();
        a->kwarg = param();
        a->has_kwarg = true;
        accept_op(",");
        if (!at_op(close)) error_at(peek(), "arguments cannot follow var-keyword argument");
        break;
      } else if (at_op("*")) {
        advance();
        if (seen_star) error_at(peek(), "* argument may appear only once");
        seen_star = true;
        if (at_op(",")) {
          if (at_op(close, 1)) error_at(peek(1), "named arguments must follow bare *");
        } else {
          a->vararg = param();
          a->has_vararg = true;
        }
      } else {
        const Token& name_token = peek();
        Param p = param();
        ExprP def;
        if (accept_op("=")) def = parse_test();
        if (seen_star) {
          a->kwonly.push_back(std::move(p));
          a->kw_defaults.push_back(std::move(def));
        } else {
          if (def) {
            seen_default = true;
            a->defaults.push_back(std::move(def));
          } else if (seen_default) {
            error_at(name_token, "non-default argument follows default argument");
          }
          a->args.push_back(std::move(p));
        }
      }
      if (!accept_op(",")) break;
    }
    return a;
  }

  StmtP parse_simple_statement() {
    const Token& t = peek();
    if (t.kind == Tok::Name) {
      const Token& w = t;
      if (is(w, "pass")) {
        advance();
        return make_stmt(StmtKind::Pass, t);
      }
      if (is(w, "break")) {
        advance();
        return make_stmt(StmtKind::Break, t);
      }
      if (is(w, "continue")) {
        advance();
        return make_stmt(StmtKind::Continue, t);
      }
      if (is(w, "return")) {
        advance();
        StmtP s = make_stmt(StmtKind::Return, t);
        if (!at(Tok::Newline) && !at_op(";") && !at(Tok::End)) s->value = parse_star_expressions();
        return s;
      }
      if (is(w, "raise")) {
        advance();
        StmtP s = make_stmt(StmtKind::Raise, t);
        if (!at(Tok::Newline) && !at_op(";") && !at(Tok::End)) {
          s->value = parse_test();
          if (accept_kw("from")) s->extra = parse_test();
        }
        return s;
      }
      if (is(w, "global") || is(w, "nonlocal")) {
        advance();
        StmtP s = make_stmt(is(w, "global") ? StmtKind::Global : StmtKind::Nonlocal, t);
        do {
          s->idents.push_back(expect_name());
        } while (accept_op(","));
        return s;
      }
      if (is(w, "del")) {
        advance();
        StmtP s = make_stmt(StmtKind::Delete, t);
        do {
          if (at(Tok::Newline) || at_op(";")) break;
          ExprP e = parse_bitor();
          check_target(e.get(), "delete");
          s->targets.push_back(std::move(e));
        } while (accept_op(","));
        if (s->targets.empty()) invalid();
        return s;
      }
      if (is(w, "assert")) {
        advance();
        StmtP s = make_stmt(StmtKind::Assert, t);
        s->value = parse_test();
        if (accept_op(",")) s->extra = parse_test();
        return s;
      }
      if (is(w, "import")) return parse_import();
      if (is(w, "from")) return parse_from_import();
      if (is(w, "print") && (peek(1).kind == Tok::String || peek(1).kind == Tok::Int ||
                           (peek(1).kind == Tok::Name && !keywords().count(peek(1).text))))
      {
        // CPython marks the whole would-be statement.
        std::size_t k = 1;
        while (peek(k + 1).kind != Tok::Newline && peek(k + 1).kind != Tok::End && peek(k + 1).line == t.line &&
               !(peek(k + 1).kind == Tok::Op && peek(k + 1).text == ";"))
          ++k;
        error_span(t, peek(k), "Missing parentheses in call to 'print'. Did you mean print(...)?");
      }
    }
    // Expression, assignment, augmented or annotated assignment.
    ExprP first = parse_star_expressions_or_yield();
    if (at_op("=")) {
      StmtP s = make_stmt(StmtKind::Assign, t);
      s->targets.push_back(std::move(first));
      while (accept_op("=")) {
        ExprP next = parse_star_expressions_or_yield();
        s->targets.push_back(std::move(next));
      }
      s->value = std::move(s->targets.back());
      s->targets.pop_back();
      for (auto& target : s->targets) check_target(target.get(), "assign");
      return s;
    }
    if (peek().kind == Tok::Op) {
      static const char* const aug[] = {"+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="};
      static const BinOp augop[] = {BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::MatMul, BinOp::TrueDiv,
                                    BinOp::FloorDiv, BinOp::Mod, BinOp::Pow, BinOp::LShift, BinOp::RShift,
                                    BinOp::And, BinOp::Or, BinOp::Xor};
      for (int i = 0; i < 13; ++i) {
        if (peek().text == aug[i]) {
          ExprKind k = first->kind;
          if (k != ExprKind::Name && k != ExprKind::Attribute && k != ExprKind::Subscript)
            error_line(first->line, "'" + describe(first.get()) + "' is an illegal expression for augmented assignment");
          advance();
          StmtP s = make_stmt(StmtKind::AugAssign, t);
          s->target = std::move(first);
          s->op = static_cast<int>(augop[i]);
          s->value = parse_star_expressions_or_yield();
          return s;
        }
      }
      if (is(peek(), ":") ) {
        advance();
        StmtP s = make_stmt(StmtKind::AnnAssign, t);
        check_target(first.get(), "assign");
        s->target = std::move(first);
        parse_test();  // the annotation, not evaluated
        if (accept_op("=")) s->value = parse_star_expressions_or_yield();
        return s;
      }
    }
    StmtP s = make_stmt(StmtKind::Expr, t);
    s->value = std::move(first);
    if (starts_expression() && !at_op("*") && !at_op("-") && !at_op("+")) invalid();
    return s;
  }

  std::string dotted_name() {
    std::string n = expect_name();
    while (accept_op(".")) n += "." + expect_name();
    return n;
  }

  StmtP parse_import() {
    const Token& t = advance();
    StmtP s = make_stmt(StmtKind::Import, t);
    do {
      Alias a;
      a.name = dotted_name();
      if (accept_kw("as")) a.asname = expect_name();
      s->names.push_back(std::move(a));
    } while (accept_op(","));
    return s;
  }

  StmtP parse_from_import() {
    const Token& t = advance();
    StmtP s = make_stmt(StmtKind::ImportFrom, t);
    while (at_op(".") || at_op("...")) s->level += advance().text.size();
    if (!at_kw("import")) s->name = dotted_name();
    if (!accept_kw("import")) invalid();
    if (accept_op("*")) {
      s->names.push_back(Alias{"*", ""});
      return s;
    }
    bool paren = accept_op("(");
    do {
      if (paren && at_op(")")) break;
      Alias a;
      a.name = expect_name();
      if (accept_kw("as")) a.asname = expect_name();
      s->names.push_back(std::move(a));
    } while (accept_op(","));
    if (paren) expect_op(")");
    else if (s->names.empty()) invalid();
    return s;
  }

  static std::string describe(const Expr* e) {
    switch (e->kind) {
      case ExprKind::Constant:
        if (is_none(e->value.get())) return "None";
        if (e->value.get() == make_bool(true)) return "True";
        if (e->value.get() == make_bool(false)) return "False";
        return "literal";
      case ExprKind::JoinedStr: return "f-string expression";
      case ExprKind::Call: return "function call";
      case ExprKind::BinOp:
      case ExprKind::UnaryOp: return "expression";
      case ExprKind::BoolOp: return "expression";
      case ExprKind::Compare: return "comparison";
      case ExprKind::Lambda: return "lambda";
      case ExprKind::IfExp: return "conditional expression";
      case ExprKind::Dict: return "dict literal";
      case ExprKind::Set: return "set display";
      case ExprKind::ListComp: return "list comprehension";
      case ExprKind::SetComp: return "set comprehension";
      case ExprKind::DictComp: return "dict comprehension";
      case ExprKind::GeneratorExp: return "generator expression";
      case ExprKind::Yield:
      case ExprKind::YieldFrom: return "yield expression";
      case ExprKind::NamedExpr: return "named expression";
      case ExprKind::Tuple: return "tuple";
      case ExprKind::List: return "list";
      case ExprKind::Starred: return "starred";
      default: return "expression";
    }
  }

  // Validates an assignment/deletion target and marks it as a store.
  void check_target(Expr* e, const char* verb) {
    std::string v = verb;
    switch (e->kind) {
      case ExprKind::Name:
        if (e->name == "__debug__") error_line(e->line, "cannot " + v + " __debug__");
        e->store = true;
        return;
      case ExprKind::Attribute:
      case ExprKind::Subscript:
        e->store = true;
        return;
      case ExprKind::Tuple:
      case ExprKind::List: {
        int stars = 0;
        for (auto& x : e->elts) {
          if (x->kind == ExprKind::Starred) {
            if (v == "delete") error_line(x->line, "cannot delete starred");
            ++stars;
            check_target(x->a.get(), verb);
            x->store = true;
          } else {
            check_target(x.get(), verb);
          }
        }
        if (stars > 1) error_line(e->line, "multiple starred expressions in assignment");
        e->store = true;
        return;
      }
      case ExprKind::Starred:
        if (v == "assign") error_line(e->line, "starred assignment target must be in a list or tuple");
        check_target(e->a.get(), verb);
        return;
      default:
        break;
    }
    if (e->kind == ExprKind::Constant && (is_none(e->value.get()) || is_bool(e->value.get())))
      error_line(e->line, (v == "delete" ? "cannot delete " : "cannot assign to ") + describe(e));
    if (e->kind == ExprKind::Yield || e->kind == ExprKind::YieldFrom)
      error_line(e->line, "assignment to yield expression not possible");
    if (v == "assign")
      error_line(e->line, "cannot assign to " + describe(e) + " here. Maybe you meant '==' instead of '='?");
    if (v == "delete") error_line(e->line, "cannot delete " + describe(e));
    error_line(e->line, "cannot assign to " + describe(e));
  }

  // ---- expressions

  ExprP parse_star_expressions_or_yield() {
    if (at_kw("yield")) return parse_yield();
    return parse_star_expressions();
  }

  ExprP parse_yield() {
    const Token& t = advance();
    if (accept_kw("from")) {
      ExprP e = make(ExprKind::YieldFrom, t);
      e->a = parse_test();
      return e;
    }
    ExprP e = make(ExprKind::Yield, t);
    if (!at(Tok::Newline) && !at_op(")") && !at_op("=") && !at_op(";") && !at(Tok::End) && !at_op("]") &&
        !at_op("}"))
      e->a = parse_star_expressions();
    return e;
  }

  ExprP parse_star_or_named() {
    if (at_op("*")) {
      const Token& t = advance();
      ExprP e = make(ExprKind::Starred, t);
      e->a = parse_bitor();
      return e;
    }
    return parse_named_expression();
  }

  // star_expressions: a tuple when there is a comma.
  ExprP parse_star_expressions() {
    const Token& t = peek();
    ExprP first = at_op("*") ? parse_star_or_named() : parse_test();
    if (!at_op(",")) return first;
    ExprP tup = make(ExprKind::Tuple, t);
    tup->elts.push_back(std::move(first));
    while (accept_op(",")) {
      if (!starts_expression()) break;
      tup->elts.push_back(at_op("*") ? parse_star_or_named() : parse_test());
    }
    return tup;
  }

  ExprP parse_named_expression() {
    if (at(Tok::Name) && at_op(":=", 1)) {
      const Token& t = peek();
      std::string name = expect_name();
      advance();
      ExprP e = make(ExprKind::NamedExpr, t);
      e->name = name;
      e->a = parse_test();
      return e;
    }
    ExprP e = parse_test();
    if (at_op(":=")) error_line(e->line, "cannot use assignment expressions with " + describe(e.get()));
    return e;
  }

  ExprP parse_test() {
    if (at_kw("lambda")) return parse_lambda();
    ExprP body = parse_or();
    if (at_kw("if")) {
      const Token& t = advance();
      ExprP e = make(ExprKind::IfExp, t);
      e->line = body->line;
      e->b = std::move(body);
      e->a = parse_or();
      if (!accept_kw("else")) error_at(peek(), "expected 'else' after 'if' expression");
      e->c = parse_test();
      return e;
    }
    return body;
  }

  ExprP parse_test_no_cond() {
    if (at_kw("lambda")) return parse_lambda();
    return parse_or();
  }

  ExprP parse_lambda() {
    const Token& t = advance();
    ExprP e = make(ExprKind::Lambda, t);
    e->args = parse_parameters(":", false);
    expect_op(":");
    e->a = parse_test();
    return e;
  }

  ExprP parse_or() {
    ExprP left = parse_and();
    if (!at_kw("or")) return left;
    ExprP e = make(ExprKind::BoolOp, peek());
    e->line = left->line;
    e->op = 1;
    e->elts.push_back(std::move(left));
    while (accept_kw("or")) e->elts.push_back(parse_and());
    return e;
  }

  ExprP parse_and() {
    ExprP left = parse_not();
    if (!at_kw("and")) return left;
    ExprP e = make(ExprKind::BoolOp, peek());
    e->line = left->line;
    e->op = 0;
    e->elts.push_back(std::move(left));
    while (accept_kw("and")) e->elts.push_back(parse_not());
    return e;
  }

  ExprP parse_not() {
    if (at_kw("not")) {
      const Token& t = advance();
      ExprP e = make(ExprKind::UnaryOp, t);
      e->op = static_cast<int>(UnaryKind::Not);
      e->a = parse_not();
      return e;
    }
    return parse_comparison();
  }

  bool comparison_op(CmpKind& k) {
    const Token& t = peek();
    if (t.kind == Tok::Op) {
      if (is(t, "<")) k = CmpKind::Lt;
      else if (is(t, "<=")) k = CmpKind::Le;
      else if (is(t, "==")) k = CmpKind::Eq;
      else if (is(t, "!=")) k = CmpKind::Ne;
      else if (is(t, ">")) k = CmpKind::Gt;
      else if (is(t, ">=")) k = CmpKind::Ge;
      else return false;
      advance();
      return true;
    }
    if (t.kind == Tok::Name) {
      if (is(t, "in")) {
        advance();
        k = CmpKind::In;
        return true;
      }
      if (is(t, "not") && at_kw("in", 1)) {
        advance();
        advance();
        k = CmpKind::NotIn;
        return true;
      }
      if (is(t, "is")) {
        advance();
        k = accept_kw("not") ? CmpKind::IsNot : CmpKind::Is;
        return true;
      }
    }
    return false;
  }

  ExprP parse_comparison() {
    ExprP left = parse_bitor();
    CmpKind k;
    if (!comparison_op(k)) return left;
    ExprP e = make(ExprKind::Compare, peek());
    e->line = left->line;
    e->elts.push_back(std::move(left));
    e->ops.push_back(k);
    e->elts.push_back(parse_bitor());
    while (comparison_op(k)) {
      e->ops.push_back(k);
      e->elts.push_back(parse_bitor());
    }
    return e;
  }

  ExprP binop(ExprP left, BinOp op, ExprP right) {
    auto e = std::make_unique<Expr>();
    e->kind = ExprKind::BinOp;
    e->line = left->line;
    e->col = left->col;
    e->op = static_cast<int>(op);
    e->a = std::move(left);
    e->b = std::move(right);
    return e;
  }

  ExprP parse_bitor() {
    ExprP e = parse_xor();
    while (at_op("|")) {
      advance();
      e = binop(std::move(e), BinOp::Or, parse_xor());
    }
    return e;
  }
  ExprP parse_xor() {
    ExprP e = parse_bitand();
    while (at_op("^")) {
      advance();
      e = binop(std::move(e), BinOp::Xor, parse_bitand());
    }
    return e;
  }
  ExprP parse_bitand() {
    ExprP e = parse_shift();
    while (at_op("&")) {
      advance();
      e = binop(std::move(e), BinOp::And, parse_shift());
    }
    return e;
  }
  ExprP parse_shift() {
    ExprP e = parse_arith();
    for (;;) {
      if (at_op("<<")) {
        advance();
        e = binop(std::move(e), BinOp::LShift, parse_arith());
      } else if (at_op(">>")) {
        advance();
        e = binop(std::move(e), BinOp::RShift, parse_arith());
      } else {
        return e;
      }
    }
  }
  ExprP parse_arith() {
    ExprP e = parse_term();
    for (;;) {
      if (at_op("+")) {
        advance();
        e = binop(std::move(e), BinOp::Add, parse_term());
      } else if (at_op("-")) {
        advance();
        e = binop(std::move(e), BinOp::Sub, parse_term());
      } else {
        return e;
      }
    }
  }
  ExprP parse_term() {
    ExprP e = parse_factor();
    for (;;) {
      BinOp op;
      if (at_op("*")) op = BinOp::Mul;
      else if (at_op("/")) op = BinOp::TrueDiv;
      else if (at_op("//")) op = BinOp::FloorDiv;
      else if (at_op("%")) op = BinOp::Mod;
      else if (at_op("@")) op = BinOp::MatMul;
      else return e;
      advance();
      e = binop(std::move(e), op, parse_factor());
    }
  }
  ExprP parse_factor() {
    if (at_op("-") && peek(1).kind == Tok::Int && peek(1).int_min_magnitude && !at_op("**", 2)) {
      const Token& t = advance();
      advance();
      ExprP e = make(ExprKind::Constant, t);
      e->value = make_int(INT64_MIN);
      return e;
    }
    if (at_op("-") || at_op("+") || at_op("~")) {
      const Token& t = advance();
      ExprP operand = parse_factor();
      // Fold negative numeric literals so -9223372036854775808 works.
      if (is(t, "-") && operand->kind == ExprKind::Constant) {
        Object* v = operand->value.get();
        if (v->type() == &int_type) {
          ExprP e = make(ExprKind::Constant, t);
          if (int_value(v) == 0) e->value = make_int(0);
          else e->value = make_int(-int_value(v));
          return e;
        }
        if (v->type() == &float_type) {
          ExprP e = make(ExprKind::Constant, t);
          e->value = make_float(-float_value(v));
          return e;
        }
      }
      ExprP e = make(ExprKind::UnaryOp, t);
      e->op = static_cast<int>(is(t, "-") ? UnaryKind::Neg : is(t, "+") ? UnaryKind::Pos : UnaryKind::Invert);
      e->a = std::move(operand);
      return e;
    }
    return parse_power();
  }
  ExprP parse_power() {
    ExprP e = parse_await();
    if (at_op("**")) {
      advance();
      return binop(std::move(e), BinOp::Pow, parse_factor());
    }
    return e;
  }
  ExprP parse_await() {
    if (at_kw("await")) error_at(peek(), "'await' outside async function");
    return parse_primary();
  }

  ExprP parse_primary() {
    ExprP e = parse_atom();
    for (;;) {
      if (at_op(".")) {
        advance();
        const Token& t = peek();
        ExprP a = make(ExprKind::Attribute, t);
        a->line = e->line;
        a->name = expect_name();
        a->a = std::move(e);
        e = std::move(a);
      } else if (at_op("(")) {
        const Token& t = advance();
        ExprP c = make(ExprKind::Call, t);
        c->line = e->line;
        c->a = std::move(e);
        parse_call_args(*c);
        expect_op(")");
        e = std::move(c);
      } else if (at_op("[")) {
        const Token& t = advance();
        ExprP s = make(ExprKind::Subscript, t);
        s->line = e->line;
        s->a = std::move(e);
        s->b = parse_subscript();
        expect_op("]");
        e = std::move(s);
      } else {
        return e;
      }
    }
  }

  void parse_call_args(Expr& call) {
    bool seen_kw = false, seen_kwunpack = false;
    while (!at_op(")")) {
      const Token& t = peek();
      if (at_op("**")) {
        advance();
        Keyword k;
        k.line = t.line;
        k.value = parse_test();
        call.keywords.push_back(std::move(k));
        seen_kwunpack = true;
      } else if (at_op("*")) {
        advance();
        if (seen_kwunpack) error_at(t, "iterable argument unpacking follows keyword argument unpacking");
        ExprP s = make(ExprKind::Starred, t);
        s->a = parse_test();
        call.elts.push_back(std::move(s));
      } else if (at(Tok::Name) && at_op("=", 1)) {
        if (keywords().count(t.text)) {
          if (is(t, "True") || is(t, "False") || is(t, "None"))
            error_at(t, "cannot assign to " + t.text);
          invalid();
        }
        Keyword k;
        k.line = t.line;
        k.name = advance().text;
        advance();
        k.value = parse_test();
        for (auto& other : call.keywords)
          if (other.name == k.name) error_at(t, "keyword argument repeated: " + k.name);
        call.keywords.push_back(std::move(k));
        seen_kw = true;
      } else {
        ExprP arg = parse_named_expression();
        if (at_kw("for")) {
          ExprP g = make(ExprKind::GeneratorExp, t);
          g->line = arg->line;
          g->a = std::move(arg);
          parse_comprehension_clauses(*g);
          if (!call.elts.empty() || !call.keywords.empty() || at_op(","))
            error_line(g->line, "Generator expression must be parenthesized");
          call.elts.push_back(std::move(g));
          continue;
        }
        if (at_op("=")) error_line(arg->line, "expression cannot contain assignment, perhaps you meant \"==\"?");
        if (seen_kwunpack) error_line(arg->line, "positional argument follows keyword argument unpacking");
        if (seen_kw) error_line(arg->line, "positional argument follows keyword argument");
        call.elts.push_back(std::move(arg));
      }
      if (!accept_op(",")) {
        if (starts_expression() && !at_op("*") && !at_op("-") && !at_op("+"))
          error_span(t, peek(), "invalid syntax. Perhaps you forgot a comma?");
        break;
      }
    }
  }

  ExprP parse_slice_part() {
    const Token& t = peek();
    ExprP lower, upper, step;
    if (!at_op(":")) {
      lower = parse_named_expression();
      if (!at_op(":")) return lower;
    }
    ExprP s = make(ExprKind::Slice, t);
    advance();  // ':'
    if (!at_op(":") && !at_op("]") && !at_op(",")) upper = parse_test();
    if (accept_op(":")) {
      if (!at_op("]") && !at_op(",")) step = parse_test();
    }
    s->a = std::move(lower);
    s->b = std::move(upper);
    s->c = std::move(step);
    return s;
  }

  ExprP parse_subscript() {
    const Token& t = peek();
    ExprP first = at_op("*") ? parse_star_or_named() : parse_slice_part();
    if (!at_op(",")) return first;
    ExprP tup = make(ExprKind::Tuple, t);
    tup->elts.push_back(std::move(first));
    while (accept_op(",")) {
      if (at_op("]")) break;
      tup->elts.push_back(at_op("*") ? parse_star_or_named() : parse_slice_part());
    }
    return tup;
  }

  void parse_comprehension_clauses(Expr& e) {
    while (at_kw("for")) {
      advance();
      Comprehension c;
      c.target = parse_target_list();
      check_target(c.target.get(), "assign to");
      if (!accept_kw("in")) invalid();
      c.iter = parse_or();
      while (at_kw("if")) {
        advance();
        c.ifs.push_back(parse_test_no_cond());
      }
      e.generators.push_back(std::move(c));
      if (at_kw("async")) error_at(peek(), "asynchronous comprehensions are not supported");
    }
  }

  // Elements inside () [] {} with the "forgot a comma" diagnostic.
  void after_element(const char* close, const Token& start) {
    if (!at_op(",") && !at_op(close) && starts_expression())
      error_span(start, peek(), "invalid syntax. Perhaps you forgot a comma?");
  }

  ExprP parse_atom() {
    const Token& t = peek();
    switch (t.kind) {
      case Tok::Int: {
        if (t.int_min_magnitude) error_at(t, "integer literal too large: this runtime's int is 64-bit");
        advance();
        ExprP e = make(ExprKind::Constant, t);
        e->value = make_int(t.int_value);
        return e;
      }
      case Tok::Float: {
        advance();
        ExprP e = make(ExprKind::Constant, t);
        e->value = make_float(t.float_value);
        return e;
      }
      case Tok::String:
        return parse_strings();
      case Tok::Name: {
        if (is(t, "None") || is(t, "True") || is(t, "False")) {
          advance();
          ExprP e = make(ExprKind::Constant, t);
          e->value = ObjRef(is(t, "None") ? none() : make_bool(is(t, "True")));
          return e;
        }
        if (keywords().count(t.text)) {
          if (is(t, "yield")) error_at(t, "'yield' outside function");
          invalid();
        }
        advance();
        ExprP e = make(ExprKind::Name, t);
        e->name = t.text;
        return e;
      }
      case Tok::Op:
        break;
      case Tok::Indent:
        error_at(t, "unexpected indent", true);
      default:
        invalid();
    }
    if (is(t, "...")) {
      advance();
      ExprP e = make(ExprKind::Constant, t);
      e->value = ObjRef(ellipsis());
      return e;
    }
    if (is(t, "(")) {
      advance();
      if (accept_op(")")) {
        ExprP e = make(ExprKind::Tuple, t);
        return e;
      }
      if (at_kw("yield")) {
        ExprP y = parse_yield();
        expect_op(")");
        return y;
      }
      const Token& first_tok = peek();
      ExprP first = parse_star_or_named();
      if (at_kw("for")) {
        ExprP g = make(ExprKind::GeneratorExp, t);
        g->a = std::move(first);
        parse_comprehension_clauses(*g);
        expect_op(")");
        return g;
      }
      if (accept_op(")")) {
        if (first->kind == ExprKind::Starred) error_line(first->line, "cannot use starred expression here");
        return first;
      }
      after_element(")", first_tok);
      if (!at_op(",")) invalid();
      ExprP tup = make(ExprKind::Tuple, t);
      tup->elts.push_back(std::move(first));
      while (accept_op(",")) {
        if (at_op(")")) break;
        const Token& st = peek();
        tup->elts.push_back(parse_star_or_named());
        after_element(")", st);
      }
      expect_op(")");
      return tup;
    }
    if (is(t, "[")) {
      advance();
      ExprP list = make(ExprKind::List, t);
      if (accept_op("]")) return list;
      const Token& first_tok = peek();
      ExprP first = parse_star_or_named();
      if (at_kw("for")) {
        ExprP c = make(ExprKind::ListComp, t);
        c->a = std::move(first);
        parse_comprehension_clauses(*c);
        expect_op("]");
        return c;
      }
      after_element("]", first_tok);
      list->elts.push_back(std::move(first));
      while (accept_op(",")) {
        if (at_op("]")) break;
        const Token& st = peek();
        list->elts.push_back(parse_star_or_named());
        after_element("]", st);
      }
      expect_op("]");
      return list;
    }
    if (is(t, "{")) {
      advance();
      if (accept_op("}")) return make(ExprKind::Dict, t);
      if (at_op("**")) {
        ExprP d = make(ExprKind::Dict, t);
        parse_dict_rest(*d);
        return d;
      }
      const Token& first_tok = peek();
      ExprP first = parse_star_or_named();
      if (accept_op(":")) {
        const Token& value_tok = peek();
        ExprP value = parse_test();
        if (at_kw("for")) {
          ExprP c = make(ExprKind::DictComp, t);
          c->a = std::move(first);
          c->b = std::move(value);
          parse_comprehension_clauses(*c);
          expect_op("}");
          return c;
        }
        ExprP d = make(ExprKind::Dict, t);
        d->elts.push_back(std::move(first));
        d->values.push_back(std::move(value));
        after_element("}", value_tok);
        if (accept_op(",")) parse_dict_rest(*d);
        else expect_op("}");
        return d;
      }
      if (at_kw("for")) {
        ExprP c = make(ExprKind::SetComp, t);
        c->a = std::move(first);
        parse_comprehension_clauses(*c);
        expect_op("}");
        return c;
      }
      ExprP s = make(ExprKind::Set, t);
      after_element("}", first_tok);
      s->elts.push_back(std::move(first));
      while (accept_op(",")) {
        if (at_op("}")) break;
        const Token& st = peek();
        s->elts.push_back(parse_star_or_named());
        after_element("}", st);
      }
      expect_op("}");
      return s;
    }
    invalid();
  }

  void parse_dict_rest(Expr& d) {
    while (!at_op("}")) {
      const Token* st = &peek();
      if (accept_op("**")) {
        d.elts.push_back(nullptr);
        d.values.push_back(parse_bitor());
      } else {
        d.elts.push_back(parse_test());
        expect_op(":");
        st = &peek();
        d.values.push_back(parse_test());
      }
      after_element("}", *st);
      if (!accept_op(",")) break;
    }
    expect_op("}");
  }

  // Adjacent string literals, any of them f-strings.
  ExprP parse_strings() {
    const Token& first = peek();
    std::vector<ExprP> parts;
    bool any_f = false;
    bool any_bytes = false, any_str = false;
    std::string pending;
    bool have_pending = false;
    auto flush = [&]() {
      if (!have_pending) return;
      ExprP c = make(ExprKind::Constant, first);
      c->value = make_str(pending);
      parts.push_back(std::move(c));
      pending.clear();
      have_pending = false;
    };
    while (at(Tok::String)) {
      const Token& t = advance();
      if (t.is_bytes) any_bytes = true;
      else any_str = true;
      if (t.is_fstring) {
        any_f = true;
        std::vector<ExprP> fparts;
        parse_fstring_body(t, t.text, 0, fparts);
        for (auto& p : fparts) {
          if (p->kind == ExprKind::Constant) {
            pending += str_value(p->value.get());
            have_pending = true;
          } else {
            flush();
            parts.push_back(std::move(p));
          }
        }
      } else {
        pending += t.text;
        have_pending = true;
      }
    }
    if (any_bytes && any_str) error_at(first, "cannot mix bytes and nonbytes literals");
    if (any_bytes) error_at(first, "bytes literals are not supported in lesson cells");
    if (!any_f) {
      ExprP c = make(ExprKind::Constant, first);
      c->value = make_str(pending);
      return c;
    }
    flush();
    ExprP j = make(ExprKind::JoinedStr, first);
    j->elts = std::move(parts);
    return j;
  }

  // CPython 3.11 places f-string errors just past the end of the string.
  [[noreturn]] void fstring_error(const Token& t, const std::string& msg) { fstring_error_text(t, "f-string: " + msg); }
  [[noreturn]] void fstring_error_text(const Token& t, const std::string& msg) {
    ParseError e;
    e.info.message = msg;
    e.info.line = t.end_line;
    e.info.col = t.end_col + 1;
    throw e;
  }

  // Splits an f-string body into constant parts and formatted values.
  void parse_fstring_body(const Token& t, const std::string& body, int depth, std::vector<ExprP>& out) {
    if (depth > 2) fstring_error(t, "expressions nested too deeply");
    std::string literal;
    auto flush_literal = [&]() {
      if (literal.empty()) return;
      std::string decoded;
      if (t.is_raw) {
        decoded = literal;
      } else {
        std::string err;
        if (!decode_string_escapes(literal, decoded, err)) error_at(t, err);
      }
      ExprP c = make(ExprKind::Constant, t);
      c->value = make_str(decoded);
      out.push_back(std::move(c));
      literal.clear();
    };
    std::size_t i = 0;
    while (i < body.size()) {
      char c = body[i];
      if (c == '\\' && i + 1 < body.size() && !t.is_raw) {
        literal.push_back(c);
        literal.push_back(body[i + 1]);
        i += 2;
        continue;
      }
      if (c == '{') {
        if (i + 1 < body.size() && body[i + 1] == '{' && depth == 0) {
          literal.push_back('{');
          i += 2;
          continue;
        }
        flush_literal();
        i = parse_fstring_field(t, body, i + 1, depth, out);
        continue;
      }
      if (c == '}') {
        if (i + 1 < body.size() && body[i + 1] == '}' && depth == 0) {
          literal.push_back('}');
          i += 2;
          continue;
        }
        fstring_error(t, "single '}' is not allowed");
      }
      literal.push_back(c);
      ++i;
    }
    flush_literal();
  }

  // Parses "expr[=][!c][:spec]}" starting at body[i]; returns the index after '}'.
  std::size_t parse_fstring_field(const Token& t, const std::string& body, std::size_t i, int depth,
                                  std::vector<ExprP>& out) {
    std::size_t start = i;
    std::string parens;  // the open brackets, innermost last
    char quote = 0;
    std::size_t expr_end = std::string::npos;
    // CPython 3.11's scan (fstring_find_expr), with its messages.
    for (; i < body.size(); ++i) {
      char c = body[i];
      if (c == '\\') fstring_error_text(t, "f-string expression part cannot include a backslash");
      if (quote) {
        if (c == quote) quote = 0;
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        if (parens.size() >= 200) fstring_error(t, "too many nested parenthesis");
        parens.push_back(c);
        continue;
      }
      if (c == '#') fstring_error_text(t, "f-string expression part cannot include '#'");
      if (parens.empty() && (c == '}' || c == ':' || c == '!' || c == '=')) {
        if (c == '}' || c == ':') {
          expr_end = i;
          break;
        }
        if (c == '!' && i + 1 < body.size() && body[i + 1] != '=') {
          expr_end = i;
          break;
        }
        if (c == '=' && i + 1 < body.size() && body[i + 1] != '=' && i > start && body[i - 1] != '=' &&
            body[i - 1] != '!' && body[i - 1] != '<' && body[i - 1] != '>') {
          expr_end = i;
          break;
        }
        continue;
      }
      if (c == ')' || c == ']' || c == '}') {
        if (parens.empty()) fstring_error(t, std::string("unmatched '") + c + "'");
        const char open = parens.back();
        parens.pop_back();
        if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}')))
          fstring_error(t, std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + open + "'");
      }
    }
    if (quote) fstring_error(t, "unterminated string");
    if (!parens.empty()) fstring_error(t, std::string("unmatched '") + parens.back() + "'");
    if (expr_end == std::string::npos) fstring_error(t, "expecting '}'");
    std::string expr_text = body.substr(start, expr_end - start);
    bool blank = expr_text.find_first_not_of(" \t\n") == std::string::npos;
    if (blank) fstring_error(t, "empty expression not allowed");
    i = expr_end;
    bool debug = false;
    std::string debug_text;
    if (body[i] == '=') {
      debug = true;
      ++i;
      while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) ++i;
      debug_text = body.substr(start, i - start);
    }
    int conversion = 0;
    if (i < body.size() && body[i] == '!') {
      if (i + 1 >= body.size()) fstring_error(t, "expecting '}'");
      char conv = body[i + 1];
      if (conv == 's') conversion = 1;
      else if (conv == 'r') conversion = 2;
      else if (conv == 'a') conversion = 3;
      else fstring_error(t, "invalid conversion character: expected 's', 'r', or 'a'");
      i += 2;
    }
    ExprP spec;
    if (i < body.size() && body[i] == ':') {
      ++i;
      std::size_t spec_start = i;
      int level = 0;
      for (; i < body.size(); ++i) {
        if (body[i] == '{') level++;
        else if (body[i] == '}') {
          if (level == 0) break;
          level--;
        }
      }
      if (i >= body.size()) fstring_error(t, "expecting '}'");
      std::vector<ExprP> spec_parts;
      parse_fstring_body(t, body.substr(spec_start, i - spec_start), depth + 1, spec_parts);
      spec = make(ExprKind::JoinedStr, t);
      spec->elts = std::move(spec_parts);
    }
    if (i >= body.size() || body[i] != '}') fstring_error(t, "expecting '}'");
    ++i;
    // Parse the expression with a fresh lexer and parser, wrapped in
    // parentheses as CPython does.
    std::string wrapped = "(" + expr_text + ")";
    Lexer lexer(wrapped, t.line);
    std::vector<Token> toks;
    SyntaxErrorInfo err;
    // Errors inside the expression show the wrapped text, as CPython 3.11's.
    auto expression_error = [&](SyntaxErrorInfo info) {
      ParseError pe;
      pe.info = std::move(info);
      pe.info.message = "f-string: " + pe.info.message;
      pe.info.line = t.line;
      pe.info.text = wrapped;
      throw pe;
    };
    if (!lexer.tokenize(toks, err)) expression_error(err);
    Parser sub(std::move(toks));
    ExprP value;
    try {
      value = sub.parse_fstring_expression();
    } catch (ParseError& inner) {
      expression_error(inner.info);
    }
    if (debug) {
      ExprP text = make(ExprKind::Constant, t);
      text->value = make_str(debug_text);
      out.push_back(std::move(text));
      if (conversion == 0 && !spec) conversion = 2;
    }
    ExprP fv = make(ExprKind::FormattedValue, t);
    fv->a = std::move(value);
    fv->op = conversion;
    fv->b = std::move(spec);
    out.push_back(std::move(fv));
    return i;
  }

  std::vector<Token> toks_;
  std::size_t pos_ = 0;
};

}  // namespace

bool parse_module(const std::string& source, AstModule& out, SyntaxErrorInfo& error) {
  Lexer lexer(source);
  std::vector<Token> toks;
  if (!lexer.tokenize(toks, error)) return false;
  try {
    Parser p(std::move(toks));
    p.parse_file(out);
  } catch (ParseError& e) {
    error = e.info;
    return false;
  }
  return true;
}

}  // namespace lesson::python
