// Code objects to bytes and back, so the Python parts of the library (torch.nn,
// torch.optim, ...) can be compiled when the program is built instead of
// each time a session imports them (see frozen.hpp). The format is private
// to one build: it carries no compatibility promise beyond a magic number.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "python/code.hpp"

namespace lesson::python {

struct CodeFormatError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The bytes of `code` and every code object among its constants. Throws
// CodeFormatError for a constant it cannot write.
std::string serialize_code(const Code& code);

// The code object `data` holds; its line numbers refer to `source`.
// Throws CodeFormatError if the bytes are not a serialized code object.
Ref<Code> deserialize_code(std::string_view data, std::shared_ptr<const SourceText> source);

// The SourceText compile_source keeps for `source`: its lines, for
// tracebacks.
std::shared_ptr<const SourceText> make_source_text(const std::string& filename, const std::string& source);

}  // namespace lesson::python
