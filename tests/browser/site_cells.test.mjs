// Running cells on a lesson page in Chromium, through the real worker and
// WASM Runtime (plain-Python fixture cells). These tests skip, saying why,
// while the shipped module has no Runtime class.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildFixtureSite, launchChromium, openPage, runtimeMissingReason, screenshot, waitForRuntime } from './site_support.mjs';

let browser;
let site;
let skip = false;
before(async () => {
  site = await buildFixtureSite();
  const reason = await runtimeMissingReason(site.outDir);
  if (reason) {
    skip = `skipped: ${reason}`;
    console.log(`# site_cells: ${skip}`);
    return;
  }
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const lessonUrl = () => `${site.url}lessons/plain-python.html`;

async function openLesson(options) {
  const opened = await openPage(browser, lessonUrl(), options);
  assert.equal(await waitForRuntime(opened.page), 'ready', await opened.page.locator('#runtime-status').innerText());
  return opened;
}

async function setCode(page, cellId, code) {
  await page.locator(`#cell-${cellId} .cm-content`).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  // insertText: no auto-indent, so the code arrives exactly as written.
  await page.keyboard.insertText(code);
}

const waitDone = (page, cellId) => page.waitForSelector(`#cell-${cellId}:not([data-state="running"]):not([data-state=""])[data-state]`, { timeout: 15000 });
const outputText = (page, cellId) => page.locator(`#output-${cellId} .output-text`).evaluateAll((els) => els.map((e) => e.textContent).join(''));

test('Shift+Enter runs a cell and shows its output; every cell prints its expected output', async (t) => {
  if (skip) return t.skip(skip);
  const { page, errors, context } = await openLesson();
  const expected = await page.evaluate(() => Object.fromEntries(JSON.parse(document.getElementById('page-data').textContent).cells.map((c) => [c.id, c.expected])));
  await page.locator('#cell-sum .cm-content').click();
  await page.keyboard.press('Shift+Enter');
  await waitDone(page, 'sum');
  assert.equal(await page.getAttribute('#cell-sum', 'data-state'), 'ok');
  assert.equal(await outputText(page, 'sum'), expected.sum);
  assert.match(await page.locator('#cell-sum .cell-status').innerText(), /Done in \d+ ms/);
  await page.getByRole('button', { name: 'Run all' }).click();
  await waitDone(page, 'mean');
  assert.equal(await outputText(page, 'table'), expected.table, 'whitespace is kept');
  assert.equal(await outputText(page, 'mean'), expected.mean);
  assert.equal(await page.locator('#output-table .output-text').evaluate((el) => getComputedStyle(el).whiteSpace), 'pre');
  assert.match(await page.locator('#toasts').innerText(), /Achievement unlocked: First run/);
  await screenshot(page, 'site_cells_run');
  assert.deepEqual(errors, []);
  await context.close();
});

test('edit and re-run; an error shows its traceback with the line marked', async (t) => {
  if (skip) return t.skip(skip);
  const { page, context } = await openLesson();
  await setCode(page, 'sum', 'values = [1, 2, 3]\nprint(sum(values) * 2)');
  await page.keyboard.press('Shift+Enter');
  await waitDone(page, 'sum');
  assert.equal(await outputText(page, 'sum'), '12\n');
  await setCode(page, 'table', 'print("before")\nx = 1 / 0\nprint("after")');
  await page.keyboard.press('Shift+Enter');
  await waitDone(page, 'table');
  assert.equal(await page.getAttribute('#cell-table', 'data-state'), 'error');
  assert.equal(await outputText(page, 'table'), 'before\n');
  const tb = await page.locator('#output-table .traceback').innerText();
  assert.match(tb, /Traceback \(most recent call last\):/);
  assert.match(tb, /ZeroDivisionError: division by zero/);
  assert.match(await page.locator('#output-table .tb-here').innerText(), /File "<cell 2>", line 2/);
  assert.equal(await page.locator('#cell-table .cm-error-line').getAttribute('data-error-line'), '2');
  assert.equal((tb.match(/Traceback/g) || []).length, 1, 'the stderr echo of the traceback is not shown twice');
  // Fixing it earns "error fixed".
  await setCode(page, 'table', 'print("fixed")');
  await page.keyboard.press('Shift+Enter');
  await waitDone(page, 'table');
  assert.equal(await outputText(page, 'table'), 'fixed\n');
  assert.match(await page.locator('#toasts').innerText(), /Bug squasher/);
  await setCode(page, 'table', 'print("before")\nx = 1 / 0');
  await page.keyboard.press('Shift+Enter');
  await waitDone(page, 'table');
  await screenshot(page, 'site_cells_error');
  await context.close();
});

test('Stop ends `while True: pass` within a second and the next cell runs', async (t) => {
  if (skip) return t.skip(skip);
  const { page, context } = await openLesson();
  await setCode(page, 'sum', 'while True:\n    pass');
  await page.locator('#cell-sum .run-button').click();
  await page.waitForSelector('#cell-sum[data-state="running"]');
  await page.waitForTimeout(300);
  assert.match(await page.locator('#cell-sum .cell-status').innerText(), /Running… \d+\.\d s/);
  const started = Date.now();
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.waitForSelector('#cell-sum[data-state="interrupted"]', { timeout: 5000 });
  const took = Date.now() - started;
  assert.ok(took < 1000, `stopped after ${took} ms`);
  await page.locator('#cell-table .run-button').click();
  await waitDone(page, 'table');
  assert.equal(await page.getAttribute('#cell-table', 'data-state'), 'ok');
  assert.match(await outputText(page, 'table'), /0 \|\*/);
  await screenshot(page, 'site_cells_stop');
  await context.close();
});

test('an exercise: failing check message, hints one at a time, pass awards XP once', async (t) => {
  if (skip) return t.skip(skip);
  const { page, context } = await openLesson();
  await page.locator('#cell-double .run-button').click();
  await page.waitForSelector('#cell-double[data-state="failed"]');
  assert.equal(await page.locator('#cell-double .exercise-result').innerText(), 'Not yet: double(21) should be 42, got 21');
  await page.getByRole('button', { name: 'Show a hint (1 of 2)' }).click();
  assert.equal(await page.locator('#cell-double .hint').count(), 1);
  await page.getByRole('button', { name: 'Show a hint (2 of 2)' }).click();
  assert.equal(await page.locator('#cell-double .hint').count(), 2);
  assert.equal(await page.getByRole('button', { name: 'No more hints' }).isDisabled(), true);
  await setCode(page, 'double', 'def double(n):\n    return 2 * n');
  await page.keyboard.press('Shift+Enter');
  await page.waitForSelector('#cell-double[data-state="passed"]');
  assert.equal(await page.locator('#cell-double .exercise-result').innerText(), 'Passed! +30 XP');
  const xp = await page.evaluate(() => window.lessonApp.store.state.xp);
  await page.keyboard.press('Shift+Enter');
  await page.waitForSelector('#cell-double[data-state="passed"] .exercise-result.pass');
  await page.waitForFunction(() => /XP is awarded once/.test(document.querySelector('#cell-double .exercise-result').textContent));
  assert.equal(await page.evaluate(() => window.lessonApp.store.state.xp), xp);
  await screenshot(page, 'site_cells_exercise');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  assert.match(await page.locator('#level-badge').innerText(), new RegExp(`${xp} XP`));
  await context.close();
});

test('after one visit a cell runs with the network offline', async (t) => {
  if (skip) return t.skip(skip);
  const { page, context } = await openLesson();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => caches.keys().then((k) => k.some((n) => n.startsWith('lesson-site-'))));
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
  assert.equal(await waitForRuntime(page), 'ready');
  await page.locator('#cell-sum .cm-content').click();
  await page.keyboard.press('Shift+Enter');
  await waitDone(page, 'sum');
  assert.equal(await outputText(page, 'sum'), '10\n');
  await context.close();
});

test('the per-cell time limit is a setting: an endless loop ends with a timeout', async (t) => {
  if (skip) return t.skip(skip);
  const { page, context } = await openLesson();
  await page.getByLabel('Time limit per cell (s)').fill('1');
  await page.getByLabel('Time limit per cell (s)').press('Enter');
  await page.getByLabel('Time limit per cell (s)').blur();
  await setCode(page, 'sum', 'while True:\n    pass');
  const started = Date.now();
  await page.locator('#cell-sum .run-button').click();
  await page.waitForSelector('#cell-sum[data-state="timeout"]', { timeout: 10000 });
  assert.ok(Date.now() - started < 4000, `timed out after ${Date.now() - started} ms`);
  assert.match(await page.locator('#cell-sum .cell-status').innerText(), /Time limit reached/);
  assert.equal(await page.evaluate(() => localStorage.getItem('lesson.timeBudget')), '1');
  await context.close();
});

test('without cross-origin isolation, Stop restarts the worker and says the namespace was reset', async (t) => {
  if (skip) return t.skip(skip);
  const context = await browser.newContext();
  // As on a host that cannot send COOP/COEP: no SharedArrayBuffer flag.
  await context.addInitScript(() => Object.defineProperty(globalThis, 'crossOriginIsolated', { value: false }));
  const { page } = await openLesson({ context });
  await setCode(page, 'sum', 'while True:\n    pass');
  await page.locator('#cell-sum .run-button').click();
  await page.waitForSelector('#cell-sum[data-state="running"]');
  await page.waitForTimeout(200);
  const started = Date.now();
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.waitForSelector('#cell-sum[data-state="interrupted"]', { timeout: 5000 });
  assert.ok(Date.now() - started < 1000);
  assert.match(await page.locator('#output-sum').innerText(), /namespace was reset/);
  assert.match(await page.locator('#toasts').innerText(), /namespace was reset/);
  assert.equal(await waitForRuntime(page), 'ready');
  await page.locator('#cell-table .run-button').click();
  await waitDone(page, 'table');
  assert.equal(await page.getAttribute('#cell-table', 'data-state'), 'ok');
  await context.close();
});

test('cells share one namespace in order; Restart runtime gives a fresh one', async (t) => {
  if (skip) return t.skip(skip);
  const { page, context } = await openLesson();
  await page.locator('#cell-sum .run-button').click();
  await waitDone(page, 'sum');
  await page.locator('#cell-mean .run-button').click();
  await waitDone(page, 'mean');
  assert.equal(await outputText(page, 'mean'), '2.5\n', 'the second cell sees the first one\'s `values`');
  await page.getByRole('button', { name: 'Restart runtime' }).click();
  assert.match(await page.locator('#toasts').innerText(), /namespace was reset/);
  assert.equal(await waitForRuntime(page), 'ready');
  await page.locator('#cell-mean .run-button').click();
  await waitDone(page, 'mean');
  assert.equal(await page.getAttribute('#cell-mean', 'data-state'), 'error');
  assert.match(await page.locator('#output-mean .traceback').innerText(), /NameError: name 'values' is not defined/);
  await context.close();
});
