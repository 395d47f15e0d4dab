// Progress in IndexedDB, through idb. Object stores:
//   state       key 'progress' -> the progress record (see state.js)
//   edits       key 'lessonId/cellId' -> {code, savedAt}
//   quarantine  auto keys -> {raw, reason, at}: records that could not be read
// Every update is a read-modify-write inside one readwrite transaction, so two
// tabs updating at once serialize instead of overwriting each other.
import { openDB } from 'idb';

export const DB_NAME = 'lesson-progress';
export const DB_VERSION = 1;
const STATE_KEY = 'progress';

export class StorageBlockedError extends Error {
  constructor(message) {
    super(message);
    this.name = 'StorageBlockedError';
  }
}

export class IdbBackend {
  static async open({ indexedDB = globalThis.indexedDB, timeoutMs = 4000, name = DB_NAME } = {}) {
    if (!indexedDB) throw new StorageBlockedError('IndexedDB is not available');
    let timer;
    const opening = openDB(name, DB_VERSION, {
      upgrade(db, oldVersion) {
        // Version steps of the database layout (the record's own schema
        // migrates in state.js).
        if (oldVersion < 1) {
          db.createObjectStore('state');
          db.createObjectStore('edits');
          db.createObjectStore('quarantine', { autoIncrement: true });
        }
      },
      blocking() {
        // A newer version of the site wants to upgrade: let it.
        backend?.db.close();
      },
    });
    let backend;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new StorageBlockedError('opening IndexedDB timed out (blocked)')), timeoutMs);
    });
    try {
      const db = await Promise.race([opening, timeout]);
      backend = new IdbBackend(db);
      return backend;
    } finally {
      clearTimeout(timer);
    }
  }

  constructor(db) {
    this.kind = 'indexeddb';
    this.db = db;
  }

  async read() {
    return this.db.get('state', STATE_KEY);
  }

  async update(fn) {
    const tx = this.db.transaction('state', 'readwrite');
    let next;
    try {
      const current = await tx.store.get(STATE_KEY);
      next = fn(current); // synchronous: the transaction must not go idle
      tx.store.put(next, STATE_KEY);
      await tx.done;
    } catch (error) {
      try { tx.abort(); } catch { /* already finished */ }
      throw error;
    }
    return next;
  }

  async replace(state, edits) {
    const tx = this.db.transaction(['state', 'edits'], 'readwrite');
    tx.objectStore('state').put(state, STATE_KEY);
    const store = tx.objectStore('edits');
    store.clear();
    for (const [key, value] of Object.entries(edits || {})) store.put(value, key);
    await tx.done;
  }

  async clear() {
    const tx = this.db.transaction(['state', 'edits'], 'readwrite');
    tx.objectStore('state').clear();
    tx.objectStore('edits').clear();
    await tx.done;
  }

  async getEdit(key) { return this.db.get('edits', key); }
  async putEdit(key, value) { await this.db.put('edits', value, key); }
  async deleteEdit(key) { await this.db.delete('edits', key); }

  async allEdits() {
    const tx = this.db.transaction('edits');
    const out = {};
    let cursor = await tx.store.openCursor();
    while (cursor) {
      out[cursor.key] = cursor.value;
      cursor = await cursor.continue();
    }
    return out;
  }

  // Keeps a copy of an unreadable record (once: reloads do not pile up copies).
  async quarantine(raw, reason) {
    const same = JSON.stringify(raw);
    const kept = await this.db.getAll('quarantine');
    if (kept.some((entry) => JSON.stringify(entry.raw) === same)) return;
    await this.db.add('quarantine', { raw, reason, at: new Date().toISOString() });
  }

  close() {
    this.db.close();
  }
}
