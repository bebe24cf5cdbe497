import { useEffect, useRef } from 'react';
import { shanghaiDate, shanghaiParts } from '../../server/domain/time.js';
import { reloadReason, type ReloadReason } from '../state/wall.js';

// Self-healing: once a minute the wall asks whether it should reload itself (heap past its bound, the daily quiet
// hour, a new build deployed; web/state/wall.ts decides). The tour's anchor and the display's token survive a reload,
// so the wall comes back on the same scene. The build is the entry script named by the served index.html, read every
// two minutes without the cache.

const CHECK_MS = 60_000;
const BUILD_CHECK_MS = 120_000;
const DAILY_KEY = 'jointops.wall.dailyReloadOn';
export const RELOAD_LOG_KEY = 'jointops.wall.lastReload';

const entryScriptOf = (html: string): string | null => /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1] ?? null;
const loadedEntry = (): string | null => {
  const script = document.querySelector<HTMLScriptElement>('script[type="module"][src]');
  return script ? new URL(script.src, window.location.href).pathname : null;
};

export function useWatchdog(reload: (reason: ReloadReason) => void = defaultReload): void {
  const currentBuild = useRef<string | null>(null);
  useEffect(() => {
    const loadedAt = Date.now();
    const loadedBuild = loadedEntry();
    const checkBuild = () =>
      void fetch('/', { cache: 'no-store', credentials: 'same-origin' })
        .then((r) => (r.ok ? r.text() : null))
        .then((html) => {
          const entry = html ? entryScriptOf(html) : null;
          if (entry) currentBuild.current = new URL(entry, window.location.href).pathname;
        })
        .catch(() => {});
    const check = () => {
      const now = new Date();
      const { secondOfDay } = shanghaiParts(now);
      const clock = `${String(Math.floor(secondOfDay / 3600)).padStart(2, '0')}:${String(Math.floor((secondOfDay % 3600) / 60)).padStart(2, '0')}`;
      const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
      const reason = reloadReason({
        heapBytes: memory?.usedJSHeapSize ?? null,
        clock,
        date: shanghaiDate(now),
        loadedAtMs: loadedAt,
        nowMs: now.getTime(),
        lastDailyReloadOn: localStorage.getItem(DAILY_KEY),
        loadedBuild,
        currentBuild: currentBuild.current,
      });
      if (!reason) return;
      if (reason === 'daily') localStorage.setItem(DAILY_KEY, shanghaiDate(now));
      reload(reason);
    };
    const checkTimer = setInterval(check, CHECK_MS);
    const buildTimer = setInterval(checkBuild, BUILD_CHECK_MS);
    return () => {
      clearInterval(checkTimer);
      clearInterval(buildTimer);
    };
  }, [reload]);
}

function defaultReload(reason: ReloadReason): void {
  sessionStorage.setItem(RELOAD_LOG_KEY, JSON.stringify({ reason, at: new Date().toISOString() }));
  window.location.reload();
}
