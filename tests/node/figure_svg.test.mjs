// figure_svg.js: figure data (PROTOCOL.md section 3) -> SVG text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { figureToSvg, niceTicks, formatTick, colormap, escapeXml } from '../../web/src/figure_svg.js';

const axes = (series, extra = {}) => ({ row: 0, col: 0, nrows: 1, ncols: 1, title: '', xlabel: '', ylabel: '', xlim: null, ylim: null, grid: false, legend: false, series, ...extra });
const fig = (axesList, extra = {}) => ({ id: 1, width: 6.4, height: 4.8, suptitle: '', axes: axesList, ...extra });
const count = (svg, re) => (svg.match(re) || []).length;

// Well-formedness: every tag opened is closed, in order.
function assertBalanced(svg) {
  const stack = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `unbalanced </${m[2]}>`);
    else stack.push(m[2]);
  }
  assert.deepEqual(stack, []);
}

test('a line plot with title, labels, legend and grid', () => {
  const svg = figureToSvg(fig([axes([
    { kind: 'line', x: [0, 1, 2, 3], y: [1, 0.5, 0.25, 0.125], label: 'train', color: '#1f77b4', linestyle: '-', marker: '', linewidth: 1.5 },
    { kind: 'line', x: [0, 1, 2, 3], y: [1.1, 0.7, 0.5, 0.45], label: 'val', color: '#ff7f0e', linestyle: '--', marker: 'o', linewidth: 1.5 },
  ], { title: 'Loss', xlabel: 'epoch', ylabel: 'loss', legend: true, grid: true })]));
  assertBalanced(svg);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.match(svg, /viewBox="0 0 640 480"/);
  assert.equal(count(svg, /class="series-line"/g), 2);
  assert.match(svg, /stroke-dasharray="6 4"/);
  assert.equal(count(svg, /<circle cx/g) >= 4, true, 'markers drawn');
  assert.match(svg, /class="axes-title"[^>]*>Loss</);
  assert.match(svg, /class="xlabel"[^>]*>epoch</);
  assert.match(svg, /class="ylabel"[^>]*>loss</);
  assert.match(svg, /class="legend"[\s\S]*>train<[\s\S]*>val</);
  assert.ok(count(svg, /class="grid"/g) > 4);
  assert.match(svg, /aria-label="Loss"/);
});

test('null (NaN) points break a line instead of drawing through them', () => {
  const svg = figureToSvg(fig([axes([{ kind: 'line', x: [0, 1, 2, 3, 4], y: [0, 1, null, 3, 4], label: '', color: '#1f77b4', linestyle: '-', marker: '', linewidth: 1.5 }])]));
  assert.equal(count(svg, /class="series-line"/g), 2);
  assert.doesNotMatch(svg, /NaN|undefined|Infinity/);
});

test('scatter, bar with labels and histogram', () => {
  const svg = figureToSvg(fig([
    axes([{ kind: 'scatter', x: [1, 2, 3], y: [3, 1, 2], label: 'points', color: '#ff7f0e', size: 36 }], { nrows: 1, ncols: 3, col: 0 }),
    axes([{ kind: 'bar', x: ['BN', 'LN', 'GN'], height: [3, 5, -1], width: 0.8, label: '', color: '#2ca02c' }], { nrows: 1, ncols: 3, col: 1 }),
    axes([{ kind: 'hist', edges: [0, 1, 2, 3, 4], counts: [1, 4, 2, 0], label: '', color: '#1f77b4' }], { nrows: 1, ncols: 3, col: 2 }),
  ], { suptitle: 'Three kinds' }));
  assertBalanced(svg);
  assert.equal(count(svg, /class="series-point"/g), 3);
  assert.equal(count(svg, /class="series-bar"/g), 3);
  assert.equal(count(svg, /class="series-hist"/g), 4);
  assert.match(svg, /class="xtick"[^>]*>BN</);
  assert.match(svg, /class="xtick"[^>]*>GN</);
  assert.match(svg, /class="suptitle"[^>]*>Three kinds</);
  assert.equal(count(svg, /<g class="axes"/g), 3);
  // Three columns: the axes sit side by side.
  const xs = [...svg.matchAll(/<rect class="frame" x="([\d.]+)"/g)].map((m) => Number(m[1]));
  assert.ok(xs[0] < xs[1] && xs[1] < xs[2], `frames at ${xs}`);
});

test('subplots in a 2x2 grid land in their rows and columns', () => {
  const line = { kind: 'line', x: [0, 1], y: [0, 1], label: '', color: '#1f77b4', linestyle: '-', marker: '', linewidth: 1 };
  const svg = figureToSvg(fig([0, 1, 2, 3].map((k) => axes([line], { nrows: 2, ncols: 2, row: Math.floor(k / 2), col: k % 2, title: `ax${k}` }))));
  const frames = [...svg.matchAll(/<rect class="frame" x="([\d.]+)" y="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.equal(frames.length, 4);
  assert.ok(frames[0][0] < frames[1][0] && frames[0][1] === frames[1][1]);
  assert.ok(frames[2][1] > frames[0][1] && frames[2][0] === frames[0][0]);
});

test('imshow draws one cell per value with the colormap, and a colorbar', () => {
  const svg = figureToSvg(fig([axes([{ kind: 'image', rows: 2, cols: 3, data: [0, 0.5, 1, 1, null, 0], vmin: 0, vmax: 1, cmap: 'viridis', colorbar: true }])]));
  assertBalanced(svg);
  const cells = svg.match(/<g class="series-image"[^>]*>([\s\S]*?)<\/g>/)[1];
  assert.equal(count(cells, /<rect /g), 6);
  assert.match(cells, /fill="#440154"/);
  assert.match(cells, /fill="#fde725"/);
  assert.match(cells, /fill="none"/, 'a null value is left blank');
  assert.match(svg, /class="colorbar"/);
  assert.match(svg, /<linearGradient/);
  // Square pixels: the frame is 3:2.
  const [, w, h] = svg.match(/<rect class="frame" x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="([\d.]+)"/).map(Number);
  assert.ok(Math.abs(w / h - 1.5) < 0.02, `${w}x${h}`);
  const gray = figureToSvg(fig([axes([{ kind: 'image', rows: 1, cols: 2, data: [0, 1], vmin: 0, vmax: 1, cmap: 'gray', colorbar: false }])]));
  assert.match(gray, /fill="#000000"[\s\S]*fill="#ffffff"/);
  assert.doesNotMatch(gray, /class="colorbar"/);
});

test('text from the figure is escaped', () => {
  const evil = '<img src=x onerror=alert(1)> & "q"';
  const svg = figureToSvg(fig([axes([{ kind: 'line', x: [0, 1], y: [0, 1], label: evil, color: '#1f77b4', linestyle: '-', marker: '', linewidth: 1 }], { title: evil, xlabel: evil, legend: true })], { suptitle: evil }));
  assert.doesNotMatch(svg, /<img/);
  assert.match(svg, /&lt;img src=x onerror=alert\(1\)&gt; &amp; &quot;q&quot;/);
  assertBalanced(svg);
  assert.equal(escapeXml(`<'&">`), '&lt;&#39;&amp;&quot;&gt;');
});

test('an unknown color is replaced by the default cycle', () => {
  const svg = figureToSvg(fig([axes([{ kind: 'line', x: [0, 1], y: [0, 1], label: '', color: 'url(javascript:1)', linestyle: '-', marker: '', linewidth: 1 }])]));
  assert.doesNotMatch(svg, /javascript/);
  assert.match(svg, /stroke="#1f77b4"/);
});

test('explicit limits win over the data range', () => {
  const svg = figureToSvg(fig([axes([{ kind: 'line', x: [0, 10], y: [0, 10], label: '', color: '#1f77b4', linestyle: '-', marker: '', linewidth: 1 }], { xlim: [0, 5], ylim: [-1, 1] })]));
  assert.match(svg, /class="xtick"[^>]*>5</);
  assert.doesNotMatch(svg, /class="xtick"[^>]*>10</);
  assert.match(svg, /class="ytick"[^>]*>\u22121\.0</);
});

test('ticks are round numbers and print without float noise', () => {
  assert.deepEqual(niceTicks(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(-3, 7), [-2, 0, 2, 4, 6]);
  const ticks = niceTicks(0, 0.3);
  assert.deepEqual(ticks.map((t) => formatTick(t, ticks)), ['0', '0.1', '0.2', '0.3']);
  const ys = [0.4, 0.6000000000000001, 0.8, 1];
  assert.deepEqual(ys.map((t) => formatTick(t, ys)), ['0.4', '0.6', '0.8', '1.0']);
  const quarters = niceTicks(0, 1, 4);
  assert.deepEqual(quarters.map((t) => formatTick(t, quarters)), ['0', '0.25', '0.50', '0.75', '1.00']);
  assert.equal(colormap('viridis', 0), '#440154');
  assert.equal(colormap('gray', 0.5), '#808080');
});

test('an empty figure still makes a valid SVG', () => {
  const svg = figureToSvg(fig([axes([])]));
  assertBalanced(svg);
  assert.doesNotMatch(svg, /NaN|undefined/);
});
