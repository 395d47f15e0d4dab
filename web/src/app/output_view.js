// A cell's output area: stdout/stderr text with whitespace kept, figures as
// SVG, and a styled traceback with the cell's line marked. All runtime text
// goes in through textContent; figure SVG is built with escaped text.
import { figureToSvg } from '../figure_svg.js';

export class OutputView {
  constructor({ container, cellName, t }) {
    this.el = container;
    this.cellName = cellName; // "<cell 3>", as in tracebacks
    this.t = t;
    this.clear();
  }

  clear() {
    this.el.replaceChildren();
    this.el.hidden = true;
    this.stream = null; // the <pre> streams go into, until a figure or error
    this.last = null; // {name, span}
    this.suppress = ''; // the traceback's stderr echo still to skip
    this.figures = 0;
  }

  show() {
    this.el.hidden = false;
  }

  append(name, text) {
    if (!text) return;
    this.show();
    if (!this.stream) {
      this.stream = document.createElement('pre');
      this.stream.className = 'output-text';
      this.el.append(this.stream);
      this.last = null;
    }
    if (this.last?.name === name) {
      this.last.span.textContent += text;
    } else {
      const span = document.createElement('span');
      span.className = `output-${name}`;
      span.textContent = text;
      this.stream.append(span);
      this.last = { name, span };
    }
  }

  onStream({ name, text }) {
    if (name === 'stderr' && this.suppress) {
      // The runtime echoes the traceback on stderr too; the styled block
      // already shows it.
      if (this.suppress.startsWith(text)) {
        this.suppress = this.suppress.slice(text.length);
        return;
      }
      if (text.startsWith(this.suppress)) {
        text = text.slice(this.suppress.length);
        this.suppress = '';
      }
    }
    this.append(name === 'stderr' ? 'stderr' : 'stdout', text);
  }

  // If the echo came first, take it back out of the stderr text.
  removeEcho(traceback) {
    const span = this.last?.name === 'stderr' ? this.last.span : null;
    const body = traceback.trimEnd();
    if (span) {
      const at = span.textContent.lastIndexOf(body);
      if (at >= 0) {
        span.textContent = span.textContent.slice(0, at) + span.textContent.slice(at + body.length).replace(/^\n/, '');
        if (!span.textContent) {
          span.remove();
          this.last = null;
          if (!this.stream.childNodes.length) {
            this.stream.remove();
            this.stream = null;
          }
        }
        return true;
      }
    }
    return false;
  }

  onFigure({ figure }) {
    this.show();
    this.figures++;
    const wrap = document.createElement('figure');
    wrap.className = 'output-figure';
    const svg = new DOMParser().parseFromString(figureToSvg(figure, { idPrefix: `${this.el.id}-f${this.figures}` }), 'image/svg+xml').documentElement;
    wrap.append(document.importNode(svg, true));
    this.el.append(wrap);
    this.stream = null;
  }

  onError({ ename, evalue, traceback, line }) {
    this.show();
    const text = traceback || `${ename}: ${evalue}\n`;
    if (!this.removeEcho(text)) this.suppress = text;
    const pre = document.createElement('pre');
    pre.className = 'traceback';
    pre.setAttribute('role', 'group');
    pre.setAttribute('aria-label', line > 0 ? this.t('errorAtLine', { n: line }) : this.t('statusError'));
    const lines = text.replace(/\n$/, '').split('\n');
    const here = line > 0 ? `File "${this.cellName}", line ${line}` : null;
    lines.forEach((l, i) => {
      const span = document.createElement('span');
      span.textContent = `${l}\n`;
      if (here && l.includes(here)) span.className = 'tb-here';
      if (i === lines.length - 1) span.className = 'tb-message';
      pre.append(span);
    });
    this.el.append(pre);
    this.stream = null;
  }

  note(text, kind = 'note') {
    this.show();
    const p = document.createElement('p');
    p.className = `output-${kind}`;
    p.textContent = text;
    this.el.append(p);
    this.stream = null;
  }

  text() {
    return [...this.el.querySelectorAll('.output-text')].map((p) => p.textContent).join('');
  }
}
