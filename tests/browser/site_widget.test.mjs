// Lesson 5's norm-reduction widget in Chromium, built from the real course
// (lessons/): for each layer, clicking an element highlights exactly the
// elements that share its statistic, as the runtime's kernels compute them
// (BatchNorm N*H*W, LayerNorm C*H*W, InstanceNorm H*W, GroupNorm (C/G)*H*W).
// Also the keyboard (roving tabindex, arrows select), the Korean UI and the
// dark theme. Screenshots: tests/artifacts/widget_norm_reduction.png (light)
// and widget_norm_reduction_dark.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { artifactsDir, launchChromium, openPage, root, runtimeMissingReason, waitForRuntime } from './site_support.mjs';
import { startStaticServer } from '../../web/scripts/static_server.mjs';
import { buildSite } from '../../web/scripts/site/build.mjs';

const N = 4, C = 6, HW = 9;
const WIDGET = '.widget[data-widget="norm-reduction"]';

let browser;
let served;
let outDir;
let skip = false;

before(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'lesson-widget-'));
  await buildSite({ lessonsDir: path.join(root, 'lessons'), outDir });
  const reason = await runtimeMissingReason(outDir);
  if (reason) {
    skip = `skipped: ${reason}`;
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

const url = () => `${served.url}lessons/choosing-a-normalization.html`;
const cellSel = (s, ch, p) => `${WIDGET} .nr-cell[data-index="${(s * C + ch) * HW + p}"]`;

// Waits until the widget shows the result for the current selection.
async function settled(page) {
  await page.waitForFunction((sel) => {
    const w = document.querySelector(sel);
    return w && w.dataset.state === 'ready' && !w.hasAttribute('aria-busy');
  }, WIDGET, { timeout: 30000 });
  return page.$$eval(`${WIDGET} .nr-cell.nr-shared`, (cells) => cells.map((c) => Number(c.dataset.index)));
}

async function chooseLayer(page, kind) {
  await page.click(`${WIDGET} input[value="${kind}"]`);
}

test('the lesson renders the widget fence as a mount point with its description', { timeout: 60000 }, async (t) => {
  if (skip) return t.skip(skip);
  const { page, context } = await openPage(browser, url());
  try {
    const html = await page.$eval(WIDGET, (el) => el.querySelector('.widget-description').textContent);
    assert.match(html, /interactive drawing of an activation tensor/);
    assert.equal(await page.$$eval(`pre code`, (codes) => codes.filter((c) => c.textContent.includes('An interactive drawing')).length), 0,
      'the widget block is no longer shown as code');
  } finally {
    await context.close();
  }
});

test('each layer highlights the elements sharing the clicked element\'s statistic', { timeout: 120000 }, async (t) => {
  if (skip) return t.skip(skip);
  const { page, errors, context } = await openPage(browser, url());
  try {
    assert.equal(await waitForRuntime(page), 'ready');
    assert.equal(await page.$$eval(`${WIDGET} .nr-cell`, (c) => c.length), N * C * HW);
    await settled(page);

    const s = 2, ch = 4, p = 7; // sample 3, channel 5, position 8
    const expectations = [
      ['batch', null, N * HW, (i) => Math.floor(i / HW) % C === ch],
      ['layer', null, C * HW, (i) => Math.floor(i / (C * HW)) === s],
      ['instance', null, HW, (i) => Math.floor(i / HW) === s * C + ch],
    ];
    for (const G of [1, 2, 3, 6]) {
      const size = C / G;
      expectations.push(['group', G, size * HW,
        (i) => Math.floor(i / (C * HW)) === s && Math.floor((Math.floor(i / HW) % C) / size) === Math.floor(ch / size)]);
    }
    for (const [kind, groups, count, member] of expectations) {
      await chooseLayer(page, kind);
      if (groups) await page.selectOption(`${WIDGET} select`, String(groups));
      await page.click(cellSel(s, ch, p));
      const shared = await settled(page);
      const what = `${kind}${groups ? ` G=${groups}` : ''}`;
      assert.equal(shared.length, count, `${what}: highlighted elements`);
      assert.ok(shared.every(member), `${what}: highlighted the wrong elements`);
      assert.equal(await page.getAttribute(WIDGET, 'data-highlighted'), String(count));
      const countText = await page.textContent(`${WIDGET} .nr-count`);
      assert.match(countText, new RegExp(`averages ${count} elements \\(${(N * C * HW) / count} statistics`), what);
      assert.equal(await page.getAttribute(cellSel(s, ch, p), 'aria-pressed'), 'true');
    }

    // Leave a GroupNorm view with 3 groups for the screenshot.
    await page.selectOption(`${WIDGET} select`, '3');
    await page.click(cellSel(1, 2, 4));
    assert.equal((await settled(page)).length, 2 * HW);
    await mkdir(artifactsDir, { recursive: true });
    await page.locator(WIDGET).screenshot({ path: path.join(artifactsDir, 'widget_norm_reduction.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the grid is keyboard accessible: one tab stop, arrows move and select', { timeout: 60000 }, async (t) => {
  if (skip) return t.skip(skip);
  const { page, context } = await openPage(browser, url());
  try {
    await waitForRuntime(page);
    await settled(page);
    await chooseLayer(page, 'instance');
    await settled(page);
    assert.equal(await page.$$eval(`${WIDGET} .nr-cell[tabindex="0"]`, (c) => c.length), 1);
    await page.focus(`${WIDGET} .nr-cell[tabindex="0"]`);
    const start = Number(await page.$eval(':focus', (el) => el.dataset.index));
    await page.keyboard.press('ArrowDown');
    let shared = await settled(page);
    const moved = Number(await page.$eval(':focus', (el) => el.dataset.index));
    assert.equal(moved, start + HW, 'ArrowDown moves one channel down');
    assert.equal(shared.length, HW);
    assert.ok(shared.includes(moved));
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight'); // into the next sample's panel
    shared = await settled(page);
    const next = Number(await page.$eval(':focus', (el) => el.dataset.index));
    assert.equal(Math.floor(next / (C * HW)), Math.floor(moved / (C * HW)) + 1);
    assert.equal(await page.$$eval(`${WIDGET} .nr-cell[tabindex="0"]`, (c) => c.length), 1);
    const label = await page.getAttribute(`${WIDGET} .nr-cell[data-index="${next}"]`, 'aria-label');
    assert.match(label, /^Sample \d, channel \d, position \d$/);
    assert.ok(await page.getAttribute(`${WIDGET} .nr-grid`, 'aria-label'));
    assert.match(await page.textContent(`${WIDGET} .nr-status`), /InstanceNorm: the statistic of sample/);
  } finally {
    await context.close();
  }
});

test('the widget follows the Korean UI and the dark theme', { timeout: 60000 }, async (t) => {
  if (skip) return t.skip(skip);
  const { page, context } = await openPage(browser, url(), { colorScheme: 'dark' });
  try {
    await waitForRuntime(page);
    await settled(page);
    const colors = await page.$eval(`${WIDGET} .nr-cell:not(.nr-shared):not(.nr-selected)`, (el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(colors, 'rgb(255, 255, 255)', 'plain cells follow the dark background');
    await chooseLayer(page, 'layer');
    await settled(page);
    await mkdir(artifactsDir, { recursive: true });
    await page.locator(WIDGET).screenshot({ path: path.join(artifactsDir, 'widget_norm_reduction_dark.png') });
    await page.click('#lang-toggle');
    assert.match(await page.textContent(`${WIDGET} .nr-count`), /원소 54개/);
    assert.match(await page.textContent(`${WIDGET} .nr-panel:not(.nr-axis) .nr-panel-title`), /샘플 1/);
  } finally {
    await context.close();
  }
});
