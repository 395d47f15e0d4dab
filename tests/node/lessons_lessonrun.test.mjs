// Every lesson of the course through the native CLI: `build/native/lessonrun
// --lesson lessons/NAME.md` runs each cell (exercises: solution, then check)
// and compares its output with the output recorded from PyTorch 1.13.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const lessonrun = path.join(root, 'build/native/lessonrun');
const lessons = readdirSync(path.join(root, 'lessons')).filter((f) => /^\d\d-.*\.md$/.test(f)).sort();

test('the course has seven lessons', () => {
  assert.equal(lessons.length, 7, lessons.join(', '));
});

for (const file of lessons) {
  test(`lessonrun --lesson lessons/${file}`, () => {
    const r = spawnSync(lessonrun, ['--lesson', path.join('lessons', file)], { cwd: root, encoding: 'utf8', timeout: 120000 });
    const summary = r.stdout.trim().split('\n').pop();
    assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
    assert.match(summary, /^lesson .*: (\d+) cells, \1 passed, 0 failed$/);
  });
}
