/**
 * Registers the phone page's service worker (web/api/service-worker.ts, built to /sw.js) for /field. Only in a built
 * app: the dev server has no sw.js. A browser without service workers (or a plain-HTTP address other than localhost)
 * still works online, and its writes are still kept in IndexedDB.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/field' }).catch((error: unknown) => console.warn('service worker not registered:', error));
}
