// Recursive-descent parser for the Python 3.11 subset the lessons use:
// tokens to an AstModule. Errors carry CPython's message texts where the
// lesson runtime reproduces them.
#pragma once

#include <string>

#include "python/ast.hpp"
#include "python/lexer.hpp"

namespace lesson::python {

// Parses a whole cell or file. Returns false and fills `error` on a syntax
// error.
bool parse_module(const std::string& source, AstModule& out, SyntaxErrorInfo& error);

}  // namespace lesson::python
