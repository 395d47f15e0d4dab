// Compiles a parsed module to bytecode (Code objects), one code object per
// module, class body, function, lambda and comprehension.
#pragma once

#include <memory>
#include <string>

#include "python/ast.hpp"
#include "python/code.hpp"
#include "python/lexer.hpp"

namespace lesson::python {

// Parses and compiles source text. On a syntax error returns null and fills
// `error`.
Ref<Code> compile_source(const std::string& source, const std::string& filename, SyntaxErrorInfo& error);

// A readable listing of the bytecode, for tests and debugging.
std::string disassemble(const Code& code);

}  // namespace lesson::python
