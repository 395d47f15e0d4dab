// The page side of the worker protocol (web/src/app/runtime_client.js),
// against a scripted stand-in for the Worker object: queueing in order,
// routing by request id, Stop through the shared flag or by restart,
// cancellation, and load failure. (The real worker and runtime are tested
// in tests/browser/site_cells.test.mjs.)
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { RuntimeClient } from '../../web/src/app/runtime_client.js';

let workers;
class ScriptedWorker {
  constructor(url, options) {
    this.url = url;
    this.options = options;
    this.sent = [];
    this.listeners = { message: [], error: [] };
    this.terminated = false;
    workers.push(this);
  }
  addEventListener(type, fn) { this.listeners[type].push(fn); }
  postMessage(data) { this.sent.push(data); }
  terminate() { this.terminated = true; }
  reply(data) { for (const fn of this.listeners.message) fn({ data }); }
  fail(message) { for (const fn of this.listeners.error) fn({ message, preventDefault() {} }); }
  runs() { return this.sent.filter((m) => m.type === 'run'); }
}

beforeEach(() => {
  workers = [];
  globalThis.Worker = ScriptedWorker;
  globalThis.crossOriginIsolated = true;
});

const tick = () => new Promise((r) => setTimeout(r, 0));

test('init carries the interrupt buffer and time budget; runs wait for ready and go one at a time', async () => {
  const client = new RuntimeClient({ workerUrl: 'w.js', timeBudget: 7 });
  client.start();
  const [w] = workers;
  assert.equal(w.options.type, 'module');
  assert.equal(w.sent[0].type, 'init');
  assert.ok(w.sent[0].interruptBuffer instanceof SharedArrayBuffer);
  assert.equal(w.sent[0].timeBudget, 7);
  const events = [];
  const first = client.run('<cell 1>', 'a = 1', (e) => events.push(['1', e.type, e.text]));
  const second = client.run('<cell 2>', 'print(a)', (e) => events.push(['2', e.type, e.text]));
  assert.equal(w.runs().length, 0, 'nothing is sent before ready');
  w.reply({ type: 'ready', version: '1.2.3', loadMs: 5 });
  assert.equal(client.state, 'busy');
  assert.deepEqual(w.runs().map((m) => [m.cellId, m.code]), [['<cell 1>', 'a = 1']]);
  const id1 = w.runs()[0].id;
  w.reply({ type: 'stream', id: 999, name: 'stdout', text: 'stray' }); // not ours: ignored
  w.reply({ type: 'done', id: id1, status: 'ok', elapsedMs: 1 });
  assert.equal((await first).status, 'ok');
  const id2 = w.runs()[1].id;
  assert.notEqual(id1, id2);
  w.reply({ type: 'stream', id: id2, name: 'stdout', text: '1\n' });
  w.reply({ type: 'done', id: id2, status: 'ok', elapsedMs: 1 });
  assert.equal((await second).status, 'ok');
  assert.deepEqual(events, [['1', 'done', undefined], ['2', 'stream', '1\n'], ['2', 'done', undefined]]);
  assert.equal(client.version, '1.2.3');
  client.setTimeBudget(2);
  assert.deepEqual(w.sent.at(-1), { type: 'init', interruptBuffer: w.sent[0].interruptBuffer, timeBudget: 2 });
});

test('Stop sets the shared flag; the cell ends as interrupted and the worker is kept', async () => {
  const client = new RuntimeClient({ workerUrl: 'w.js' });
  client.start();
  const [w] = workers;
  w.reply({ type: 'ready', version: '1' });
  const run = client.run('<cell 1>', 'while True: pass');
  const flag = new Int32Array(w.sent[0].interruptBuffer);
  const stopping = client.interrupt();
  assert.equal(Atomics.load(flag, 0), 1);
  w.reply({ type: 'done', id: w.runs()[0].id, status: 'interrupted', elapsedMs: 3 });
  assert.equal(await stopping, 'interrupted');
  assert.equal((await run).status, 'interrupted');
  assert.equal(workers.length, 1);
  client.run('<cell 2>', 'pass');
  assert.equal(Atomics.load(flag, 0), 0, 'the flag is cleared before the next run');
});

test('a cell that ignores the flag is stopped by restarting the worker after a second', async () => {
  const client = new RuntimeClient({ workerUrl: 'w.js' });
  const restarts = [];
  client.addEventListener('restarted', (e) => restarts.push(e.detail.reason));
  client.start();
  workers[0].reply({ type: 'ready', version: '1' });
  const run = client.run('<cell 1>', 'loop');
  const queued = client.run('<cell 2>', 'after');
  const started = Date.now();
  assert.equal(await client.interrupt(), 'restarted');
  assert.ok(Date.now() - started >= 900);
  const done = await run;
  assert.equal(done.status, 'interrupted');
  assert.equal(done.restarted, true);
  assert.equal((await queued).status, 'cancelled');
  assert.equal(workers[0].terminated, true);
  assert.equal(workers.length, 2);
  assert.deepEqual(restarts, ['stop']);
  assert.equal(client.state, 'loading');
});

test('without cross-origin isolation Stop restarts at once and no buffer is sent', async () => {
  globalThis.crossOriginIsolated = false;
  const client = new RuntimeClient({ workerUrl: 'w.js' });
  client.start();
  assert.equal(workers[0].sent[0].interruptBuffer, null);
  workers[0].reply({ type: 'ready', version: '1' });
  const run = client.run('<cell 1>', 'loop');
  assert.equal(await client.interrupt(), 'restarted');
  assert.equal((await run).restarted, true);
  assert.equal(workers.length, 2);
});

test('a runtime that cannot load fails its runs with a message; a later fatal restarts', async () => {
  const client = new RuntimeClient({ workerUrl: 'w.js' });
  client.start();
  const events = [];
  const run = client.run('<cell 1>', 'x', (e) => events.push(e));
  workers[0].reply({ type: 'fatal', message: 'no wasm' });
  assert.equal(client.state, 'failed');
  assert.equal((await run).status, 'error');
  assert.match(events[0].evalue, /no wasm/);
  const later = await client.run('<cell 2>', 'y');
  assert.equal(later.status, 'error', 'no hanging run while failed');

  client.restart();
  const w = workers.at(-1);
  w.reply({ type: 'ready', version: '1' });
  const broken = client.run('<cell 3>', 'z');
  w.reply({ type: 'error', id: w.runs()[0].id, ename: 'InternalError', evalue: 'trap', traceback: '', line: 0 });
  w.reply({ type: 'done', id: w.runs()[0].id, status: 'error', elapsedMs: 1 });
  assert.equal((await broken).status, 'error');
  w.reply({ type: 'fatal', message: 'the runtime stopped working' });
  assert.equal(w.terminated, true, 'a worker that broke after loading is replaced');
  assert.equal(workers.at(-1) !== w, true);
  await tick();
});

test('a worker script error is reported as a failure', () => {
  const client = new RuntimeClient({ workerUrl: 'w.js' });
  client.start();
  workers[0].fail('SyntaxError in worker');
  assert.equal(client.state, 'failed');
  assert.equal(client.failure, 'SyntaxError in worker');
});
