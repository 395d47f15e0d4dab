// Web Worker that owns the WASM runtime, so the page never blocks on it.
// Protocol: wasm_bindings/PROTOCOL.md section 2.
//
// Page -> worker: {type: 'init', interruptBuffer, timeBudget},
//   {type: 'run', id, cellId, code}, {type: 'reset', id}.
// Worker -> page: {type: 'ready', version, loadMs, at}; the Runtime's events
//   ({type: 'stream' | 'figure' | 'error' | 'done', id, ...});
//   {type: 'reset-done', id}; {type: 'fatal', message} if the runtime cannot
//   load or breaks.
//
// The direct API stays reachable for page widgets:
//   {type: 'layerNorm', id, x, rows, cols, weight, bias, eps} ->
//   {type: 'result', id, y} or {type: 'error', id, message}.
//   {type: 'normProbe', id, kind, shape, groups, index, eps} -> {type: 'result', id,
//   changed, y}: `kind` 'batch' | 'layer' | 'instance' | 'group' on a
//   [N, C, ...] input; the input x (given, or a fixed pseudo-random one) is
//   normalized as is and with a large bump at flat `index`; `changed` (Int32Array)
//   lists the elements whose output moved, i.e. those sharing the bumped
//   element's statistic.
import createLessonRuntime from './wasm/lessonruntime.js';

const startedAt = performance.now();
let module = null;
let runtime = null;
let interruptView = null;
let broken = false;
const queue = [];

function configure({ interruptBuffer, timeBudget }) {
  interruptView = interruptBuffer instanceof SharedArrayBuffer ? new Int32Array(interruptBuffer) : null;
  if (!runtime) return;
  runtime.setInterruptPoll(interruptView ? () => Atomics.load(interruptView, 0) !== 0 : null);
  runtime.setTimeBudget(Number.isFinite(timeBudget) && timeBudget > 0 ? timeBudget : 0);
}

let pendingConfig = null;

function runCell({ id, cellId, code }) {
  if (broken) {
    self.postMessage({ type: 'error', id, ename: 'RuntimeError', evalue: 'the runtime has stopped working; restart it', traceback: '', line: 0 });
    self.postMessage({ type: 'done', id, status: 'error', elapsedMs: 0 });
    return;
  }
  if (interruptView) Atomics.store(interruptView, 0, 0);
  const started = performance.now();
  try {
    runtime.run(String(code ?? ''), String(cellId ?? '<cell>'), (event) => {
      self.postMessage({ ...event, id });
    });
  } catch (error) {
    // A trap inside the module (not a Python exception): report it, and ask
    // the page for a fresh worker since the module's state is unknown.
    const message = String((error && error.message) || error);
    self.postMessage({ type: 'error', id, ename: 'InternalError', evalue: message, traceback: `InternalError: ${message}\n`, line: 0 });
    self.postMessage({ type: 'done', id, status: 'error', elapsedMs: performance.now() - started });
    broken = true;
    self.postMessage({ type: 'fatal', message: `the runtime stopped working: ${message}` });
  }
}

const handlers = {
  init(data) {
    pendingConfig = data;
    configure(data);
  },
  run(data) {
    runCell(data);
  },
  reset({ id }) {
    runtime.reset();
    self.postMessage({ type: 'reset-done', id });
  },
  layerNorm({ id, x, rows, cols, weight, bias, eps }) {
    try {
      const y = module.layerNorm(Float32Array.from(x), rows, cols,
        weight ? Float32Array.from(weight) : null, bias ? Float32Array.from(bias) : null, eps);
      self.postMessage({ type: 'result', id, y }, [y.buffer]);
    } catch (error) {
      self.postMessage({ type: 'error', id, message: String((error && error.message) || error) });
    }
  },
  normProbe({ id, kind, shape, groups, index, eps, x }) {
    try {
      const dims = Array.from(shape, Number);
      const total = dims.reduce((a, b) => a * b, 1);
      if (!Number.isInteger(index) || index < 0 || index >= total) throw new RangeError(`normProbe: index ${index} is outside 0..${total - 1}`);
      const e = Number.isFinite(eps) ? eps : 1e-5;
      const norm = (input) => {
        if (kind === 'batch') return module.batchNorm(input, dims, null, null, e);
        if (kind === 'instance') return module.instanceNorm(input, dims, e);
        if (kind === 'group') return module.groupNorm(input, dims, groups, null, null, e);
        if (kind === 'layer') return module.layerNorm(input, dims[0], total / dims[0], null, null, e);
        throw new TypeError(`normProbe: unknown kind ${kind}`);
      };
      let base;
      if (x) base = Float32Array.from(x);
      else {
        base = new Float32Array(total);
        let seed = 12345;
        for (let i = 0; i < total; i++) {
          seed = (seed * 1103515245 + 12345) >>> 0;
          base[i] = (seed / 4294967296) * 2 - 1;
        }
      }
      const bumped = Float32Array.from(base);
      bumped[index] += 100;
      const y0 = norm(base);
      const y1 = norm(bumped);
      const changed = [];
      for (let i = 0; i < total; i++) if (Math.abs(y1[i] - y0[i]) > 1e-4) changed.push(i);
      const result = Int32Array.from(changed);
      self.postMessage({ type: 'result', id, changed: result, y: y0 }, [result.buffer, y0.buffer]);
    } catch (error) {
      self.postMessage({ type: 'error', id, message: String((error && error.message) || error) });
    }
  },
};

function handle(data) {
  const handler = handlers[data && data.type];
  if (!handler) {
    self.postMessage({ type: 'error', id: data && data.id, message: `unknown request type: ${data && data.type}` });
    return;
  }
  handler(data);
}

self.addEventListener('message', ({ data }) => {
  // init configures at once; everything else waits for the runtime.
  if (data && data.type === 'init' && !runtime) {
    pendingConfig = data;
    interruptView = data.interruptBuffer instanceof SharedArrayBuffer ? new Int32Array(data.interruptBuffer) : null;
    return;
  }
  if (!runtime) {
    queue.push(data);
    return;
  }
  handle(data);
});

// The wasm file is in the wasm/ directory next to this script, also when the
// site build has bundled the glue into this file.
createLessonRuntime({ locateFile: (file) => new URL(`./wasm/${file}`, import.meta.url).href }).then(
  (loaded) => {
    module = loaded;
    runtime = new module.Runtime();
    if (pendingConfig) configure(pendingConfig);
    // `at`: when, on the shared wall clock (timeOrigin + now), so the page can
    // place it on its own timeline however busy its thread was.
    self.postMessage({ type: 'ready', version: module.version(), loadMs: performance.now() - startedAt, at: performance.timeOrigin + performance.now() });
    for (const data of queue.splice(0)) handle(data);
  },
  (error) => self.postMessage({ type: 'fatal', message: `runtime failed to load: ${(error && error.message) || error}` }),
);
