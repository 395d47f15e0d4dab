import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadRuntime, readGolden } from './load_runtime.mjs';

const runtime = await loadRuntime();
const golden = await readGolden('layer_norm.json');

// atol is 4x PyTorch's own float32 error against float64 (see the generator).
function assertClose(actual, expected, atol, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= atol,
      `${what}[${i}]: got ${actual[i]}, PyTorch gave ${expected[i]}`);
  }
}

test('runtime reports its version', () => {
  assert.match(runtime.version(), /^\d+\.\d+\.\d+$/);
});

for (const c of golden.cases) {
  test(`layerNorm matches PyTorch: ${c.name}`, () => {
    const y = runtime.layerNorm(Float32Array.from(c.x), c.rows, c.cols,
      c.weight ? Float32Array.from(c.weight) : null,
      c.bias ? Float32Array.from(c.bias) : null, c.eps);
    assert.ok(y instanceof Float32Array);
    assertClose(y, c.y, c.atol, c.name);
  });
}

test('layerNorm accepts plain arrays and omitted affine parameters', () => {
  const y = runtime.layerNorm([1, 2, 3, 4], 1, 4, undefined, undefined, 1e-5);
  const expected = [-1.3416, -0.4472, 0.4472, 1.3416];
  y.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-4));
});

test('layerNorm rejects mismatched sizes with a RangeError', () => {
  assert.throws(() => runtime.layerNorm([1, 2, 3], 1, 4, null, null, 1e-5),
    { name: 'RangeError', message: /x has 3 elements, expected rows\*cols = 4/ });
  assert.throws(() => runtime.layerNorm([1, 2], 1, 2, [1], null, 1e-5),
    { name: 'RangeError', message: /weight has 1 elements/ });
  assert.throws(() => runtime.layerNorm([1, 2], 1, 0, null, null, 1e-5), { name: 'RangeError' });
  assert.throws(() => runtime.layerNorm([1, 2], 1, 2, null, null, -1), { name: 'RangeError' });
});

test('the runtime keeps working after a rejected call', () => {
  assert.throws(() => runtime.layerNorm([1], 1, 2, null, null, 1e-5));
  const y = runtime.layerNorm([0, 2], 1, 2, null, null, 0);
  assert.deepEqual(Array.from(y), [-1, 1]);
});
