// Service worker (the build prepends BUILD_VERSION and PRECACHE, the list of
// every file of the build). After one visit the whole site (pages, runtime,
// assets) is cached; a new build has a new version, so the browser installs
// the new worker, which caches the new files and drops the old cache.
/* global BUILD_VERSION, PRECACHE */
const CACHE = `lesson-site-${BUILD_VERSION}`;
const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(PRECACHE.map((p) => new Request(new URL(p, scope), { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('lesson-site-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// Pages: network first (a fresh build shows at once), the cache when offline.
// Everything else: the cache first (it is versioned with the build).
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== scope.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        const response = await fetch(request);
        if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
        return response;
      } catch (error) {
        const cached = await caches.match(request, { ignoreSearch: true });
        if (cached) return cached;
        throw error;
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cached = await caches.match(request, { ignoreSearch: true });
    if (cached) return cached;
    return fetch(request);
  })());
});
