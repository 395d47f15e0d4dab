import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

import { artifactsDir, collectErrors, launchChromium, root, serveSite } from './chromium.mjs';

const golden = JSON.parse(await readFile(path.join(root, 'tests/golden/layer_norm.json'), 'utf8'));
const demo = golden.cases.find((c) => c.name === 'page demo');

let browser;
let site;

before(async () => {
  site = await serveSite();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

test('the demo page computes LayerNorm in a worker and shows PyTorch\'s numbers', async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  const errors = collectErrors(page);
  await page.goto(site.url);
  const result = page.locator('#result');
  await page.waitForSelector('#result[data-state="done"], #result[data-state="error"]', { timeout: 15000 });
  assert.equal(await result.getAttribute('data-state'), 'done', await result.textContent());

  const values = JSON.parse(await result.getAttribute('data-values'));
  assert.equal(values.length, demo.y.length);
  values.forEach((v, i) => assert.ok(Math.abs(v - demo.y[i]) <= demo.atol,
    `y[${i}] = ${v}, PyTorch gave ${demo.y[i]}`));

  // The printed text shows the same numbers at torch's 4 decimals.
  const text = await result.textContent();
  for (const v of demo.y) assert.ok(text.includes(v.toFixed(4)), `${v.toFixed(4)} missing from ${text}`);
  assert.match(await page.locator('#status').textContent(), /Runtime \d+\.\d+\.\d+ ready in \d+ ms/);

  // The page was served cross-origin isolated (needed later for interrupts).
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);

  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, 'layer_norm_page.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the worker reports a bad request as an error instead of failing silently', async () => {
  const page = await browser.newPage();
  await page.goto(site.url);
  await page.waitForSelector('#result[data-state="done"]');
  const reply = await page.evaluate(() => new Promise((resolve) => {
    const worker = new Worker('runtime_worker.js', { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') {
        worker.postMessage({ type: 'layerNorm', id: 7, x: [1, 2, 3], rows: 1, cols: 4, eps: 1e-5 });
      } else {
        resolve(data);
        worker.terminate();
      }
    };
  }));
  assert.equal(reply.type, 'error');
  assert.equal(reply.id, 7);
  assert.match(reply.message, /x has 3 elements, expected rows\*cols = 4/);
  await page.close();
});
