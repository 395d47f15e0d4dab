// Dunder methods that call a builtin type's C++ slots.
#pragma once

#include "python/object.hpp"

namespace lesson::python {

// Adds __len__, __getitem__, __iter__, __eq__, ... for the slots a builtin
// type defines (never overriding an explicit method).
void add_slot_wrappers(Type* t);
// object's remaining default dunders (__lt__ returning NotImplemented, ...).
void add_object_dunders();

}  // namespace lesson::python
