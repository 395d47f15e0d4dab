// Lesson 5's figure (```widget norm-reduction): an N x C x (H·W) activation
// block drawn as one C x (H·W) grid of cells per sample. Pick a layer (and a
// group count for GroupNorm), select a cell: every cell that shares its
// statistic lights up.
//
// The highlighted set is not drawn from a rule: the runtime's real kernels
// compute it (through the worker's normProbe request, which normalizes an
// input with and without a large bump at the selected element and reports the
// elements whose output moved, i.e. those averaged into the same mean and
// variance).
//
// Keyboard: the grid is one tab stop (roving tabindex); arrows move (Left /
// Right cross from one sample to the next), Home / End go to a row's ends,
// Enter or Space (or moving) selects.
export const LAYERS = [
  { kind: 'batch', key: 'widgetNormBatch', name: 'BatchNorm' },
  { kind: 'layer', key: 'widgetNormLayer', name: 'LayerNorm' },
  { kind: 'instance', key: 'widgetNormInstance', name: 'InstanceNorm' },
  { kind: 'group', key: 'widgetNormGroup', name: 'GroupNorm' },
];

let instances = 0;

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

export function mountNormReduction(figure, { t, onLangChange, probe, n = 4, c = 6, h = 3, w = 3 }) {
  const uid = `nr${++instances}`;
  const hw = h * w;
  const shape = [n, c, h, w];
  const total = n * c * hw;
  const groupChoices = [1, 2, 3, 6].filter((g) => c % g === 0);
  const state = { kind: 'batch', groups: groupChoices.includes(3) ? 3 : groupChoices[0], index: 1 * hw + 4, focus: 1 * hw + 4 };
  let requestSeq = 0;

  const description = figure.querySelector('.widget-description');
  if (description) {
    description.classList.add('visually-hidden');
    description.id ||= `${uid}-description`;
  }

  const title = el('div', { class: 'widget-title', id: `${uid}-title` });
  // Controls: the layer (radio group) and GroupNorm's number of groups.
  const layerLegend = el('legend');
  const layerSet = el('fieldset', { class: 'widget-layers' }, [layerLegend]);
  const radios = LAYERS.map((layer) => {
    const input = el('input', { type: 'radio', name: `${uid}-layer`, value: layer.kind, id: `${uid}-${layer.kind}` });
    input.checked = layer.kind === state.kind;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      state.kind = layer.kind;
      groupsSelect.disabled = state.kind !== 'group';
      update();
    });
    const label = el('label', { for: input.id, class: 'widget-choice' }, [input, el('span', { text: layer.name })]);
    layerSet.append(label);
    return input;
  });
  const groupsLabel = el('label', { for: `${uid}-groups` });
  const groupsSelect = el('select', { id: `${uid}-groups` });
  for (const g of groupChoices) {
    const option = el('option', { value: String(g), text: String(g) });
    option.selected = g === state.groups;
    groupsSelect.append(option);
  }
  groupsSelect.disabled = true;
  groupsSelect.addEventListener('change', () => {
    state.groups = Number(groupsSelect.value);
    update();
  });
  const groupsBox = el('div', { class: 'widget-groups' }, [groupsLabel, groupsSelect]);
  const controls = el('div', { class: 'widget-controls' }, [layerSet, groupsBox]);

  // The block: one panel per sample, rows = channels, columns = positions.
  const grid = el('div', { class: 'nr-grid', role: 'group', id: `${uid}-grid`, 'aria-describedby': `${uid}-axes` });
  const cells = [];
  const panelTitles = [];
  // Channel numbers, once, left of the panels (the cells' labels say them too).
  const channelTitle = el('div', { class: 'nr-panel-title', 'aria-hidden': 'true' });
  const channelNumbers = el('div', { class: 'nr-rowlabels', 'aria-hidden': 'true' });
  for (let ch = 0; ch < c; ch++) channelNumbers.append(el('span', { text: String(ch + 1) }));
  grid.append(el('div', { class: 'nr-panel nr-axis' }, [channelTitle, channelNumbers]));
  for (let s = 0; s < n; s++) {
    const panelTitle = el('div', { class: 'nr-panel-title', 'aria-hidden': 'true' });
    panelTitles.push(panelTitle);
    const rows = el('div', { class: 'nr-cells', style: `grid-template-columns: repeat(${hw}, var(--nr-cell))` });
    for (let ch = 0; ch < c; ch++) {
      for (let p = 0; p < hw; p++) {
        const index = (s * c + ch) * hw + p;
        const cell = el('button', { type: 'button', class: 'nr-cell', tabindex: '-1', 'data-index': String(index), 'aria-pressed': 'false' });
        cell.addEventListener('click', () => select(index));
        cell.addEventListener('keydown', (event) => onKey(event, s, ch, p));
        cell.addEventListener('focus', () => { state.focus = index; });
        cells[index] = cell;
        rows.append(cell);
      }
    }
    grid.append(el('div', { class: 'nr-panel' }, [panelTitle, rows]));
  }
  const axes = el('p', { class: 'nr-axes', id: `${uid}-axes` });
  const status = el('p', { class: 'nr-status', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const count = el('p', { class: 'nr-count' });

  figure.setAttribute('aria-labelledby', title.id);
  if (description) figure.setAttribute('aria-describedby', description.id);
  figure.append(title, controls, grid, axes, count, status);
  figure.classList.add('widget-mounted');

  const where = (index) => {
    const p = index % hw;
    const ch = Math.floor(index / hw) % c;
    const s = Math.floor(index / (hw * c));
    return { s, ch, p };
  };

  function onKey(event, s, ch, p) {
    let col = s * hw + p; // column across all panels
    let row = ch;
    const cols = n * hw;
    switch (event.key) {
      case 'ArrowLeft': col = Math.max(0, col - 1); break;
      case 'ArrowRight': col = Math.min(cols - 1, col + 1); break;
      case 'ArrowUp': row = Math.max(0, row - 1); break;
      case 'ArrowDown': row = Math.min(c - 1, row + 1); break;
      case 'Home': col = event.ctrlKey ? 0 : s * hw; if (event.ctrlKey) row = 0; break;
      case 'End': col = event.ctrlKey ? cols - 1 : s * hw + hw - 1; if (event.ctrlKey) row = c - 1; break;
      default: return;
    }
    event.preventDefault();
    const index = (Math.floor(col / hw) * c + row) * hw + (col % hw);
    moveFocus(index);
    select(index);
  }

  function moveFocus(index) {
    cells[state.focus]?.setAttribute('tabindex', '-1');
    state.focus = index;
    cells[index].setAttribute('tabindex', '0');
    cells[index].focus();
  }

  function select(index) {
    state.index = index;
    if (state.focus !== index) {
      cells[state.focus]?.setAttribute('tabindex', '-1');
      state.focus = index;
      cells[index].setAttribute('tabindex', '0');
    }
    update();
  }

  function layerName() {
    const layer = LAYERS.find((l) => l.kind === state.kind);
    return state.kind === 'group' ? t('widgetNormGroupName', { g: state.groups }) : layer.name;
  }

  let last = null; // the last computed result, redrawn on language change
  function draw() {
    const shared = new Set(last ? last.changed : []);
    for (let i = 0; i < total; i++) {
      const cell = cells[i];
      const on = shared.has(i);
      cell.classList.toggle('nr-shared', on);
      cell.classList.toggle('nr-selected', i === state.index);
      cell.setAttribute('aria-pressed', String(i === state.index));
      const { s, ch, p } = where(i);
      const label = t('widgetNormCell', { n: s + 1, c: ch + 1, p: p + 1 });
      cell.setAttribute('aria-label', on && i !== state.index ? `${label}, ${t('widgetNormShared')}` : label);
    }
    figure.dataset.highlighted = last ? String(last.changed.length) : '';
    figure.dataset.kind = state.kind;
    if (last) {
      const { s, ch, p } = where(state.index);
      const k = last.changed.length;
      count.textContent = t('widgetNormCount', { k, stats: Math.round(total / k), layer: layerName() });
      status.textContent = t('widgetNormStatus', { layer: layerName(), n: s + 1, c: ch + 1, p: p + 1, k });
    }
  }

  async function update() {
    const mine = ++requestSeq;
    figure.dataset.state = 'busy';
    figure.setAttribute('aria-busy', 'true');
    try {
      const result = await probe({ kind: state.kind, shape, groups: state.groups, index: state.index, eps: 1e-5 });
      if (mine !== requestSeq) return; // a newer selection is on its way
      last = { changed: Array.from(result.changed), kind: state.kind, groups: state.groups };
      figure.dataset.state = 'ready';
      draw();
    } catch (error) {
      if (mine !== requestSeq) return;
      figure.dataset.state = 'error';
      status.textContent = t('widgetNormError', { message: String(error?.message || error) });
    } finally {
      if (mine === requestSeq) figure.removeAttribute('aria-busy');
    }
  }

  function translate() {
    title.textContent = t('widgetNormTitle', { n, c, hw });
    layerLegend.textContent = t('widgetNormLayerLegend');
    groupsLabel.textContent = t('widgetNormGroups');
    grid.setAttribute('aria-label', t('widgetNormGridLabel', { n, c, hw }));
    axes.textContent = t('widgetNormAxes', { c, hw });
    panelTitles.forEach((p, s) => { p.textContent = t('widgetNormSample', { n: s + 1 }); });
    channelTitle.textContent = 'C';
    if (!last) status.textContent = t('widgetNormLoading');
    draw();
  }

  cells[state.focus].setAttribute('tabindex', '0');
  translate();
  onLangChange?.(translate);
  update();
  return { figure, select, state, update };
}
