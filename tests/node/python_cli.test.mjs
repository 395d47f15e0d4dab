// `npm run -s py -- FILE.py` (web/scripts/py.mjs) prints, exits and writes
// figure files exactly like `build/native/lessonrun FILE.py`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const py = path.join(root, 'web', 'scripts', 'py.mjs');
const lessonrun = process.env.LESSONRUN || path.join(root, 'build', 'native', 'lessonrun');
const cases = path.join(root, 'tests', 'python', 'cases');

// Without npm's INIT_CWD (set when this runs under `npm test`), py.mjs
// resolves the file against its own working directory, like lessonrun.
const env = { ...process.env };
delete env.INIT_CWD;

function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const programs = {
  'hello.py': 'print("hello")\nprint(sum(range(10)))\n',
  'error.py': 'def f(x):\n    return x[3]\n\nprint("before")\nf([1, 2])\n',
  'exit.py': 'import sys\nprint("bye")\nsys.exit(3)\n',
  'figures.py': 'import matplotlib.pyplot as plt\nplt.plot([1, 4, 9])\nplt.show()\nprint("drawn")\n'
    + 'plt.subplots(1, 2)[1][0].hist([1, 2, 2, 3])\n',
  'syntax.py': 'x = (1,\n',
};

test('lessonrun is built (the reference for the comparisons below)', () => {
  assert.ok(existsSync(lessonrun), `${lessonrun} is missing`);
});

for (const [name, source] of Object.entries(programs)) {
  test(`py ${name}: same stdout, stderr, exit status and figure files as lessonrun`, () => {
    const a = mkdtempSync(path.join(tmpdir(), 'py-native-'));
    const b = mkdtempSync(path.join(tmpdir(), 'py-wasm-'));
    try {
      // The same relative name in both directories, so tracebacks differ only by cwd.
      writeFileSync(path.join(a, name), source);
      writeFileSync(path.join(b, name), source);
      const native = run(lessonrun, [name], a);
      const wasm = run(process.execPath, [py, name], b);
      const norm = (text, dir) => text.split(dir).join('<dir>');
      assert.equal(norm(wasm.out, b), norm(native.out, a));
      assert.equal(norm(wasm.err, b), norm(native.err, a));
      assert.equal(wasm.code, native.code);
      for (let i = 1; existsSync(path.join(a, `figure-${i}.svg`)); i++) {
        assert.equal(readFileSync(path.join(b, `figure-${i}.svg`), 'utf8'), readFileSync(path.join(a, `figure-${i}.svg`), 'utf8'));
      }
      if (name === 'error.py') assert.equal(wasm.code, 1);
      if (name === 'exit.py') assert.equal(wasm.code, 3);
      if (name === 'figures.py') {
        assert.equal(wasm.err, '[figure 1 saved to figure-1.svg]\n[figure 2 saved to figure-2.svg]\n');
        assert.ok(existsSync(path.join(b, 'figure-2.svg')));
      }
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
}

test('py with a conformance case prints what CPython printed', () => {
  const r = run(process.execPath, [py, path.join(cases, 'builtins_print.py')], root);
  assert.equal(r.code, 0);
  assert.equal(r.out + r.err, readFileSync(path.join(root, 'tests', 'python', 'expected', 'builtins_print.out'), 'utf8'));
});

test('py without a file prints its usage and exits 2', () => {
  const r = run(process.execPath, [py], root);
  assert.equal(r.code, 2);
  assert.match(r.err, /usage: npm run -s py -- \[--figures DIR\] FILE.py/);
});
