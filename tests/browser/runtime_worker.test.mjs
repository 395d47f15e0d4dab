// web/src/runtime_worker.js in Chromium, through PROTOCOL.md section 2: a
// tiny page (tests/fixtures/worker_page/) beside the built worker and runtime
// (web/dist), served cross-origin isolated so the interrupt flag can be a
// SharedArrayBuffer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { artifactsDir, collectErrors, launchChromium, root } from './chromium.mjs';
import { startStaticServer } from '../../web/scripts/static_server.mjs';

let browser;
let site;
let page;
let errors;
let siteDir;
// The built site (npm run build); LESSON_DIST_DIR points elsewhere for a private build.
const dist = process.env.LESSON_DIST_DIR ? path.resolve(process.env.LESSON_DIST_DIR) : path.join(root, 'web', 'dist');

before(async () => {
  siteDir = await mkdtemp(path.join(tmpdir(), 'worker-page-'));
  await cp(path.join(root, 'tests', 'fixtures', 'worker_page'), siteDir, { recursive: true });
  await cp(path.join(dist, 'runtime_worker.js'), path.join(siteDir, 'runtime_worker.js'));
  await mkdir(path.join(siteDir, 'wasm'));
  for (const file of ['lessonruntime.js', 'lessonruntime.wasm']) {
    await cp(path.join(dist, 'wasm', file), path.join(siteDir, 'wasm', file));
  }
  site = await startStaticServer({ root: siteDir, port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  page = await browser.newPage();
  errors = collectErrors(page);
  await page.goto(site.url);
  await page.waitForFunction(() => window.harness !== undefined);
});

after(async () => {
  await browser?.close();
  site?.server.close();
  if (siteDir) await rm(siteDir, { recursive: true, force: true });
});

test('the worker loads the runtime and says ready with its version and load time', async () => {
  const ready = await page.evaluate(async () => {
    const { harness, ready } = await window.harness.start();
    window.h = harness;
    return { ...ready, isolated: self.crossOriginIsolated };
  });
  assert.equal(ready.type, 'ready');
  assert.match(ready.version, /^\d+\.\d+\.\d+$/);
  assert.equal(typeof ready.loadMs, 'number');
  assert.ok(ready.loadMs > 0 && ready.loadMs < 10000, `loadMs ${ready.loadMs}`);
  assert.equal(ready.isolated, true);
});

test('run streams stdout and ends with done, every message tagged with the request id', async () => {
  const messages = await page.evaluate(() => window.h.run('for i in range(3):\n    print("hello", i)\n'));
  const stdout = messages.filter((m) => m.type === 'stream' && m.name === 'stdout').map((m) => m.text).join('');
  assert.equal(stdout, 'hello 0\nhello 1\nhello 2\n');
  const done = messages[messages.length - 1];
  assert.equal(done.type, 'done');
  assert.equal(done.status, 'ok');
  assert.equal(typeof done.elapsedMs, 'number');
  const ids = new Set(messages.map((m) => m.id));
  assert.equal(ids.size, 1);
});

test('an error arrives with its traceback and the line in the cell', async () => {
  const messages = await page.evaluate(() => window.h.run('x = 1\ny = [1, 2][x + 1]\n', '<cell 2>'));
  const error = messages.find((m) => m.type === 'error');
  assert.equal(error.ename, 'IndexError');
  assert.equal(error.evalue, 'list index out of range');
  assert.equal(error.line, 2);
  assert.equal(error.traceback,
    'Traceback (most recent call last):\n  File "<cell 2>", line 2, in <module>\n    y = [1, 2][x + 1]\n'
    + 'IndexError: list index out of range\n');
  assert.equal(messages[messages.length - 1].status, 'error');
});

test('Stop: `while True: pass` ends within a second through the SharedArrayBuffer flag', async () => {
  const result = await page.evaluate(async () => {
    const running = window.h.run('while True:\n    pass\n', '<cell 3>');
    await new Promise((r) => setTimeout(r, 300));
    const stoppedAt = performance.now();
    window.h.interrupt();
    const messages = await running;
    const stopMs = performance.now() - stoppedAt;
    const next = await window.h.run('print("still alive")', '<cell 4>');
    return { messages, stopMs, next };
  });
  assert.ok(result.stopMs < 1000, `stopped after ${result.stopMs} ms`);
  const done = result.messages[result.messages.length - 1];
  assert.equal(done.status, 'interrupted');
  assert.equal(result.messages.find((m) => m.type === 'error').ename, 'KeyboardInterrupt');
  // The worker cleared the flag: the next cell runs.
  assert.equal(result.next.find((m) => m.type === 'stream').text, 'still alive\n');
  assert.equal(result.next[result.next.length - 1].status, 'ok');
});

test('reset clears the namespace', async () => {
  const result = await page.evaluate(async () => {
    await window.h.run('kept = 5');
    const before = await window.h.run('print(kept)');
    const reset = await window.h.reset();
    const afterReset = await window.h.run('print(kept)');
    return { before, reset, afterReset };
  });
  assert.equal(result.before.find((m) => m.type === 'stream').text, '5\n');
  assert.equal(result.reset.length, 1);
  assert.equal(result.reset[0].type, 'reset-done');
  assert.equal(result.afterReset.find((m) => m.type === 'error').ename, 'NameError');
});

test('a matplotlib figure arrives as a figure message', async () => {
  const messages = await page.evaluate(() => window.h.run(
    'import matplotlib.pyplot as plt\nplt.imshow([[0, 1], [2, 3]])\nplt.colorbar()\nplt.title("grid")\nplt.show()\n'));
  assert.deepEqual(messages.map((m) => m.type), ['figure', 'done']);
  const axes = messages[0].figure.axes[0];
  assert.equal(axes.title, 'grid');
  assert.deepEqual(axes.series[0], {
    kind: 'image', rows: 2, cols: 2, data: [0, 1, 2, 3], vmin: 0, vmax: 3, cmap: 'viridis', colorbar: true,
  });
});

test('a time budget given at init stops a long cell with status timeout', async () => {
  const result = await page.evaluate(async () => {
    const { harness } = await window.harness.start({ timeBudget: 0.3 });
    const started = performance.now();
    const messages = await harness.run('while True:\n    pass\n');
    const ms = performance.now() - started;
    harness.terminate();
    return { messages, ms };
  });
  assert.equal(result.messages[result.messages.length - 1].status, 'timeout');
  assert.equal(result.messages.find((m) => m.type === 'error').ename, 'TimeoutError');
  assert.ok(result.ms < 2000, `${result.ms} ms`);
});

test('the direct layerNorm request still works through the same worker', async () => {
  const replies = await page.evaluate(async () => {
    const { harness } = await window.harness.start();
    const ask = (msg) => new Promise((resolve) => {
      const onMessage = ({ data }) => {
        if (data.id !== msg.id) return;
        harness.worker.removeEventListener('message', onMessage);
        resolve(data);
      };
      harness.worker.addEventListener('message', onMessage);
      harness.worker.postMessage(msg);
    });
    const ok = await ask({ type: 'layerNorm', id: 100, x: [1, 2, 3, 4], rows: 1, cols: 4, eps: 1e-5 });
    const bad = await ask({ type: 'layerNorm', id: 101, x: [1, 2, 3], rows: 1, cols: 4, eps: 1e-5 });
    harness.terminate();
    return { ok: { type: ok.type, y: Array.from(ok.y) }, bad };
  });
  assert.equal(replies.ok.type, 'result');
  [-1.3416, -0.4472, 0.4472, 1.3416].forEach((v, i) => assert.ok(Math.abs(replies.ok.y[i] - v) < 1e-4));
  assert.equal(replies.bad.type, 'error');
  assert.match(replies.bad.message, /x has 3 elements, expected rows\*cols = 4/);
});

test('without an interrupt buffer the worker still runs cells (the page stops it by terminating)', async () => {
  const out = await page.evaluate(async () => {
    const { harness } = await window.harness.start({ shared: false });
    const messages = await harness.run('print(6 * 7)');
    harness.terminate();
    return messages.find((m) => m.type === 'stream').text;
  });
  assert.equal(out, '42\n');
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, 'runtime_worker_page.png') });
  assert.deepEqual(errors, []);
});
