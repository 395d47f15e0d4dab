// HTML of the course index and the lesson pages. UI strings are English here
// and carry data-i18n keys; the page script switches them to the learner's
// language (web/src/i18n/).
import { escapeHtml as e, jsonForScript } from './html.mjs';
import { highlightPythonLines } from './highlight.mjs';

// Runs before first paint so a dark-theme reader never sees a white flash.
const THEME_BOOT = `try{var t=localStorage.getItem('lesson.theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t;var l=localStorage.getItem('lesson.lang');if(l==='ko'||l==='en')document.documentElement.lang=l}catch(_){}`;

// Lesson pages start the runtime worker while the rest of the page is still
// loading (the wasm download and compile then overlap the page's own work);
// RuntimeClient.start adopts the worker and replays the messages it sent
// before the page script was ready to listen.
const runtimeBoot = (url) => `try{var u=${JSON.stringify(url)},w=new Worker(u,{type:'module'}),q=[];w.onmessage=function(m){q.push(m.data)};w.onerror=function(x){x.preventDefault();q.push({type:'fatal',message:x.message||'the runtime worker failed to start'})};window.__runtimeBoot={url:u,worker:w,queue:q}}catch(_){}`;

// The KaTeX fonts nearly every formula uses: fetched with the HTML rather
// than discovered at first layout, so the page is laid out once with them
// instead of again as each arrives.
const KATEX_PRELOAD_FONTS = ['KaTeX_Main-Regular.woff2', 'KaTeX_Math-Italic.woff2'];

function head({ title, base, assets, kind }) {
  return `<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${e(title)}</title>
<link rel="icon" href="data:,">
<script>${THEME_BOOT}</script>
${kind === 'lesson' ? `<script>${runtimeBoot(`${base}runtime_worker.js`)}</script>\n` : ''}${kind === 'lesson' ? KATEX_PRELOAD_FONTS.map((f) => `<link rel="preload" href="${base}assets/katex/fonts/${f}" as="font" type="font/woff2" crossorigin>\n`).join('') : ''}<link rel="stylesheet" href="${base}assets/katex/katex.min.css">
<link rel="stylesheet" href="${base}${assets.css}">
<script type="module" src="${base}${assets.js}"></script>
</head>`;
}

function siteHeader({ base, siteTitle }) {
  return `<a class="skip-link" href="#main" data-i18n="skipToContent">Skip to content</a>
<header class="site-header">
  <a class="site-title" href="${base}index.html">${e(siteTitle)}</a>
  <div class="level-badge" id="level-badge" aria-live="off"></div>
  <nav class="site-tools" aria-label="Settings" data-i18n-attr="aria-label:settings">
    <button type="button" id="theme-toggle" class="tool-button" aria-pressed="false" data-i18n="darkTheme">Dark theme</button>
    <button type="button" id="lang-toggle" class="tool-button" lang="ko" data-i18n="switchLanguage">한국어</button>
  </nav>
</header>
<div id="notices" class="notices" role="status"></div>
<div id="toasts" class="toasts" aria-live="polite" aria-atomic="false"></div>`;
}

function page({ title, base, assets, siteTitle, kind, body, data }) {
  return `<!doctype html>
<html lang="en">
${head({ title, base, assets, kind })}
<body data-page="${kind}" data-base="${e(base)}">
${siteHeader({ base, siteTitle })}
${body}
<script type="application/json" id="page-data">${jsonForScript(data)}</script>
</body>
</html>
`;
}

// A runnable cell as the server renders it: the code, highlighted and with
// line numbers, is readable without script and looks like the editor the
// page script later mounts in its place (editors are mounted one at a time,
// so the page is usable at once). Expected output, checks and solutions are
// not in this HTML.
export function renderCell(cell) {
  const label = cell.kind === 'exercise'
    ? `<span class="cell-kind" data-i18n="exercise">Exercise</span> <span class="cell-xp">· ${cell.xp} XP</span>`
    : `<span class="cell-kind" data-i18n="cell">Cell</span> <span class="cell-number">${cell.index}</span>`;
  return `<section class="cell cell-${cell.kind}" id="cell-${e(cell.id)}" data-cell-id="${e(cell.id)}" aria-labelledby="cell-${e(cell.id)}-label">
<div class="cell-head"><h3 class="cell-label" id="cell-${e(cell.id)}-label">${label}</h3></div>
<pre class="cell-source"><code class="language-python">${highlightPythonLines(cell.code).map((l) => `<span class="cell-line">${l}</span>`).join('')}</code></pre>
</section>
`;
}

// An interactive figure (```widget NAME): a mount point for the page
// script, whose description is readable without script; once the widget is
// mounted it stays as the figure's accessible description.
export function renderWidget(widget, md) {
  const id = `widget-${e(widget.name)}`;
  const paragraphs = widget.description.split(/\n\s*\n/).map((p) => md ? md.renderInline(p.trim()) : e(p.trim()));
  return `<div class="widget" data-widget="${e(widget.name)}" id="${id}" role="figure" aria-describedby="${id}-description">
<div class="widget-description" id="${id}-description">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>
</div>
`;
}

function lessonNav({ prev, next }) {
  const link = (item, rel, key, fallback) => item
    ? `<a class="lesson-nav-${rel}" rel="${rel}" href="${e(item.file)}"><span data-i18n="${key}">${fallback}</span><span class="lesson-nav-title">${e(item.title)}</span></a>`
    : '<span></span>';
  return `<nav class="lesson-nav" aria-label="Lessons" data-i18n-attr="aria-label:lessons">
${link(prev, 'prev', 'previousLesson', 'Previous lesson')}
${link(next, 'next', 'nextLesson', 'Next lesson')}
</nav>`;
}

export function renderLessonPage({ lesson, contentHtml, position, total, prev, next, assets, site, course }) {
  const { meta } = lesson;
  const reportUrl = (site.reportProblemUrl || '')
    .replaceAll('{id}', encodeURIComponent(meta.id))
    .replaceAll('{title}', encodeURIComponent(meta.title));
  const body = `<main id="main" class="lesson" tabindex="-1">
<p class="lesson-meta">
  <span class="lesson-position" data-i18n="lessonNofM" data-i18n-n="${position}" data-i18n-m="${total}">Lesson ${position} of ${total}</span>
  <span class="lesson-minutes" data-i18n="minutesRead" data-i18n-n="${meta.minutes}">${meta.minutes} min read</span>
  <span class="lesson-xp">${meta.xp} XP</span>
  <span class="lesson-status" id="lesson-status"></span>
</p>
<h1>${e(meta.title)}</h1>
<div class="lesson-toolbar" role="toolbar" aria-label="Runtime" data-i18n-attr="aria-label:runtime">
  <button type="button" id="run-all" data-i18n="runAll">Run all</button>
  <button type="button" id="restart-runtime" data-i18n="restartRuntime">Restart runtime</button>
  <span id="runtime-status" class="runtime-status" role="status" data-state="loading" data-i18n="runtimeLoading">Loading the runtime…</span>
  <label class="budget-setting"><span data-i18n="timeBudget">Time limit per cell (s)</span>
    <input type="number" id="time-budget" min="0" max="600" step="1" value="30" inputmode="numeric"></label>
</div>
<article class="lesson-body">
${contentHtml}
</article>
${lessonNav({ prev, next })}
<section class="comments" id="comments" aria-labelledby="comments-title">
  <h2 id="comments-title" data-i18n="comments">Comments</h2>
  <p class="comments-note" data-i18n="commentsLocal">Comments are stored in this browser only.</p>
  <ul class="comment-list" id="comment-list"></ul>
  <form class="comment-form" id="comment-form">
    <label for="comment-name" data-i18n="commentName">Name</label>
    <input id="comment-name" name="name" required maxlength="60" autocomplete="nickname">
    <label for="comment-text" data-i18n="commentText">Comment</label>
    <textarea id="comment-text" name="text" required maxlength="2000" rows="3"></textarea>
    <p class="comment-error" id="comment-error" role="alert"></p>
    <button type="submit" data-i18n="commentPost">Post comment</button>
  </form>
</section>
<p class="report-link">${reportUrl ? `<a href="${e(reportUrl)}" id="report-problem" data-report-url="${e(reportUrl)}" target="_blank" rel="noopener" data-i18n="reportProblem">Report a problem with this lesson</a>` : ''}</p>
</main>`;
  const data = {
    kind: 'lesson',
    lesson: { id: meta.id, title: meta.title, order: meta.order, minutes: meta.minutes, xp: meta.xp, tags: meta.tags, position, total },
    cells: lesson.cells.map((c) => {
      const out = { id: c.id, index: c.index, kind: c.kind, code: c.code, expected: c.expected, tolerance: c.tolerance, figures: c.figures };
      if (c.kind === 'exercise') Object.assign(out, { xp: c.xp, check: c.check, hints: c.hints });
      return out; // the solution is never shipped
    }),
    course,
  };
  return page({ title: `${meta.title} · ${site.title}`, base: '../', assets, siteTitle: site.title, kind: 'lesson', body, data });
}

export function renderIndexPage({ lessons, assets, site, course }) {
  const items = lessons.map(({ meta, cells, file }, i) => `<li class="lesson-card" data-lesson-id="${e(meta.id)}">
  <a class="lesson-card-link" href="${e(file)}"><span class="lesson-card-order">${i + 1}.</span> ${e(meta.title)}</a>
  <p class="lesson-card-meta"><span data-i18n="minutesRead" data-i18n-n="${meta.minutes}">${meta.minutes} min read</span> · <span>${meta.xp} XP</span> · <span data-i18n="${cells.length === 1 ? 'cellCountOne' : 'cellCount'}" data-i18n-n="${cells.length}">${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}</span>${meta.tags.length ? ` · <span class="tags">${meta.tags.map((t) => `<span class="tag">${e(t)}</span>`).join(' ')}</span>` : ''}</p>
  <div class="lesson-progress"><div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="0" aria-label="${e(meta.title)}"><span style="width:0%"></span></div><span class="lesson-progress-text">0%</span></div>
</li>`).join('\n');
  const body = `<main id="main" class="course" tabindex="-1">
<h1>${e(site.title)}</h1>
<p class="course-intro">${e(site.description || '')}</p>
<section class="level-panel" id="level-panel" aria-labelledby="level-title">
  <h2 id="level-title" data-i18n="yourProgress">Your progress</h2>
  <div id="level-summary"></div>
  <div class="progress-tools">
    <button type="button" id="export-progress" data-i18n="exportProgress">Export progress</button>
    <label class="file-button"><span data-i18n="importProgress">Import progress</span>
      <input type="file" id="import-progress" accept="application/json,.json"></label>
    <button type="button" id="reset-progress" class="danger" data-i18n="resetProgress">Reset progress</button>
  </div>
  <h3 data-i18n="achievements">Achievements</h3>
  <ul class="achievement-list" id="achievement-list"></ul>
</section>
<section aria-labelledby="lessons-title">
<h2 id="lessons-title" data-i18n="lessonsHeading">Lessons</h2>
${lessons.length ? `<ol class="lesson-list">\n${items}\n</ol>` : '<p data-i18n="noLessons">No lessons yet.</p>'}
</section>
<section class="runtime-check" aria-labelledby="runtime-check-title">
  <h2 id="runtime-check-title" data-i18n="runtimeCheck">Runtime check: LayerNorm in your browser</h2>
  <p data-i18n="runtimeCheckText">The numbers below come from the C++ kernel compiled to WebAssembly, running in a Web Worker.</p>
  <pre id="input"></pre>
  <pre id="result" data-state="loading" aria-live="polite">Loading the runtime…</pre>
  <p id="status" class="status"></p>
</section>
</main>
<script type="module" src="layer_norm_demo.js"></script>`;
  return page({ title: site.title, base: '', assets, siteTitle: site.title, kind: 'index', body, data: { kind: 'index', course } });
}
