#include "python/lexer.hpp"

#include <cerrno>
#include <cstdint>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "python/obj_str.hpp"

namespace lesson::python {

namespace {

bool is_id_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_id_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

// The length of the longest operator or delimiter at src[pos..] (maximal
// munch), or 0 if none starts there. Called for every operator token, so it
// dispatches on the first character instead of trying each operator in turn.
std::size_t match_operator(const std::string& src, std::size_t pos) {
  const std::size_t n = src.size();
  auto next = [&](std::size_t k) { return pos + k < n ? src[pos + k] : '\0'; };
  const char c = src[pos];
  switch (c) {
    case '(': case ')': case '[': case ']': case '{': case '}': case ',': case ';': case '~':
      return 1;
    case '.':
      return next(1) == '.' && next(2) == '.' ? 3 : 1;
    case ':': case '=': case '+': case '%': case '&': case '|': case '^': case '@':
      return next(1) == '=' ? 2 : 1;
    case '!':
      return next(1) == '=' ? 2 : 0;
    case '-':
      return next(1) == '=' || next(1) == '>' ? 2 : 1;
    case '*': case '/': case '<': case '>':
      // **, //, <<, >> and their augmented forms; <=, >=, *=, /=.
      if (next(1) == c) return next(2) == '=' ? 3 : 2;
      return next(1) == '=' ? 2 : 1;
    default:
      return 0;
  }
}

bool is_string_prefix(const std::string& p) {
  std::string l;
  for (char c : p) l.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return l == "r" || l == "u" || l == "b" || l == "f" || l == "br" || l == "rb" || l == "fr" || l == "rf";
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool decode_string_escapes(const std::string& raw, std::string& out, std::string& error) {
  out.clear();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c != '\\' || i + 1 >= raw.size()) {
      out.push_back(c);
      continue;
    }
    char e = raw[++i];
    switch (e) {
      case '\n': break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned v = static_cast<unsigned>(e - '0');
        for (int k = 0; k < 2 && i + 1 < raw.size() && raw[i + 1] >= '0' && raw[i + 1] <= '7'; ++k)
          v = v * 8 + static_cast<unsigned>(raw[++i] - '0');
        utf8_append(out, static_cast<char32_t>(v));
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        unsigned long v = 0;
        for (int k = 0; k < n; ++k) {
          if (i + 1 >= raw.size() || hex_value(raw[i + 1]) < 0) {
            error = std::string("(unicode error) 'unicodeescape' codec can't decode bytes in position 0-") +
                    std::to_string(k + 1) + ": truncated \\" + e + std::string(static_cast<std::size_t>(n), 'X') +
                    " escape";
            return false;
          }
          v = v * 16 + static_cast<unsigned long>(hex_value(raw[++i]));
        }
        if (v > 0x10ffff) {
          error = "(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character";
          return false;
        }
        utf8_append(out, static_cast<char32_t>(v));
        break;
      }
      case 'N':
        error = "(unicode error) \\N{...} escapes are not supported";
        return false;
      default:
        out.push_back('\\');
        out.push_back(e);
    }
  }
  return true;
}

Lexer::Lexer(const std::string& source, int first_line) : src_(source), line_(first_line) {}

bool Lexer::fail(const std::string& message, int line, int col, bool indentation) {
  error_->message = message;
  error_->line = line;
  error_->col = col;
  error_->indentation = indentation;
  return false;
}

bool Lexer::read_number(Token& t) {
  std::size_t start = pos_;
  const std::size_t n = src_.size();
  auto digits = [&](auto pred) {
    std::size_t s = pos_;
    while (pos_ < n && (pred(src_[pos_]) || (src_[pos_] == '_' && pos_ + 1 < n && pred(src_[pos_ + 1])))) ++pos_;
    return pos_ > s;
  };
  auto is_dec = [](char c) { return c >= '0' && c <= '9'; };
  t.line = line_;
  t.col = static_cast<int>(start - line_start_);
  if (src_[pos_] == '0' && pos_ + 1 < n && std::strchr("xXoObB", src_[pos_ + 1])) {
    char p = static_cast<char>(std::tolower(static_cast<unsigned char>(src_[pos_ + 1])));
    int base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
    pos_ += 2;
    if (pos_ < n && src_[pos_] == '_') ++pos_;
    auto ok = [base](char c) { return hex_value(c) >= 0 && hex_value(c) < base; };
    if (!digits(ok)) {
      const char* what = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
      return fail(std::string("invalid ") + what + " literal", line_, static_cast<int>(pos_ - line_start_) + 1);
    }
    if (pos_ < n && (is_id_char(static_cast<unsigned char>(src_[pos_])))) {
      if (base == 8 && std::isdigit(static_cast<unsigned char>(src_[pos_])))
        return fail("invalid digit '" + std::string(1, src_[pos_]) + "' in octal literal", line_,
                    static_cast<int>(pos_ - line_start_) + 1);
      if (base == 2 && std::isdigit(static_cast<unsigned char>(src_[pos_])))
        return fail("invalid digit '" + std::string(1, src_[pos_]) + "' in binary literal", line_,
                    static_cast<int>(pos_ - line_start_) + 1);
      const char* what = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
      return fail(std::string("invalid ") + what + " literal", line_, static_cast<int>(pos_ - line_start_) + 1);
    }
    std::string text;
    for (std::size_t k = start + 2; k < pos_; ++k)
      if (src_[k] != '_') text.push_back(src_[k]);
    errno = 0;
    unsigned long long v = std::strtoull(text.c_str(), nullptr, base);
    if (errno == ERANGE || v > 9223372036854775807ull)
      return fail("integer literal too large: this runtime's int is 64-bit", line_, t.col + 1);
    t.kind = Tok::Int;
    t.int_value = static_cast<std::int64_t>(v);
    t.text = src_.substr(start, pos_ - start);
    return true;
  }
  bool is_float = false;
  digits(is_dec);
  if (pos_ < n && src_[pos_] == '.') {
    is_float = true;
    ++pos_;
    digits(is_dec);
  }
  if (pos_ < n && (src_[pos_] == 'e' || src_[pos_] == 'E')) {
    std::size_t save = pos_;
    ++pos_;
    if (pos_ < n && (src_[pos_] == '+' || src_[pos_] == '-')) ++pos_;
    if (!digits(is_dec)) {
      pos_ = save;
      return fail("invalid decimal literal", line_, static_cast<int>(pos_ - line_start_) + 1);
    }
    is_float = true;
  }
  if (pos_ < n && (src_[pos_] == 'j' || src_[pos_] == 'J'))
    return fail("complex numbers are not supported in lesson cells", line_, t.col + 1);
  if (pos_ < n && is_id_char(static_cast<unsigned char>(src_[pos_])))
    return fail("invalid decimal literal", line_, static_cast<int>(pos_ - line_start_) + 1);
  std::string text;
  for (std::size_t k = start; k < pos_; ++k)
    if (src_[k] != '_') text.push_back(src_[k]);
  t.text = src_.substr(start, pos_ - start);
  if (is_float) {
    t.kind = Tok::Float;
    t.float_value = std::strtod(text.c_str(), nullptr);
    return true;
  }
  if (text.size() > 1 && text[0] == '0') {
    for (char c : text)
      if (c != '0')
        return fail(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            line_, t.col + 1);
  }
  errno = 0;
  unsigned long long v = std::strtoull(text.c_str(), nullptr, 10);
  if (errno != ERANGE && v == 9223372036854775808ull) {
    t.kind = Tok::Int;
    t.int_min_magnitude = true;
    t.int_value = INT64_MIN;
    return true;
  }
  if (errno == ERANGE || v > 9223372036854775807ull)
    return fail("integer literal too large: this runtime's int is 64-bit", line_, t.col + 1);
  t.kind = Tok::Int;
  t.int_value = static_cast<std::int64_t>(v);
  return true;
}

bool Lexer::read_string(Token& t, std::size_t prefix_len) {
  const std::size_t n = src_.size();
  std::size_t start = pos_;
  std::string prefix;
  for (std::size_t k = 0; k < prefix_len; ++k)
    prefix.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(src_[pos_ + k]))));
  pos_ += prefix_len;
  bool raw = prefix.find('r') != std::string::npos;
  t.is_fstring = prefix.find('f') != std::string::npos;
  t.is_bytes = prefix.find('b') != std::string::npos;
  t.is_raw = raw;
  char q = src_[pos_];
  bool triple = pos_ + 2 < n && src_[pos_ + 1] == q && src_[pos_ + 2] == q;
  int start_line = line_;
  int start_col = static_cast<int>(start - line_start_);
  pos_ += triple ? 3 : 1;
  t.quote_len = triple ? 3 : 1;
  std::string body;
  for (;;) {
    if (pos_ >= n) {
      if (triple)
        return fail("unterminated triple-quoted string literal (detected at line " + std::to_string(line_) + ")",
                    start_line, start_col + 1);
      return fail("unterminated string literal (detected at line " + std::to_string(line_) + ")", start_line,
                  start_col + 1);
    }
    char c = src_[pos_];
    if (c == '\\' && pos_ + 1 < n) {
      body.push_back(c);
      body.push_back(src_[pos_ + 1]);
      if (src_[pos_ + 1] == '\n') {
        ++line_;
        line_start_ = pos_ + 2;
      }
      pos_ += 2;
      continue;
    }
    if (c == q) {
      if (!triple) {
        ++pos_;
        break;
      }
      if (pos_ + 2 < n + 0 && src_[pos_ + 1] == q && src_[pos_ + 2] == q) {
        pos_ += 3;
        break;
      }
    }
    if (c == '\n') {
      if (!triple)
        return fail("unterminated string literal (detected at line " + std::to_string(line_) + ")", start_line,
                    start_col + 1);
      ++line_;
      line_start_ = pos_ + 1;
    }
    body.push_back(c);
    ++pos_;
  }
  t.kind = Tok::String;
  t.line = start_line;
  t.col = start_col;
  if (t.is_fstring || raw) {
    t.text = body;
    return true;
  }
  std::string err;
  if (!decode_string_escapes(body, t.text, err)) return fail(err, start_line, start_col + 1);
  return true;
}

bool Lexer::tokenize(std::vector<Token>& out, SyntaxErrorInfo& error) {
  error_ = &error;
  const std::size_t n = src_.size();
  std::vector<int> indents{0};
  struct Open {
    char c;
    int line;
    int col;
  };
  std::vector<Open> parens;
  bool at_line_start = true;
  out.reserve(out.size() + n / 4 + 16);  // about one token per four bytes of source
  auto push = [&](Tok k, std::string text, int line, int col) {
    Token t;
    t.kind = k;
    t.text = std::move(text);
    t.line = line;
    t.col = col;
    t.end_line = line_;
    t.end_col = static_cast<int>(pos_ - line_start_);
    if (k == Tok::Op || k == Tok::Name) t.code = pack_token_text(t.text);
    out.push_back(std::move(t));
  };
  while (pos_ < n) {
    if (at_line_start && parens.empty()) {
      int col = 0;
      std::size_t p = pos_;
      while (p < n && (src_[p] == ' ' || src_[p] == '\t' || src_[p] == '\f')) {
        if (src_[p] == ' ') ++col;
        else if (src_[p] == '\t') col = (col / 8 + 1) * 8;
        else col = 0;
        ++p;
      }
      if (p >= n) {
        pos_ = p;
        break;
      }
      if (src_[p] == '#' || src_[p] == '\n' || src_[p] == '\r' || (src_[p] == '\\' && p + 1 < n && src_[p + 1] == '\n' && false)) {
        // Blank or comment-only line: no tokens.
        while (p < n && src_[p] != '\n') ++p;
        pos_ = p < n ? p + 1 : p;
        ++line_;
        line_start_ = pos_;
        continue;
      }
      pos_ = p;
      if (col > indents.back()) {
        indents.push_back(col);
        push(Tok::Indent, "", line_, 0);
      } else {
        while (col < indents.back()) {
          indents.pop_back();
          push(Tok::Dedent, "", line_, col);
        }
        if (col != indents.back())
        {
          // CPython points past the end of the line.
          const std::size_t eol = src_.find('\n', pos_);
          const std::size_t len = (eol == std::string::npos ? src_.size() : eol) - line_start_;
          return fail("unindent does not match any outer indentation level", line_, static_cast<int>(len) + 1, true);
        }
      }
      at_line_start = false;
    }
    char c = src_[pos_];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
      ++pos_;
      continue;
    }
    if (c == '#') {
      while (pos_ < n && src_[pos_] != '\n') ++pos_;
      continue;
    }
    if (c == '\\') {
      std::size_t p = pos_ + 1;
      if (p < n && src_[p] == '\r') ++p;
      if (p < n && src_[p] == '\n') {
        pos_ = p + 1;
        ++line_;
        line_start_ = pos_;
        if (pos_ >= n) return fail("unexpected EOF while parsing", line_ - 1, 1);
        continue;
      }
      return fail("unexpected character after line continuation character", line_,
                  static_cast<int>(pos_ - line_start_) + 2);
    }
    if (c == '\n') {
      if (parens.empty() && !out.empty() && out.back().kind != Tok::Newline && out.back().kind != Tok::Indent &&
          out.back().kind != Tok::Dedent)
        push(Tok::Newline, "", line_, static_cast<int>(pos_ - line_start_));
      ++pos_;
      ++line_;
      line_start_ = pos_;
      at_line_start = parens.empty();
      continue;
    }
    int col = static_cast<int>(pos_ - line_start_);
    auto uc = static_cast<unsigned char>(c);
    if (is_id_start(uc)) {
      std::size_t s = pos_;
      while (pos_ < n && is_id_char(static_cast<unsigned char>(src_[pos_]))) ++pos_;
      std::string word = src_.substr(s, pos_ - s);
      if (pos_ < n && (src_[pos_] == '\'' || src_[pos_] == '"') && word.size() <= 2 && is_string_prefix(word)) {
        pos_ = s;
        Token t;
        if (!read_string(t, word.size())) return false;
        t.end_line = line_;
        t.end_col = static_cast<int>(pos_ - line_start_);
        out.push_back(std::move(t));
        continue;
      }
      // Non-ASCII identifier characters must be letters; reject symbols.
      for (std::size_t k = 0; k < word.size();) {
        auto b = static_cast<unsigned char>(word[k]);
        if (b < 0x80) {
          ++k;
          continue;
        }
        std::size_t len = (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : 4;
        std::u32string cp = utf8_decode(word.substr(k, len));
        char32_t ch = cp.empty() ? 0 : cp[0];
        bool letter = (ch >= 0xc0 && ch <= 0x24f && ch != 0xd7 && ch != 0xf7) || (ch >= 0x370 && ch <= 0x3ff) ||
                      (ch >= 0x400 && ch <= 0x4ff) || (ch >= 0x4e00 && ch <= 0x9fff) || ch == 0xb5;
        if (!letter) {
          char buf[64];
          std::snprintf(buf, sizeof buf, " (U+%04X)", static_cast<unsigned>(ch));
          return fail("invalid character '" + word.substr(k, len) + "'" + buf, line_, col + 1);
        }
        k += len;
      }
      push(Tok::Name, word, line_, col);
      continue;
    }
    if (c == '\'' || c == '"') {
      Token t;
      if (!read_string(t, 0)) return false;
      t.end_line = line_;
      t.end_col = static_cast<int>(pos_ - line_start_);
      out.push_back(std::move(t));
      continue;
    }
    if (std::isdigit(uc) || (c == '.' && pos_ + 1 < n && std::isdigit(static_cast<unsigned char>(src_[pos_ + 1])))) {
      Token t;
      if (!read_number(t)) return false;
      t.end_line = line_;
      t.end_col = static_cast<int>(pos_ - line_start_);
      out.push_back(std::move(t));
      continue;
    }
    const std::size_t op_len = match_operator(src_, pos_);
    if (!op_len) {
      if (uc >= 0x80) {
        std::size_t len = (uc >> 5) == 6 ? 2 : (uc >> 4) == 14 ? 3 : 4;
        std::string ch = src_.substr(pos_, len);
        std::u32string cp = utf8_decode(ch);
        char buf[32];
        std::snprintf(buf, sizeof buf, " (U+%04X)", cp.empty() ? 0u : static_cast<unsigned>(cp[0]));
        return fail("invalid character '" + ch + "'" + buf, line_, col + 1);
      }
      return fail("invalid syntax", line_, col + 1);
    }
    std::string op = src_.substr(pos_, op_len);
    pos_ += op_len;
    if (op == "(" || op == "[" || op == "{") {
      parens.push_back({op[0], line_, col});
    } else if (op == ")" || op == "]" || op == "}") {
      if (parens.empty()) return fail("unmatched '" + op + "'", line_, col + 1);
      char open = parens.back().c;
      char want = open == '(' ? ')' : open == '[' ? ']' : '}';
      if (want != op[0]) {
        if (parens.back().line != line_)
          return fail("closing parenthesis '" + op + "' does not match opening parenthesis '" + std::string(1, open) +
                          "' on line " + std::to_string(parens.back().line),
                      line_, col + 1);
        return fail("closing parenthesis '" + op + "' does not match opening parenthesis '" + std::string(1, open) + "'",
                    line_, col + 1);
      }
      parens.pop_back();
    }
    push(Tok::Op, op, line_, col);
  }
  if (!parens.empty())
    return fail("'" + std::string(1, parens.back().c) + "' was never closed", parens.back().line,
                parens.back().col + 1);
  if (!out.empty() && out.back().kind != Tok::Newline && out.back().kind != Tok::Dedent &&
      out.back().kind != Tok::Indent)
    push(Tok::Newline, "", line_, 0);
  while (indents.size() > 1) {
    indents.pop_back();
    push(Tok::Dedent, "", line_, 0);
  }
  push(Tok::End, "", line_, 0);
  return true;
}

}  // namespace lesson::python
