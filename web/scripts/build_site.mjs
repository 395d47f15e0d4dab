// Builds the static site into web/dist (see web/scripts/site/build.mjs).
// Options: --lessons DIR (default lessons/), --out DIR (default web/dist),
// --wasm DIR (default build/wasm).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, root } from './site/build.mjs';

const { values } = parseArgs({
  options: {
    lessons: { type: 'string', default: path.join(root, 'lessons') },
    out: { type: 'string', default: path.join(root, 'web', 'dist') },
    wasm: { type: 'string', default: path.join(root, 'build', 'wasm') },
  },
});

try {
  const started = Date.now();
  const { lessons, version } = await buildSite({
    lessonsDir: path.resolve(values.lessons),
    outDir: path.resolve(values.out),
    wasmDir: path.resolve(values.wasm),
  });
  console.log(`site built in ${path.relative(root, path.resolve(values.out)) || '.'}/: ${lessons.length} lessons, build ${version}, ${Date.now() - started} ms`);
} catch (error) {
  console.error(`build_site: ${error.message}`);
  process.exit(1);
}
