// npm run bench: times every case of tests/bench/native natively, in our
// WebAssembly build (Node), and in PyTorch 1.13 with one thread when
// /usr/bin/python3 has torch, and prints one table; then the pure-Python
// workloads of tests/bench/python on CPython, lessonrun, our WASM build and
// MicroPython's (tests/bench/python_bench.mjs), a second table, then the
// lesson page in headless Chromium (tests/bench/page_bench.mjs). Figures
// only, no pass/fail.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const filter = process.argv[2] || '';

function runJsonLines(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) {
    return { error: `${command} ${args.join(' ')} exited ${result.status}: ${(result.stderr || '').trim().split('\n').pop()}` };
  }
  const rows = new Map();
  for (const line of result.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const row = JSON.parse(line);
    rows.set(`${row.name} ${JSON.stringify(row.shape)}`, row);
  }
  return { rows };
}

const torchProbe = spawnSync('/usr/bin/python3', ['-c', 'import torch'], { encoding: 'utf8' });
const haveTorch = torchProbe.status === 0;

console.log('Running native benchmarks (build/native/lesson_bench)...');
const native = runJsonLines(path.join(root, 'build/native/lesson_bench'), [filter]);
console.log('Running WebAssembly benchmarks in Node (build/wasm/lesson_bench.cjs)...');
const wasm = runJsonLines(process.execPath, ['--no-experimental-fetch', 'build/wasm/lesson_bench.cjs', filter]);
let torch = { rows: new Map() };
if (haveTorch) {
  console.log('Running PyTorch benchmarks (/usr/bin/python3, torch.set_num_threads(1))...');
  torch = runJsonLines('/usr/bin/python3', ['tests/bench/torch_bench.py', filter]);
} else {
  console.log('PyTorch is not installed for /usr/bin/python3: the torch columns are skipped.');
}
for (const r of [native, wasm, torch]) if (r.error) console.log(`warning: ${r.error}`);

const columns = [
  ['benchmark', 44], ['shape', 16], ['native ms', 11], ['torch ms', 10], ['native/torch', 13],
  ['wasm ms', 10], ['wasm/native', 12],
];
const fmt = (v, digits = 3) => (v === undefined || Number.isNaN(v) ? '-' : v.toFixed(digits));
console.log('');
console.log(columns.map(([h, w], i) => (i < 2 ? h.padEnd(w) : h.padStart(w))).join(''));
for (const [key, row] of native.rows || new Map()) {
  const t = torch.rows?.get(key)?.ms;
  const w = wasm.rows?.get(key)?.ms;
  const cells = [
    row.name, JSON.stringify(row.shape), fmt(row.ms), fmt(t), t ? `${fmt(row.ms / t, 2)}x` : '-',
    fmt(w), w ? `${fmt(w / row.ms, 2)}x` : '-',
  ];
  console.log(cells.map((c, i) => (i < 2 ? String(c).padEnd(columns[i][1]) : String(c).padStart(columns[i][1]))).join(''));
}

console.log('');
console.log('Running the Python workloads (tests/bench/python_bench.mjs)...');
const py = spawnSync(process.execPath, [path.join(root, 'tests/bench/python_bench.mjs'), filter], { cwd: root, stdio: 'inherit' });
if (py.status !== 0) console.log(`warning: tests/bench/python_bench.mjs exited ${py.status}`);

console.log('');
if (existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) {
  console.log('Running the lesson page in headless Chromium (tests/bench/page_bench.mjs)...');
  const pageRun = spawnSync(process.execPath, [path.join(root, 'tests/bench/page_bench.mjs')], { cwd: root, stdio: 'inherit' });
  if (pageRun.status !== 0) console.log(`warning: tests/bench/page_bench.mjs exited ${pageRun.status}`);
} else {
  console.log('Chromium is not installed (/usr/bin/chromium; `npm test` installs it): the page figures are skipped.');
}
