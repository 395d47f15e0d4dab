// Comment stub: validation, limits, own-only removal, and text-only rendering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalCommentBackend, MemoryStorage, validateComment, CommentValidationError, LIMITS } from '../../web/src/comments/backend.js';
import { renderComment } from '../../web/src/comments/view.js';

const evil = '<img src=x onerror=alert(1)>';

test('comments are trimmed and limited in length', () => {
  assert.deepEqual(validateComment({ name: '  Ada  ', text: ' hi\r\nthere ' }), { name: 'Ada', text: 'hi\nthere' });
  assert.throws(() => validateComment({ name: '', text: 'x' }), (e) => e instanceof CommentValidationError && e.code === 'nameRequired');
  assert.throws(() => validateComment({ name: 'a', text: '   ' }), (e) => e.code === 'textRequired');
  assert.throws(() => validateComment({ name: 'a'.repeat(LIMITS.name + 1), text: 'x' }), (e) => e.code === 'nameTooLong');
  assert.throws(() => validateComment({ name: 'a', text: 'x'.repeat(LIMITS.text + 1) }), (e) => e.code === 'textTooLong');
  assert.doesNotThrow(() => validateComment({ name: '가'.repeat(LIMITS.name), text: 'x'.repeat(LIMITS.text) }));
});

test('the local backend lists, adds and removes own comments, per lesson', async () => {
  const storage = new MemoryStorage();
  const mine = new LocalCommentBackend({ storage });
  const c = await mine.add('l1', { name: 'Ada', text: evil });
  assert.equal(c.text, evil, 'stored as the learner typed it');
  assert.equal(c.own, true);
  assert.deepEqual((await mine.list('l2')), []);
  const listed = await mine.list('l1');
  assert.equal(listed.length, 1);
  assert.equal(listed[0].text, evil);

  // Someone else's comment (another author id) cannot be removed.
  const other = new LocalCommentBackend({ storage, prefix: 'lesson.comments.' });
  other.author = 'someone-else';
  const theirs = await other.add('l1', { name: 'Bob', text: 'hello' });
  const seenByMe = await mine.list('l1');
  assert.deepEqual(seenByMe.map((x) => x.own), [true, false]);
  await assert.rejects(mine.remove('l1', theirs.id));
  await mine.remove('l1', c.id);
  assert.deepEqual((await mine.list('l1')).map((x) => x.name), ['Bob']);
});

test('unreadable comment storage gives an empty list, not an exception', async () => {
  const storage = new MemoryStorage();
  storage.setItem('lesson.comments.l1', '{not json');
  assert.deepEqual(await new LocalCommentBackend({ storage }).list('l1'), []);
});

// A tiny document whose elements refuse innerHTML: rendering must use text.
function fakeDocument() {
  class El {
    constructor(tag) { this.tag = tag; this.children = []; this.dataset = {}; this.attrs = {}; this._text = ''; }
    set innerHTML(_) { throw new Error('innerHTML used'); }
    set textContent(v) { this._text = String(v); this.children = []; }
    get textContent() { return this._text + this.children.map((c) => (typeof c === 'string' ? c : c.textContent)).join(''); }
    append(...nodes) { this.children.push(...nodes); }
    setAttribute(k, v) { this.attrs[k] = v; }
    addEventListener() {}
  }
  return { createElement: (tag) => new El(tag) };
}

test('a comment is rendered as text, never as HTML', () => {
  const doc = fakeDocument();
  const li = renderComment(doc, { id: '1', name: evil, text: evil, createdAt: '2026-11-23T00:00:00Z', own: true }, { t: (k) => k, onRemove() {}, lang: 'en' });
  assert.ok(li.textContent.includes(evil));
  const tags = (el) => (typeof el === 'string' ? [] : [el.tag, ...el.children.flatMap(tags)]);
  assert.ok(!tags(li).includes('img'));
});
