// Shared setup of the site_*.test.mjs browser tests: builds the fixture
// course (tests/fixtures/lessons) into a scratch directory, serves it with the
// project's static server (COOP/COEP on), and tells whether the shipped WASM
// module has the cell Runtime yet.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { artifactsDir, collectErrors, launchChromium, root } from './chromium.mjs';
import { startStaticServer } from '../../web/scripts/static_server.mjs';
import { buildSite } from '../../web/scripts/site/build.mjs';

export { artifactsDir, collectErrors, launchChromium, root };
export const fixtureLessons = path.join(root, 'tests', 'fixtures', 'lessons');

export async function buildFixtureSite() {
  const outDir = await mkdtemp(path.join(tmpdir(), 'lesson-site-'));
  const result = await buildSite({ lessonsDir: fixtureLessons, outDir });
  const served = await startStaticServer({ root: outDir, port: 0, host: '127.0.0.1' });
  return {
    ...served,
    ...result,
    async close() {
      served.server.closeAllConnections?.();
      served.server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

// The reason to skip tests that run cells, or null when the shipped module
// has the Runtime class (PROTOCOL.md section 1).
let runtimeCheck;
export function runtimeMissingReason(outDir) {
  runtimeCheck ||= (async () => {
    try {
      const { default: create } = await import(pathToFileURL(path.join(outDir, 'wasm', 'lessonruntime.js')).href);
      const module = await create({ wasmBinary: await readFile(path.join(outDir, 'wasm', 'lessonruntime.wasm')) });
      if (typeof module.Runtime !== 'function') return 'the shipped wasm module has no Runtime class yet (wasm_bindings/ has not landed it)';
      return null;
    } catch (error) {
      return `the shipped wasm module could not be loaded: ${error.message}`;
    }
  })();
  return runtimeCheck;
}

export async function screenshot(page, name) {
  await mkdir(artifactsDir, { recursive: true });
  // Editors lay out lazily when they scroll into view: show each one first.
  const { y, height } = await page.evaluate(() => ({ y: scrollY, height: document.body.scrollHeight }));
  for (let top = 0; top < height; top += 500) {
    await page.evaluate((t) => window.scrollTo(0, t), top);
    await page.waitForTimeout(30);
  }
  await page.evaluate((t) => window.scrollTo(0, t), y);
  await page.waitForTimeout(50);
  // Lesson blocks far from the viewport are skipped by content-visibility:
  // auto (styles.css); a full-page picture needs them all drawn.
  const renderAll = await page.addStyleTag({ content: '.lesson-body > * { content-visibility: visible !important; }' });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
  await renderAll.evaluate((el) => el.remove());
}

// Opens a page in a fresh browser context (its own storage).
export async function openPage(browser, url, { viewport = { width: 1000, height: 800 }, colorScheme = 'light', context: existing } = {}) {
  const context = existing || await browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 15000 });
  return { context, page, errors };
}

export async function waitForRuntime(page) {
  await page.waitForSelector('#runtime-status[data-state="ready"], #runtime-status[data-state="failed"]', { timeout: 20000 });
  return page.getAttribute('#runtime-status', 'data-state');
}
