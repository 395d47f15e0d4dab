// The page's side of the worker protocol (wasm_bindings/PROTOCOL.md, section
// 2). Runs are queued so cells execute one at a time, in order, in the
// worker's one namespace. Stop: through the SharedArrayBuffer flag when the
// page is cross-origin isolated, else (or if the cell does not stop within a
// second) by terminating the worker and starting a fresh one.

const STOP_GRACE_MS = 1000;

// The worker a lesson page's inline boot script started before this script
// loaded (web/scripts/site/pages.mjs), with the messages it has sent so far.
// Taken once: a restart always makes a fresh worker.
function adoptBootWorker(workerUrl) {
  const boot = globalThis.__runtimeBoot;
  if (!boot) return null;
  delete globalThis.__runtimeBoot;
  if (new URL(boot.url, location.href).href !== new URL(workerUrl, location.href).href) {
    boot.worker.terminate();
    return null;
  }
  boot.worker.onmessage = null;
  boot.worker.onerror = null;
  return boot;
}

export class RuntimeClient extends EventTarget {
  constructor({ workerUrl, timeBudget = 30 }) {
    super();
    this.workerUrl = workerUrl;
    this.timeBudget = timeBudget;
    this.nextId = 1;
    this.queue = [];
    this.current = null;
    this.state = 'loading';
    this.version = '';
    this.worker = null;
  }

  get isolated() {
    return typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
  }

  start() {
    this.state = 'loading';
    this.emit('state');
    const boot = adoptBootWorker(this.workerUrl);
    const worker = boot?.worker || new Worker(this.workerUrl, { type: 'module' });
    this.worker = worker;
    this.startedEarly = !!boot;
    this.interruptView = null;
    let buffer = null;
    if (this.isolated) {
      buffer = new SharedArrayBuffer(4);
      this.interruptView = new Int32Array(buffer);
    }
    this.interruptBuffer = buffer;
    worker.addEventListener('message', ({ data }) => {
      if (worker === this.worker) this.onMessage(data);
    });
    worker.addEventListener('error', (event) => {
      if (worker !== this.worker) return;
      event.preventDefault();
      this.fail(event.message || 'the runtime worker failed to start');
    });
    worker.postMessage({ type: 'init', interruptBuffer: buffer, timeBudget: this.timeBudget });
    for (const data of boot?.queue || []) this.onMessage(data);
  }

  emit(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  fail(message) {
    this.state = 'failed';
    this.failure = message;
    this.emit('state');
    const pending = [this.current, ...this.queue].filter(Boolean);
    this.current = null;
    this.queue = [];
    for (const req of pending) {
      req.onEvent({ type: 'error', ename: 'RuntimeError', evalue: message, traceback: `RuntimeError: ${message}\n`, line: 0 });
      req.resolve({ type: 'done', status: 'error', elapsedMs: 0 });
    }
  }

  onMessage(data) {
    switch (data?.type) {
      case 'ready':
        this.state = 'ready';
        this.everReady = true;
        this.version = data.version || '';
        this.loadMs = data.loadMs;
        // When the worker was ready, in this page's performance.now() time.
        if (Number.isFinite(data.at)) this.workerReadyAt ??= data.at - performance.timeOrigin;
        this.emit('state');
        this.pump();
        break;
      case 'fatal':
        // After a trap the worker's module is in an unknown state: replace
        // the worker (the learner is told the namespace was reset). A
        // runtime that never loaded is reported instead.
        if (this.everReady) this.restart('fatal');
        else this.fail(data.message || 'the runtime could not load');
        break;
      case 'stream':
      case 'figure':
      case 'error':
        if (this.current && data.id === this.current.id) this.current.onEvent(data);
        break;
      case 'done':
        if (this.current && data.id === this.current.id) {
          const req = this.current;
          this.current = null;
          clearTimeout(req.stopTimer);
          this.state = 'ready';
          this.emit('state');
          req.onEvent(data);
          req.resolve(data);
          this.pump();
        }
        break;
      case 'reset-done':
        if (this.current && data.id === this.current.id) {
          const req = this.current;
          this.current = null;
          this.state = 'ready';
          req.resolve(data);
          this.pump();
        }
        break;
      default:
        break;
    }
  }

  // Queues `code` to run as `cellId` ("<cell 3>" in tracebacks). onEvent gets
  // stream, figure, error and done events; the promise resolves with done
  // ({status: 'ok' | 'error' | 'interrupted' | 'timeout' | 'cancelled'}).
  run(cellId, code, onEvent = () => {}) {
    if (this.state === 'failed') {
      const message = `the runtime is not available (${this.failure}); restart it`;
      onEvent({ type: 'error', ename: 'RuntimeError', evalue: message, traceback: `RuntimeError: ${message}\n`, line: 0 });
      const done = { type: 'done', status: 'error', elapsedMs: 0 };
      onEvent(done);
      return Promise.resolve(done);
    }
    return new Promise((resolve) => {
      this.queue.push({ kind: 'run', cellId, code, onEvent, resolve });
      this.pump();
    });
  }

  pump() {
    if (this.current || this.state !== 'ready' || !this.queue.length) return;
    const req = this.queue.shift();
    req.id = this.nextId++;
    this.current = req;
    if (req.kind === 'run') {
      if (this.interruptView) Atomics.store(this.interruptView, 0, 0);
      this.state = 'busy';
      this.emit('state');
      this.worker.postMessage({ type: 'run', id: req.id, cellId: req.cellId, code: req.code });
    } else {
      this.worker.postMessage({ type: 'reset', id: req.id });
    }
  }

  get busy() {
    return this.current !== null;
  }

  // Stops the running cell. Resolves with 'interrupted' (the namespace is
  // kept) or 'restarted' (the worker was replaced: the namespace is gone).
  interrupt() {
    const req = this.current;
    if (!req || req.kind !== 'run') return Promise.resolve('idle');
    if (this.interruptView) {
      Atomics.store(this.interruptView, 0, 1);
      return new Promise((resolve) => {
        const original = req.resolve;
        req.resolve = (done) => { original(done); resolve(done.restarted ? 'restarted' : 'interrupted'); };
        req.stopTimer = setTimeout(() => {
          if (this.current === req) {
            this.restart('stop');
            resolve('restarted');
          }
        }, STOP_GRACE_MS);
      });
    }
    this.restart('stop');
    return Promise.resolve('restarted');
  }

  // Replaces the worker: a fresh namespace. Pending runs end as 'interrupted'
  // (the one running) or 'cancelled' (those queued).
  restart(reason = 'restart') {
    const running = this.current;
    const queued = this.queue;
    this.current = null;
    this.queue = [];
    this.worker?.terminate();
    if (running?.kind === 'run') {
      clearTimeout(running.stopTimer);
      const done = { type: 'done', status: 'interrupted', elapsedMs: 0, restarted: true };
      running.onEvent(done);
      running.resolve(done);
    } else if (running) {
      running.resolve({ type: 'reset-done' });
    }
    for (const req of queued) {
      const done = { type: 'done', status: 'cancelled', elapsedMs: 0 };
      req.onEvent?.(done);
      req.resolve(done);
    }
    this.start();
    this.emit('restarted', { reason });
  }

  // A new budget goes to the worker as a fresh init (same interrupt
  // buffer); it takes effect from the next run.
  setTimeBudget(seconds) {
    this.timeBudget = seconds;
    this.worker?.postMessage({ type: 'init', interruptBuffer: this.interruptBuffer, timeBudget: seconds });
  }
}
