// The real course in Chromium: every lesson in lessons/ is built into the
// site, opened, and each of its cells is run through the page's own cells
// (worker + shipped WASM runtime), in order, in one namespace. Exercises run
// their solution (taken from the lesson file, as the learner would type it)
// and then their hidden check, which must pass. Each cell's output must equal
// the output recorded from PyTorch 1.13 in the lesson: exactly, or with the
// cell's `tolerance=` on numbers. A screenshot of each lesson is saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { launchChromium, openPage, root, runtimeMissingReason, screenshot, waitForRuntime } from './site_support.mjs';
import { startStaticServer } from '../../web/scripts/static_server.mjs';
import { buildSite, loadLessons } from '../../web/scripts/site/build.mjs';
import { outputsMatch } from './lesson_output_compare.mjs';

const lessonsDir = path.join(root, 'lessons');
const lessons = await loadLessons(lessonsDir);

let browser;
let served;
let outDir;
let skip = false;

before(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'lesson-course-'));
  await buildSite({ lessonsDir, outDir });
  const reason = await runtimeMissingReason(outDir);
  if (reason) {
    skip = `skipped: ${reason}`;
    console.log(`# lessons_course: ${skip}`);
    return;
  }
  served = await startStaticServer({ root: outDir, port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  served?.server.closeAllConnections?.();
  served?.server.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

for (const lesson of lessons) {
  test(`lesson ${lesson.name}: every cell runs in Chromium and prints its recorded output`, { timeout: 180000 }, async (t) => {
    if (skip) return t.skip(skip);
    const { page, errors, context } = await openPage(browser, `${served.url}lessons/${lesson.meta.id}.html`,
      { viewport: { width: 1000, height: 900 } });
    assert.equal(await waitForRuntime(page), 'ready');
    for (const cell of lesson.cells) {
      const result = await page.evaluate(async ({ id, solution }) => {
        const view = window.lessonApp.cells.find((c) => c.cell.id === id);
        if (solution !== null) view.editor.setCode(solution);
        const state = await view.run();
        const section = document.getElementById(`cell-${id}`);
        const text = [...section.querySelectorAll('.output-text, .traceback')].map((e) => e.textContent).join('');
        const figures = section.querySelectorAll('svg.figure, .figure svg').length;
        return { state, text, figures };
      }, { id: cell.id, solution: cell.kind === 'exercise' ? cell.solution : null });
      const where = `${lesson.name} cell ${cell.index} (${cell.id})`;
      const expected = cell.expected || '';
      const erroring = /^Traceback \(most recent call last\):/m.test(expected);
      assert.equal(result.state, cell.kind === 'exercise' ? 'passed' : (erroring ? 'error' : 'ok'), `${where}: state`);
      assert.ok(outputsMatch(expected, result.text, cell.tolerance),
        `${where}: output differs\n--- expected\n${expected}\n--- actual\n${result.text}`);
      if (cell.figures) assert.equal(result.figures, cell.figures, `${where}: figures drawn`);
    }
    await screenshot(page, `lesson_${lesson.meta.id}`);
    assert.deepEqual(errors, [], 'no console errors');
    await context.close();
  });
}
