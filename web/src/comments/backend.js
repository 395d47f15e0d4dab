// The comment section talks to a CommentBackend:
//
//   list(lessonId)              -> Promise<Comment[]>, oldest first
//   add(lessonId, {name, text}) -> Promise<Comment>
//   remove(lessonId, commentId) -> Promise<void>   (only the learner's own)
//
//   Comment = {id, name, text, createdAt (ISO string), own (bool)}
//
// LocalCommentBackend keeps comments in this browser (localStorage). A real
// service implements the same three methods (see web/README.md).

export const LIMITS = { name: 60, text: 2000 };

export class CommentValidationError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'CommentValidationError';
    this.code = code;
  }
}

// Trims and checks a new comment; returns the clean {name, text}.
export function validateComment({ name, text }) {
  const clean = {
    name: String(name ?? '').replace(/\s+/g, ' ').trim(),
    text: String(text ?? '').replace(/\r\n?/g, '\n').trim(),
  };
  if (!clean.name) throw new CommentValidationError('nameRequired', 'a name is required');
  if (!clean.text) throw new CommentValidationError('textRequired', 'a comment is required');
  if ([...clean.name].length > LIMITS.name) throw new CommentValidationError('nameTooLong', `the name is longer than ${LIMITS.name} characters`);
  if ([...clean.text].length > LIMITS.text) throw new CommentValidationError('textTooLong', `the comment is longer than ${LIMITS.text} characters`);
  return clean;
}

function randomId() {
  return globalThis.crypto?.randomUUID?.() || `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export class LocalCommentBackend {
  // storage: a Web Storage object (localStorage) or anything with
  // getItem/setItem; a Map-based one is used in tests.
  constructor({ storage = globalThis.localStorage, now = () => new Date(), prefix = 'lesson.comments.' } = {}) {
    this.storage = storage;
    this.now = now;
    this.prefix = prefix;
    this.author = this.readAuthor();
  }

  readAuthor() {
    const key = `${this.prefix}author`;
    let id = this.storage.getItem(key);
    if (!id) {
      id = randomId();
      this.storage.setItem(key, id);
    }
    return id;
  }

  readAll(lessonId) {
    try {
      const list = JSON.parse(this.storage.getItem(this.prefix + lessonId) || '[]');
      return Array.isArray(list) ? list.filter((c) => c && typeof c.text === 'string' && typeof c.name === 'string') : [];
    } catch {
      return [];
    }
  }

  async list(lessonId) {
    return this.readAll(lessonId).map((c) => ({ id: c.id, name: c.name, text: c.text, createdAt: c.createdAt, own: c.author === this.author }));
  }

  async add(lessonId, comment) {
    const clean = validateComment(comment);
    const stored = { id: randomId(), ...clean, createdAt: this.now().toISOString(), author: this.author };
    const list = this.readAll(lessonId);
    list.push(stored);
    this.storage.setItem(this.prefix + lessonId, JSON.stringify(list));
    return { id: stored.id, name: stored.name, text: stored.text, createdAt: stored.createdAt, own: true };
  }

  async remove(lessonId, commentId) {
    const list = this.readAll(lessonId);
    const target = list.find((c) => c.id === commentId);
    if (!target) return;
    if (target.author !== this.author) throw new Error('only your own comments can be removed');
    this.storage.setItem(this.prefix + lessonId, JSON.stringify(list.filter((c) => c.id !== commentId)));
  }
}

// Comments kept for this page only, when localStorage is not usable.
export class MemoryStorage {
  constructor() { this.map = new Map(); }
  getItem(key) { return this.map.has(key) ? this.map.get(key) : null; }
  setItem(key, value) { this.map.set(key, String(value)); }
  removeItem(key) { this.map.delete(key); }
}
