// The phone page's service worker (built to /sw.js, scope /field): the page opens and shows the officer's tasks with
// the network cut. It keeps the app shell (index.html and every built file, listed into this file at build time), and
// the last answers of the few reads the page needs to start: who is signed in, the day, the district outlines. Writes
// are not its business: the page's outbox (IndexedDB) holds them until the server has answered.
//
// Written against a minimal description of the service-worker API: the web app's type check has the DOM library, and
// the worker library's globals clash with it.

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const scope = self as unknown as WorkerScope;

// Replaced at build time (vite.config.ts) by the URI-encoded JSON list of the built files.
const SHELL_LIST = '__JOINTOPS_APP_SHELL__';
const shellFiles: string[] = SHELL_LIST.startsWith('%5B') ? (JSON.parse(decodeURIComponent(SHELL_LIST)) as string[]) : [];

/** A short hash of the file list: a new build is a new shell cache, and the old one is dropped on activation. */
function listHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

const SHELL_CACHE = `jointops-shell-${listHash(shellFiles.join('|'))}`;
const API_CACHE = 'jointops-field-api';
const PAGE_URL = '/field';
/** Reads answered from the network when it can, else from their last answer. */
const KEPT_READS = new Set(['/api/auth/me', '/api/field/today', '/api/districts']);

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll([PAGE_URL, ...shellFiles.map((f) => `/${f}`)]);
      await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('jointops-shell-') && name !== SHELL_CACHE) await caches.delete(name);
      await scope.clients.claim();
      // The page read who is signed in before this worker controlled it: keep that answer now, or a reload offline
      // would find no session and show the login form instead of the tasks.
      await Promise.all(['/api/auth/me', '/api/field/today'].map((path) => networkFirst(new Request(path, { credentials: 'same-origin' }), API_CACHE, path).catch(() => null)));
    })(),
  );
});

async function networkFirst(request: Request, cacheName: string, key: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    // A session that ended takes its kept answers with it: the next officer on this phone must not see them.
    else if (response.status === 401) await caches.delete(API_CACHE);
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await (await caches.open(SHELL_CACHE)).put(request, response.clone());
  return response;
}

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (request.method === 'POST' && url.pathname === '/api/auth/logout') {
    event.respondWith(caches.delete(API_CACHE).then(() => fetch(request)));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL_CACHE, PAGE_URL));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (KEPT_READS.has(url.pathname)) {
    // The day is kept for the default day only (no ?date=): that is the one the page opens with.
    event.respondWith(networkFirst(request, API_CACHE, url.pathname + (url.pathname === '/api/field/today' ? '' : url.search)));
  }
});
