// One-time set-up of the builtin types (their slots and method tables) and
// the registry of native modules every session starts with.
#pragma once

#include "python/object.hpp"

namespace lesson::python {

// Fills the slots and dictionaries of every builtin type; idempotent.
void ensure_runtime_initialized();
// math, random, time, sys.
void register_standard_modules(Vm& vm);

}  // namespace lesson::python
