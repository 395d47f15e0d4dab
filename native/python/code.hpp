// Compiled code: the bytecode of one module, class body, function, lambda or
// comprehension, with its constants, names and line table.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "python/object.hpp"
#include "python/opcodes.hpp"

namespace lesson::python {

extern Type code_type;

// The text of a cell or file, kept so tracebacks can print source lines.
struct SourceText {
  std::string filename;
  std::vector<std::string> lines;  // without line endings
  std::string line(int lineno) const {
    return lineno >= 1 && static_cast<std::size_t>(lineno) <= lines.size() ? lines[lineno - 1] : std::string();
  }
};

enum CodeFlags : std::uint32_t {
  kCodeVarargs = 1,
  kCodeVarkeywords = 2,
  kCodeGenerator = 4,
  kCodeNewLocals = 8,   // function scope (fast locals)
  kCodeClassBody = 16,
};

// An inline cache of one attribute instruction (LOAD_ATTR, STORE_ATTR,
// LOAD_METHOD): what the name means on `type`'s side, valid while the type
// epoch (any type dictionary change bumps it) is unchanged, plus the position
// of the name in the last instance dictionary seen.
struct AttrCache {
  enum Kind : std::uint8_t {
    kAbsent,    // not found in the type
    kPlain,     // a class attribute that is no descriptor
    kMethod,    // a function (or a native method): LOAD_METHOD needs no bound method
    kNonData,   // another non-data descriptor
    kData,      // a data descriptor, or a name the generic protocol treats specially
  };
  const Type* type = nullptr;
  std::uint64_t epoch = 0;
  Object* descr = nullptr;  // borrowed from the type's dictionary
  std::uint32_t hint = 0;
  Kind kind = kAbsent;
};

class Code : public Object {
 public:
  Code() : Object(&code_type) {}

  std::vector<std::uint32_t> ops;  // opcode | arg << 8
  std::vector<ObjRef> consts;
  std::vector<Str*> names;     // interned: globals, attributes, imports
  std::vector<Str*> varnames;  // fast locals, parameters first
  std::vector<Str*> cellvars;  // locals captured by inner functions
  std::vector<Str*> freevars;  // captured from enclosing functions
  std::vector<int> cell_from_param;  // per cellvar: parameter slot whose value seeds it, or -1
  int argcount = 0;            // positional parameters (including positional-only)
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  std::uint32_t flags = 0;
  int stacksize = 0;
  int firstlineno = 1;
  std::string name;
  std::string qualname;
  std::vector<std::pair<std::uint32_t, int>> linetable;  // (first pc, line), pc ascending
  std::shared_ptr<const SourceText> source;
  ObjRef doc;  // docstring, or empty

  // One AttrCache per instruction, allocated on first use.
  std::unique_ptr<AttrCache[]> attr_cache;
  AttrCache* attr_caches() {
    if (!attr_cache) attr_cache.reset(new AttrCache[ops.size()]);
    return attr_cache.get();
  }

  int nlocals() const { return static_cast<int>(varnames.size()); }
  int ncells() const { return static_cast<int>(cellvars.size()); }
  int nfrees() const { return static_cast<int>(freevars.size()); }
  int line_for(std::uint32_t pc) const;
  const std::string& filename() const;
};

}  // namespace lesson::python
