// The course index: level, achievements, each lesson's progress, and the
// export / import / reset tools.
import { announce, downloadJson, renderLevel } from './ui.js';
import { onLangChange, t } from '../i18n/index.js';
import { ACHIEVEMENTS } from '../progress/achievements.js';
import { lessonProgress } from '../progress/state.js';

export async function startIndexPage({ data, store }) {
  const summary = document.getElementById('level-summary');
  const list = document.getElementById('achievement-list');

  const draw = () => {
    renderLevel(summary, store.state.xp);
    list.replaceChildren(...ACHIEVEMENTS.map(({ id }) => {
      const li = document.createElement('li');
      const when = store.state.achievements[id];
      li.className = `achievement ${when ? 'earned' : 'locked'}`;
      li.dataset.achievement = id;
      const name = document.createElement('strong');
      name.textContent = t(`ach-${id}`);
      const desc = document.createElement('span');
      desc.textContent = ` ${t(`ach-${id}-d`)} `;
      const state = document.createElement('span');
      state.className = 'achievement-state';
      state.textContent = when ? `(${t('earned')})` : `(${t('locked')})`;
      li.append(name, desc, state);
      return li;
    }));
    for (const info of data.course) {
      const card = document.querySelector(`.lesson-card[data-lesson-id="${CSS.escape(info.id)}"]`);
      if (!card) continue;
      const p = lessonProgress(store.state, info);
      const pct = Math.round((p.completed ? 1 : p.fraction) * 100);
      const bar = card.querySelector('.bar');
      bar.setAttribute('aria-valuenow', String(pct));
      bar.querySelector('span').style.width = `${pct}%`;
      card.querySelector('.lesson-progress-text').textContent = p.completed ? `${pct}% · ${t('completed')}` : `${pct}%`;
      card.dataset.completed = String(p.completed);
    }
  };
  store.subscribe(draw);
  onLangChange(draw);
  draw();

  document.getElementById('export-progress').addEventListener('click', async () => {
    const payload = await store.exportData();
    downloadJson(`lesson-progress-${new Date().toISOString().slice(0, 10)}.json`, payload);
  });
  document.getElementById('import-progress').addEventListener('change', async (event) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      await store.importData(JSON.parse(await file.text()));
      announce(t('importDone'));
    } catch (error) {
      announce(t('importFailed', { message: error.message }), { kind: 'warning' });
    } finally {
      event.target.value = '';
    }
  });
  document.getElementById('reset-progress').addEventListener('click', async () => {
    if (!window.confirm(t('resetConfirm'))) return;
    await store.reset();
    announce(t('resetDone'));
  });
}
