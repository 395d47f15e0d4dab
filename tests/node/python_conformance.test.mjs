// The CPython conformance cases of tests/python/ through the WebAssembly
// build: one module, one Runtime, every case in a fresh namespace (reset()),
// ended like a program (shutdown()), its stdout then stderr compared with
// what CPython 3.11 printed. The native build runs the same cases in
// tests/native/python/test_conformance.cpp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadLessonRuntime, runProgram } from '../../web/scripts/py.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const casesDir = path.join(here, '..', 'python', 'cases');
const expectedDir = path.join(here, '..', 'python', 'expected');

const names = (await readdir(casesDir)).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();
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

test('there are at least 200 conformance cases', () => {
  assert.ok(names.length >= 200, `${names.length} cases`);
});

for (const name of names) {
  test(`conformance ${name}`, async () => {
    const source = await readFile(path.join(casesDir, `${name}.py`), 'utf8');
    const expected = await readFile(path.join(expectedDir, `${name}.out`), 'utf8');
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
