// Memory in the WASM build: a tensor is freed the moment its last reference
// goes, so a cell that makes a new 2 MB tensor 2000 times (and a training
// loop that builds and frees an autograd graph each step) does not grow the
// WebAssembly heap past a few such tensors.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadLessonRuntime } from '../../web/scripts/py.mjs';

const module = await loadLessonRuntime();
const heapBytes = () => module.HEAP8.buffer.byteLength;
const MB = 1 << 20;

function runOk(rt, code) {
  const events = [];
  rt.run(code, '<cell 1>', (e) => events.push(e));
  const done = events[events.length - 1];
  const stderr = events.filter((e) => e.type === 'stream' && e.name === 'stderr').map((e) => e.text).join('');
  assert.equal(done.status, 'ok', stderr);
  return events.filter((e) => e.type === 'stream' && e.name === 'stdout').map((e) => e.text).join('');
}

test('2000 new torch.randn(512, 1024) tensors: the heap stays within a few tensors', () => {
  const rt = new module.Runtime();
  runOk(rt, 'import torch\ny = torch.randn(512, 1024)\n');
  const before = heapBytes();
  runOk(rt, 'for i in range(2000):\n    y = torch.randn(512, 1024)\n');
  const grown = heapBytes() - before;
  console.log(`# heap ${(before / MB).toFixed(1)} MiB before, grew by ${(grown / MB).toFixed(1)} MiB over 2000 tensors of 2 MiB`);
  assert.ok(grown <= 3 * 2 * MB, `heap grew by ${grown} bytes`);
  rt.delete();
});

test('a training loop (forward, backward, step) 300 times: the heap does not grow', () => {
  const rt = new module.Runtime();
  const setup = [
    'import torch', 'import torch.nn as nn', 'torch.manual_seed(0)',
    'model = nn.Sequential(nn.Linear(64, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Linear(128, 1))',
    'opt = torch.optim.Adam(model.parameters(), lr=1e-3)',
    'x = torch.randn(256, 64)', 'y = torch.randn(256, 1)',
    'def step():', '    opt.zero_grad()', '    loss = ((model(x) - y) ** 2).mean()', '    loss.backward()',
    '    opt.step()', '    return loss.item()',
    'for i in range(20):', '    step()',
  ].join('\n');
  runOk(rt, setup);
  const before = heapBytes();
  const out = runOk(rt, 'for i in range(300):\n    last = step()\nprint(last < 1.5)\n');
  assert.equal(out, 'True\n');
  const grown = heapBytes() - before;
  console.log(`# heap ${(before / MB).toFixed(1)} MiB after warm-up, grew by ${(grown / MB).toFixed(1)} MiB over 300 steps`);
  assert.equal(grown, 0);
  rt.delete();
});
