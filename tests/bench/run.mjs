// Benchmarks: prints one row per case. Figures, never pass/fail.
import { performance } from 'node:perf_hooks';
import { loadRuntime } from '../node/load_runtime.mjs';

const runtime = await loadRuntime();

function timeIt(fn, { minMs = 300, minRuns = 5 } = {}) {
  fn();  // warm up
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const cases = [
  {
    name: 'layerNorm wasm (JS API, incl. copies)',
    shape: [4096, 768],
    setup([rows, cols]) {
      const x = new Float32Array(rows * cols).map((_, i) => Math.sin(i));
      const w = new Float32Array(cols).fill(1);
      const b = new Float32Array(cols);
      return () => runtime.layerNorm(x, rows, cols, w, b, 1e-5);
    },
    bytes: ([rows, cols]) => rows * cols * 4 * 2,
  },
];

const header = ['benchmark', 'shape', 'median ms', 'GB/s'];
console.log(header.map((h, i) => (i === 0 ? h.padEnd(40) : h.padStart(14))).join(''));
for (const c of cases) {
  const ms = timeIt(c.setup(c.shape));
  const gbs = c.bytes(c.shape) / (ms * 1e6);
  console.log(`${c.name.padEnd(40)}${JSON.stringify(c.shape).padStart(14)}${ms.toFixed(3).padStart(14)}${gbs.toFixed(2).padStart(14)}`);
}
