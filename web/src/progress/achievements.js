// Achievements: each is a predicate over the progress state. They are
// checked after every update; one earned is kept with the time it was earned.
import { levelFor } from './levels.js';
import { streakLength } from './days.js';

export const ACHIEVEMENTS = [
  { id: 'first-run', test: (s) => s.stats.okRuns >= 1 },
  { id: 'first-error', test: (s) => s.stats.errors >= 1 },
  { id: 'error-fixed', test: (s) => s.stats.errorsFixed >= 1 },
  { id: 'ten-runs', test: (s) => s.stats.runs >= 10 },
  { id: 'hundred-runs', test: (s) => s.stats.runs >= 100 },
  { id: 'first-exercise', test: (s) => s.stats.exercisesPassed >= 1 },
  { id: 'no-hints', test: (s) => s.stats.passedWithoutHints >= 1 },
  { id: 'five-exercises', test: (s) => s.stats.exercisesPassed >= 5 },
  { id: 'lesson-complete', test: (s) => Object.values(s.lessons).some((l) => l.completed) },
  { id: 'all-lessons', test: (s, ctx) => ctx.course.length > 0 && ctx.course.every((l) => s.lessons[l.id]?.completed) },
  { id: 'streak-3', test: (s, ctx) => streakLength(s.days, ctx.now) >= 3 },
  { id: 'level-3', test: (s) => levelFor(s.xp).level >= 3 },
];

// Adds every achievement newly earned to `state` (mutates) and returns their ids.
export function awardAchievements(state, ctx) {
  const earned = [];
  for (const a of ACHIEVEMENTS) {
    if (!state.achievements[a.id] && a.test(state, ctx)) {
      state.achievements[a.id] = ctx.now.toISOString();
      earned.push(a.id);
    }
  }
  return earned;
}
