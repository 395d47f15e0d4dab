// Opens the progress store the page uses: IndexedDB when it works, else
// memory, with the reason kept in store.problem for a visible notice.
import { IdbBackend } from './idb_backend.js';
import { MemoryBackend } from './memory_backend.js';
import { ProgressStore } from './store.js';
import { UnreadableProgressError } from './state.js';

export async function openProgressStore({ course, indexedDB = globalThis.indexedDB, now, channelName = 'lesson-progress' } = {}) {
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelName) : null;
  let backend;
  try {
    backend = await IdbBackend.open({ indexedDB });
  } catch (error) {
    const store = new ProgressStore(new MemoryBackend(), { course, now, problem: 'unavailable' });
    store.problemDetail = String(error?.message || error);
    channel?.close();
    return store;
  }
  const store = new ProgressStore(backend, { course, now, channel });
  try {
    await store.load();
  } catch (error) {
    // Unreadable record: a copy is in the quarantine store, the original is
    // left as it was, and this visit keeps progress in memory.
    const memory = new MemoryBackend();
    const fallback = new ProgressStore(memory, { course, now, problem: error instanceof UnreadableProgressError ? 'corrupt' : 'unavailable' });
    fallback.problemDetail = String(error?.message || error);
    fallback.unreadable = error.raw;
    channel?.close();
    backend.close();
    return fallback;
  }
  return store;
}
