// Which Python tokens get which colour class, shared by the editor
// (CodeMirror) and by the site build, which pre-renders each cell's code with
// the same classes so the page shows highlighted code before any editor is
// mounted. The colours themselves are CSS variables (styles.css), so both
// themes keep AA contrast.
import { tagHighlighter, tags } from '@lezer/highlight';

export const pythonHighlighter = tagHighlighter([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword, tags.operatorKeyword], class: 'hl-keyword' },
  { tag: [tags.string, tags.special(tags.string)], class: 'hl-string' },
  { tag: [tags.number, tags.bool, tags.null], class: 'hl-number' },
  { tag: [tags.comment, tags.lineComment], class: 'hl-comment' },
  { tag: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName))], class: 'hl-function' },
  { tag: [tags.className, tags.definition(tags.className)], class: 'hl-class' },
  { tag: [tags.self, tags.special(tags.variableName)], class: 'hl-keyword' },
]);
