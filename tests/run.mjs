// Runs every test suite — doctest (native), node:test on the WASM build, and
// the browser tests in Chromium — and ends with one line of totals.
// Usage: node tests/run.mjs [native|node|browser ...]
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', (error) => resolve({ code: 127, output: `${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function doctestSuite() {
  const { code, output } = await run(path.join(root, 'build/native/lesson_tests'), ['--no-version']);
  const match = output.match(/test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed/);
  if (!match) return { passed: 0, failed: 1, note: `no doctest summary (exit ${code})` };
  const failed = Number(match[3]) + (code !== 0 && Number(match[3]) === 0 ? 1 : 0);
  return { passed: Number(match[2]), failed };
}

async function nodeTestSuite(dir) {
  const scratch = await mkdtemp(path.join(tmpdir(), 'lesson-tests-'));
  const tap = path.join(scratch, 'results.tap');
  try {
    const { code } = await run(process.execPath, [
      '--test',
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`,
      dir,
    ]);
    const text = await readFile(tap, 'utf8').catch(() => '');
    const count = (key) => Number((text.match(new RegExp(`^# ${key} (\\d+)$`, 'm')) || [])[1] || 0);
    const passed = count('pass');
    let failed = count('fail') + count('cancelled');
    if (code !== 0 && failed === 0) failed = 1;
    return { passed, failed };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const suites = {
  native: () => doctestSuite(),
  node: () => nodeTestSuite('tests/node/'),
  browser: () => nodeTestSuite('tests/browser/'),
};

const chosen = process.argv.slice(2);
const names = chosen.length ? chosen : Object.keys(suites);
const results = [];
for (const name of names) {
  if (!suites[name]) {
    console.error(`unknown suite: ${name} (known: ${Object.keys(suites).join(', ')})`);
    process.exit(2);
  }
  console.log(`\n=== ${name} tests ===`);
  const result = await suites[name]();
  if (result.passed === 0 && result.failed === 0) {
    result.failed = 1;
    result.note = 'ran no test';
  }
  results.push({ name, ...result });
}

console.log('\n=== results ===');
for (const r of results) {
  console.log(`${r.name.padEnd(8)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed${r.note ? `  (${r.note})` : ''}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`summary: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
