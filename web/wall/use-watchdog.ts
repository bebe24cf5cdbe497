import { useEffect, useRef } from 'react';
import { systemClock } from '../../server/domain/clock.js';
import { shanghaiDate, shanghaiParts } from '../../server/domain/time.js';
import { servedEntryScript, serverCanServeThePage } from '../api/wall.js';
import { reloadReason, type ReloadReason } from '../state/wall.js';

// Self-healing: once a minute the wall asks whether it should reload itself (heap past its bound, the daily quiet
// hour, a new build deployed; web/state/wall.ts decides). The tour's anchor and the display's token survive a reload,
// so the wall comes back on the same scene. The build is the entry script named by the served index.html, read every
// two minutes without the cache.

const CHECK_MS = 60_000;
const BUILD_CHECK_MS = 120_000;
const DAILY_KEY = 'jointops.wall.dailyReloadOn';
export const RELOAD_LOG_KEY = 'jointops.wall.lastReload';

const loadedEntry = (): string | null => {
  const script = document.querySelector<HTMLScriptElement>('script[type="module"][src]');
  return script ? new URL(script.src, window.location.href).pathname : null;
};

export function useWatchdog(reload: (reason: ReloadReason) => void = defaultReload): void {
  const currentBuild = useRef<string | null>(null);
  useEffect(() => {
    const loadedAt = systemClock().getTime();
    const loadedBuild = loadedEntry();
    const checkBuild = () =>
      void servedEntryScript().then((entry) => {
        if (entry) currentBuild.current = new URL(entry, window.location.href).pathname;
      });
    const check = () => {
      const now = systemClock();
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

/**
 * Reloads only when the server answers with a page whose entry script loads: a reload while the server is away (a
 * deploy, a maintenance window at the quiet hour) would leave the browser's own error page, with nothing to recover it.
 * Otherwise the next check tries again.
 */
function defaultReload(reason: ReloadReason): void {
  void serverCanServeThePage().then((ok) => {
    if (!ok) return;
    sessionStorage.setItem(RELOAD_LOG_KEY, JSON.stringify({ reason, at: systemClock().toISOString() }));
    window.location.reload();
  });
}
