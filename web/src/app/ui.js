// Shared page chrome: toasts (aria-live), storage notices, the level badge,
// theme and language toggles, the time-budget setting.
import { t, getLang, setLang, onLangChange } from '../i18n/index.js';
import { levelFor } from '../progress/levels.js';
import { ACHIEVEMENTS } from '../progress/achievements.js';

export function announce(text, { kind = 'info', timeout = 6000 } = {}) {
  const box = document.getElementById('toasts');
  if (!box) return;
  const toast = document.createElement('div');
  toast.className = `toast toast-${kind}`;
  toast.textContent = text;
  box.append(toast);
  setTimeout(() => toast.remove(), timeout);
}

export function showNotice(id, text, actions = []) {
  const box = document.getElementById('notices');
  let notice = document.getElementById(id);
  if (!notice) {
    notice = document.createElement('div');
    notice.id = id;
    notice.className = 'notice';
    box.append(notice);
  }
  const p = document.createElement('p');
  p.textContent = text;
  notice.replaceChildren(p, ...actions);
  return notice;
}

export function renderLevel(container, xp, { compact = false } = {}) {
  const info = levelFor(xp);
  const name = t(info.key);
  const line = document.createElement(compact ? 'span' : 'p');
  line.className = 'level-line';
  line.textContent = `${t('levelLine', { n: info.level, name })} · ${t('xpTotal', { xp })}`;
  const bar = document.createElement('div');
  bar.className = 'bar level-bar';
  bar.setAttribute('role', 'progressbar');
  bar.setAttribute('aria-valuemin', '0');
  bar.setAttribute('aria-valuemax', '100');
  bar.setAttribute('aria-valuenow', String(Math.round(info.fraction * 100)));
  const next = info.next === null ? t('maxLevel') : t('xpToNext', { n: info.toNext, level: info.level + 1 });
  bar.setAttribute('aria-label', next);
  const fill = document.createElement('span');
  fill.style.width = `${(info.fraction * 100).toFixed(1)}%`;
  bar.append(fill);
  const toNext = document.createElement('span');
  toNext.className = 'level-next';
  toNext.textContent = next;
  container.replaceChildren(line, bar, toNext);
  container.dataset.level = String(info.level);
  container.dataset.xp = String(xp);
}

export function initTheme() {
  const button = document.getElementById('theme-toggle');
  const root = document.documentElement;
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  const isDark = () => root.dataset.theme === 'dark' || (!root.dataset.theme && media?.matches);
  const sync = () => button?.setAttribute('aria-pressed', String(!!isDark()));
  button?.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    try { localStorage.setItem('lesson.theme', next); } catch { /* storage blocked */ }
    sync();
  });
  media?.addEventListener?.('change', sync);
  sync();
}

export function initLanguageToggle() {
  const button = document.getElementById('lang-toggle');
  const sync = () => {
    if (!button) return;
    const other = getLang() === 'ko' ? 'en' : 'ko';
    button.lang = other;
    button.setAttribute('aria-label', t('switchLanguageLabel'));
  };
  button?.addEventListener('click', () => setLang(getLang() === 'ko' ? 'en' : 'ko'));
  onLangChange(sync);
  sync();
}

export const DEFAULT_TIME_BUDGET = 30;

export function readTimeBudget() {
  try {
    const raw = localStorage.getItem('lesson.timeBudget');
    const v = Number(raw);
    return raw !== null && Number.isFinite(v) && v >= 0 ? v : DEFAULT_TIME_BUDGET;
  } catch {
    return DEFAULT_TIME_BUDGET;
  }
}

export function initTimeBudget(onChange) {
  const input = document.getElementById('time-budget');
  if (!input) return;
  input.value = String(readTimeBudget());
  input.addEventListener('change', () => {
    const v = Math.max(0, Math.min(600, Math.round(Number(input.value) || 0)));
    input.value = String(v);
    try { localStorage.setItem('lesson.timeBudget', String(v)); } catch { /* storage blocked */ }
    onChange?.(v);
    announce(t('timeBudgetSaved', { n: v }));
  });
}

export function downloadJson(name, value) {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function announceAchievements(ids) {
  for (const id of ids) {
    if (ACHIEVEMENTS.some((a) => a.id === id)) announce(t('achievementEarned', { name: t(`ach-${id}`) }), { kind: 'achievement', timeout: 8000 });
  }
}

