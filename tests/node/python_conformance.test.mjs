// The conformance programs of tests/python/ through the WebAssembly build:
// cases/ (CPython 3.11 is the oracle), torch_cases/ and nn_cases/ (PyTorch
// 1.13 is). One module, one Runtime, every case in a fresh namespace
// (reset()), ended like a program (shutdown()), its stdout then stderr
// compared with what the oracle printed. The native build runs the same
// cases in tests/native/python/test_*conformance.cpp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadLessonRuntime, runProgram } from '../../web/scripts/py.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const suites = [
  { label: 'conformance', cases: 'cases', expected: 'expected', ext: '.out', min: 200 },
  { label: 'torch', cases: 'torch_cases', expected: 'torch_expected', ext: '.txt', min: 80 },
  { label: 'nn', cases: 'nn_cases', expected: 'nn_expected', ext: '.txt', min: 80 },
];
for (const suite of suites) {
  const dir = path.join(here, '..', 'python', suite.cases);
  suite.names = (await readdir(dir)).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();
}
const module = await loadLessonRuntime();
const rt = new module.Runtime();
rt.setTimeBudget(30);

function firstDifference(expected, actual) {
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) return `line ${i + 1}\n  expected: ${e[i] ?? '<end>'}\n  actual:   ${a[i] ?? '<end>'}`;
  }
  return 'texts differ only in the final newline';
}

for (const suite of suites) {
  test(`there are at least ${suite.min} ${suite.label} cases`, () => {
    assert.ok(suite.names.length >= suite.min, `${suite.names.length} cases`);
  });
  for (const name of suite.names) {
    test(`${suite.label} ${name}`, async () => {
      const source = await readFile(path.join(here, '..', 'python', suite.cases, `${name}.py`), 'utf8');
      const expected = await readFile(path.join(here, '..', 'python', suite.expected, `${name}${suite.ext}`), 'utf8');
      let out = '';
      let err = '';
      let figures = 0;
      runProgram(rt, source, '<cell 1>', (event) => {
        if (event.type === 'stream') {
          if (event.name === 'stdout') out += event.text;
          else err += event.text;
        } else if (event.type === 'figure') {
          figures += 1;
        }
      });
      const actual = out + err;
      assert.ok(actual === expected, `${name}.py: ${firstDifference(expected, actual)}`);
      assert.equal(figures, 0, 'conformance cases close their figures');
    });
  }
}
