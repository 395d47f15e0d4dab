// The progress record: its schema, migrations from older versions, and the
// pure updates applied to it. Everything here is plain data in, plain data
// out, so it is tested in node:test and shared by every storage backend.
import { awardAchievements } from './achievements.js';
import { addDay } from './days.js';

export const SCHEMA_VERSION = 2;
export const XP_PER_FIRST_RUN = 5;

export class UnreadableProgressError extends Error {
  constructor(message) {
    super(message);
    this.name = 'UnreadableProgressError';
  }
}

export function emptyState(now = new Date()) {
  return {
    schema: SCHEMA_VERSION,
    createdAt: now.toISOString(),
    xp: 0,
    lessons: {},
    stats: { runs: 0, okRuns: 0, errors: 0, errorsFixed: 0, exercisesPassed: 0, passedWithoutHints: 0, hintsShown: 0 },
    achievements: {},
    days: [],
  };
}

export function emptyLesson() {
  return { ran: {}, failing: {}, passed: {}, hints: {}, completed: false, completedAt: null };
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCount = (v) => Number.isInteger(v) && v >= 0;

// Schema 1 (the first release) kept flat lists of "lesson/cell" keys.
function fromV1(old) {
  if (!isCount(old.xp) || !Array.isArray(old.cellsRun) || !Array.isArray(old.exercisesPassed)) {
    throw new UnreadableProgressError('schema 1 record is missing xp, cellsRun or exercisesPassed');
  }
  const state = emptyState(new Date(old.createdAt || Date.now()));
  state.xp = old.xp;
  const lesson = (id) => (state.lessons[id] ||= emptyLesson());
  for (const key of old.cellsRun) {
    const [lessonId, cellId] = String(key).split('/');
    if (lessonId && cellId) lesson(lessonId).ran[cellId] = true;
  }
  for (const key of old.exercisesPassed) {
    const [lessonId, cellId] = String(key).split('/');
    if (lessonId && cellId) lesson(lessonId).passed[cellId] = true;
  }
  for (const id of old.completedLessons || []) lesson(String(id)).completed = true;
  for (const id of old.achievements || []) state.achievements[String(id)] = state.createdAt;
  state.stats.runs = state.stats.okRuns = old.cellsRun.length;
  state.stats.exercisesPassed = old.exercisesPassed.length;
  return state;
}

export const MIGRATIONS = { 1: fromV1 };

export function validateState(state) {
  const fail = (what) => { throw new UnreadableProgressError(`progress record: ${what}`); };
  if (!isObject(state)) fail('not an object');
  if (state.schema !== SCHEMA_VERSION) fail(`schema ${state.schema}`);
  if (!isCount(state.xp)) fail('xp is not a count');
  if (!isObject(state.lessons) || !isObject(state.stats) || !isObject(state.achievements) || !Array.isArray(state.days)) fail('missing parts');
  for (const [id, l] of Object.entries(state.lessons)) {
    if (!isObject(l) || !isObject(l.ran) || !isObject(l.passed) || !isObject(l.failing) || !isObject(l.hints)) fail(`lesson ${id} is malformed`);
  }
  for (const [k, v] of Object.entries(state.stats)) if (!isCount(v)) fail(`stats.${k} is not a count`);
  return state;
}

// Brings a stored record of any known schema to the current one. Throws
// UnreadableProgressError for anything it cannot read (the caller keeps a copy).
export function migrate(raw) {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) throw new UnreadableProgressError('progress record is not an object');
  let version = raw.schema ?? raw.version;
  if (!Number.isInteger(version)) throw new UnreadableProgressError('progress record has no schema version');
  if (version > SCHEMA_VERSION) throw new UnreadableProgressError(`progress record has schema ${version}, newer than this site (${SCHEMA_VERSION})`);
  let state = raw;
  while (version < SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new UnreadableProgressError(`no migration from schema ${version}`);
    state = step(state);
    version = state.schema;
  }
  // Fields added within a schema version get their defaults.
  state = { ...emptyState(), ...state, stats: { ...emptyState().stats, ...state.stats } };
  for (const l of Object.values(state.lessons || {})) {
    if (isObject(l)) for (const [k, v] of Object.entries(emptyLesson())) if (!(k in l)) l[k] = structuredClone(v);
  }
  return validateState(state);
}

function lessonEntry(state, lessonId) {
  return (state.lessons[lessonId] ||= emptyLesson());
}

function updateCompletion(state, lessonId, ctx) {
  const info = ctx.course.find((l) => l.id === lessonId);
  const entry = state.lessons[lessonId];
  if (!info || !entry || entry.completed) return;
  const allRan = info.cells.every((id) => entry.ran[id] || entry.passed[id]);
  const allPassed = info.exercises.every((id) => entry.passed[id]);
  if (allRan && allPassed) {
    entry.completed = true;
    entry.completedAt = ctx.now.toISOString();
    state.xp += info.xp || 0;
  }
}

// Applies one learner event and returns the new state (the input is not
// changed), the achievements it earned and the XP it gave.
//   {type: 'run', lessonId, cellId, status: 'ok'|'error'|'interrupted'|'timeout'}
//   {type: 'exercise', lessonId, cellId, passed: bool, xp}
//   {type: 'hint', lessonId, cellId}
// ctx: {now: Date, course: [{id, xp, cells: [ids], exercises: [ids]}]}
export function applyEvent(current, event, ctx) {
  const state = structuredClone(current);
  const xpBefore = state.xp;
  const lesson = lessonEntry(state, event.lessonId);
  state.days = addDay(state.days, ctx.now);
  if (event.type === 'run') {
    state.stats.runs++;
    if (event.status === 'ok') {
      state.stats.okRuns++;
      if (lesson.failing[event.cellId]) {
        state.stats.errorsFixed++;
        delete lesson.failing[event.cellId];
      }
      if (!lesson.ran[event.cellId]) {
        lesson.ran[event.cellId] = true;
        state.xp += XP_PER_FIRST_RUN;
      }
    } else if (event.status === 'error') {
      state.stats.errors++;
      lesson.failing[event.cellId] = true;
    }
  } else if (event.type === 'exercise') {
    if (event.passed && !lesson.passed[event.cellId]) {
      lesson.passed[event.cellId] = true;
      state.stats.exercisesPassed++;
      if (!lesson.hints[event.cellId]) state.stats.passedWithoutHints++;
      state.xp += Math.max(0, Number(event.xp) || 0);
    }
  } else if (event.type === 'hint') {
    lesson.hints[event.cellId] = (lesson.hints[event.cellId] || 0) + 1;
    state.stats.hintsShown++;
  } else {
    throw new Error(`unknown progress event ${event.type}`);
  }
  updateCompletion(state, event.lessonId, ctx);
  const earned = awardAchievements(state, ctx);
  return { state, earned, xpGained: state.xp - xpBefore };
}

// Summary of one lesson for the course index: fraction of cells done.
export function lessonProgress(state, info) {
  const entry = state?.lessons[info.id];
  const total = info.cells.length;
  if (!entry || total === 0) return { done: 0, total, fraction: entry?.completed ? 1 : 0, completed: !!entry?.completed };
  const done = info.cells.filter((id) => entry.ran[id] || entry.passed[id]).length;
  return { done, total, fraction: done / total, completed: !!entry.completed };
}
