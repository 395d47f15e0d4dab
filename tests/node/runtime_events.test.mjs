// The Embind Runtime of wasm_bindings/PROTOCOL.md section 1, in Node: events
// in order, errors with their line, interrupts, time budget, reset, figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { loadLessonRuntime } from '../../web/scripts/py.mjs';

const module = await loadLessonRuntime();

function run(rt, code, cellId = '<cell 1>') {
  const events = [];
  rt.run(code, cellId, (e) => events.push(e));
  return events;
}
const text = (events, name) => events.filter((e) => e.type === 'stream' && e.name === name).map((e) => e.text).join('');
const done = (events) => events[events.length - 1];

test('a cell streams stdout and ends with done/ok and its elapsed time', () => {
  const rt = new module.Runtime();
  const events = run(rt, 'for i in range(3):\n    print("line", i)\n');
  assert.equal(text(events, 'stdout'), 'line 0\nline 1\nline 2\n');
  assert.equal(text(events, 'stderr'), '');
  const last = done(events);
  assert.equal(last.type, 'done');
  assert.equal(last.status, 'ok');
  assert.equal(typeof last.elapsedMs, 'number');
  assert.ok(last.elapsedMs >= 0 && last.elapsedMs < 5000);
  assert.equal(events.filter((e) => e.type === 'done').length, 1);
  rt.delete();
});

test('the first print of a cell is reported at once, while the cell still runs', () => {
  const rt = new module.Runtime();
  let firstAt = null;
  let doneAt = null;
  rt.run('print("early")\nimport time\nt = time.time()\nwhile time.time() - t < 0.3:\n    pass\n', '<cell 1>', (e) => {
    if (e.type === 'stream' && firstAt === null) firstAt = performance.now();
    if (e.type === 'done') doneAt = performance.now();
  });
  assert.ok(firstAt !== null && doneAt !== null);
  assert.ok(doneAt - firstAt >= 250, `the print came ${doneAt - firstAt} ms before done`);
  rt.delete();
});

test('cells share one namespace; reset() gives a fresh one', () => {
  const rt = new module.Runtime();
  run(rt, 'x = 41');
  assert.equal(text(run(rt, 'print(x + 1)', '<cell 2>'), 'stdout'), '42\n');
  rt.reset();
  const events = run(rt, 'print(x)', '<cell 3>');
  const error = events.find((e) => e.type === 'error');
  assert.equal(error.ename, 'NameError');
  assert.equal(error.evalue, "name 'x' is not defined");
  assert.equal(done(events).status, 'error');
  rt.delete();
});

test('an error event carries ename, evalue, the traceback (also on stderr) and the line in this cell', () => {
  const rt = new module.Runtime();
  run(rt, 'def f(v):\n    return v["missing"]\n', '<cell 1>');
  const events = run(rt, 'a = 1\n\nf({})\nprint("not reached")\n', '<cell 2>');
  const error = events.find((e) => e.type === 'error');
  assert.deepEqual(
    { ename: error.ename, evalue: error.evalue, line: error.line },
    { ename: 'KeyError', evalue: "'missing'", line: 3 },
  );
  assert.equal(error.traceback,
    'Traceback (most recent call last):\n'
    + '  File "<cell 2>", line 3, in <module>\n'
    + '    f({})\n'
    + '  File "<cell 1>", line 2, in f\n'
    + '    return v["missing"]\n'
    + "KeyError: 'missing'\n");
  assert.equal(text(events, 'stderr'), error.traceback);
  assert.equal(text(events, 'stdout'), '');
  // Order: the streams, then the error, then done.
  assert.deepEqual(events.map((e) => e.type), ['stream', 'error', 'done']);

  const syntax = run(rt, 'x = 1\ny = (2,\n', '<cell 3>').find((e) => e.type === 'error');
  assert.equal(syntax.ename, 'SyntaxError');
  assert.equal(syntax.line, 2);
  rt.delete();
});

test('the interrupt poll stops `while True: pass` with KeyboardInterrupt (status interrupted)', () => {
  const rt = new module.Runtime();
  const start = performance.now();
  let polls = 0;
  rt.setInterruptPoll(() => {
    polls += 1;
    return performance.now() - start > 200 ? 1 : 0;
  });
  const events = run(rt, 'n = 0\nwhile True:\n    n += 1\n');
  const elapsed = performance.now() - start;
  assert.equal(done(events).status, 'interrupted');
  assert.equal(events.find((e) => e.type === 'error').ename, 'KeyboardInterrupt');
  // 200 ms of running, then the next poll stops it (generous bound: the
  // test machines are shared).
  assert.ok(elapsed < 2000, `stopped after ${elapsed} ms`);
  // Polled every few ms (at most one call per 5 ms), not on every iteration.
  assert.ok(polls >= 2 && polls <= elapsed / 5 + 2, `${polls} polls in ${elapsed} ms`);
  // The flag no longer set: the next cell runs.
  rt.setInterruptPoll(null);
  assert.equal(done(run(rt, 'print(n > 0)', '<cell 2>')).status, 'ok');
  rt.delete();
});

test('a time budget stops a cell with TimeoutError (status timeout); `except` cannot swallow it', () => {
  const rt = new module.Runtime();
  rt.setTimeBudget(0.2);
  const start = performance.now();
  const events = run(rt, 'while True:\n    try:\n        while True:\n            pass\n    except Exception:\n        pass\n');
  assert.ok(performance.now() - start < 2000);
  assert.equal(done(events).status, 'timeout');
  assert.equal(events.find((e) => e.type === 'error').ename, 'TimeoutError');
  // A TimeoutError the code raises itself is an ordinary error.
  const own = run(rt, 'raise TimeoutError("mine")', '<cell 2>');
  assert.equal(done(own).status, 'error');
  rt.setTimeBudget(0);
  assert.throws(() => rt.setTimeBudget(-1), RangeError);
  rt.delete();
});

test('matplotlib figures arrive as figure events, in order with the output', () => {
  const rt = new module.Runtime();
  const events = run(rt,
    'import matplotlib.pyplot as plt\n'
    + 'print("before")\n'
    + 'plt.plot([0, 1, 2], [0, 1, 4], label="sq")\n'
    + 'plt.title("squares")\n'
    + 'plt.show()\n'
    + 'print("after")\n'
    + 'fig, axes = plt.subplots(1, 2)\n'
    + 'axes[1].hist([1, 2, 2, 3], bins=3)\n');
  assert.deepEqual(events.map((e) => e.type), ['stream', 'figure', 'stream', 'figure', 'done']);
  const [first, second] = events.filter((e) => e.type === 'figure').map((e) => e.figure);
  assert.equal(first.axes[0].title, 'squares');
  assert.deepEqual(first.axes[0].series[0], {
    kind: 'line', x: [0, 1, 2], y: [0, 1, 4], label: 'sq', color: '#1f77b4', linestyle: '-', marker: '', linewidth: 1.5,
  });
  assert.equal(second.axes.length, 2);
  assert.deepEqual(second.axes[1].series[0].counts, [1, 2, 1]);
  const svg = module.figureSvg(first);
  assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
  assert.equal(module.figureSvg(JSON.stringify(first)), svg);
  assert.throws(() => module.figureSvg('{"axes": 1'), TypeError);
  rt.delete();
});

test('run() checks its arguments and refuses to re-enter', () => {
  const rt = new module.Runtime();
  assert.throws(() => rt.run('1', '<cell 1>', null), TypeError);
  let inner = null;
  rt.run('print(1)', '<cell 1>', () => {
    if (inner === null) {
      try {
        rt.run('2', '<cell 2>', () => {});
        inner = 'ran';
      } catch (error) {
        inner = error.message;
      }
    }
  });
  assert.match(inner, /already running/);
  rt.delete();
});

test('shutdown() ends a program as CPython does at exit: finalizers run and print', () => {
  const rt = new module.Runtime();
  run(rt, 'class R:\n    def __del__(self):\n        print("closed")\nr = R()\n');
  const events = [];
  rt.shutdown((e) => events.push(e));
  assert.equal(text(events, 'stdout'), 'closed\n');
  rt.delete();
});
