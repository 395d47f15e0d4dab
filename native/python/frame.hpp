// An activation record. Frames live on the heap, so a generator can keep its
// frame between next() calls and Python-to-Python calls need no C++ stack.
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "python/code.hpp"
#include "python/object.hpp"

namespace lesson::python {

class Generator;

struct Block {
  std::uint32_t handler;  // instruction index of the handler
  std::uint32_t level;    // value-stack depth to restore
};

// The locals and value stack of a frame: arrays recycled through a small
// pool (by size), so a call allocates nothing in the common case.
struct FrameSlots {
  ObjRef* p = nullptr;
  std::uint32_t n = 0;
  ObjRef* get() const { return p; }
  ObjRef& operator[](std::size_t i) const { return p[i]; }
};

class Frame {
 public:
  Frame(Ref<Code> c, Ref<Dict> g, Ref<Dict> l);
  ~Frame();
  // Frames are recycled through a free list.
  static void* operator new(std::size_t size);
  static void operator delete(void* p) noexcept;
  Frame(const Frame&) = delete;
  Frame& operator=(const Frame&) = delete;

  int line() const { return code->line_for(last_pc); }
  ObjRef* stack_base() { return slots.get() + nfast; }
  std::size_t stack_depth() const { return static_cast<std::size_t>(sp - (slots.get() + nfast)); }

  Ref<Code> code;
  Ref<Dict> globals;
  Ref<Dict> locals;       // module and class bodies; empty in functions
  Dict* builtins = nullptr;
  int nfast = 0;          // locals + cells + frees
  FrameSlots slots;
  ObjRef* sp = nullptr;   // next free value-stack slot
  std::uint32_t pc = 0;
  std::uint32_t last_pc = 0;
  std::array<Block, 32> blocks;  // the first nblocks are valid
  int nblocks = 0;
  Frame* back = nullptr;  // caller, while running
  Generator* generator = nullptr;
  bool yielded = false;   // run_frame returned because of a yield
  ObjRef pending_throw;   // generator.throw(): raised when the frame resumes
  // Set when the frame runs __init__ for a `Class(...)` call made by the
  // evaluator: the call's result is this instance (after checking that
  // __init__ returned None).
  ObjRef init_self;
};

}  // namespace lesson::python
