// A cell's code editor as the page sees it. It starts as the cell's
// pre-rendered code and becomes a CodeMirror editor (code_editor.js, loaded
// on first use as a separate chunk, so the page script that must run before
// the page is usable stays small).

let codeEditorModule = null;
const loadCodeEditor = () => (codeEditorModule ??= import('./code_editor.js'));

// Plain (unhighlighted) lines in the pre-rendered code's layout.
function showPlain(placeholder, code) {
  const lines = code.split('\n').map((text) => {
    const line = document.createElement('span');
    line.className = 'cell-line';
    line.textContent = text;
    return line;
  });
  (placeholder.querySelector('code') || placeholder).replaceChildren(...lines);
}

// An editor that starts as the cell's pre-rendered code (`placeholder`, the
// <pre> the site build wrote) and becomes a CodeMirror editor on mount():
// called by the page one cell at a time, or at once when the learner focuses
// or clicks the code. Until then it keeps the code, label and error line
// itself, with the same interface as createEditor's result.
export function createLazyEditor({ parent, placeholder, doc, label, onRun, onChange }) {
  let editor = null;
  let mounting = null;
  let code = doc;
  let currentLabel = label;
  let errorLine = 0;
  parent.append(placeholder);
  placeholder.tabIndex = 0;
  placeholder.setAttribute('aria-label', currentLabel);
  // Resolves with the CodeMirror editor once it has replaced the placeholder.
  const mount = () => (mounting ??= loadCodeEditor().then(({ createEditor }) => {
    const hadFocus = document.activeElement === placeholder;
    editor = createEditor({ parent, doc: code, label: currentLabel, onRun, onChange });
    if (errorLine) editor.markErrorLine(errorLine);
    placeholder.replaceWith(editor.view.dom);
    if (hadFocus) editor.focus();
    return editor;
  }));
  placeholder.addEventListener('focus', () => mount().then((e) => e.focus()));
  placeholder.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    mount().then((e) => e.focus());
  });
  return {
    mount,
    get mounted() { return editor !== null; },
    get view() { return editor?.view ?? null; },
    getCode: () => (editor ? editor.getCode() : code),
    setCode(next) {
      if (editor) return editor.setCode(next);
      if (next === code) return undefined;
      code = next;
      errorLine = 0;
      showPlain(placeholder, next);
      onChange(next);
      return undefined;
    },
    markErrorLine(line) {
      if (editor) editor.markErrorLine(line);
      else errorLine = line > 0 ? line : 0;
    },
    setLabel(text) {
      currentLabel = text;
      if (editor) editor.setLabel(text);
      else placeholder.setAttribute('aria-label', text);
    },
    focus: () => mount().then((e) => e.focus()),
  };
}
