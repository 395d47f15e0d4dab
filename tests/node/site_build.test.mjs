// The site build: fixture lessons -> pages, math, cells, hidden blocks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildSite } from '../../web/scripts/site/build.mjs';
import { createMarkdown } from '../../web/scripts/site/markdown.mjs';
import { parseLesson, parseInfo, LessonFormatError } from '../../web/scripts/site/lesson_source.mjs';
import { jsonForScript } from '../../web/scripts/site/html.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'tests', 'fixtures', 'lessons');
let out;
let built;

before(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'site-build-'));
  built = await buildSite({ lessonsDir: fixtures, outDir: out });
});
after(() => rm(out, { recursive: true, force: true }));

const read = (rel) => readFile(path.join(out, rel), 'utf8');
const pageData = (html) => JSON.parse(html.match(/<script type="application\/json" id="page-data">([\s\S]*?)<\/script>/)[1]);
const visible = (html) => html.replace(/<script[\s\S]*?<\/script>/g, '');

test('every lesson becomes a page, in front-matter order, plus the course index', async () => {
  assert.deepEqual(built.lessons.map((l) => l.meta.id), ['plain-python', 'second-steps']);
  assert.deepEqual((await readdir(path.join(out, 'lessons'))).sort(), ['plain-python.html', 'second-steps.html']);
  const index = await read('index.html');
  assert.match(index, /href="lessons\/plain-python.html"[^>]*><span class="lesson-card-order">1\.<\/span> Plain Python warm-up/);
  assert.match(index, /href="lessons\/second-steps.html"/);
  assert.match(index, /5 min read/);
  assert.equal(pageData(index).course.length, 2);
});

test('a lesson page shows its position, reading time, XP and neighbours', async () => {
  const first = await read('lessons/plain-python.html');
  const second = await read('lessons/second-steps.html');
  assert.match(first, /Lesson 1 of 2/);
  assert.match(first, /5 min read/);
  assert.match(first, /50 XP/);
  assert.match(first, /rel="next" href="second-steps.html"/);
  assert.doesNotMatch(first, /rel="prev"/);
  assert.match(second, /Lesson 2 of 2/);
  assert.match(second, /rel="prev" href="plain-python.html"/);
  assert.match(first, /<h1>Plain Python warm-up<\/h1>/);
  assert.equal((first.match(/<h1>/g) || []).length, 1, 'the body\'s own "# Title" is not repeated');
});

test('math is rendered at build time by KaTeX and tables are HTML tables', async () => {
  const html = await read('lessons/plain-python.html');
  assert.match(html, /class="katex"/);
  assert.match(html, /class="katex-display"/);
  assert.doesNotMatch(visible(html), /\$\\mu|\$\$/);
  assert.match(html, /<table>[\s\S]*<th>layer<\/th>/);
  await readFile(path.join(out, 'assets', 'katex', 'katex.min.css'));
  const fonts = await readdir(path.join(out, 'assets', 'katex', 'fonts'));
  assert.ok(fonts.some((f) => f.startsWith('KaTeX_Main-Regular')), 'KaTeX fonts are shipped');
  assert.doesNotMatch(html, /katex(\.min)?\.js/, 'no math script on the page');
});

test('cells are editors-to-be; expected output, checks and solutions stay out of the visible HTML', async () => {
  const html = await read('lessons/plain-python.html');
  const data = pageData(html);
  assert.deepEqual(data.cells.map((c) => c.id), ['sum', 'table', 'mean', 'double']);
  assert.equal(data.cells[0].expected, '10\n');
  assert.equal(data.cells[1].expected, '   0 |*\n   1 |**\n   2 |***\n');
  const ex = data.cells[3];
  assert.equal(ex.kind, 'exercise');
  assert.equal(ex.xp, 30);
  assert.match(ex.check, /assert double\(21\) == 42/);
  assert.equal(ex.hints.length, 2);
  assert.equal(ex.solution, undefined, 'the solution is never shipped');
  const shown = visible(html);
  assert.match(shown, /id="cell-sum"/);
  // The code is there as text, highlighted (spans) and one line per span.
  const cellText = (id) => shown.split(`id="cell-${id}"`)[1].split('</pre>')[0].replace(/<[^>]*>/g, '');
  assert.match(cellText('sum'), /print\(sum\(values\)\)/);
  assert.match(shown, /<span class="cell-line"><span class="hl-keyword">/);
  assert.doesNotMatch(shown, /assert double/);
  assert.doesNotMatch(shown, /Multiplying by a number/);
  assert.doesNotMatch(shown, /\|\*\*\*/, 'expected output is hidden until the cell runs');
  for (const file of await readdir(path.join(out, 'lessons'))) {
    assert.doesNotMatch(await read(`lessons/${file}`), /return 2 \* n/, 'solution text appears nowhere');
  }
});

test('the JSON data block cannot be closed early by lesson text', () => {
  const json = jsonForScript({ code: '</script><script>alert(1)</script><!--' });
  assert.doesNotMatch(json, /<\/script|<!--/);
  assert.equal(JSON.parse(json).code, '</script><script>alert(1)</script><!--');
});

test('the runtime, worker, scripts and a versioned service worker are in the build', async () => {
  for (const f of ['wasm/lessonruntime.js', 'wasm/lessonruntime.wasm', 'runtime_worker.js', 'assets/app.js', 'assets/styles.css', 'sw.js']) {
    await readFile(path.join(out, f));
  }
  const sw = await read('sw.js');
  assert.match(sw, new RegExp(`const BUILD_VERSION = "${built.version}"`));
  assert.match(sw, /"lessons\/plain-python.html"/);
  assert.match(sw, /"wasm\/lessonruntime.wasm"/);
});

test('the worker carries the Emscripten glue and finds the wasm in wasm/', async () => {
  const worker = await read('runtime_worker.js');
  assert.doesNotMatch(worker, /^\s*import\b|\bimport\s*\(/m, 'no static or dynamic import left to fetch');
  assert.match(worker, /lessonruntime\.wasm/, "the glue's wasm file name is in the worker");
  assert.match(worker, /\.\/wasm\//);
});

test('a changed lesson changes the build version', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'site-lessons-'));
  const out2 = await mkdtemp(path.join(tmpdir(), 'site-build2-'));
  try {
    const text = await readFile(path.join(fixtures, '02-second-steps.md'), 'utf8');
    await writeFile(path.join(dir, '01-second-steps.md'), text.replace('starts fresh', 'starts anew'));
    const a = await buildSite({ lessonsDir: dir, outDir: out2 });
    await writeFile(path.join(dir, '01-second-steps.md'), text);
    const b = await buildSite({ lessonsDir: dir, outDir: out2 });
    assert.notEqual(a.version, b.version);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(out2, { recursive: true, force: true });
  }
});

test('info strings and lesson format errors', () => {
  assert.deepEqual(parseInfo('python exercise id=pool-shapes xp=30'), { lang: 'python', words: ['exercise'], attrs: { id: 'pool-shapes', xp: '30' } });
  const md = createMarkdown();
  const head = '---\nid: x\ntitle: X\norder: 1\nminutes: 1\nxp: 1\n---\n';
  assert.throws(() => parseLesson('# no front matter', md, 'a.md'), LessonFormatError);
  assert.throws(() => parseLesson(`${head}\`\`\`python check\nassert 1\n\`\`\`\n`, md, 'a.md'), /must follow an exercise/);
  assert.throws(() => parseLesson(`${head}\`\`\`python exercise\nx = 1\n\`\`\`\n`, md, 'a.md'), /has no check block/);
  assert.throws(() => parseLesson(`${head}\`\`\`python id=a\n1\n\`\`\`\n\`\`\`python id=a\n2\n\`\`\`\n`, md, 'a.md'), /duplicate cell id/);
  const lesson = parseLesson(`${head}\`\`\`python tolerance=1e-2 figures=1\nx = 1\n\`\`\`\n\n\n\`\`\`output\nhi\n\`\`\`\n\`\`\`sh\nls\n\`\`\`\n`, md, 'a.md');
  assert.equal(lesson.cells.length, 1);
  assert.equal(lesson.cells[0].id, 'cell-1');
  assert.equal(lesson.cells[0].tolerance, 0.01);
  assert.equal(lesson.cells[0].figures, 1);
  assert.equal(lesson.cells[0].expected, 'hi\n');
});

test('raw HTML in lesson Markdown is escaped', () => {
  const md = createMarkdown();
  assert.doesNotMatch(md.render('<img src=x onerror=alert(1)>'), /<img/);
});

test('the real course in lessons/ builds', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'site-real-'));
  try {
    const { lessons } = await buildSite({ outDir: dir });
    for (const [i, l] of lessons.entries()) {
      const html = await readFile(path.join(dir, 'lessons', `${l.meta.id}.html`), 'utf8');
      assert.match(html, new RegExp(`Lesson ${i + 1} of ${lessons.length}`));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
