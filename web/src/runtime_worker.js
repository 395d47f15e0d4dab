// Web Worker that owns the WASM runtime, so the page never blocks on it.
// Protocol: the worker posts {type: 'ready', version} once loaded; each
// request {type, id, ...} gets {type: 'result', id, ...} or
// {type: 'error', id, message}.
import createLessonRuntime from './wasm/lessonruntime.js';

let runtime = null;

const handlers = {
  layerNorm({ x, rows, cols, weight, bias, eps }) {
    const y = runtime.layerNorm(Float32Array.from(x), rows, cols,
      weight ? Float32Array.from(weight) : null, bias ? Float32Array.from(bias) : null, eps);
    return { y };
  },
};

self.addEventListener('message', ({ data }) => {
  const handler = handlers[data.type];
  if (!handler) {
    self.postMessage({ type: 'error', id: data.id, message: `unknown request type: ${data.type}` });
    return;
  }
  try {
    const reply = handler(data);
    self.postMessage({ type: 'result', id: data.id, ...reply },
      Object.values(reply).filter((v) => ArrayBuffer.isView(v)).map((v) => v.buffer));
  } catch (error) {
    self.postMessage({ type: 'error', id: data.id, message: String(error && error.message || error) });
  }
});

createLessonRuntime().then(
  (module) => {
    runtime = module;
    self.postMessage({ type: 'ready', version: runtime.version() });
  },
  (error) => self.postMessage({ type: 'error', id: null, message: `runtime failed to load: ${error}` }),
);
