// The direct JS API of the normalization and pooling layers
// (wasm_bindings/nn_bindings.cpp) against straightforward JS references on
// small inputs, and its errors for bad arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadRuntime } from './load_runtime.mjs';

const rt = await loadRuntime();

function assertClose(actual, expected, atol, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Math.abs(actual[i] - expected[i]) <= atol, `${what}[${i}]: got ${actual[i]}, expected ${expected[i]}`);
  }
}

// Deterministic values in [-2, 2).
function values(n, seed = 1) {
  const out = [];
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out.push((s / 2 ** 32) * 4 - 2);
  }
  return out;
}

// Normalizes x (float64) where groupOf(i) names the statistic of element i;
// then y = y * weight[channel] + bias[channel].
function normRef(x, groupOf, channelOf, weight, bias, eps) {
  const sum = new Map(), sq = new Map(), cnt = new Map();
  x.forEach((v, i) => { const g = groupOf(i); sum.set(g, (sum.get(g) || 0) + v); cnt.set(g, (cnt.get(g) || 0) + 1); });
  x.forEach((v, i) => { const g = groupOf(i); const m = sum.get(g) / cnt.get(g); sq.set(g, (sq.get(g) || 0) + (v - m) ** 2); });
  return x.map((v, i) => {
    const g = groupOf(i);
    const m = sum.get(g) / cnt.get(g);
    const y = (v - m) / Math.sqrt(sq.get(g) / cnt.get(g) + eps);
    const c = channelOf(i);
    return y * (weight ? weight[c] : 1) + (bias ? bias[c] : 0);
  });
}

const shape = [3, 4, 2, 3]; // N, C, H, W
const [N, C, H, W] = shape;
const HW = H * W;
const x = values(N * C * HW, 7);
const channelOf = (i) => Math.floor(i / HW) % C;
const sampleOf = (i) => Math.floor(i / (C * HW));
const weight = [0.5, -1, 2, 1.5];
const bias = [0.1, 0.2, -0.3, 0];

test('batchNorm normalizes each channel over N and H*W (training statistics)', () => {
  const y = rt.batchNorm(Float32Array.from(x), shape, null, null, 1e-5);
  assert.ok(y instanceof Float32Array);
  assertClose(y, normRef(x, channelOf, channelOf, null, null, 1e-5), 1e-5, 'batchNorm');
  const ya = rt.batchNorm(x, shape, weight, Float32Array.from(bias), 1e-3);
  assertClose(ya, normRef(x, channelOf, channelOf, weight, bias, 1e-3), 2e-5, 'batchNorm affine');
  const y2 = rt.batchNorm([1, 2, 3, 4, 5, 6], [3, 2], undefined, undefined, 1e-5); // [N, C]
  assertClose(y2, normRef([1, 2, 3, 4, 5, 6], (i) => i % 2, (i) => i % 2, null, null, 1e-5), 1e-5, 'batchNorm [N, C]');
});

test('groupNorm normalizes each (sample, group of channels)', () => {
  for (const G of [1, 2, 4]) {
    const groupOf = (i) => sampleOf(i) * G + Math.floor(channelOf(i) / (C / G));
    const y = rt.groupNorm(x, shape, G, null, null, 1e-5);
    assertClose(y, normRef(x, groupOf, channelOf, null, null, 1e-5), 1e-5, `groupNorm G=${G}`);
    const ya = rt.groupNorm(x, shape, G, weight, bias, 1e-5);
    assertClose(ya, normRef(x, groupOf, channelOf, weight, bias, 1e-5), 2e-5, `groupNorm affine G=${G}`);
  }
});

test('instanceNorm normalizes each (sample, channel) plane', () => {
  const y = rt.instanceNorm(x, shape, 1e-5);
  assertClose(y, normRef(x, (i) => Math.floor(i / HW), channelOf, null, null, 1e-5), 1e-5, 'instanceNorm');
  const y3 = rt.instanceNorm([1, 2, 3, 4, 6, 8], [1, 2, 3], 1e-5); // [N, C, L]
  assertClose(y3, normRef([1, 2, 3, 4, 6, 8], (i) => Math.floor(i / 3), () => 0, null, null, 1e-5), 1e-5, 'instanceNorm 3-D');
});

test('layerNorm is still there', () => {
  const y = rt.layerNorm(x, N, C * HW, null, null, 1e-5);
  assertClose(y, normRef(x, sampleOf, () => 0, null, null, 1e-5), 1e-5, 'layerNorm');
});

// Pooling references over [planes, H, W] with padding; windows clipped to the input.
function poolRef(input, planes, h, w, [kh, kw], [sh, sw], [ph, pw], op) {
  const oh = Math.floor((h + 2 * ph - kh) / sh) + 1;
  const ow = Math.floor((w + 2 * pw - kw) / sw) + 1;
  const out = [];
  for (let p = 0; p < planes; p++) {
    for (let i = 0; i < oh; i++) {
      for (let j = 0; j < ow; j++) {
        const vals = [];
        for (let a = 0; a < kh; a++) {
          for (let b = 0; b < kw; b++) {
            const r = i * sh - ph + a, c = j * sw - pw + b;
            vals.push(r >= 0 && r < h && c >= 0 && c < w ? input[(p * h + r) * w + c] : null);
          }
        }
        out.push(op(vals));
      }
    }
  }
  return { data: out, oh, ow };
}
const maxOp = (vals) => Math.max(...vals.filter((v) => v !== null));
const avgOp = (vals) => vals.reduce((s, v) => s + (v ?? 0), 0) / vals.length; // count_include_pad

const px = Array.from(Float32Array.from(values(2 * 3 * 5 * 6, 3))); // float32-exact
const pshape = [2, 3, 5, 6];

test('maxPool2d matches a window-by-window maximum and reports the output shape', () => {
  for (const [k, s, p] of [[2, null, 0], [3, 2, 1], [[2, 3], [1, 2], [1, 1]]]) {
    const kk = Array.isArray(k) ? k : [k, k];
    const ss = s === null ? kk : Array.isArray(s) ? s : [s, s];
    const pp = Array.isArray(p) ? p : [p, p];
    const ref = poolRef(px, 6, 5, 6, kk, ss, pp, maxOp);
    const r = rt.maxPool2d(Float32Array.from(px), pshape, k, s, p);
    assert.ok(r.data instanceof Float32Array);
    assert.deepEqual(r.shape, [2, 3, ref.oh, ref.ow]);
    assertClose(r.data, ref.data, 0, `maxPool2d k=${k}`);
  }
  const unbatched = rt.maxPool2d([1, 5, 2, 0, 3, 4, 9, 1, 0], [1, 3, 3], 2, 1, 0);
  assert.deepEqual(unbatched.shape, [1, 2, 2]);
  assert.deepEqual(Array.from(unbatched.data), [5, 5, 9, 4]);
});

test('avgPool2d matches window averages (padding counted, as PyTorch by default)', () => {
  for (const [k, s, p] of [[2, null, 0], [3, 2, 1], [[3, 2], 1, [1, 0]]]) {
    const kk = Array.isArray(k) ? k : [k, k];
    const ss = s === null ? kk : Array.isArray(s) ? s : [s, s];
    const pp = Array.isArray(p) ? p : [p, p];
    const ref = poolRef(px, 6, 5, 6, kk, ss, pp, avgOp);
    const r = rt.avgPool2d(px, pshape, k, s, p);
    assert.deepEqual(r.shape, [2, 3, ref.oh, ref.ow]);
    assertClose(r.data, ref.data, 1e-6, `avgPool2d k=${k}`);
  }
});

test('adaptiveAvgPool2d averages PyTorch\'s adaptive windows', () => {
  const ref = (outH, outW) => {
    const out = [];
    for (let p = 0; p < 6; p++) {
      for (let i = 0; i < outH; i++) {
        const r0 = Math.floor((i * 5) / outH), r1 = Math.ceil(((i + 1) * 5) / outH);
        for (let j = 0; j < outW; j++) {
          const c0 = Math.floor((j * 6) / outW), c1 = Math.ceil(((j + 1) * 6) / outW);
          let sum = 0;
          for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) sum += px[(p * 5 + r) * 6 + c];
          out.push(sum / ((r1 - r0) * (c1 - c0)));
        }
      }
    }
    return out;
  };
  for (const [oh, ow] of [[1, 1], [2, 3], [3, 4], [5, 6]]) {
    const r = rt.adaptiveAvgPool2d(px, pshape, oh, ow);
    assert.deepEqual(r.shape, [2, 3, oh, ow]);
    assertClose(r.data, ref(oh, ow), 1e-6, `adaptiveAvgPool2d ${oh}x${ow}`);
  }
});

test('bad lengths and shapes raise RangeError', () => {
  assert.throws(() => rt.batchNorm([1, 2, 3], [2, 2], null, null, 1e-5),
    { name: 'RangeError', message: /batchNorm: x has 3 elements, expected 4 for shape \[2, 2\]/ });
  assert.throws(() => rt.batchNorm(x, shape, [1, 2], null, 1e-5),
    { name: 'RangeError', message: /batchNorm: weight has 2 elements, expected C = 4/ });
  assert.throws(() => rt.groupNorm(x, shape, 3, null, null, 1e-5),
    { name: 'RangeError', message: /groupNorm: numGroups = 3 does not divide the number of channels C = 4/ });
  assert.throws(() => rt.groupNorm(x, shape, 0, null, null, 1e-5), { name: 'RangeError', message: /numGroups must be >= 1/ });
  assert.throws(() => rt.groupNorm(x, shape, 2, null, [1, 2, 3], 1e-5), { name: 'RangeError', message: /bias has 3 elements/ });
  assert.throws(() => rt.instanceNorm([1, 2], [2], 1e-5), { name: 'RangeError', message: /instanceNorm: shape must have 3 to 8 dimensions, got \[2\]/ });
  assert.throws(() => rt.instanceNorm([1, 2], [1, 1, 2], -1), { name: 'RangeError', message: /eps must be non-negative/ });
  assert.throws(() => rt.maxPool2d(px, [2, 3, 5, 6, 1], 2, null, 0), { name: 'RangeError', message: /maxPool2d: shape must have 3 to 4 dimensions/ });
  assert.throws(() => rt.avgPool2d(px, pshape, 0, null, 0), { name: 'RangeError', message: /avgPool2d: kernel must be >= 1, got 0/ });
  assert.throws(() => rt.adaptiveAvgPool2d(px, [2, 3, 5, -6], 1, 1), { name: 'RangeError', message: /shape\[3\] must be >= 0/ });
});

test('wrong types raise TypeError', () => {
  assert.throws(() => rt.batchNorm(x, 'NCHW', null, null, 1e-5), { name: 'TypeError', message: /batchNorm: shape must be an array of integers/ });
  assert.throws(() => rt.batchNorm(x, [3, 4, 2.5, 3], null, null, 1e-5), { name: 'TypeError', message: /shape\[2\] must be an integer/ });
  assert.throws(() => rt.instanceNorm(42, [1, 1, 1], 1e-5), { name: 'TypeError', message: /x must be a Float32Array or an array of numbers/ });
  assert.throws(() => rt.maxPool2d(px, pshape, 'big', null, 0), { name: 'TypeError', message: /maxPool2d: kernel must be a number/ });
  assert.throws(() => rt.maxPool2d(px, pshape, [2, 2, 2], null, 0), { name: 'TypeError', message: /kernel must be a number or an array \[h, w\]/ });
});

test('the kernels\' own checks (lesson::TorchError) arrive as JS errors with PyTorch\'s text', () => {
  assert.throws(() => rt.maxPool2d(px, pshape, 2, 1, 2),
    { name: 'Error', message: /^maxPool2d: pad should be at most half of kernel size, but got pad=2 and kernel_size=2/ });
  assert.throws(() => rt.maxPool2d([1, 2, 3, 4], [1, 2, 2], 3, null, 0),
    { name: 'Error', message: /^maxPool2d: Given input size: \(1x2x2\)\. Calculated output size: \(1x0x0\)\. Output size is too small/ });
  assert.throws(() => rt.batchNorm([1, 2, 3], [1, 3], null, null, 1e-5),
    { name: 'RangeError', message: /^batchNorm: Expected more than 1 value per channel when training/ });
});
