// Build-time syntax highlighting of a cell's code: the Lezer Python parser
// (the one CodeMirror uses on the page) and the page's own token classes, so
// the pre-rendered code looks exactly like the editor that later replaces it.
import { highlightCode } from '@lezer/highlight';
import { parser } from '@lezer/python';
import { pythonHighlighter } from '../../src/app/code_highlight.js';
import { escapeHtml } from './html.mjs';

// One HTML string per source line (spans never cross a line break).
export function highlightPythonLines(code) {
  const lines = [''];
  highlightCode(code, parser.parse(code), pythonHighlighter,
    (text, classes) => {
      lines[lines.length - 1] += classes ? `<span class="${classes}">${escapeHtml(text)}</span>` : escapeHtml(text);
    },
    () => lines.push(''));
  return lines;
}
