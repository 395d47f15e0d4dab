// The comment section of a lesson page. Every comment field is put in the
// page with textContent, never parsed as HTML.
import { CommentValidationError, LIMITS } from './backend.js';

export function renderComment(doc, comment, { t, onRemove, lang }) {
  const li = doc.createElement('li');
  li.className = 'comment';
  li.dataset.commentId = comment.id;
  const head = doc.createElement('p');
  head.className = 'comment-head';
  const name = doc.createElement('strong');
  name.className = 'comment-name';
  name.textContent = comment.name;
  const time = doc.createElement('time');
  time.dateTime = comment.createdAt;
  time.textContent = new Date(comment.createdAt).toLocaleString(lang);
  head.append(name, ' · ', time);
  const body = doc.createElement('p');
  body.className = 'comment-text';
  body.textContent = comment.text;
  li.append(head, body);
  if (comment.own) {
    const remove = doc.createElement('button');
    remove.type = 'button';
    remove.className = 'comment-remove';
    remove.textContent = t('commentRemove');
    remove.setAttribute('aria-label', t('commentRemoveLabel', { name: comment.name }));
    remove.addEventListener('click', () => onRemove(comment));
    li.append(remove);
  }
  return li;
}

export function mountComments({ doc = document, backend, lessonId, t, getLang, announce }) {
  const list = doc.getElementById('comment-list');
  const form = doc.getElementById('comment-form');
  const error = doc.getElementById('comment-error');
  if (!list || !form) return null;
  const nameInput = form.elements.name;
  const textInput = form.elements.text;
  nameInput.maxLength = LIMITS.name;
  textInput.maxLength = LIMITS.text;
  try {
    nameInput.value = localStorage.getItem('lesson.comments.name') || '';
  } catch { /* storage blocked */ }

  async function refresh() {
    const comments = await backend.list(lessonId);
    list.replaceChildren(...comments.map((c) => renderComment(doc, c, { t, onRemove: remove, lang: getLang() })));
    if (!comments.length) {
      const empty = doc.createElement('li');
      empty.className = 'comment-empty';
      empty.textContent = t('noComments');
      list.append(empty);
    }
  }

  async function remove(comment) {
    await backend.remove(lessonId, comment.id);
    announce(t('commentRemoved'));
    await refresh();
    form.elements.name.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await backend.add(lessonId, { name: nameInput.value, text: textInput.value });
      try { localStorage.setItem('lesson.comments.name', nameInput.value.trim()); } catch { /* ignore */ }
      textInput.value = '';
      announce(t('commentAdded'));
      await refresh();
    } catch (e) {
      error.textContent = e instanceof CommentValidationError ? t(`comment_${e.code}`, LIMITS) : String(e.message || e);
    }
  });
  refresh();
  return { refresh };
}
