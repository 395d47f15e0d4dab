#include "python/code.hpp"

#include <algorithm>

#include "python/frame.hpp"
#include "python/obj_dict.hpp"

namespace lesson::python {

const char* opcode_name(int op) {
  static const char* const names[] = {
#define LESSON_PY_OP_NAME(name) #name,
      LESSON_PY_OPCODES(LESSON_PY_OP_NAME)
#undef LESSON_PY_OP_NAME
  };
  return op >= 0 && op < OP_COUNT_ ? names[op] : "?";
}

int Code::line_for(std::uint32_t pc) const {
  if (linetable.empty()) return firstlineno;
  auto it = std::upper_bound(linetable.begin(), linetable.end(), pc,
                             [](std::uint32_t p, const std::pair<std::uint32_t, int>& e) { return p < e.first; });
  if (it == linetable.begin()) return linetable.front().second;
  return std::prev(it)->second;
}

const std::string& Code::filename() const {
  static const std::string unknown = "<unknown>";
  return source ? source->filename : unknown;
}

Frame::Frame(Ref<Code> c, Ref<Dict> g, Ref<Dict> l) : code(std::move(c)), globals(std::move(g)), locals(std::move(l)) {
  nfast = code->nlocals() + code->ncells() + code->nfrees();
  std::size_t total = static_cast<std::size_t>(nfast + code->stacksize + 2);
  slots.reset(new ObjRef[total]);
  sp = slots.get() + nfast;
}

Frame::~Frame() = default;

}  // namespace lesson::python
