// UI strings in English and Korean. Elements carry data-i18n="key" (text),
// data-i18n-n / data-i18n-m (parameters) and data-i18n-attr="attr:key".
import en from './en.js';
import ko from './ko.js';

export const LANGUAGES = { en, ko };
const STORAGE_KEY = 'lesson.lang';
let current = 'en';
const listeners = new Set();

export function format(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (m, k) => (params[k] !== undefined ? String(params[k]) : m));
}

export function translate(lang, key, params) {
  const dict = LANGUAGES[lang] || en;
  const template = dict[key] ?? en[key] ?? key;
  return format(template, params);
}

export const t = (key, params) => translate(current, key, params);
export const getLang = () => current;

export function initLang() {
  let saved = null;
  try { saved = localStorage.getItem(STORAGE_KEY); } catch { /* storage blocked */ }
  current = saved && LANGUAGES[saved] ? saved : 'en';
  document.documentElement.lang = current;
  return current;
}

export function setLang(lang) {
  if (!LANGUAGES[lang]) return;
  current = lang;
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* storage blocked */ }
  document.documentElement.lang = lang;
  applyTranslations(document);
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn) {
  listeners.add(fn);
}

export function applyTranslations(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n, { n: el.dataset.i18nN, m: el.dataset.i18nM });
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr, t(key, { n: el.dataset.i18nN, m: el.dataset.i18nM }));
    }
  }
}
