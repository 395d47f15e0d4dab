// Reads one lesson file (lessons/NN-slug.md, see lessons/FORMAT.md): front
// matter, then the Markdown body with its code cells, exercises and hidden
// blocks (output, solution, check, hint) split out as data.
import { load as loadYaml } from 'js-yaml';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const REQUIRED = { id: 'string', title: 'string', order: 'number', minutes: 'number', xp: 'number' };

export class LessonFormatError extends Error {
  constructor(file, message) {
    super(`${file}: ${message}`);
    this.name = 'LessonFormatError';
  }
}

export function parseFrontMatter(text, file = 'lesson') {
  const match = text.match(FRONT_MATTER);
  if (!match) throw new LessonFormatError(file, 'missing front matter (--- ... --- at the top)');
  let meta;
  try {
    meta = loadYaml(match[1]);
  } catch (error) {
    throw new LessonFormatError(file, `front matter is not valid YAML: ${error.message}`);
  }
  if (!meta || typeof meta !== 'object') throw new LessonFormatError(file, 'front matter must be a mapping');
  for (const [key, type] of Object.entries(REQUIRED)) {
    if (typeof meta[key] !== type) throw new LessonFormatError(file, `front matter needs ${key} (${type})`);
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(meta.id)) throw new LessonFormatError(file, `id "${meta.id}" must be lower-case letters, digits and dashes`);
  meta.tags = Array.isArray(meta.tags) ? meta.tags.map(String) : [];
  return { meta, body: text.slice(match[0].length) };
}

// "python exercise id=x xp=30" -> { lang: 'python', words: ['exercise'], attrs: {id: 'x', xp: '30'} }
export function parseInfo(info) {
  const [lang = '', ...rest] = info.trim().split(/\s+/);
  const words = [];
  const attrs = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq > 0) attrs[part.slice(0, eq)] = part.slice(eq + 1);
    else if (part) words.push(part);
  }
  return { lang, words, attrs };
}

function stripNewline(text) {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

// Walks markdown-it's block tokens. Runnable cells stay in the stream as
// fence tokens tagged with `meta.cell`; hidden blocks are removed from the
// stream and attached to the cell before them.
export function parseLesson(text, md, file = 'lesson') {
  const { meta, body } = parseFrontMatter(text, file);
  const env = {};
  const tokens = md.parse(body, env);
  const cells = [];
  const kept = [];
  let last = null; // the most recent cell, target of output/solution/check/hint blocks
  for (const token of tokens) {
    if (token.type !== 'fence') {
      kept.push(token);
      continue;
    }
    const { lang, words, attrs } = parseInfo(token.info);
    const code = stripNewline(token.content);
    const where = `line ${token.map ? token.map[0] + 1 : '?'}`;
    if (lang === 'python' && (words.length === 0 || words[0] === 'exercise')) {
      const index = cells.length + 1;
      const cell = {
        id: attrs.id || `cell-${index}`,
        index,
        kind: words[0] === 'exercise' ? 'exercise' : 'code',
        code,
        expected: null,
        tolerance: attrs.tolerance ? Number(attrs.tolerance) : null,
        figures: attrs.figures ? Number(attrs.figures) : 0,
      };
      if (cell.kind === 'exercise') {
        cell.xp = attrs.xp ? Number(attrs.xp) : 0;
        cell.check = null;
        cell.solution = null;
        cell.hints = [];
      }
      if (cells.some((c) => c.id === cell.id)) throw new LessonFormatError(file, `${where}: duplicate cell id "${cell.id}"`);
      cells.push(cell);
      last = cell;
      token.meta = { ...(token.meta || {}), cell };
      kept.push(token);
    } else if (lang === 'output') {
      if (!last) throw new LessonFormatError(file, `${where}: output block with no cell before it`);
      last.expected = token.content;
    } else if (lang === 'python' && (words[0] === 'solution' || words[0] === 'check')) {
      if (!last || last.kind !== 'exercise') throw new LessonFormatError(file, `${where}: ${words[0]} block must follow an exercise`);
      last[words[0]] = code;
    } else if (lang === 'hint') {
      if (!last || last.kind !== 'exercise') throw new LessonFormatError(file, `${where}: hint block must follow an exercise`);
      last.hints.push(md.render(token.content));
    } else if (lang === 'widget') {
      // ```widget NAME: an interactive figure mounted by the page script;
      // the block's text is its description (shown without script).
      const name = words[0] || '';
      if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new LessonFormatError(file, `${where}: widget block needs a name of lower-case letters, digits and dashes`);
      token.meta = { ...(token.meta || {}), widget: { name, description: stripNewline(token.content).trim() } };
      kept.push(token);
    } else {
      kept.push(token); // any other fenced block is shown as code
    }
  }
  for (const cell of cells) {
    if (cell.kind === 'exercise' && !cell.check) throw new LessonFormatError(file, `exercise "${cell.id}" has no check block`);
  }
  const titleToken = kept.findIndex((t) => t.type === 'heading_open' && t.tag === 'h1');
  return { meta, tokens: kept, env, cells, hasH1: titleToken >= 0 };
}
