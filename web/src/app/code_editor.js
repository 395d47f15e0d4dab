// A cell's CodeMirror 6 editor with Python highlighting, Shift+Enter
// to run, and a marked line for the error of the last run. Tab is left to
// the browser, so keyboard users can move on from an editor.
import { Compartment, EditorState, Prec, StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { pythonHighlighter } from './code_highlight.js';

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--code-bg)', color: 'var(--ink)', fontSize: '0.92rem' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--ink)' },
  '.cm-gutters': { backgroundColor: 'var(--code-gutter)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--code-active)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--code-active)' },
  '&.cm-focused': { outline: 'none' },
  '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--ink)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--code-selection) !important' },
  // Same font, line height and gutter as the pre-rendered code (.cell-source).
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.4' },
  '.cm-error-line': { backgroundColor: 'var(--error-bg)', boxShadow: 'inset 3px 0 0 var(--error)' },
});

const setErrorLine = StateEffect.define();
const errorLineField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const effect of tr.effects) {
      if (effect.is(setErrorLine)) {
        if (!effect.value) return Decoration.none;
        const line = tr.state.doc.line(Math.min(effect.value, tr.state.doc.lines));
        return Decoration.set([Decoration.line({ class: 'cm-error-line', attributes: { 'data-error-line': String(effect.value) } }).range(line.from)]);
      }
    }
    return tr.docChanged ? Decoration.none : deco.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

export function createEditor({ parent, doc, label, onRun, onChange }) {
  const labelled = new Compartment();
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Shift-Enter', run: () => { onRun(); return true; } }])),
        // What a cell needs from CodeMirror's basicSetup, without the
        // autocompletion, search and lint panels.
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorState.tabSize.of(4),
        python(),
        syntaxHighlighting(pythonHighlighter),
        theme,
        errorLineField,
        labelled.of(EditorView.contentAttributes.of({ 'aria-label': label })),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    getCode: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    markErrorLine(line) {
      view.dispatch({ effects: setErrorLine.of(line > 0 ? line : 0) });
    },
    setLabel(text) {
      view.dispatch({ effects: labelled.reconfigure(EditorView.contentAttributes.of({ 'aria-label': text })) });
    },
    focus: () => view.focus(),
  };
}
