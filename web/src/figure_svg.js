// Draws one matplotlib figure, as the runtime records it (see
// wasm_bindings/PROTOCOL.md, section 3), as an SVG string. Pure: no DOM, so
// node:test checks it directly. Every text from the figure is escaped.

const PX_PER_INCH = 100;
const DEFAULT_CYCLE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"';
const INK = '#222';

// Viridis sampled at 9 points; values between are interpolated.
const CMAPS = {
  viridis: ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'],
  gray: ['#000000', '#ffffff'],
  grey: ['#000000', '#ffffff'],
};

export function escapeXml(value) {
  return String(value).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch]));
}

const isNum = (v) => typeof v === 'number' && Number.isFinite(v);
const fmt = (v) => (Math.round(v * 100) / 100).toString();

function hexToRgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function colormap(name, t) {
  const stops = CMAPS[name] || CMAPS.viridis;
  if (!isNum(t)) return 'none';
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = hexToRgb(stops[i]);
  const b = hexToRgb(stops[i + 1]);
  const c = a.map((v, k) => Math.round(v + (b[k] - v) * f));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

// Round tick positions (1, 2, 2.5, 5 x 10^k) covering [lo, hi].
export function niceTicks(lo, hi, target = 5) {
  if (!isNum(lo) || !isNum(hi)) return [];
  if (lo > hi) [lo, hi] = [hi, lo];
  if (lo === hi) return [lo];
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) || 10 * mag;
  const ticks = [];
  const start = Math.ceil(lo / step - 1e-9);
  for (let k = start; k * step <= hi + step * 1e-9; k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

export function formatTick(v, ticks) {
  if (v === 0) return '0';
  const abs = Math.max(...ticks.map(Math.abs));
  if (abs >= 1e5 || abs < 1e-3) return v.toExponential(1).replace('e+', 'e');
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : Math.abs(v);
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step) + 1e-9)));
  const frac = (step * 10 ** decimals) % 1; // 0.2 - 0.4 is 0.19999999999999996
  const more = frac > 1e-6 && frac < 1 - 1e-6;
  return v.toFixed(more ? decimals + 1 : decimals).replace('-', '\u2212');
}

function seriesColor(s, i) {
  return typeof s.color === 'string' && /^#[0-9a-fA-F]{3,8}$|^[a-z]+$/.test(s.color) ? s.color : DEFAULT_CYCLE[i % DEFAULT_CYCLE.length];
}

function extend(range, v) {
  if (!isNum(v)) return;
  range[0] = Math.min(range[0], v);
  range[1] = Math.max(range[1], v);
}

// Data limits of one axes: {x: [lo, hi], y: [lo, hi], categories, image}.
function dataLimits(axes) {
  const x = [Infinity, -Infinity];
  const y = [Infinity, -Infinity];
  let categories = null;
  let image = null;
  let sticky0 = false; // bars and histograms start at 0 with no margin below
  for (const s of axes.series || []) {
    if (s.kind === 'line' || s.kind === 'scatter') {
      (s.x || []).forEach((v) => extend(x, v));
      (s.y || []).forEach((v) => extend(y, v));
    } else if (s.kind === 'bar') {
      const w = isNum(s.width) ? s.width : 0.8;
      const xs = s.x || [];
      if (xs.some((v) => typeof v === 'string')) {
        categories ||= [];
        xs.forEach((v) => { if (!categories.includes(String(v))) categories.push(String(v)); });
      }
      xs.forEach((v) => {
        const pos = typeof v === 'string' ? categories.indexOf(v) : v;
        extend(x, pos - w / 2);
        extend(x, pos + w / 2);
      });
      (s.height || []).forEach((v) => extend(y, v));
      extend(y, 0);
      sticky0 = true;
    } else if (s.kind === 'hist') {
      (s.edges || []).forEach((v) => extend(x, v));
      (s.counts || []).forEach((v) => extend(y, v));
      extend(y, 0);
      sticky0 = true;
    } else if (s.kind === 'image') {
      image = s;
    }
  }
  if (image) return { x: [-0.5, image.cols - 0.5], y: [image.rows - 0.5, -0.5], categories, image };
  const pad = (r, sticky) => {
    if (!isNum(r[0])) return [0, 1];
    if (r[0] === r[1]) return [r[0] - 0.5, r[1] + 0.5];
    const m = (r[1] - r[0]) * 0.05;
    return [sticky && r[0] === 0 ? 0 : r[0] - m, r[1] + m];
  };
  return { x: pad(x, false), y: pad(y, sticky0), categories, image: null };
}

function dashArray(style) {
  return { '--': '6 4', ':': '1.5 3', '-.': '6 3 1.5 3' }[style] || null;
}

function marker(kind, cx, cy, r, color) {
  if (kind === 's') return `<rect x="${fmt(cx - r)}" y="${fmt(cy - r)}" width="${fmt(2 * r)}" height="${fmt(2 * r)}" fill="${color}"/>`;
  if (kind === '^') return `<path d="M${fmt(cx)} ${fmt(cy - r)}L${fmt(cx + r)} ${fmt(cy + r)}L${fmt(cx - r)} ${fmt(cy + r)}Z" fill="${color}"/>`;
  if (kind === 'x' || kind === '+') {
    const d = kind === 'x' ? `M${fmt(cx - r)} ${fmt(cy - r)}L${fmt(cx + r)} ${fmt(cy + r)}M${fmt(cx - r)} ${fmt(cy + r)}L${fmt(cx + r)} ${fmt(cy - r)}`
      : `M${fmt(cx - r)} ${fmt(cy)}L${fmt(cx + r)} ${fmt(cy)}M${fmt(cx)} ${fmt(cy - r)}L${fmt(cx)} ${fmt(cy + r)}`;
    return `<path d="${d}" stroke="${color}" stroke-width="1.5" fill="none"/>`;
  }
  return `<circle cx="${fmt(cx)}" cy="${fmt(cy)}" r="${fmt(kind === '.' ? r / 2 : r)}" fill="${color}"/>`;
}

function text(x, y, content, { size = 10, anchor = 'middle', baseline = 'auto', rotate = 0, weight = 'normal', cls = '' } = {}) {
  const transform = rotate ? ` transform="rotate(${rotate} ${fmt(x)} ${fmt(y)})"` : '';
  return `<text x="${fmt(x)}" y="${fmt(y)}" font-size="${size}" text-anchor="${anchor}" dominant-baseline="${baseline}" fill="${INK}"${weight !== 'normal' ? ` font-weight="${weight}"` : ''}${cls ? ` class="${cls}"` : ''}${transform}>${escapeXml(content)}</text>`;
}

function drawSeries(s, i, sx, sy, limits, out) {
  const color = seriesColor(s, i);
  if (s.kind === 'line') {
    const runs = [[]];
    const n = Math.min(s.x?.length || 0, s.y?.length || 0);
    for (let k = 0; k < n; k++) {
      if (isNum(s.x[k]) && isNum(s.y[k])) runs[runs.length - 1].push([sx(s.x[k]), sy(s.y[k])]);
      else if (runs[runs.length - 1].length) runs.push([]);
    }
    const noLine = s.linestyle === '' || s.linestyle === 'None' || s.linestyle === 'none';
    const dash = dashArray(s.linestyle);
    const width = isNum(s.linewidth) ? s.linewidth * 1.4 : 2;
    for (const run of runs) {
      if (!noLine && run.length > 1) {
        out.push(`<polyline class="series-line" points="${run.map(([a, b]) => `${fmt(a)},${fmt(b)}`).join(' ')}" fill="none" stroke="${color}" stroke-width="${fmt(width)}" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
      }
      if (s.marker) for (const [a, b] of run) out.push(marker(s.marker, a, b, 3.5, color));
    }
  } else if (s.kind === 'scatter') {
    const r = Math.max(1, Math.sqrt(isNum(s.size) ? s.size : 36) / 2 * 1.4);
    const n = Math.min(s.x?.length || 0, s.y?.length || 0);
    for (let k = 0; k < n; k++) {
      if (isNum(s.x[k]) && isNum(s.y[k])) out.push(`<circle class="series-point" cx="${fmt(sx(s.x[k]))}" cy="${fmt(sy(s.y[k]))}" r="${fmt(r)}" fill="${color}"/>`);
    }
  } else if (s.kind === 'bar') {
    const w = isNum(s.width) ? s.width : 0.8;
    (s.x || []).forEach((xv, k) => {
      const h = s.height?.[k];
      const pos = typeof xv === 'string' ? limits.categories.indexOf(xv) : xv;
      if (!isNum(pos) || !isNum(h)) return;
      const x0 = sx(pos - w / 2);
      const x1 = sx(pos + w / 2);
      const y0 = sy(Math.max(0, h));
      const y1 = sy(Math.min(0, h));
      out.push(`<rect class="series-bar" x="${fmt(x0)}" y="${fmt(y0)}" width="${fmt(Math.max(0, x1 - x0))}" height="${fmt(Math.max(0, y1 - y0))}" fill="${color}"/>`);
    });
  } else if (s.kind === 'hist') {
    (s.counts || []).forEach((c, k) => {
      const a = s.edges?.[k];
      const b = s.edges?.[k + 1];
      if (!isNum(a) || !isNum(b) || !isNum(c)) return;
      const x0 = sx(a);
      const y0 = sy(c);
      out.push(`<rect class="series-hist" x="${fmt(x0)}" y="${fmt(y0)}" width="${fmt(Math.max(0, sx(b) - x0))}" height="${fmt(Math.max(0, sy(0) - y0))}" fill="${color}" stroke="${color}" stroke-width="0.5"/>`);
    });
  }
}

function drawImage(s, box, out) {
  const { rows, cols, data = [] } = s;
  const vmin = isNum(s.vmin) ? s.vmin : Math.min(...data.filter(isNum));
  const vmax = isNum(s.vmax) ? s.vmax : Math.max(...data.filter(isNum));
  const span = vmax - vmin || 1;
  const cw = box.w / cols;
  const ch = box.h / rows;
  const cells = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = data[r * cols + c];
      cells.push(`<rect x="${fmt(box.x + c * cw)}" y="${fmt(box.y + r * ch)}" width="${fmt(cw + 0.3)}" height="${fmt(ch + 0.3)}" fill="${colormap(s.cmap, isNum(v) ? (v - vmin) / span : NaN)}"/>`);
    }
  }
  out.push(`<g class="series-image" shape-rendering="crispEdges">${cells.join('')}</g>`);
  return { vmin, vmax };
}

function drawColorbar(s, range, box, id, out) {
  const x = box.x + box.w + 16;
  const w = 14;
  const stops = CMAPS[s.cmap] || CMAPS.viridis;
  out.push(`<defs><linearGradient id="${id}-cbar" x1="0" y1="1" x2="0" y2="0">${stops.map((c, i) => `<stop offset="${fmt(i / (stops.length - 1))}" stop-color="${c}"/>`).join('')}</linearGradient></defs>`);
  out.push(`<rect class="colorbar" x="${fmt(x)}" y="${fmt(box.y)}" width="${w}" height="${fmt(box.h)}" fill="url(#${id}-cbar)" stroke="${INK}" stroke-width="0.8"/>`);
  const ticks = niceTicks(range.vmin, range.vmax, 5).filter((t) => t >= range.vmin - 1e-9 && t <= range.vmax + 1e-9);
  const span = range.vmax - range.vmin || 1;
  for (const t of ticks) {
    const y = box.y + box.h - (t - range.vmin) / span * box.h;
    out.push(`<line x1="${fmt(x + w)}" y1="${fmt(y)}" x2="${fmt(x + w + 4)}" y2="${fmt(y)}" stroke="${INK}"/>`);
    out.push(text(x + w + 6, y, formatTick(t, ticks), { anchor: 'start', baseline: 'middle' }));
  }
}

function drawLegend(axes, box, out) {
  const entries = (axes.series || []).map((s, i) => ({ s, i })).filter(({ s }) => s.label && !String(s.label).startsWith('_') && s.kind !== 'image');
  if (!entries.length) return;
  const lineH = 17;
  const width = Math.min(box.w - 10, 40 + Math.max(...entries.map(({ s }) => String(s.label).length)) * 6.4);
  const x = box.x + box.w - width - 8;
  const y = box.y + 8;
  const items = [`<rect x="${fmt(x)}" y="${fmt(y)}" width="${fmt(width)}" height="${entries.length * lineH + 8}" rx="3" fill="#fff" fill-opacity="0.85" stroke="#ccc"/>`];
  entries.forEach(({ s, i }, k) => {
    const color = seriesColor(s, i);
    const cy = y + 4 + lineH * k + lineH / 2;
    if (s.kind === 'line') {
      const dash = dashArray(s.linestyle);
      items.push(`<line x1="${fmt(x + 6)}" y1="${fmt(cy)}" x2="${fmt(x + 28)}" y2="${fmt(cy)}" stroke="${color}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    } else if (s.kind === 'scatter') {
      items.push(`<circle cx="${fmt(x + 17)}" cy="${fmt(cy)}" r="4" fill="${color}"/>`);
    } else {
      items.push(`<rect x="${fmt(x + 9)}" y="${fmt(cy - 5)}" width="16" height="10" fill="${color}"/>`);
    }
    items.push(text(x + 34, cy, s.label, { anchor: 'start', baseline: 'middle' }));
  });
  out.push(`<g class="legend">${items.join('')}</g>`);
}

function drawAxes(axes, cell, id, out) {
  const limits = dataLimits(axes);
  const hasColorbar = limits.image && limits.image.colorbar;
  const margin = { left: 58, right: hasColorbar ? 78 : 18, top: axes.title ? 30 : 14, bottom: axes.xlabel ? 48 : 30 };
  if (!axes.ylabel) margin.left -= 14;
  let box = { x: cell.x + margin.left, y: cell.y + margin.top, w: cell.w - margin.left - margin.right, h: cell.h - margin.top - margin.bottom };
  box.w = Math.max(10, box.w);
  box.h = Math.max(10, box.h);
  const xr = Array.isArray(axes.xlim) && axes.xlim.every(isNum) ? axes.xlim : limits.x;
  const yr = Array.isArray(axes.ylim) && axes.ylim.every(isNum) ? axes.ylim : limits.y;
  if (limits.image) {
    // imshow keeps square pixels: shrink the box to the image's aspect.
    const { rows, cols } = limits.image;
    const s = Math.min(box.w / cols, box.h / rows);
    const w = cols * s;
    const h = rows * s;
    box = { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
  }
  const sx = (v) => box.x + (v - xr[0]) / (xr[1] - xr[0] || 1) * box.w;
  const sy = (v) => box.y + box.h - (v - yr[0]) / (yr[1] - yr[0] || 1) * box.h;

  const clipId = `${id}-clip`;
  out.push(`<g class="axes" data-row="${axes.row || 0}" data-col="${axes.col || 0}">`);
  out.push(`<defs><clipPath id="${clipId}"><rect x="${fmt(box.x)}" y="${fmt(box.y)}" width="${fmt(box.w)}" height="${fmt(box.h)}"/></clipPath></defs>`);

  // Ticks (categorical bars get one tick per category).
  const xticks = limits.categories ? limits.categories.map((_, k) => k) : niceTicks(Math.min(...xr), Math.max(...xr));
  const yticks = niceTicks(Math.min(...yr), Math.max(...yr));
  const inX = (t) => t >= Math.min(...xr) - 1e-9 && t <= Math.max(...xr) + 1e-9;
  const inY = (t) => t >= Math.min(...yr) - 1e-9 && t <= Math.max(...yr) + 1e-9;
  if (axes.grid) {
    for (const t of xticks.filter(inX)) out.push(`<line class="grid" x1="${fmt(sx(t))}" y1="${fmt(box.y)}" x2="${fmt(sx(t))}" y2="${fmt(box.y + box.h)}" stroke="#ddd"/>`);
    for (const t of yticks.filter(inY)) out.push(`<line class="grid" x1="${fmt(box.x)}" y1="${fmt(sy(t))}" x2="${fmt(box.x + box.w)}" y2="${fmt(sy(t))}" stroke="#ddd"/>`);
  }
  const series = [];
  let imageRange = null;
  (axes.series || []).forEach((s, i) => {
    if (s.kind === 'image') imageRange = drawImage(s, box, series);
    else drawSeries(s, i, sx, sy, limits, series);
  });
  out.push(`<g clip-path="url(#${clipId})">${series.join('')}</g>`);
  out.push(`<rect class="frame" x="${fmt(box.x)}" y="${fmt(box.y)}" width="${fmt(box.w)}" height="${fmt(box.h)}" fill="none" stroke="${INK}" stroke-width="0.8"/>`);
  for (const t of xticks.filter(inX)) {
    const x = sx(t);
    out.push(`<line x1="${fmt(x)}" y1="${fmt(box.y + box.h)}" x2="${fmt(x)}" y2="${fmt(box.y + box.h + 4)}" stroke="${INK}"/>`);
    out.push(text(x, box.y + box.h + 15, limits.categories ? limits.categories[t] : formatTick(t, xticks), { cls: 'xtick' }));
  }
  for (const t of yticks.filter(inY)) {
    const y = sy(t);
    out.push(`<line x1="${fmt(box.x - 4)}" y1="${fmt(y)}" x2="${fmt(box.x)}" y2="${fmt(y)}" stroke="${INK}"/>`);
    out.push(text(box.x - 6, y, formatTick(t, yticks), { anchor: 'end', baseline: 'middle', cls: 'ytick' }));
  }
  if (axes.title) out.push(text(box.x + box.w / 2, box.y - 9, axes.title, { size: 13, cls: 'axes-title' }));
  if (axes.xlabel) out.push(text(box.x + box.w / 2, box.y + box.h + 36, axes.xlabel, { size: 11, cls: 'xlabel' }));
  if (axes.ylabel) out.push(text(cell.x + 14, box.y + box.h / 2, axes.ylabel, { size: 11, rotate: -90, cls: 'ylabel' }));
  if (imageRange && limits.image.colorbar) drawColorbar(limits.image, imageRange, box, id, out);
  if (axes.legend) drawLegend(axes, box, out);
  out.push('</g>');
}

let figureCounter = 0;

// figure: see PROTOCOL.md section 3. Options: idPrefix (unique ids when
// several figures share a page).
export function figureToSvg(figure, { idPrefix } = {}) {
  const prefix = idPrefix || `fig${++figureCounter}`;
  const W = Math.round((isNum(figure.width) ? figure.width : 6.4) * PX_PER_INCH);
  const H = Math.round((isNum(figure.height) ? figure.height : 4.8) * PX_PER_INCH);
  const top = figure.suptitle ? 30 : 0;
  const axesList = figure.axes || [];
  const titles = axesList.map((a) => a.title).filter(Boolean);
  const label = figure.suptitle || titles.join(', ') || `Figure ${figure.id ?? ''}`.trim();
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" class="figure" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(label)}">`];
  out.push(`<title>${escapeXml(label)}</title>`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<g ${FONT}>`);
  if (figure.suptitle) out.push(text(W / 2, 20, figure.suptitle, { size: 15, cls: 'suptitle' }));
  axesList.forEach((axes, k) => {
    const nrows = Math.max(1, axes.nrows || 1);
    const ncols = Math.max(1, axes.ncols || 1);
    const cw = W / ncols;
    const ch = (H - top) / nrows;
    const cell = { x: (axes.col || 0) * cw, y: top + (axes.row || 0) * ch, w: cw, h: ch };
    drawAxes(axes, cell, `${prefix}-ax${k}`, out);
  });
  out.push('</g></svg>');
  return out.join('');
}
