// ProgressStore: the page's view of the learner's progress over a storage
// backend (IdbBackend or MemoryBackend). It applies events with one atomic
// read-modify-write each, tells other tabs through a BroadcastChannel, and
// reloads when another tab changed something.
import { SCHEMA_VERSION, UnreadableProgressError, applyEvent, emptyState, migrate } from './state.js';

export const EXPORT_FORMAT = 'lesson-runtime-progress';
const MAX_EDIT_LENGTH = 100_000;

export const editKey = (lessonId, cellId) => `${lessonId}/${cellId}`;

export class ProgressStore {
  // problem: null | 'unavailable' | 'corrupt' — why progress is only in memory.
  constructor(backend, { course = [], now = () => new Date(), channel = null, problem = null } = {}) {
    this.backend = backend;
    this.course = course;
    this.now = now;
    this.channel = channel;
    this.problem = problem;
    this.state = emptyState(now());
    this.listeners = new Set();
    this.tabId = Math.random().toString(36).slice(2);
    if (channel) {
      channel.onmessage = ({ data }) => {
        if (data?.type === 'progress-changed' && data.from !== this.tabId) this.refresh({ remote: true });
      };
    }
  }

  get persistent() {
    return this.backend.kind !== 'memory';
  }

  // Reads the stored record. Throws UnreadableProgressError (after keeping a
  // copy of the record in quarantine) when it cannot be read.
  async load() {
    const raw = await this.backend.read();
    try {
      this.state = migrate(raw) || emptyState(this.now());
    } catch (error) {
      if (error instanceof UnreadableProgressError) {
        await this.backend.quarantine(raw, error.message).catch(() => {});
        error.raw = raw;
      }
      throw error;
    }
    return this.state;
  }

  async refresh({ remote = false } = {}) {
    try {
      await this.load();
    } catch {
      return; // keep what we have; the next update reports the problem
    }
    this.emit({ remote });
  }

  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(change) {
    for (const fn of this.listeners) fn(this.state, change);
  }

  broadcast() {
    try {
      this.channel?.postMessage({ type: 'progress-changed', from: this.tabId });
    } catch { /* channel closed */ }
  }

  context() {
    return { now: this.now(), course: this.course };
  }

  // Applies one event (see applyEvent) atomically and returns
  // {state, earned, xpGained}.
  async record(event) {
    let result;
    const ctx = this.context();
    this.state = await this.backend.update((raw) => {
      const current = migrate(raw) || emptyState(ctx.now);
      result = applyEvent(current, event, ctx);
      return result.state;
    });
    this.emit({ event, earned: result.earned, xpGained: result.xpGained });
    this.broadcast();
    return { state: this.state, earned: result.earned, xpGained: result.xpGained };
  }

  async getEdit(lessonId, cellId) {
    const value = await this.backend.getEdit(editKey(lessonId, cellId));
    return value && typeof value.code === 'string' ? value.code : null;
  }

  async saveEdit(lessonId, cellId, code) {
    if (code.length > MAX_EDIT_LENGTH) return;
    await this.backend.putEdit(editKey(lessonId, cellId), { code, savedAt: this.now().toISOString() });
  }

  async clearEdit(lessonId, cellId) {
    await this.backend.deleteEdit(editKey(lessonId, cellId));
  }

  async exportData() {
    return {
      format: EXPORT_FORMAT,
      schema: SCHEMA_VERSION,
      exportedAt: this.now().toISOString(),
      progress: this.state,
      edits: await this.backend.allEdits(),
    };
  }

  // Replaces progress and edits with an exported file's content. Throws
  // UnreadableProgressError on a file that is not an export or cannot migrate.
  async importData(data) {
    if (!data || data.format !== EXPORT_FORMAT) throw new UnreadableProgressError('not a progress export file');
    const state = migrate(data.progress);
    if (!state) throw new UnreadableProgressError('the export holds no progress');
    const edits = {};
    for (const [key, value] of Object.entries(data.edits || {})) {
      if (typeof key === 'string' && key.includes('/') && value && typeof value.code === 'string') edits[key] = { code: value.code, savedAt: String(value.savedAt || '') };
    }
    await this.backend.replace(state, edits);
    this.state = state;
    this.emit({ imported: true });
    this.broadcast();
    return state;
  }

  async reset() {
    await this.backend.clear();
    this.state = emptyState(this.now());
    this.emit({ reset: true });
    this.broadcast();
  }
}
