// The site build as a function, so tests can build a fixture course into a
// scratch directory: lessons -> pages, the page script bundled with esbuild,
// KaTeX's stylesheet and fonts, the WASM runtime and a versioned service worker.
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

import { createMarkdown } from './markdown.mjs';
import { parseLesson, LessonFormatError } from './lesson_source.mjs';
import { renderCell, renderIndexPage, renderLessonPage, renderWidget } from './pages.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const srcDir = path.join(root, 'web', 'src');
// Sources bundled into assets/app.js or used by the build only; everything
// else in web/src (the worker and the demo) is copied as it is.
const NOT_COPIED = new Set(['app', 'i18n', 'progress', 'comments', 'site.config.json', 'service_worker.js', 'index.html', 'styles.css']);
const LESSON_FILE = /^\d+-[a-z0-9-]+\.md$/;

export async function loadLessons(lessonsDir, md = createMarkdown()) {
  let names = [];
  try {
    names = (await readdir(lessonsDir)).filter((n) => LESSON_FILE.test(n));
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  const lessons = [];
  for (const name of names) {
    const text = await readFile(path.join(lessonsDir, name), 'utf8');
    lessons.push({ name, ...parseLesson(text, md, name) });
  }
  lessons.sort((a, b) => a.meta.order - b.meta.order || a.name.localeCompare(b.name));
  const seen = new Map();
  for (const l of lessons) {
    if (seen.has(l.meta.id)) throw new LessonFormatError(l.name, `id "${l.meta.id}" is also used by ${seen.get(l.meta.id)}`);
    seen.set(l.meta.id, l.name);
  }
  return lessons;
}

// Renders a lesson's Markdown body; code cells become cell sections and a
// leading "# Title" is dropped (the page prints the front-matter title).
export function renderLessonBody(lesson, md) {
  const tokens = [...lesson.tokens];
  if (tokens[0]?.type === 'heading_open' && tokens[0].tag === 'h1') tokens.splice(0, 3);
  const rules = Object.create(md.renderer.rules);
  const fence = md.renderer.rules.fence;
  rules.fence = (toks, idx, options, env, self) => {
    const cell = toks[idx].meta?.cell;
    if (cell) return renderCell(cell);
    const widget = toks[idx].meta?.widget;
    if (widget) return renderWidget(widget, md);
    return fence(toks, idx, options, env, self);
  };
  const saved = md.renderer.rules;
  md.renderer.rules = rules;
  try {
    return md.renderer.render(tokens, md.options, lesson.env);
  } finally {
    md.renderer.rules = saved;
  }
}

// Options both bundles share: ES modules for the browsers the site supports.
const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'esm',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: process.env.SITE_MINIFY !== '0',
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
};

async function bundle(outDir) {
  await esbuild.build({
    ...BUNDLE_OPTIONS,
    entryPoints: { app: path.join(srcDir, 'app', 'main.js') },
    // The editor (CodeMirror) is a chunk of its own, loaded after the page
    // script has started the page (web/src/app/editor.js).
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outdir: path.join(outDir, 'assets'),
  });
  await cp(path.join(srcDir, 'styles.css'), path.join(outDir, 'assets', 'styles.css'));
  // The runtime worker with the Emscripten glue in the same file: one fetch
  // and one compile before the worker can start loading the wasm, instead of
  // a worker script that then imports wasm/lessonruntime.js. The glue stays
  // in wasm/ for the direct API's users.
  const worker = path.join(outDir, 'runtime_worker.js');
  await esbuild.build({ ...BUNDLE_OPTIONS, entryPoints: [worker], outfile: worker, allowOverwrite: true });
}

async function copyKatex(outDir) {
  const katexDist = path.join(root, 'node_modules', 'katex', 'dist');
  const target = path.join(outDir, 'assets', 'katex');
  await mkdir(path.join(target, 'fonts'), { recursive: true });
  await cp(path.join(katexDist, 'katex.min.css'), path.join(target, 'katex.min.css'));
  // Browsers take the first format they support in KaTeX's @font-face
  // lists, and every current one supports woff2.
  for (const font of await readdir(path.join(katexDist, 'fonts'))) {
    if (font.endsWith('.woff2')) await cp(path.join(katexDist, 'fonts', font), path.join(target, 'fonts', font));
  }
}

async function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...await listFiles(path.join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

// sw.js = the build's version and file list + web/src/service_worker.js.
// Any changed byte changes the version, so the browser installs the new worker.
async function writeServiceWorker(outDir) {
  const files = (await listFiles(outDir)).filter((f) => f !== 'sw.js');
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(f);
    hash.update(await readFile(path.join(outDir, f)));
  }
  const version = hash.digest('hex').slice(0, 16);
  const template = await readFile(path.join(srcDir, 'service_worker.js'), 'utf8');
  const header = `const BUILD_VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(['./', ...files])};\n`;
  await writeFile(path.join(outDir, 'sw.js'), header + template);
  await writeFile(path.join(outDir, 'build.json'), JSON.stringify({ version, files: files.length }) + '\n');
  return version;
}

export async function buildSite({ lessonsDir = path.join(root, 'lessons'), outDir = path.join(root, 'web', 'dist'), wasmDir = path.join(root, 'build', 'wasm'), configFile = path.join(srcDir, 'site.config.json') } = {}) {
  for (const file of ['lessonruntime.js', 'lessonruntime.wasm']) {
    try {
      await access(path.join(wasmDir, file));
    } catch {
      throw new Error(`${path.relative(root, path.join(wasmDir, file))} is missing: build the WASM runtime first (npm run build)`);
    }
  }
  const site = JSON.parse(await readFile(configFile, 'utf8'));
  const md = createMarkdown();
  const lessons = await loadLessons(lessonsDir, md);

  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.join(outDir, 'lessons'), { recursive: true });
  await mkdir(path.join(outDir, 'wasm'), { recursive: true });
  for (const entry of await readdir(srcDir)) {
    if (!NOT_COPIED.has(entry)) await cp(path.join(srcDir, entry), path.join(outDir, entry), { recursive: true });
  }
  for (const file of ['lessonruntime.js', 'lessonruntime.wasm']) {
    await cp(path.join(wasmDir, file), path.join(outDir, 'wasm', file));
  }
  // The runtime's TypeScript declarations, when the WASM build put them there.
  await cp(path.join(wasmDir, 'lessonruntime.d.ts'), path.join(outDir, 'wasm', 'lessonruntime.d.ts')).catch(() => {});
  await bundle(outDir);
  await copyKatex(outDir);

  const assets = { js: 'assets/app.js', css: 'assets/styles.css' };
  const course = lessons.map((l) => ({
    id: l.meta.id,
    title: l.meta.title,
    file: `lessons/${l.meta.id}.html`,
    xp: l.meta.xp,
    cells: l.cells.map((c) => c.id),
    exercises: l.cells.filter((c) => c.kind === 'exercise').map((c) => c.id),
  }));
  const total = lessons.length;
  lessons.forEach((lesson, i) => {
    lesson.file = `lessons/${lesson.meta.id}.html`;
  });
  for (const [i, lesson] of lessons.entries()) {
    const sibling = (l) => l && { title: l.meta.title, file: `${l.meta.id}.html` };
    const html = renderLessonPage({
      lesson,
      contentHtml: renderLessonBody(lesson, md),
      position: i + 1,
      total,
      prev: sibling(lessons[i - 1]),
      next: sibling(lessons[i + 1]),
      assets,
      site,
      course,
    });
    await writeFile(path.join(outDir, lesson.file), html);
  }
  await writeFile(path.join(outDir, 'index.html'), renderIndexPage({ lessons, assets, site, course }));
  const version = await writeServiceWorker(outDir);
  return { lessons, version, outDir };
}
