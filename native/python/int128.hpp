// A 128-bit integer for overflow-free intermediate products (GCC and clang,
// including the wasm32 target, provide __int128 as an extension).
#pragma once

namespace lesson::python {

__extension__ typedef __int128 Int128;

}  // namespace lesson::python
