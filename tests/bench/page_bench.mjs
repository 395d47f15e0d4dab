// The built site in headless Chromium (npm run bench): time from navigation
// to "runtime ready" on a lesson page, time from Run to the first output of a
// small cell, and the gzip size of the runtime (wasm + js) and of everything
// a lesson page loads. Each run uses a fresh browser profile (no HTTP or
// service-worker cache). Figures only, against the targets of issue 6.
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { launchChromium } from '../browser/chromium.mjs';
import { startStaticServer } from '../../web/scripts/static_server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'web', 'dist');
const RUNS = 9;

const gzipSize = async (file) => gzipSync(await readFile(file), { level: 9 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

// Records when #runtime-status first says ready, on the page's own clock
// (milliseconds since navigation started).
function watchReady() {
  const record = () => {
    const el = document.getElementById('runtime-status');
    if (el && el.dataset.state === 'ready' && window.__readyAt === undefined) window.__readyAt = performance.now();
  };
  new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true });
}

// The floor under "runtime ready": a page that holds nothing but a script
// starting the same worker (the lesson pages' boot script does the same
// first), served from a directory that links to the built worker and wasm.
// Its time is what navigation, the renderer, the worker and the wasm cost
// on this machine before any lesson content is parsed or drawn.
const floorDir = await mkdtemp(path.join(tmpdir(), 'page-bench-floor-'));
await symlink(path.join(dist, 'runtime_worker.js'), path.join(floorDir, 'runtime_worker.js'));
await symlink(path.join(dist, 'wasm'), path.join(floorDir, 'wasm'));
await writeFile(path.join(floorDir, 'floor.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>worker only</title>
<script>new Worker('runtime_worker.js', { type: 'module' }).onmessage = (m) => { if (m.data.type === 'ready') window.__readyAt = performance.now(); };</script>
</head><body><p>worker only</p></body></html>\n`);
const floorServed = await startStaticServer({ root: floorDir, port: 0, host: '127.0.0.1' });
const floorReady = [];

const served = await startStaticServer({ root: dist, port: 0, host: '127.0.0.1' });
const browser = await launchChromium();
const course = JSON.parse(await readFile(path.join(dist, 'build.json'), 'utf8').catch(() => '{}'));
const lessonPath = 'lessons/why-normalize.html';
const ready = [];
const firstOutput = [];
const workerReady = [];
const torchOutput = [];
const repeatReady = [];
const repeatControlled = [];
let pageBytes = 0;
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(watchReady);
    const loaded = new Set();
    page.on('response', (res) => loaded.add(new URL(res.url()).pathname));
    await page.goto(`${served.url}${lessonPath}`);
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30000 });
    ready.push(await page.evaluate(() => window.__readyAt));
    await page.waitForFunction(() => window.lessonApp?.client, null, { timeout: 30000 });
    workerReady.push(await page.evaluate(() => window.lessonApp.client.workerReadyAt));
    // A small cell, then (in a fresh worker namespace) the usual first line
    // of a lesson: import torch and print a tensor.
    const timeRun = (code) => page.evaluate(async (source) => {
      const view = window.lessonApp.cells[0];
      view.editor.setCode(source);
      const output = document.getElementById(`output-${view.cell.id}`);
      const shown = new Promise((resolve) => {
        new MutationObserver(() => {
          if (output.querySelector('.output-text')?.textContent) resolve(performance.now());
        }).observe(output, { subtree: true, childList: true, characterData: true });
      });
      const t0 = performance.now();
      view.run();
      return (await shown) - t0;
    }, code);
    firstOutput.push(await timeRun('print("hello")'));
    torchOutput.push(await timeRun('import torch\nprint(torch.ones(2))'));
    // A repeat visit: once the service worker is active (it has cached the
    // site while installing), load the same page again in this profile.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.goto(`${served.url}${lessonPath}`);
    await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30000 });
    repeatReady.push(await page.evaluate(() => window.__readyAt));
    repeatControlled.push(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)));
    if (i === 0) {
      for (const p of loaded) {
        const file = path.join(dist, decodeURIComponent(p));
        if (file.startsWith(dist)) pageBytes += await gzipSize(file).catch(() => 0);
      }
    }
    await context.close();
    const floorContext = await browser.newContext();
    const floorPage = await floorContext.newPage();
    await floorPage.goto(`${floorServed.url}floor.html`);
    await floorPage.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 30000 });
    floorReady.push(await floorPage.evaluate(() => window.__readyAt));
    await floorContext.close();
  }
} finally {
  await browser.close();
  floorServed.server.closeAllConnections?.();
  floorServed.server.close();
  await rm(floorDir, { recursive: true, force: true });
  served.server.closeAllConnections?.();
  served.server.close();
}

// What a page loads for the runtime: the wasm and the worker script, which
// the site build bundles with the Emscripten glue (wasm/lessonruntime.js).
const runtimeBytes = await gzipSize(path.join(dist, 'wasm', 'lessonruntime.wasm')) + await gzipSize(path.join(dist, 'runtime_worker.js'));
console.log(`\nLesson page in headless Chromium (${lessonPath}, build ${course.version || '?'}), median of ${RUNS} fresh profiles`);
console.log(`  navigation -> runtime ready   ${median(ready).toFixed(0)} ms  (runs: ${ready.map((v) => v.toFixed(0)).join(', ')}; target <= 300 ms)`);
console.log(`  worker-only page, ready       ${median(floorReady).toFixed(0)} ms  (runs: ${floorReady.map((v) => v.toFixed(0)).join(', ')}; a page with nothing but the worker: the floor on this machine)`);
console.log(`  same, repeat visit            ${median(repeatReady).toFixed(0)} ms  (runs: ${repeatReady.map((v) => v.toFixed(0)).join(', ')}; the page again in the same profile, ${repeatControlled.filter(Boolean).length} of ${RUNS} served by the service worker)`);
console.log(`  worker's runtime ready         ${median(workerReady).toFixed(0)} ms  (runs: ${workerReady.map((v) => v.toFixed(0)).join(', ')}; when the worker had the Runtime, on the page's clock)`);
console.log(`  Run -> first output (print)   ${median(firstOutput).toFixed(1)} ms  (runs: ${firstOutput.map((v) => v.toFixed(1)).join(', ')}; target <= 100 ms)`);
console.log(`  Run -> first output (torch)   ${median(torchOutput).toFixed(1)} ms  (runs: ${torchOutput.map((v) => v.toFixed(1)).join(', ')}; 'import torch; print(torch.ones(2))' as the first torch cell)`);
console.log(`  runtime size, gzip            ${kb(runtimeBytes)}  (wasm + worker with the glue; target <= 1024 KB)`);
console.log(`  whole lesson page, gzip       ${kb(pageBytes)}  (every file the page loaded: HTML, CSS, fonts, scripts, runtime)`);
