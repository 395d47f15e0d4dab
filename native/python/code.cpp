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

namespace {

// Free lists of slot arrays (all references null) by size, and of frames
// (the evaluator is single-threaded, like the rest of the object model).
constexpr std::size_t kPooledSlotSizes = 64;
constexpr int kPoolDepth = 16;
struct SlotPool {
  ObjRef* arrays[kPoolDepth];
  int count = 0;
};
SlotPool slot_pools[kPooledSlotSizes];
void* frame_pool[64];
int frame_pool_count = 0;

}  // namespace

void* Frame::operator new(std::size_t size) {
  if (size == sizeof(Frame) && frame_pool_count > 0) return frame_pool[--frame_pool_count];
  return ::operator new(size);
}

void Frame::operator delete(void* p) noexcept {
  if (frame_pool_count < 64) frame_pool[frame_pool_count++] = p;
  else ::operator delete(p);
}

Frame::Frame(Ref<Code> c, Ref<Dict> g, Ref<Dict> l) : code(std::move(c)), globals(std::move(g)), locals(std::move(l)) {
  nfast = code->nlocals() + code->ncells() + code->nfrees();
  auto total = static_cast<std::size_t>(nfast + code->stacksize + 2);
  if (total < kPooledSlotSizes && slot_pools[total].count > 0) {
    slots.p = slot_pools[total].arrays[--slot_pools[total].count];
  } else {
    slots.p = new ObjRef[total];
  }
  slots.n = static_cast<std::uint32_t>(total);
  sp = slots.p + nfast;
}

Frame::~Frame() {
  // Release the values last to first (as delete[] would), then recycle.
  for (std::uint32_t i = slots.n; i-- > 0;) slots.p[i].reset();
  if (slots.n < kPooledSlotSizes && slot_pools[slots.n].count < kPoolDepth) {
    slot_pools[slots.n].arrays[slot_pools[slots.n].count++] = slots.p;
  } else {
    delete[] slots.p;
  }
}

}  // namespace lesson::python
