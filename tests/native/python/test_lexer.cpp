#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "python/lexer.hpp"

using lesson::python::Lexer;
using lesson::python::SyntaxErrorInfo;
using lesson::python::Tok;
using lesson::python::Token;

namespace {

std::vector<Token> lex(const std::string& src) {
  Lexer lexer(src);
  std::vector<Token> out;
  SyntaxErrorInfo err;
  bool ok = lexer.tokenize(out, err);
  INFO(err.message);
  REQUIRE(ok);
  return out;
}

SyntaxErrorInfo lex_error(const std::string& src) {
  Lexer lexer(src);
  std::vector<Token> out;
  SyntaxErrorInfo err;
  CHECK_FALSE(lexer.tokenize(out, err));
  return err;
}

std::string kinds(const std::vector<Token>& toks) {
  std::string s;
  for (const Token& t : toks) {
    switch (t.kind) {
      case Tok::Name: s += "N"; break;
      case Tok::Int: s += "I"; break;
      case Tok::Float: s += "F"; break;
      case Tok::String: s += "S"; break;
      case Tok::Op: s += t.text; break;
      case Tok::Newline: s += ";"; break;
      case Tok::Indent: s += ">"; break;
      case Tok::Dedent: s += "<"; break;
      case Tok::End: s += "$"; break;
    }
  }
  return s;
}

}  // namespace

TEST_CASE("python lexer: indentation becomes INDENT and DEDENT") {
  CHECK(kinds(lex("if x:\n    y = 1\n    if z:\n        pass\nw\n")) == "NN:;>N=I;NN:;>N;<<N;$");
  // Blank lines and comment-only lines do not matter.
  CHECK(kinds(lex("if x:\n\n  # note\n  y\n\n")) == "NN:;>N;<$");
  // Inside brackets newlines and indentation are ignored.
  CHECK(kinds(lex("f(1,\n      2)\nx\n")) == "N(I,I);N;$");
  CHECK(kinds(lex("x = [\n  1,\n]\ny\n")) == "N=[I,];N;$");
  // Backslash continuation.
  CHECK(kinds(lex("a = 1 + \\\n    2\n")) == "N=I+I;$");
}

TEST_CASE("python lexer: number literals") {
  auto toks = lex("0x1F 0o17 0b101 1_000 3.5 .5 1e3 2E-2 7.\n");
  CHECK(toks[0].int_value == 31);
  CHECK(toks[1].int_value == 15);
  CHECK(toks[2].int_value == 5);
  CHECK(toks[3].int_value == 1000);
  CHECK(toks[4].float_value == 3.5);
  CHECK(toks[5].float_value == 0.5);
  CHECK(toks[6].float_value == 1000.0);
  CHECK(toks[7].float_value == 0.02);
  CHECK(toks[8].kind == Tok::Float);
  CHECK(lex_error("x = 012\n").message.find("leading zeros") == 0);
  CHECK(lex_error("x = 1abc\n").message == "invalid decimal literal");
  CHECK(lex_error("x = 99999999999999999999\n").message.find("64-bit") != std::string::npos);
}

TEST_CASE("python lexer: string literals") {
  auto toks = lex("'a\\tb' \"q\\\"\" r'\\d' '''x\ny''' f'{v}' b'z' 'caf\\u00e9'\n");
  CHECK(toks[0].text == "a\tb");
  CHECK(toks[1].text == "q\"");
  CHECK(toks[2].text == "\\d");
  CHECK(toks[3].text == "x\ny");
  CHECK(toks[4].is_fstring);
  CHECK(toks[4].text == "{v}");
  CHECK(toks[5].is_bytes);
  CHECK(toks[6].text == "caf\xc3\xa9");
  SyntaxErrorInfo e = lex_error("print(\"abc)\n");
  CHECK(e.message == "unterminated string literal (detected at line 1)");
  CHECK(e.line == 1);
  CHECK(lex_error("s = '''abc\n").message.find("unterminated triple-quoted string literal") == 0);
}

TEST_CASE("python lexer: bracket and indentation errors") {
  SyntaxErrorInfo e = lex_error("x = (1 +\n\n");
  CHECK(e.message == "'(' was never closed");
  CHECK(e.line == 1);
  CHECK(lex_error("x = [1, 2)\n").message == "closing parenthesis ')' does not match opening parenthesis '['");
  CHECK(lex_error("x = 1)\n").message == "unmatched ')'");
  SyntaxErrorInfo ind = lex_error("if x:\n        a\n    b\n");
  CHECK(ind.message == "unindent does not match any outer indentation level");
  CHECK(ind.indentation);
  CHECK(lex_error("x = 3 \xe2\x82\xac\n").message == "invalid character '\xe2\x82\xac' (U+20AC)");
}
