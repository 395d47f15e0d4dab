// The lesson site in Chromium, without running cells: pages, editors and
// saved edits, progress in the real IndexedDB, two tabs, storage problems,
// comments, export/import, themes, Korean, keyboard use, offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSite } from '../../web/scripts/site/build.mjs';
import { fixtureLessons } from './site_support.mjs';
import { artifactsDir, buildFixtureSite, launchChromium, openPage, runtimeMissingReason, screenshot, waitForRuntime } from './site_support.mjs';

let browser;
let site;
let runtimeMissing = null;
before(async () => {
  site = await buildFixtureSite();
  runtimeMissing = await runtimeMissingReason(site.outDir);
  if (runtimeMissing) console.log(`# site_pages: runtime checks left out: ${runtimeMissing}`);
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

// While the shipped module lacks the Runtime, the worker's own load error is
// expected; every other console error still fails a test.
const unexpected = (errors) => errors.filter((e) => !(runtimeMissing && /Runtime is not a constructor/.test(e)));
const lessonUrl = () => `${site.url}lessons/plain-python.html`;
const editorText = (page, id) => page.locator(`#cell-${id} .cm-content`).innerText();

test('the course index lists the lessons with progress, level and achievements', async () => {
  const { page, errors, context } = await openPage(browser, site.url);
  assert.equal(await page.locator('.lesson-card').count(), 2);
  assert.match(await page.locator('.lesson-card').first().innerText(), /Plain Python warm-up[\s\S]*5 min read[\s\S]*50 XP/);
  assert.match(await page.locator('#level-summary').innerText(), /Level 1 · Newcomer · 0 XP/);
  assert.ok(await page.locator('.achievement').count() >= 10);
  assert.equal(await page.locator('.lesson-card .bar').first().getAttribute('aria-valuenow'), '0');
  if (!runtimeMissing) await page.waitForSelector('#result[data-state="done"], #result[data-state="error"]', { timeout: 15000 });
  await screenshot(page, 'site_index');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('a lesson page: position, editors, hidden expected output, no console errors', async () => {
  const { page, errors, context } = await openPage(browser, lessonUrl());
  assert.match(await page.locator('.lesson-position').innerText(), /Lesson 1 of 2/);
  assert.match(await page.locator('.lesson-meta').innerText(), /5 min read[\s\S]*50 XP/);
  assert.equal(await page.locator('.cell .cm-editor').count(), 4);
  assert.equal(await page.locator('a[rel="next"]').getAttribute('href'), 'second-steps.html');
  assert.equal(await page.locator('.katex').count() > 0, true);
  assert.equal(await page.locator('.cell-output:visible').count(), 0, 'outputs are hidden until a run');
  assert.doesNotMatch(await page.locator('main').innerText(), /assert double|\|\*\*\*/);
  assert.match(await editorText(page, 'sum'), /print\(sum\(values\)\)/);
  assert.equal(await page.getByRole('button', { name: 'Run cell 1 (Shift+Enter)' }).count(), 1);
  assert.equal(await page.getByRole('textbox', { name: 'Code of cell 1' }).count(), 1);
  if (!runtimeMissing) assert.equal(await waitForRuntime(page), 'ready');
  assert.equal(await page.evaluate(() => crossOriginIsolated), true);
  const report = await page.locator('#report-problem').getAttribute('href');
  assert.match(report, /^https:\/\/github.com\/.*plain-python/);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'site_lesson');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('before any script runs, each cell shows its code highlighted, with line numbers, laid out like the editor', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.goto(lessonUrl());
  const sum = page.locator('#cell-sum .cell-source');
  assert.match(await sum.innerText(), /print\(sum\(values\)\)/);
  assert.ok(await sum.locator('.hl-keyword, .hl-number, .hl-string').count() > 0, 'tokens carry highlight classes');
  assert.equal(await sum.locator('.cell-line').count(), (await sum.innerText()).trimEnd().split('\n').length);
  const staticBox = await page.locator('#cell-sum').boundingBox();
  await context.close();

  // With script, the editor replaces it at the same size: the page does not jump.
  const opened = await openPage(browser, lessonUrl());
  const mountedBox = await opened.page.locator('#cell-sum').boundingBox();
  assert.ok(Math.abs(mountedBox.height - staticBox.height) < 2, `cell height ${staticBox.height} -> ${mountedBox.height}`);
  await opened.context.close();
});

test('the runtime worker is started by the page head, before the page script, and adopted by it', async () => {
  const { page, errors, context } = await openPage(browser, lessonUrl());
  assert.equal(await page.evaluate(() => window.lessonApp.client.startedEarly), true);
  assert.equal(await page.evaluate(() => window.__runtimeBoot), undefined);
  if (!runtimeMissing) {
    assert.equal(await waitForRuntime(page), 'ready');
    // Restart makes a fresh worker, not the boot one.
    await page.locator('#restart-runtime').click();
    assert.equal(await page.evaluate(() => window.lessonApp.client.startedEarly), false);
    assert.equal(await waitForRuntime(page), 'ready');
  }
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('edits survive a reload; Reset brings back the original code', async () => {
  const { page, context } = await openPage(browser, lessonUrl());
  await page.locator('#cell-sum .cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nprint("edited")');
  await page.waitForTimeout(600); // the save is debounced
  assert.equal(await page.locator('#cell-sum .cell-edited').isVisible(), true);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await page.waitForFunction(() => document.querySelector('#cell-sum .cm-content').innerText.includes('edited'));
  assert.match(await editorText(page, 'sum'), /print\("edited"\)/);
  await page.getByRole('button', { name: 'Reset cell 1 to its original code' }).click();
  assert.doesNotMatch(await editorText(page, 'sum'), /edited/);
  await page.waitForTimeout(100);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  assert.doesNotMatch(await editorText(page, 'sum'), /edited/);
  await context.close();
});

test('progress is kept in the real IndexedDB: XP and level survive a reload', async () => {
  const { page, context } = await openPage(browser, lessonUrl());
  await page.evaluate(async () => {
    const { store } = window.lessonApp;
    for (const cellId of ['sum', 'table', 'mean', 'double']) await store.record({ type: 'run', lessonId: 'plain-python', cellId, status: 'ok' });
    await store.record({ type: 'exercise', lessonId: 'plain-python', cellId: 'double', passed: true, xp: 30 });
  });
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  assert.match(await page.locator('#level-badge').innerText(), /Level 2 · Tinkerer · 100 XP/);
  assert.match(await page.locator('#lesson-status').innerText(), /Completed/);
  const stored = await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('lesson-progress');
    req.onsuccess = () => {
      const get = req.result.transaction('state').objectStore('state').get('progress');
      get.onsuccess = () => resolve(get.result);
      get.onerror = () => reject(get.error);
    };
  }));
  assert.equal(stored.schema, 2);
  assert.equal(stored.xp, 100);
  assert.equal(stored.lessons['plain-python'].completed, true);
  const index = await context.newPage();
  await index.goto(site.url);
  await index.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  assert.equal(await index.locator('.lesson-card[data-lesson-id="plain-python"] .bar').getAttribute('aria-valuenow'), '100');
  assert.equal(await index.locator('.achievement.earned').count() >= 3, true);
  await screenshot(index, 'site_index_progress');
  await context.close();
});

test('two tabs: neither loses the other\'s updates, and each shows the other\'s', async () => {
  const { page: tab1, context } = await openPage(browser, lessonUrl());
  const { page: tab2 } = await openPage(browser, `${site.url}lessons/second-steps.html`, { context });
  // Interleaved updates from both tabs, some at the same moment.
  await Promise.all([
    tab1.evaluate(async () => { for (const c of ['sum', 'table']) await window.lessonApp.store.record({ type: 'run', lessonId: 'plain-python', cellId: c, status: 'ok' }); }),
    tab2.evaluate(async () => { for (let i = 0; i < 3; i++) await window.lessonApp.store.record({ type: 'run', lessonId: 'second-steps', cellId: 'cell-1', status: i ? 'ok' : 'error' }); }),
  ]);
  await tab1.evaluate(() => window.lessonApp.store.record({ type: 'run', lessonId: 'plain-python', cellId: 'mean', status: 'ok' }));
  const xpOf = (p) => p.evaluate(() => window.lessonApp.store.state.xp);
  // second-steps completes (+40) and three plain-python cells ran (3 x 5), second-steps cell-1 (5).
  await tab2.waitForFunction(() => window.lessonApp.store.state.xp === 60);
  assert.equal(await xpOf(tab1), 60);
  const runs = await tab2.evaluate(() => window.lessonApp.store.state.stats.runs);
  assert.equal(runs, 6);
  await tab2.waitForFunction(() => /60 XP/.test(document.getElementById('level-badge').innerText));
  await context.close();
});

test('storage blocked: the page works, keeps progress in memory and says so', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    IDBFactory.prototype.open = function open() { throw new DOMException('The user denied storage', 'SecurityError'); };
  });
  const { page, errors } = await openPage(browser, lessonUrl(), { context });
  const notice = page.locator('#storage-notice');
  assert.equal(await notice.getAttribute('data-problem'), 'unavailable');
  assert.match(await notice.innerText(), /cannot be saved in this browser/);
  await page.evaluate(() => window.lessonApp.store.record({ type: 'run', lessonId: 'plain-python', cellId: 'sum', status: 'ok' }));
  assert.match(await page.locator('#level-badge').innerText(), /5 XP/);
  assert.equal(await page.locator('.cell .cm-editor').count(), 4);
  await screenshot(page, 'site_storage_blocked');
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('corrupted stored progress: a notice, a kept copy, and a working page', async () => {
  const { page, context } = await openPage(browser, lessonUrl());
  await page.evaluate(() => new Promise((resolve) => {
    window.lessonApp.store.backend.close();
    const req = indexedDB.open('lesson-progress');
    req.onsuccess = () => {
      const tx = req.result.transaction('state', 'readwrite');
      tx.objectStore('state').put({ schema: 2, xp: 'a lot', junk: true }, 'progress');
      tx.oncomplete = () => { req.result.close(); resolve(); };
    };
  }));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const notice = page.locator('#storage-notice');
  assert.equal(await notice.getAttribute('data-problem'), 'corrupt');
  assert.match(await notice.innerText(), /could not be read\. A copy of it was kept/);
  assert.equal(await notice.getByRole('button', { name: 'Download the unreadable data' }).count(), 1);
  const kept = await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('lesson-progress');
    req.onsuccess = () => {
      const db = req.result;
      const all = db.transaction('quarantine').objectStore('quarantine').getAll();
      all.onsuccess = () => {
        const original = db.transaction('state').objectStore('state').get('progress');
        original.onsuccess = () => resolve({ quarantine: all.result, original: original.result });
      };
    };
  }));
  assert.equal(kept.quarantine.length, 1, 'one copy, however often the page loads');
  assert.deepEqual(kept.quarantine[0].raw, { schema: 2, xp: 'a lot', junk: true });
  assert.deepEqual(kept.original, { schema: 2, xp: 'a lot', junk: true }, 'nothing was overwritten');
  await page.evaluate(() => window.lessonApp.store.record({ type: 'run', lessonId: 'plain-python', cellId: 'sum', status: 'ok' }));
  assert.match(await page.locator('#level-badge').innerText(), /5 XP/);
  await screenshot(page, 'site_storage_corrupt');
  await context.close();
});

test('a comment with HTML in it is shown as inert text, then removed', async () => {
  const { page, errors, context } = await openPage(browser, lessonUrl());
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const evil = '<img src=x onerror=alert(1)>';
  await page.getByLabel('Name').fill('Mallory <b>');
  await page.getByLabel('Comment', { exact: true }).fill(evil);
  await page.getByRole('button', { name: 'Post comment' }).click();
  const comment = page.locator('.comment').first();
  await comment.waitFor();
  assert.equal(await comment.locator('.comment-text').innerText(), evil);
  assert.equal(await comment.locator('.comment-name').innerText(), 'Mallory <b>');
  assert.equal(await page.locator('#comments img, #comments b').count(), 0);
  assert.match(await page.locator('.comments-note').innerText(), /stored in this browser only/);
  await page.reload();
  await page.waitForSelector('.comment');
  assert.equal(await page.locator('.comment-text').first().innerText(), evil);
  await page.locator('.comments').scrollIntoViewIfNeeded();
  await screenshot(page, 'site_comments');
  await page.getByRole('button', { name: 'Remove your comment as Mallory <b>' }).click();
  await page.waitForSelector('.comment-empty');
  assert.equal(await page.locator('.comment').count(), 0);
  // Too long is refused with a message.
  await page.getByLabel('Comment', { exact: true }).evaluate((el) => { el.removeAttribute('maxlength'); el.value = 'x'.repeat(2001); });
  await page.getByRole('button', { name: 'Post comment' }).click();
  assert.match(await page.locator('#comment-error').innerText(), /at most 2000/);
  assert.equal(dialogs, 0);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('export then import restores progress and edits in a fresh profile', async () => {
  const { page, context } = await openPage(browser, lessonUrl());
  await page.evaluate(async () => {
    const { store } = window.lessonApp;
    await store.record({ type: 'run', lessonId: 'plain-python', cellId: 'sum', status: 'ok' });
    await store.record({ type: 'exercise', lessonId: 'plain-python', cellId: 'double', passed: true, xp: 30 });
    await store.saveEdit('plain-python', 'sum', 'print("from the export")');
  });
  await page.goto(site.url);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const file = path.join(artifactsDir, 'site_progress_export.json');
  await mkdir(artifactsDir, { recursive: true });
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.progress.xp, 35);
  await context.close();

  const { page: fresh, context: other } = await openPage(browser, site.url);
  assert.match(await fresh.locator('#level-summary').innerText(), /0 XP/);
  await fresh.locator('#import-progress').setInputFiles(file);
  await fresh.waitForFunction(() => /35 XP/.test(document.getElementById('level-summary').innerText));
  await fresh.goto(lessonUrl());
  await fresh.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  await fresh.waitForFunction(() => document.querySelector('#cell-sum .cm-content').innerText.includes('from the export'));

  // Reset asks first; dismissing keeps everything.
  await fresh.goto(site.url);
  await fresh.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  fresh.once('dialog', (d) => d.dismiss());
  await fresh.getByRole('button', { name: 'Reset progress' }).click();
  await fresh.waitForTimeout(200);
  assert.match(await fresh.locator('#level-summary').innerText(), /35 XP/);
  fresh.once('dialog', (d) => d.accept());
  await fresh.getByRole('button', { name: 'Reset progress' }).click();
  await fresh.waitForFunction(() => /· 0 XP/.test(document.getElementById('level-summary').innerText));
  await other.close();
});

test('keyboard only: skip link, visible focus, Tab leaves the editor', async () => {
  const { page, context } = await openPage(browser, lessonUrl());
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Enter');
  const outline = async () => page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  // Tab to the first Run button and check the focus ring.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.classList.contains('run-button'))) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Run cell 1 (Shift+Enter)');
  assert.equal(await outline(), 'solid');
  // Into the editor and out again with Tab.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement.classList.contains('cm-content'))) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Code of cell 1');
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Code of cell 1');
  await screenshot(page, 'site_keyboard_focus');
  // Every button and input has an accessible name.
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('button, input, textarea')]
    .filter((el) => !el.hidden && !(el.getAttribute('aria-label') || el.textContent.trim() || el.labels?.length)).map((el) => el.outerHTML));
  assert.deepEqual(unnamed, []);
  await context.close();
});

function luminance(rgb) {
  const [r, g, b] = rgb.match(/\d+/g).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

test('dark theme: follows the system and the toggle; text keeps AA contrast', async () => {
  const { page, context } = await openPage(browser, lessonUrl(), { colorScheme: 'dark' });
  const colors = () => page.evaluate(() => {
    const s = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
    return { bg: s('body', 'backgroundColor'), ink: s('body', 'color'), muted: s('.lesson-meta', 'color'), link: s('.lesson-nav a', 'color'), run: s('.run-button', 'color'), runBg: s('.run-button', 'backgroundColor') };
  });
  const dark = await colors();
  assert.ok(luminance(dark.bg) < 0.05, `dark background ${dark.bg}`);
  assert.equal(await page.getAttribute('#theme-toggle', 'aria-pressed'), 'true');
  for (const [fg, bg] of [[dark.ink, dark.bg], [dark.muted, dark.bg], [dark.link, dark.bg], [dark.run, dark.runBg]]) assert.ok(contrast(fg, bg) >= 4.5, `${fg} on ${bg}`);
  await screenshot(page, 'site_dark');
  await page.click('#theme-toggle');
  const light = await colors();
  assert.ok(luminance(light.bg) > 0.9);
  for (const [fg, bg] of [[light.ink, light.bg], [light.muted, light.bg], [light.link, light.bg], [light.run, light.runBg]]) assert.ok(contrast(fg, bg) >= 4.5, `${fg} on ${bg}`);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light', 'the choice is remembered');
  await context.close();
});

test('the interface switches to Korean and back; lesson text stays', async () => {
  const { page, context } = await openPage(browser, lessonUrl());
  await page.click('#lang-toggle');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  assert.equal(await page.locator('#run-all').innerText(), '모두 실행');
  assert.equal(await page.locator('#cell-sum .run-button').innerText(), '실행');
  assert.match(await page.locator('.lesson-position').innerText(), /레슨 2개 중 1번째/);
  assert.match(await page.locator('.comments-note').innerText(), /이 브라우저에만/);
  assert.match(await page.locator('#level-badge').innerText(), /레벨 1/);
  assert.match(await page.locator('.lesson-body').innerText(), /Whitespace in the output is kept/);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  assert.equal(await page.locator('#run-all').innerText(), '모두 실행', 'the choice is remembered');
  await screenshot(page, 'site_korean');
  await page.click('#lang-toggle');
  assert.equal(await page.locator('#run-all').innerText(), 'Run all');
  await context.close();
});

test('after one visit the lesson reloads offline, with its runtime', async () => {
  const { page, context } = await openPage(browser, lessonUrl());
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => caches.keys().then((k) => k.some((n) => n.startsWith('lesson-site-'))));
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  assert.equal(await page.locator('.cell .cm-editor').count(), 4);
  if (!runtimeMissing) assert.equal(await waitForRuntime(page), 'ready');
  assert.equal(await page.evaluate(() => crossOriginIsolated), true);
  const second = await context.newPage();
  await second.goto(`${site.url}lessons/second-steps.html`);
  await second.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  assert.match(await second.locator('h1').innerText(), /Second steps/);
  await screenshot(page, 'site_offline');
  await context.close();
});

test('a new build replaces the cached site (the service worker is versioned)', async () => {
  const { page, context } = await openPage(browser, `${site.url}lessons/second-steps.html`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const oldVersion = site.version;
  await page.waitForFunction((v) => caches.keys().then((k) => k.includes(`lesson-site-${v}`)), oldVersion);
  // Rebuild into the served directory with a changed lesson.
  const lessons = await mkdtemp(path.join(tmpdir(), 'site-lessons-'));
  try {
    await cp(fixtureLessons, lessons, { recursive: true });
    const file = path.join(lessons, '02-second-steps.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('starts fresh on each page', 'starts fresh on every page (new build)'));
    const rebuilt = await buildSite({ lessonsDir: lessons, outDir: site.outDir });
    assert.notEqual(rebuilt.version, oldVersion);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    assert.match(await page.locator('.lesson-body').innerText(), /new build/);
    await page.waitForFunction((v) => caches.keys().then((k) => k.includes(`lesson-site-${v}`)), rebuilt.version, { timeout: 15000 });
    await page.waitForFunction((v) => caches.keys().then((k) => !k.includes(`lesson-site-${v}`)), oldVersion, { timeout: 15000 });
    // And the new build is what works offline.
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    assert.match(await page.locator('.lesson-body').innerText(), /new build/);
  } finally {
    await context.close();
    await buildSite({ lessonsDir: fixtureLessons, outDir: site.outDir });
    await rm(lessons, { recursive: true, force: true });
  }
});

test('figures: the SVG the page draws parses as XML in Chromium and renders', async () => {
  const { page, context } = await openPage(browser, lessonUrl());
  const result = await page.evaluate(async () => {
    const { figureToSvg } = await import('../figure_svg.js');
    const line = (label, y, style) => ({ kind: 'line', x: [0, 1, 2, 3, 4], y, label, color: style === '--' ? '#ff7f0e' : '#1f77b4', linestyle: style, marker: style === '-' ? 'o' : '', linewidth: 1.5 });
    const ax = (row, col, extra) => ({ row, col, nrows: 2, ncols: 2, title: '', xlabel: '', ylabel: '', xlim: null, ylim: null, grid: false, legend: false, series: [], ...extra });
    const figure = { id: 1, width: 8, height: 6, suptitle: 'BatchNorm & friends <demo>', axes: [
      ax(0, 0, { title: 'loss', xlabel: 'epoch', ylabel: 'loss', legend: true, grid: true, series: [line('train', [1, 0.6, 0.4, 0.3, 0.25], '-'), line('val', [1.1, 0.8, 0.6, 0.55, 0.5], '--')] }),
      ax(0, 1, { title: 'weights', series: [{ kind: 'image', rows: 4, cols: 4, data: Array.from({ length: 16 }, (_, i) => i / 15), vmin: 0, vmax: 1, cmap: 'viridis', colorbar: true }] }),
      ax(1, 0, { title: 'activations', xlabel: 'value', ylabel: 'count', series: [{ kind: 'hist', edges: [-2, -1, 0, 1, 2], counts: [3, 10, 12, 4], label: '', color: '#1f77b4' }] }),
      ax(1, 1, { title: 'norms', series: [{ kind: 'bar', x: ['BN', 'LN', 'GN'], height: [3, 5, 2], width: 0.8, label: '', color: '#2ca02c' }, { kind: 'scatter', x: [0, 1, 2], y: [2.5, 4.5, 1.5], label: 'mean', color: '#d62728', size: 36 }] }),
    ] };
    const doc = new DOMParser().parseFromString(figureToSvg(figure), 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent || null;
    const holder = document.createElement('figure');
    holder.className = 'output-figure';
    holder.id = 'figure-check';
    holder.append(document.importNode(doc.documentElement, true));
    document.querySelector('.lesson-body').prepend(holder);
    const box = holder.querySelector('svg').getBoundingClientRect();
    return { error, width: box.width, height: box.height, texts: [...holder.querySelectorAll('text')].map((t) => t.textContent) };
  });
  assert.equal(result.error, null);
  assert.ok(result.width > 300 && result.height > 200, `${result.width}x${result.height}`);
  assert.ok(result.texts.includes('BatchNorm & friends <demo>'));
  await page.locator('#figure-check').screenshot({ path: path.join(artifactsDir, 'site_figure.png') });
  await context.close();
});
