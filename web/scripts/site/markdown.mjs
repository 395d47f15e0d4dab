// The Markdown renderer of the site: markdown-it (CommonMark plus tables)
// with math rendered at build time by KaTeX, so pages ship no math script.
import MarkdownIt from 'markdown-it';
import markdownItKatex from '@vscode/markdown-it-katex';

export function createMarkdown() {
  // Lesson authors write Markdown, not HTML: raw HTML is escaped.
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  (markdownItKatex.default || markdownItKatex)(md, { throwOnError: false, output: 'htmlAndMathml' });
  return md;
}
