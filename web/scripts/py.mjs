// Runs a Python file through the WebAssembly build, like the native CLI:
//   npm run -s py -- FILE.py        (or: node web/scripts/py.mjs FILE.py)
// Output on stdout, the traceback on stderr, exit status 1 on an uncaught
// exception, figures written as figure-N.svg (or into --figures DIR) — the
// same text and files as `build/native/lessonrun FILE.py`.
//
// The module comes from build/wasm, or from $LESSON_WASM_DIR.
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function wasmDir() {
  return process.env.LESSON_WASM_DIR ? path.resolve(process.env.LESSON_WASM_DIR) : path.join(root, 'build', 'wasm');
}

// The module is built for web and worker; Node hands it the .wasm bytes.
export async function loadLessonRuntime(dir = wasmDir()) {
  const { default: createLessonRuntime } = await import(pathToFileURL(path.join(dir, 'lessonruntime.js')).href);
  const wasmBinary = await readFile(path.join(dir, 'lessonruntime.wasm'));
  return createLessonRuntime({ wasmBinary });
}

// Runs `source` as a program named `filename` in a fresh session of `rt`,
// then ends it as CPython does at exit. Returns {exitCode, events}.
export function runProgram(rt, source, filename, onEvent = () => {}) {
  let status = 'ok';
  let exitCode = 0;
  rt.run(source, filename, (event) => {
    if (event.type === 'done') status = event.status;
    if (event.type === 'error') exitCode = event.ename === 'SystemExit' ? Number(event.evalue) || 1 : 1;
    onEvent(event);
  });
  rt.shutdown(onEvent);
  rt.reset();
  return { status, exitCode: status === 'ok' ? 0 : exitCode };
}

async function main(argv) {
  let figuresDir = '';
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--figures' && i + 1 < argv.length) figuresDir = argv[++i];
    else if (files.length === 0 && argv[i].startsWith('-')) {
      process.stderr.write(`py: unrecognized arguments: ${argv[i]}\nusage: npm run -s py -- [--figures DIR] FILE.py\n`);
      return 2;
    } else files.push(argv[i]);
  }
  if (files.length !== 1) {
    process.stderr.write('usage: npm run -s py -- [--figures DIR] FILE.py\n');
    return 2;
  }
  // CPython (and lessonrun) name the script by its absolute path, cwd joined.
  // `npm run` starts scripts in the package root; INIT_CWD is where it was typed.
  const cwd = process.env.INIT_CWD || process.cwd();
  const file = files[0];
  const absolute = path.isAbsolute(file) ? file : `${cwd.replace(/\/$/, '')}/${file}`;
  let source;
  try {
    source = await readFile(absolute, 'utf8');
  } catch {
    process.stderr.write(`lessonrun: can't open file '${absolute}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  const module = await loadLessonRuntime();
  const rt = new module.Runtime();
  let figureCount = 0;
  const writes = [];
  const out = [];
  const flushOut = () => {
    if (out.length) process.stdout.write(out.splice(0).join(''));
  };
  const { exitCode } = runProgram(rt, source, absolute, (event) => {
    if (event.type === 'stream') {
      if (event.name === 'stdout') out.push(event.text);
      else {
        flushOut();
        process.stderr.write(event.text);
      }
    } else if (event.type === 'figure') {
      figureCount += 1;
      const name = `figure-${figureCount}.svg`;
      const target = figuresDir ? path.join(figuresDir, name) : name;
      const targetPath = path.resolve(cwd, target);
      const svg = module.figureSvg(event.figure);
      flushOut();
      writes.push((async () => {
        if (figuresDir) await mkdir(path.resolve(cwd, figuresDir), { recursive: true });
        await writeFile(targetPath, svg);
      })());
      process.stderr.write(`[figure ${figureCount} saved to ${target}]\n`);
    }
  });
  flushOut();
  await Promise.all(writes);
  rt.delete();
  return exitCode;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const code = await main(process.argv.slice(2));
  // Let stdout drain before exiting (pipes are asynchronous in Node).
  process.stdout.write('', () => process.exit(code));
}
