// Pure-Python workloads (tests/bench/python/*.py) timed in one run on
// CPython (python3), the native lessonrun, our WebAssembly build in Node and
// MicroPython's WebAssembly build in Node; plus the time from starting to
// load each WebAssembly module to its first printed line, split at the
// moment the module has loaded. Prints a table (median of REPEATS runs each).
// Targets: our WASM within 1.5x of MicroPython's time; first output within
// 20 ms of load (from the loaded module to the first printed line).
//
//   node tests/bench/python_bench.mjs [filter]
//   node tests/bench/python_bench.mjs --first-output ours|micropython   (one measurement, used internally)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workloadDir = path.join(root, 'tests', 'bench', 'python');
const REPEATS = 3;
const FIRST_OUTPUT_RUNS = 7;
const micropythonEntry = path.join(root, 'node_modules', '@micropython', 'micropython-webassembly-pyscript', 'micropython.mjs');
const wasmDir = process.env.LESSON_WASM_DIR ? path.resolve(process.env.LESSON_WASM_DIR) : path.join(root, 'build', 'wasm');
const lessonrun = process.env.LESSONRUN || path.join(root, 'build', 'native', 'lessonrun');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

async function loadOurs() {
  const { default: create } = await import(pathToFileURL(path.join(wasmDir, 'lessonruntime.js')).href);
  return create({ wasmBinary: readFileSync(path.join(wasmDir, 'lessonruntime.wasm')) });
}

async function loadMicroPython(onOut) {
  const { loadMicroPython: load } = await import(pathToFileURL(micropythonEntry).href);
  return load({ heapsize: 64 * 1024 * 1024, stdout: onOut, stderr: onOut, linebuffer: false });
}

// ---- one first-output measurement, in a fresh process. Two intervals from
// the moment loading starts: `loaded` when the module's factory has resolved
// (JS imported, wasm compiled and instantiated), `ms` when the first printed
// line arrives (for ours: a Runtime created and `print("hello")` run).
async function firstOutput(which) {
  const t0 = performance.now();
  let first = null;
  let loaded = null;
  if (which === 'ours') {
    const module = await loadOurs();
    loaded = performance.now() - t0;
    const rt = new module.Runtime();
    rt.run('print("hello")', '<cell 1>', (e) => {
      if (e.type === 'stream' && first === null) first = performance.now() - t0;
    });
  } else {
    const decoder = new TextDecoder();
    const mp = await loadMicroPython((bytes) => {
      if (first === null && decoder.decode(bytes).length) first = performance.now() - t0;
    });
    loaded = performance.now() - t0;
    mp.runPython('print("hello")');
  }
  process.stdout.write(`${JSON.stringify({ which, ms: first, loaded })}\n`);
}

function measureFirstOutput(which) {
  const runs = [];
  for (let i = 0; i < FIRST_OUTPUT_RUNS; i++) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--first-output', which], { encoding: 'utf8' });
    const line = (r.stdout || '').split('\n').find((l) => l.startsWith('{'));
    if (r.status !== 0 || !line) return { error: (r.stderr || '').trim().split('\n').pop() };
    runs.push(JSON.parse(line));
  }
  return {
    ms: median(runs.map((r) => r.ms)),
    loaded: median(runs.map((r) => r.loaded)),
    afterLoad: median(runs.map((r) => r.ms - r.loaded)),
    min: Math.min(...runs.map((r) => r.ms)),
  };
}

// ---- the workloads
function cpython(file) {
  const harness = [
    'import sys, time, io, contextlib',
    'src = open(sys.argv[1]).read()',
    'code = compile(src, sys.argv[1], "exec")',
    'times = []',
    'for i in range(int(sys.argv[2])):',
    '    buf = io.StringIO()',
    '    t = time.perf_counter()',
    '    with contextlib.redirect_stdout(buf):',
    '        exec(code, {"__name__": "__main__"})',
    '    times.append((time.perf_counter() - t) * 1000)',
    'print(buf.getvalue(), end="")',
    'print(times, file=sys.stderr)',
  ].join('\n');
  const r = spawnSync('python3', ['-c', harness, file, String(REPEATS)], { encoding: 'utf8' });
  if (r.status !== 0) return { error: (r.stderr || '').trim().split('\n').pop() };
  return { ms: median(JSON.parse(r.stderr.trim().split('\n').pop())), out: r.stdout };
}

function nativeRun(file) {
  if (!existsSync(lessonrun)) return { error: `${lessonrun} is not built` };
  const once = (f) => {
    const t = performance.now();
    const r = spawnSync(lessonrun, [f], { encoding: 'utf8' });
    return { ms: performance.now() - t, out: r.stdout, status: r.status };
  };
  // Process start-up, measured on an empty program, is subtracted.
  const scratch = mkdtempSync(path.join(tmpdir(), 'pybench-'));
  const empty = path.join(scratch, 'empty.py');
  writeFileSync(empty, '');
  const base = median(Array.from({ length: REPEATS }, () => once(empty).ms));
  rmSync(scratch, { recursive: true, force: true });
  const runs = Array.from({ length: REPEATS }, () => once(file));
  if (runs[0].status !== 0) return { error: `lessonrun exited ${runs[0].status}` };
  return { ms: Math.max(0, median(runs.map((r) => r.ms)) - base), out: runs[0].out };
}

function oursRun(module, source) {
  const rt = new module.Runtime();
  const times = [];
  let out = '';
  for (let i = 0; i < REPEATS; i++) {
    out = '';
    let status = '';
    const t = performance.now();
    rt.run(source, '<bench>', (e) => {
      if (e.type === 'stream') out += e.text;
      if (e.type === 'done') status = e.status;
    });
    times.push(performance.now() - t);
    rt.reset();
    if (status !== 'ok') return { error: `status ${status}: ${out.trim().split('\n').pop()}` };
  }
  rt.delete();
  return { ms: median(times), out };
}

async function micropythonRun(source) {
  const times = [];
  let out = '';
  const decoder = new TextDecoder();
  for (let i = 0; i < REPEATS; i++) {
    out = '';
    const mp = await loadMicroPython((bytes) => {
      out += decoder.decode(bytes);
    });
    const t = performance.now();
    try {
      mp.runPython(source);
    } catch (error) {
      return { error: `${error.type || error.name}: ${error.message}`.split('\n').pop() };
    }
    times.push(performance.now() - t);
  }
  return { ms: median(times), out };
}

async function main() {
  if (process.argv[2] === '--first-output') {
    await firstOutput(process.argv[3]);
    return;
  }
  const filter = process.argv[2] || '';
  const haveMicroPython = existsSync(micropythonEntry);
  const haveOurs = existsSync(path.join(wasmDir, 'lessonruntime.js'));
  const ours = haveOurs ? await loadOurs() : null;
  const rows = [];
  for (const file of readdirSync(workloadDir).filter((f) => f.endsWith('.py') && f.includes(filter)).sort()) {
    const full = path.join(workloadDir, file);
    const source = readFileSync(full, 'utf8');
    const row = { name: file.replace(/\.py$/, '') };
    row.cpython = cpython(full);
    row.native = nativeRun(full);
    row.wasm = ours ? oursRun(ours, source) : { error: 'build/wasm is not built' };
    row.micropython = haveMicroPython ? await micropythonRun(source) : { error: 'micropython not installed (npm ci)' };
    // Every implementation must print what CPython printed.
    row.same = ['native', 'wasm', 'micropython'].every((k) => row[k].error || row[k].out === row.cpython.out);
    rows.push(row);
  }

  const fmt = (v) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(1));
  const cols = [['workload', 14], ['cpython ms', 12], ['native ms', 11], ['wasm ms', 10], ['micropy ms', 12],
    ['wasm/micropy', 14], ['wasm/cpython', 14], ['output', 8]];
  console.log('');
  console.log(`Python workloads (tests/bench/python), median of ${REPEATS} runs; wasm and micropy in Node ${process.version}`);
  console.log(cols.map(([h, w], i) => (i === 0 ? h.padEnd(w) : h.padStart(w))).join(''));
  const ratios = [];
  for (const r of rows) {
    const ratio = r.wasm.ms / r.micropython.ms;
    if (Number.isFinite(ratio)) ratios.push(ratio);
    const cells = [r.name, fmt(r.cpython.ms), fmt(r.native.ms), fmt(r.wasm.ms), fmt(r.micropython.ms),
      Number.isFinite(ratio) ? `${ratio.toFixed(2)}x` : '-',
      Number.isFinite(r.wasm.ms / r.cpython.ms) ? `${(r.wasm.ms / r.cpython.ms).toFixed(2)}x` : '-',
      r.same ? 'same' : 'DIFFERS'];
    console.log(cells.map((c, i) => (i === 0 ? String(c).padEnd(cols[i][1]) : String(c).padStart(cols[i][1]))).join(''));
    for (const k of ['cpython', 'native', 'wasm', 'micropython']) if (r[k].error) console.log(`  ${k}: ${r[k].error}`);
  }
  if (ratios.length) {
    const geo = Math.exp(ratios.reduce((s, x) => s + Math.log(x), 0) / ratios.length);
    console.log(`wasm/micropython geometric mean: ${geo.toFixed(2)}x (target <= 1.5x: ${geo <= 1.5 ? 'met' : 'NOT met'})`);
  }
  const firstOurs = haveOurs ? measureFirstOutput('ours') : { error: 'not built' };
  const firstMp = haveMicroPython ? measureFirstOutput('micropython') : { error: 'not installed' };
  console.log('');
  console.log(`Module load and first printed line (fresh Node process, median of ${FIRST_OUTPUT_RUNS}):`);
  console.log(`  ${''.padEnd(12)} ${'load'.padStart(10)} ${'load->line'.padStart(11)} ${'total'.padStart(10)}`);
  const ms = (v) => `${v.toFixed(1)} ms`.padStart(10);
  const show = (name, r) => console.log(`  ${name.padEnd(12)} ${r.error ? r.error : `${ms(r.loaded)} ${ms(r.afterLoad).padStart(11)} ${ms(r.ms)}`}`);
  show('ours', firstOurs);
  show('micropython', firstMp);
  console.log('  load: import the JS, compile and instantiate the wasm; load->line: from the loaded module to the');
  console.log('  first printed line of print("hello") (ours: new Runtime() and run()).');
  if (!firstOurs.error) console.log(`  target: first output within 20 ms of load (load->line): ${firstOurs.afterLoad <= 20 ? 'met' : 'NOT met'}`);
}

await main();
