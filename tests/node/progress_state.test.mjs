// Progress logic: events, XP, levels, achievements, streaks, migrations,
// and the ProgressStore over the in-memory backend.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { applyEvent, emptyState, migrate, lessonProgress, SCHEMA_VERSION, UnreadableProgressError, XP_PER_FIRST_RUN } from '../../web/src/progress/state.js';
import { levelFor, LEVELS } from '../../web/src/progress/levels.js';
import { ACHIEVEMENTS } from '../../web/src/progress/achievements.js';
import { streakLength, addDay, localDay } from '../../web/src/progress/days.js';
import { MemoryBackend } from '../../web/src/progress/memory_backend.js';
import { ProgressStore, EXPORT_FORMAT } from '../../web/src/progress/store.js';
import en from '../../web/src/i18n/en.js';
import ko from '../../web/src/i18n/ko.js';

const course = [
  { id: 'a', xp: 100, cells: ['c1', 'c2', 'ex'], exercises: ['ex'] },
  { id: 'b', xp: 40, cells: ['c1'], exercises: [] },
];
const day = (d, h = 10) => new Date(2026, 10, d, h);
const ctx = (now = day(20)) => ({ now, course });
const run = (lessonId, cellId, status = 'ok') => ({ type: 'run', lessonId, cellId, status });

function play(events, start = emptyState(day(20)), now = day(20)) {
  let state = start;
  const earned = [];
  for (const e of events) {
    const r = applyEvent(state, e, ctx(now));
    state = r.state;
    earned.push(...r.earned);
  }
  return { state, earned };
}

test('a first run earns XP once and the first-run achievement', () => {
  const before = emptyState();
  const r1 = applyEvent(before, run('a', 'c1'), ctx());
  assert.equal(before.xp, 0, 'the input is not changed');
  assert.equal(r1.state.xp, XP_PER_FIRST_RUN);
  assert.deepEqual(r1.earned, ['first-run']);
  assert.equal(r1.state.lessons.a.ran.c1, true);
  const r2 = applyEvent(r1.state, run('a', 'c1'), ctx());
  assert.equal(r2.state.xp, XP_PER_FIRST_RUN);
  assert.equal(r2.state.stats.runs, 2);
  assert.deepEqual(r2.earned, []);
});

test('an error then a good run counts as an error fixed', () => {
  const { state, earned } = play([run('a', 'c1', 'error'), run('a', 'c1', 'ok')]);
  assert.equal(state.stats.errors, 1);
  assert.equal(state.stats.errorsFixed, 1);
  assert.deepEqual(earned, ['first-error', 'first-run', 'error-fixed']);
  assert.deepEqual(state.lessons.a.failing, {});
});

test('an exercise awards its XP once; a lesson completes when every cell ran and every exercise passed', () => {
  const pass = { type: 'exercise', lessonId: 'a', cellId: 'ex', passed: true, xp: 30 };
  const { state, earned } = play([run('a', 'c1'), run('a', 'c2'), run('a', 'ex'), pass, pass]);
  assert.equal(state.xp, 3 * XP_PER_FIRST_RUN + 30 + 100);
  assert.equal(state.stats.exercisesPassed, 1);
  assert.equal(state.lessons.a.completed, true);
  assert.ok(earned.includes('first-exercise'));
  assert.ok(earned.includes('no-hints'));
  assert.ok(earned.includes('lesson-complete'));
  assert.ok(!earned.includes('all-lessons'));
  const done = play([run('b', 'c1')], state).state;
  assert.ok(done.achievements['all-lessons']);
  assert.equal(lessonProgress(done, course[1]).fraction, 1);
  assert.equal(lessonProgress(state, course[1]).fraction, 0);
});

test('a failed check gives nothing; a hint spoils the no-hints achievement', () => {
  const { state } = play([
    { type: 'exercise', lessonId: 'a', cellId: 'ex', passed: false, xp: 30 },
    { type: 'hint', lessonId: 'a', cellId: 'ex' },
    { type: 'exercise', lessonId: 'a', cellId: 'ex', passed: true, xp: 30 },
  ]);
  assert.equal(state.xp, 30);
  assert.equal(state.lessons.a.hints.ex, 1);
  assert.equal(state.achievements['no-hints'], undefined);
  assert.ok(state.achievements['first-exercise']);
});

test('100 runs, 10 runs', () => {
  const events = Array.from({ length: 100 }, (_, i) => run('a', 'c1', i % 2 ? 'ok' : 'error'));
  const { state, earned } = play(events);
  assert.ok(earned.includes('ten-runs'));
  assert.ok(earned.includes('hundred-runs'));
  assert.equal(state.stats.runs, 100);
});

test('a 3-day streak counts consecutive local days', () => {
  let s = emptyState(day(18));
  s = applyEvent(s, run('a', 'c1'), ctx(day(18))).state;
  s = applyEvent(s, run('a', 'c1'), ctx(day(19, 23))).state;
  assert.equal(s.achievements['streak-3'], undefined);
  const r = applyEvent(s, run('a', 'c2'), ctx(day(20, 0)));
  assert.deepEqual(r.earned, ['streak-3']);
  assert.equal(streakLength(['2026-11-18', '2026-11-19', '2026-11-20'], day(21)), 3, 'not broken before the day ends');
  assert.equal(streakLength(['2026-11-18', '2026-11-20'], day(20)), 1);
  assert.equal(localDay(day(1)), '2026-11-01');
  assert.equal(addDay(['2026-11-01'], day(1)).length, 1);
});

test('levels from XP thresholds', () => {
  assert.deepEqual(levelFor(0), { level: 1, key: 'level1', xp: 0, floor: 0, next: 50, toNext: 50, fraction: 0 });
  const l2 = levelFor(75);
  assert.equal(l2.level, 2);
  assert.equal(l2.toNext, 75);
  assert.equal(l2.fraction, 0.25);
  const top = levelFor(1e6);
  assert.equal(top.level, LEVELS.length);
  assert.equal(top.next, null);
  assert.ok(play([{ type: 'exercise', lessonId: 'a', cellId: 'ex', passed: true, xp: 200 }]).state.achievements['level-3']);
});

test('at least 10 achievements, each named in English and Korean', () => {
  assert.ok(ACHIEVEMENTS.length >= 10);
  assert.equal(new Set(ACHIEVEMENTS.map((a) => a.id)).size, ACHIEVEMENTS.length);
  for (const { id } of ACHIEVEMENTS) {
    for (const dict of [en, ko]) {
      assert.ok(dict[`ach-${id}`] && dict[`ach-${id}-d`], `ach-${id} is named`);
    }
  }
});

test('English and Korean UI strings have the same keys and placeholders', () => {
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    const ph = (s) => (s.match(/\{\w+\}/g) || []).sort();
    assert.deepEqual(ph(ko[key]), ph(en[key]), key);
  }
});

test('migrations: schema 1 records become schema 2', () => {
  const v1 = { version: 1, xp: 130, cellsRun: ['a/c1', 'a/c2'], exercisesPassed: ['a/ex'], completedLessons: ['a'], achievements: ['first-run'], createdAt: '2026-01-02T00:00:00.000Z' };
  const s = migrate(v1);
  assert.equal(s.schema, SCHEMA_VERSION);
  assert.equal(s.xp, 130);
  assert.deepEqual(s.lessons.a.ran, { c1: true, c2: true });
  assert.deepEqual(s.lessons.a.passed, { ex: true });
  assert.equal(s.lessons.a.completed, true);
  assert.ok(s.achievements['first-run']);
  assert.equal(s.stats.runs, 2);
  assert.equal(migrate(undefined), null);
  const current = migrate(structuredClone(s));
  assert.deepEqual(current, s);
});

test('unreadable records are refused, not silently reset', () => {
  for (const bad of ['garbage', 42, [], { schema: 99 }, { hello: 1 }, { schema: 2, xp: -1, lessons: {}, stats: {}, achievements: {}, days: [] }, { version: 1, xp: 'x' }]) {
    assert.throws(() => migrate(bad), UnreadableProgressError, JSON.stringify(bad));
  }
});

test('ProgressStore: events, edits, export and import round-trip', async () => {
  const store = new ProgressStore(new MemoryBackend(), { course, now: () => day(20) });
  await store.load();
  const seen = [];
  store.subscribe((_, change) => seen.push(change));
  const r = await store.record(run('a', 'c1'));
  assert.deepEqual(r.earned, ['first-run']);
  assert.equal(seen.length, 1);
  await store.saveEdit('a', 'c1', 'print(1)');
  assert.equal(await store.getEdit('a', 'c1'), 'print(1)');
  assert.equal(await store.getEdit('a', 'c2'), null);
  const exported = JSON.parse(JSON.stringify(await store.exportData()));
  assert.equal(exported.format, EXPORT_FORMAT);

  const fresh = new ProgressStore(new MemoryBackend(), { course, now: () => day(21) });
  await fresh.load();
  await fresh.importData(exported);
  assert.equal(fresh.state.xp, XP_PER_FIRST_RUN);
  assert.equal(await fresh.getEdit('a', 'c1'), 'print(1)');
  await assert.rejects(fresh.importData({ format: 'something else' }), UnreadableProgressError);
  await assert.rejects(fresh.importData({ format: EXPORT_FORMAT, progress: { schema: 7 } }), UnreadableProgressError);
  assert.equal(fresh.state.xp, XP_PER_FIRST_RUN, 'a bad import changes nothing');

  await fresh.reset();
  assert.equal(fresh.state.xp, 0);
  assert.equal(await fresh.getEdit('a', 'c1'), null);
});

test('two stores (tabs) on one backend do not lose each other\'s updates', async () => {
  const backend = new MemoryBackend();
  const tab1 = new ProgressStore(backend, { course, now: () => day(20) });
  const tab2 = new ProgressStore(backend, { course, now: () => day(20) });
  await tab1.load();
  await tab2.load();
  await tab1.record(run('a', 'c1'));
  await tab2.record(run('b', 'c1')); // tab2's in-memory state predates tab1's update
  await Promise.all([tab1.record(run('a', 'c2')), tab2.record({ type: 'exercise', lessonId: 'a', cellId: 'ex', passed: true, xp: 30 })]);
  const stored = await backend.read();
  assert.equal(stored.stats.runs, 3);
  assert.deepEqual(Object.keys(stored.lessons).sort(), ['a', 'b']);
  assert.deepEqual(stored.lessons.a.ran, { c1: true, c2: true });
  assert.equal(stored.lessons.a.passed.ex, true);
  assert.equal(stored.xp, 3 * XP_PER_FIRST_RUN + 30 + 40 + 100, 'both lessons completed');
});

test('tabs hear each other through the channel', async () => {
  const backend = new MemoryBackend();
  const listeners = [];
  const channel = () => {
    const c = { postMessage: (data) => listeners.filter((l) => l !== c).forEach((l) => l.onmessage?.({ data })) };
    listeners.push(c);
    return c;
  };
  const tab1 = new ProgressStore(backend, { course, channel: channel() });
  const tab2 = new ProgressStore(backend, { course, channel: channel() });
  await tab1.load();
  await tab2.load();
  const heard = new Promise((resolve) => tab2.subscribe((state, change) => change.remote && resolve(state)));
  await tab1.record(run('a', 'c1'));
  assert.equal((await heard).xp, XP_PER_FIRST_RUN);
});

test('a corrupted record is kept in quarantine and loading says so', async () => {
  const backend = new MemoryBackend({ state: { schema: 2, xp: 'lots' } });
  const store = new ProgressStore(backend, { course });
  await assert.rejects(store.load(), UnreadableProgressError);
  assert.equal(backend.quarantined.length, 1);
  assert.deepEqual(backend.quarantined[0].raw, { schema: 2, xp: 'lots' });
  assert.deepEqual(await backend.read(), { schema: 2, xp: 'lots' }, 'the original is left in place');
});
