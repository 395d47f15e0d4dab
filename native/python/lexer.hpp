// Tokenizer: Python source to tokens, with INDENT/DEDENT from indentation,
// implicit line joining inside brackets, all number forms and string
// literals (prefixes r, b, u, f in any case and combination, single, double
// and triple quotes). F-strings are returned whole; the parser splits them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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

// The text of a short token (up to 8 bytes) packed into an integer, so the
// parser can test for an operator or keyword with one comparison; longer
// tokens get 0, which no operator or keyword packs to. Folds at compile time
// for a string literal.
constexpr std::uint64_t pack_token_text(std::string_view s) {
  if (s.size() > 8) return 0;
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < s.size(); ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i])) << (8 * i);
  return v;
}

struct Token {
  Tok kind;
  std::string text;
  std::uint64_t code = 0;  // pack_token_text(text) for Op and Name tokens
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
  int end_col = 0;  // SyntaxError.end_offset (exclusive), 0 when the error marks one position
  bool indentation = false;  // IndentationError
  std::string text;          // SyntaxError.text when it is not the source line (an f-string's expression)
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
