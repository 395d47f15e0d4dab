// Loads the WASM runtime exactly as built for the page (build/wasm, or the
// build directory named by $LESSON_WASM_DIR, as for `npm run py`), in Node.
// The module is built for web and worker only (no Node shims that would
// install process-wide exception handlers), so Node loads it the way a page
// would, except that the .wasm bytes are read here and handed over as
// wasmBinary instead of being fetched.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const wasmDir = process.env.LESSON_WASM_DIR
  ? path.resolve(process.env.LESSON_WASM_DIR)
  : path.join(root, 'build', 'wasm');

export async function loadRuntime() {
  const { default: createLessonRuntime } = await import(
    pathToFileURL(path.join(wasmDir, 'lessonruntime.js')).href
  );
  const wasmBinary = await readFile(path.join(wasmDir, 'lessonruntime.wasm'));
  return createLessonRuntime({ wasmBinary });
}

export async function readGolden(name) {
  return JSON.parse(await readFile(path.join(root, 'tests', 'golden', name), 'utf8'));
}
