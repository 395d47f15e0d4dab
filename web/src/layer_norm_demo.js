// Demo page script: sends a fixed input to the runtime worker and prints the
// LayerNorm it computes. The same input is the "page demo" case of
// tests/golden/layer_norm.json, so the browser test can check the numbers.
import { formatMatrix } from './format_matrix.js';

const demo = {
  rows: 2,
  cols: 4,
  x: [-2.0, -0.5, 1.0, 2.5, 4.0, 0.0, -1.0, 3.0],
  weight: [1.0, 0.5, 2.0, -1.0],
  bias: [0.0, 0.1, -0.2, 0.3],
  eps: 1e-5,
};

const inputEl = document.getElementById('input');
const resultEl = document.getElementById('result');
const statusEl = document.getElementById('status');

// Each value is printed after a 9-character label such as "x      = ".
const labelled = (label, values, rows) =>
  `${label.padEnd(6)} = ${formatMatrix(values, rows, demo.cols, 9)}`;

inputEl.textContent = [
  labelled('x', demo.x, demo.rows),
  labelled('weight', demo.weight, 1),
  labelled('bias', demo.bias, 1),
].join('\n');

function showError(message) {
  resultEl.dataset.state = 'error';
  resultEl.textContent = message;
}

const started = performance.now();
const worker = new Worker(new URL('./runtime_worker.js', import.meta.url), { type: 'module' });
worker.addEventListener('error', (event) => showError(`The runtime worker failed: ${event.message}`));
worker.addEventListener('message', ({ data }) => {
  if (data.type === 'ready') {
    statusEl.textContent = `Runtime ${data.version} ready in ${(performance.now() - started).toFixed(0)} ms.`;
    worker.postMessage({ type: 'layerNorm', id: 1, ...demo });
  } else if (data.type === 'result') {
    const y = Array.from(data.y);
    resultEl.dataset.values = JSON.stringify(y);
    resultEl.textContent = labelled('y', y, demo.rows);
    resultEl.dataset.state = 'done';
  } else if (data.type === 'error') {
    showError(data.message);
  }
});
