// Progress kept in memory: the fallback when IndexedDB is unavailable,
// blocked or unreadable, and the backend of the node:test tests. Same
// interface as IdbBackend.
export class MemoryBackend {
  constructor({ state, edits } = {}) {
    this.kind = 'memory';
    this.state = state === undefined ? undefined : structuredClone(state);
    this.edits = new Map(edits ? Object.entries(edits) : []);
    this.quarantined = [];
  }

  async read() {
    return this.state === undefined ? undefined : structuredClone(this.state);
  }

  // Read-modify-write in one step: fn(stored) -> next.
  async update(fn) {
    const next = fn(this.state === undefined ? undefined : structuredClone(this.state));
    this.state = structuredClone(next);
    return structuredClone(next);
  }

  async replace(state, edits) {
    this.state = structuredClone(state);
    this.edits = new Map(Object.entries(edits || {}));
  }

  async clear() {
    this.state = undefined;
    this.edits.clear();
  }

  async getEdit(key) { return this.edits.get(key); }
  async putEdit(key, value) { this.edits.set(key, structuredClone(value)); }
  async deleteEdit(key) { this.edits.delete(key); }
  async allEdits() { return Object.fromEntries(this.edits); }

  async quarantine(raw, reason) {
    this.quarantined.push({ raw, reason, at: new Date().toISOString() });
  }

  close() {}
}
