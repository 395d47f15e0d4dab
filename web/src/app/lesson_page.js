// A lesson page: the runtime client, one CellView per cell, Run all and
// Restart, progress recording and announcements, the comment section.
import { RuntimeClient } from './runtime_client.js';
import { CellView } from './cell_view.js';
import { announce, announceAchievements, readTimeBudget } from './ui.js';
import { getLang, onLangChange, t } from '../i18n/index.js';
import { LocalCommentBackend, MemoryStorage } from '../comments/backend.js';
import { mountComments } from '../comments/view.js';
import { mountWidgets } from '../widgets/index.js';

const yieldToBrowser = () => new Promise((resolve) => setTimeout(resolve, 0));

function commentBackend() {
  try {
    localStorage.setItem('lesson.probe', '1');
    localStorage.removeItem('lesson.probe');
    return new LocalCommentBackend({ storage: localStorage });
  } catch {
    return new LocalCommentBackend({ storage: new MemoryStorage() });
  }
}

// The runtime and its status line start before anything else on the page
// (the progress store, the editors), so "ready" shows as soon as the worker is.
export function startRuntime({ base }) {
  const client = new RuntimeClient({ workerUrl: new URL(`${base}runtime_worker.js`, location.href), timeBudget: readTimeBudget() });
  const statusEl = document.getElementById('runtime-status');
  const drawRuntimeStatus = () => {
    statusEl.dataset.state = client.state;
    statusEl.removeAttribute('data-i18n');
    if (client.state === 'loading') statusEl.textContent = t('runtimeLoading');
    else if (client.state === 'failed') statusEl.textContent = t('runtimeFailed', { message: client.failure });
    else if (client.state === 'busy') statusEl.textContent = t('runtimeBusy');
    else statusEl.textContent = t('runtimeReady', { version: client.version });
  };
  client.addEventListener('state', drawRuntimeStatus);
  client.addEventListener('restarted', ({ detail }) => {
    if (detail.reason !== 'stop') announce(t('runtimeRestarted'));
    else announce(t('stopRestarted'), { kind: 'warning' });
  });
  client.start();
  drawRuntimeStatus();
  onLangChange(drawRuntimeStatus);
  return client;
}

export async function startLessonPage({ data, store, client }) {
  const lesson = data.lesson;
  const lessonStatus = document.getElementById('lesson-status');
  const runAll = document.getElementById('run-all');
  const restart = document.getElementById('restart-runtime');

  const drawLessonStatus = () => {
    const entry = store.state.lessons[lesson.id];
    lessonStatus.textContent = entry?.completed ? t('completed') : '';
    lessonStatus.dataset.completed = String(!!entry?.completed);
  };

  const onProgress = async (event) => {
    const wasComplete = !!store.state.lessons[lesson.id]?.completed;
    let result;
    try {
      result = await store.record(event);
    } catch (error) {
      console.warn('progress not saved', error);
      return { xpGained: 0, earned: [] };
    }
    if (!wasComplete && result.state.lessons[lesson.id]?.completed) announce(t('lessonComplete', { xp: lesson.xp }), { kind: 'achievement' });
    announceAchievements(result.earned);
    return result;
  };

  mountWidgets(document, { client, t, onLangChange });

  const cells = data.cells.map((cell) => new CellView({
    section: document.getElementById(`cell-${cell.id}`),
    cell,
    lessonId: lesson.id,
    client,
    store,
    t,
    announce,
    onProgress,
  }));
  await Promise.all(cells.map((c) => c.restoreEdit()));

  let runningAll = false;
  runAll.addEventListener('click', async () => {
    if (runningAll) return;
    runningAll = true;
    runAll.disabled = true;
    try {
      for (const cell of cells) {
        const status = await cell.run();
        if (status !== 'ok' && status !== 'passed' && status !== 'failed') break;
      }
    } finally {
      runningAll = false;
      runAll.disabled = false;
    }
  });
  restart.addEventListener('click', () => client.restart('restart'));

  onLangChange(() => {
    cells.forEach((c) => c.translate());
    drawLessonStatus();
  });
  store.subscribe(drawLessonStatus);
  drawLessonStatus();

  mountComments({ backend: commentBackend(), lessonId: lesson.id, t, getLang, announce });
  const report = document.getElementById('report-problem');
  if (report) report.href = report.dataset.reportUrl.replaceAll('{url}', encodeURIComponent(location.href));

  window.lessonApp.client = client;
  window.lessonApp.cells = cells;

  // One editor per task: the page (and the runtime's "ready") stays
  // responsive while they mount; a cell the learner reaches first mounts at
  // once (createLazyEditor).
  for (const c of cells) {
    await c.editor.mount();
    await yieldToBrowser();
  }
}
