// Tokenizer: Python source to tokens, with INDENT/DEDENT from indentation,
// implicit line joining inside brackets, all number forms and string
// literals (prefixes r, b, u, f in any case and combination, single, double
// and triple quotes). F-strings are returned whole; the parser splits them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace lesson::python {

enum class Tok : std::uint8_t {
  Name,
  Int,      // value in int_value
  Float,    // value in float_value
  String,   // decoded text in text (f-strings: raw body, see is_fstring)
  Op,       // operator or delimiter in text
  Newline,
  Indent,
  Dedent,
  End,
};

struct Token {
  Tok kind;
  std::string text;
  int line = 0;
  int col = 0;      // 0-based byte column
  int end_line = 0;
  int end_col = 0;
  std::int64_t int_value = 0;
  double float_value = 0;
  bool is_fstring = false;
  bool is_bytes = false;
  bool is_raw = false;
  int quote_len = 0;  // 1 or 3 (f-strings: where the body starts)
  bool int_min_magnitude = false;  // the literal 9223372036854775808 (only valid negated)
};

// A syntax error found while tokenizing or parsing.
struct SyntaxErrorInfo {
  std::string message;
  int line = 0;
  int col = 0;  // 1-based offset as in SyntaxError.offset
  bool indentation = false;  // IndentationError
};

class Lexer {
 public:
  explicit Lexer(const std::string& source, int first_line = 1);
  // Tokenizes everything; on error returns false and fills `error`.
  bool tokenize(std::vector<Token>& out, SyntaxErrorInfo& error);

 private:
  bool fail(const std::string& message, int line, int col, bool indentation = false);
  bool read_number(Token& t);
  bool read_string(Token& t, std::size_t prefix_len);
  bool decode_escapes(const std::string& raw, int line, std::string& out);

  const std::string& src_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  SyntaxErrorInfo* error_ = nullptr;
};

// Decodes backslash escapes of a (non-raw) string literal body.
bool decode_string_escapes(const std::string& raw, std::string& out, std::string& error);

}  // namespace lesson::python
