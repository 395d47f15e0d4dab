// The module's main(), which Emscripten runs once when the module has been
// instantiated (after the static constructors, before the factory's promise
// is seen to resolve): the interpreter's process-wide set-up — the builtin
// types' slots and method tables — happens here, as part of loading the
// module, so `new Runtime()` only makes a session (its namespace and
// builtins). MicroPython's loader does the same with its VM's set-up.
#include "python/runtime_init.hpp"

int main() {
  lesson::python::ensure_runtime_initialized();
  return 0;
}
