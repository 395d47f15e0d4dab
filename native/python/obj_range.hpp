// range and slice.
#pragma once

#include <cstdint>

#include "python/object.hpp"

namespace lesson::python {

extern Type range_type;
extern Type slice_type;

class Range : public Object {
 public:
  Range(std::int64_t b, std::int64_t e, std::int64_t s) : Object(&range_type), start(b), stop(e), step(s) {}
  std::int64_t length() const;
  std::int64_t at(std::int64_t i) const { return start + i * step; }
  std::int64_t start, stop, step;
};

class Slice : public Object {
 public:
  Slice(ObjRef b, ObjRef e, ObjRef s) : Object(&slice_type), start(std::move(b)), stop(std::move(e)), step(std::move(s)) {}
  // PySlice_GetIndicesEx: clamps to a sequence of the given length.
  void indices(Vm& vm, std::int64_t length, std::int64_t& b, std::int64_t& e, std::int64_t& s,
               std::int64_t& count) const;
  ObjRef start, stop, step;
};

void init_range_type();
void init_slice_type();

}  // namespace lesson::python
