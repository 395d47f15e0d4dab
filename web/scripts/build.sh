#!/usr/bin/env bash
# Builds everything: native library, CLI and tests (build/native), the WASM
# runtime (build/wasm) and the static site (web/dist). Incremental.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ ! -f build/native/CMakeCache.txt ]]; then
  cmake --preset native >/dev/null
fi
cmake --build --preset native

# Debian's emscripten needs Node to find acorn for the link step.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
if [[ ! -f build/wasm/CMakeCache.txt ]]; then
  emcmake cmake --preset wasm >/dev/null
fi
cmake --build --preset wasm

node web/scripts/build_site.mjs
# The runtime's TypeScript declarations ship next to it.
cp wasm_bindings/lessonruntime.d.ts web/dist/wasm/lessonruntime.d.ts
