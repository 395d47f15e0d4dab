// Builds the static site into web/dist: the page sources from web/src and the
// WASM runtime (lessonruntime.js + .wasm) from build/wasm.
import { cp, mkdir, rm, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(root, 'web', 'src');
const dist = path.join(root, 'web', 'dist');
const wasmBuild = path.join(root, 'build', 'wasm');

async function main() {
  for (const file of ['lessonruntime.js', 'lessonruntime.wasm']) {
    try {
      await access(path.join(wasmBuild, file));
    } catch {
      throw new Error(`${path.join('build', 'wasm', file)} is missing: build the WASM runtime first (npm run build)`);
    }
  }
  await rm(dist, { recursive: true, force: true });
  await mkdir(path.join(dist, 'wasm'), { recursive: true });
  await cp(src, dist, { recursive: true });
  for (const file of ['lessonruntime.js', 'lessonruntime.wasm']) {
    await cp(path.join(wasmBuild, file), path.join(dist, 'wasm', file));
  }
  console.log(`site built in ${path.relative(root, dist)}/`);
}

main().catch((error) => {
  console.error(`build_site: ${error.message}`);
  process.exit(1);
});
