// Entry point of every page (bundled into assets/app.js by the site build).
import { applyTranslations, initLang, onLangChange, t } from '../i18n/index.js';
import { openProgressStore } from '../progress/open.js';
import { downloadJson, initLanguageToggle, initTheme, initTimeBudget, renderLevel, showNotice } from './ui.js';
import { startLessonPage, startRuntime } from './lesson_page.js';
import { startIndexPage } from './index_page.js';

const data = JSON.parse(document.getElementById('page-data')?.textContent || '{}');
const base = document.body.dataset.base || '';

initLang();
applyTranslations(document);
initTheme();
initLanguageToggle();
initTimeBudget((seconds) => window.lessonApp?.client?.setTimeBudget(seconds));

function storageNotice(store) {
  if (!store.problem) return;
  const key = store.problem === 'corrupt' ? 'storageCorrupt' : 'storageUnavailable';
  const actions = [];
  if (store.problem === 'corrupt' && store.unreadable !== undefined) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.i18n = 'downloadUnreadable';
    b.textContent = t('downloadUnreadable');
    b.addEventListener('click', () => downloadJson('unreadable-progress.json', { unreadable: store.unreadable, reason: store.problemDetail }));
    actions.push(b);
  }
  const notice = showNotice('storage-notice', t(key), actions);
  notice.dataset.problem = store.problem;
  notice.classList.add('notice-warning');
  onLangChange(() => { notice.querySelector('p').textContent = t(key); });
}

async function main() {
  const client = data.kind === 'lesson' ? startRuntime({ base }) : null;
  const store = await openProgressStore({ course: data.course || [] });
  window.lessonApp = { store }; // a handle for the browser tests and the curious
  storageNotice(store);
  const badge = document.getElementById('level-badge');
  const drawBadge = () => badge && renderLevel(badge, store.state.xp, { compact: true });
  store.subscribe(drawBadge);
  onLangChange(drawBadge);
  drawBadge();
  if (data.kind === 'lesson') await startLessonPage({ data, store, client });
  else if (data.kind === 'index') await startIndexPage({ data, store, base });
  document.body.dataset.ready = 'true';
  registerServiceWorker();
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.register(`${base}sw.js`).then((reg) => {
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'activated' && !hadController) document.body.dataset.offline = 'ready';
      });
    });
    if (reg.active && hadController) document.body.dataset.offline = 'ready';
  }).catch(() => { /* offline use is a bonus */ });
}

main().catch((error) => {
  console.error(error);
  showNotice('app-error', String(error?.message || error));
});
