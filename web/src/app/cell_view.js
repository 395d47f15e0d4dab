// One runnable cell on a lesson page: editor, toolbar (Run, Stop, Reset,
// Copy), running indicator and output; for exercises, the hidden check,
// pass/fail message and hints.
import { createLazyEditor } from './editor.js';
import { OutputView } from './output_view.js';

function button(text, className, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

export class CellView {
  constructor({ section, cell, lessonId, client, store, t, announce, onProgress }) {
    this.section = section;
    this.cell = cell;
    this.lessonId = lessonId;
    this.client = client;
    this.store = store;
    this.t = t;
    this.announce = announce;
    this.onProgress = onProgress;
    this.cellName = `<cell ${cell.index}>`;
    this.running = false;
    this.hintsShown = 0;
    this.saveTimer = null;
    this.build();
  }

  build() {
    const { section, cell } = this;
    const head = section.querySelector('.cell-head');
    const toolbar = document.createElement('div');
    toolbar.className = 'cell-toolbar';
    this.runButton = button('', 'run-button', () => this.run());
    this.stopButton = button('', 'stop-button', () => this.stop());
    this.stopButton.hidden = true;
    this.resetButton = button('', 'reset-button', () => this.resetCode());
    this.copyButton = button('', 'copy-button', () => this.copy());
    this.status = document.createElement('span');
    this.status.className = 'cell-status';
    this.status.setAttribute('role', 'status');
    this.editedMark = document.createElement('span');
    this.editedMark.className = 'cell-edited';
    this.editedMark.hidden = true;
    toolbar.append(this.runButton, this.stopButton, this.resetButton, this.copyButton, this.editedMark, this.status);
    head.append(toolbar);

    const editorHost = document.createElement('div');
    editorHost.className = 'cell-editor';
    const source = section.querySelector('.cell-source');
    source.replaceWith(editorHost);
    this.editor = createLazyEditor({
      parent: editorHost,
      placeholder: source,
      doc: cell.code,
      label: '',
      onRun: () => this.run(),
      onChange: (code) => this.changed(code),
    });

    const output = document.createElement('div');
    output.className = 'cell-output';
    output.id = `output-${cell.id}`;
    section.append(output);
    this.output = new OutputView({ container: output, cellName: this.cellName, t: this.t });

    if (cell.kind === 'exercise') {
      this.result = document.createElement('p');
      this.result.className = 'exercise-result';
      this.result.setAttribute('role', 'status');
      this.hintList = document.createElement('div');
      this.hintList.className = 'hints';
      this.hintButton = button('', 'hint-button', () => this.showHint());
      this.hintButton.hidden = !cell.hints.length;
      section.append(this.result, this.hintList, this.hintButton);
    }
    this.translate();
  }

  translate() {
    const { t, cell } = this;
    const n = cell.index;
    this.runButton.textContent = t('run');
    this.runButton.setAttribute('aria-label', t('runLabel', { n }));
    this.runButton.title = t('runLabel', { n });
    this.stopButton.textContent = t('stop');
    this.resetButton.textContent = t('resetCell');
    this.resetButton.setAttribute('aria-label', t('resetCellLabel', { n }));
    this.copyButton.textContent = t('copy');
    this.copyButton.setAttribute('aria-label', t('copyLabel', { n }));
    this.editedMark.textContent = t('edited');
    this.editor.setLabel(t('codeOf', { n }));
    this.output.el.setAttribute('aria-label', t('outputOf', { n }));
    this.output.el.setAttribute('role', 'group');
    if (this.hintButton) this.updateHintButton();
  }

  async restoreEdit() {
    const saved = await this.store.getEdit(this.lessonId, this.cell.id).catch(() => null);
    if (saved !== null && saved !== this.cell.code) {
      this.restoring = true;
      this.editor.setCode(saved);
      this.restoring = false;
      this.editedMark.hidden = false;
    }
  }

  changed(code) {
    this.editor.markErrorLine(0);
    this.editedMark.hidden = code === this.cell.code;
    if (this.restoring) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), 300);
  }

  async saveNow() {
    clearTimeout(this.saveTimer);
    const code = this.editor.getCode();
    try {
      if (code === this.cell.code) await this.store.clearEdit(this.lessonId, this.cell.id);
      else await this.store.saveEdit(this.lessonId, this.cell.id, code);
    } catch { /* memory-only store or storage gone: the notice says so */ }
  }

  resetCode() {
    this.editor.setCode(this.cell.code);
    this.saveNow();
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.editor.getCode());
      this.announce(this.t('copied'));
    } catch {
      this.announce(this.t('copyFailed'));
    }
  }

  setRunning(running) {
    this.running = running;
    this.section.dataset.state = running ? 'running' : (this.section.dataset.state === 'running' ? '' : this.section.dataset.state || '');
    const hadFocus = document.activeElement === (running ? this.runButton : this.stopButton);
    this.runButton.hidden = running;
    this.stopButton.hidden = !running;
    if (hadFocus) (running ? this.stopButton : this.runButton).focus();
    clearInterval(this.ticker);
    // The ticking clock is not read out; the final status is.
    this.status.setAttribute('aria-live', running ? 'off' : 'polite');
    if (running) {
      const started = performance.now();
      const tick = () => {
        this.status.textContent = this.t('running', { s: ((performance.now() - started) / 1000).toFixed(1) });
      };
      tick();
      this.ticker = setInterval(tick, 100);
    }
  }

  stop() {
    this.stopping = true;
    return this.client.interrupt();
  }

  finish(done) {
    this.setRunning(false);
    const key = { ok: null, error: 'statusError', interrupted: 'statusInterrupted', timeout: 'statusTimeout', cancelled: 'statusCancelled' }[done.status];
    this.status.textContent = key ? this.t(key) : this.t('doneIn', { ms: Math.round(done.elapsedMs || 0) });
    this.section.dataset.state = done.status;
    if (done.restarted) this.output.note(this.t('stopRestarted'), 'warning');
  }

  // Runs the cell (and for an exercise, its check). Resolves with the status.
  async run() {
    if (this.running) return 'busy';
    this.saveNow();
    this.stopping = false;
    this.output.clear();
    this.editor.markErrorLine(0);
    if (this.result) {
      this.result.textContent = '';
      this.result.className = 'exercise-result';
    }
    this.setRunning(true);
    this.section.dataset.state = 'running';
    const done = await this.client.run(this.cellName, this.editor.getCode(), (event) => {
      if (event.type === 'stream') this.output.onStream(event);
      else if (event.type === 'figure') this.output.onFigure(event);
      else if (event.type === 'error') {
        this.output.onError(event);
        if (event.line > 0) this.editor.markErrorLine(event.line);
      }
    });
    this.finish(done);
    if (done.status === 'ok' || done.status === 'error') {
      await this.onProgress({ type: 'run', lessonId: this.lessonId, cellId: this.cell.id, status: done.status });
    }
    let state = done.status;
    if (this.cell.kind === 'exercise') {
      if (done.status === 'ok') state = await this.runCheck();
      else if (done.status === 'error') {
        this.result.textContent = this.t('failedCode');
        this.result.className = 'exercise-result fail';
      }
    }
    this.section.dataset.state = state;
    return state;
  }

  async runCheck() {
    const before = this.status.textContent;
    this.status.textContent = this.t('checking');
    let failure = null;
    const done = await this.client.run(this.cellName, this.cell.check, (event) => {
      if (event.type === 'error') failure = event;
      // The check's own prints stay hidden: it is not the learner's code.
    });
    this.status.textContent = before;
    if (done.status !== 'ok' && done.status !== 'error') return done.status;
    const passed = done.status === 'ok';
    if (passed) {
      const { xpGained } = await this.onProgress({ type: 'exercise', lessonId: this.lessonId, cellId: this.cell.id, passed: true, xp: this.cell.xp });
      this.result.textContent = xpGained > 0 ? this.t('passed', { xp: this.cell.xp }) : this.t('passedAgain');
      this.result.className = 'exercise-result pass';
      return 'passed';
    }
    const message = failure && failure.ename === 'AssertionError' ? failure.evalue : failure ? `${failure.ename}: ${failure.evalue}` : '';
    this.result.textContent = message ? this.t('failed', { message }) : this.t('failedNoMessage');
    this.result.className = 'exercise-result fail';
    return 'failed';
  }

  updateHintButton() {
    const total = this.cell.hints.length;
    if (this.hintsShown >= total) {
      this.hintButton.textContent = this.t('noMoreHints');
      this.hintButton.disabled = true;
    } else {
      this.hintButton.textContent = this.t('showHint', { n: this.hintsShown + 1, m: total });
    }
  }

  showHint() {
    const html = this.cell.hints[this.hintsShown];
    if (html === undefined) return;
    this.hintsShown++;
    const box = document.createElement('div');
    box.className = 'hint';
    box.tabIndex = -1;
    const title = document.createElement('p');
    title.className = 'hint-title';
    title.textContent = this.t('hint', { n: this.hintsShown });
    const body = document.createElement('div');
    body.innerHTML = html; // Markdown rendered by the site build, not learner input
    box.append(title, body);
    this.hintList.append(box);
    this.updateHintButton();
    if (this.hintButton.disabled) box.focus();
    this.onProgress({ type: 'hint', lessonId: this.lessonId, cellId: this.cell.id });
  }
}
