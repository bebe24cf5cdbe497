import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { ApiError, isAbort } from './errors.js';

export interface Resource<T> {
  data: T | null;
  /** True while a request for the current key is under way; `data` may still hold the previous key's result. */
  loading: boolean;
  error: ApiError | null;
  retry: () => void;
}

const CACHE_SIZE = 24;
const cache = new Map<string, unknown>();

function remember(key: string, value: unknown): void {
  cache.delete(key);
  cache.set(key, value);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

export function clearResourceCache(): void {
  cache.clear();
}

/** What a resource shows, and for which key and attempt. */
interface Shown<T> {
  key: string | null;
  attempt: number;
  data: T | null;
  loading: boolean;
  error: ApiError | null;
}

/** A new key (or a retry): the cached data at once, else the previous data while the request is under way. */
function entering<T>(key: string | null, attempt: number, previous: T | null): Shown<T> {
  if (key === null) return { key, attempt, data: null, loading: false, error: null };
  if (attempt === 0 && cache.has(key)) return { key, attempt, data: cache.get(key) as T, loading: false, error: null };
  return { key, attempt, data: previous, loading: true, error: null };
}

/**
 * Loads `key` with `load`, aborting the previous request when the key changes. A null key disables the resource.
 * The previous data stay visible while the next key loads, so layers do not flash on every pan.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [attempt, setAttempt] = useState(0);
  const [shown, setShown] = useState<Shown<T>>(() => entering<T>(key, 0, null));
  let current = shown;
  if (shown.key !== key || shown.attempt !== attempt) {
    current = entering(key, attempt, shown.data);
    setShown(current);
  }
  const loading = current.loading;
  const loadNow = useEffectEvent(load);

  useEffect(() => {
    if (key === null || !loading) return;
    const controller = new AbortController();
    loadNow(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        remember(key, data);
        setShown({ key, attempt, data, loading: false, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        const apiError = error instanceof ApiError ? error : new ApiError(error instanceof Error ? error.message : String(error), 0, 'network');
        setShown((previous) => ({ ...previous, key, attempt, loading: false, error: apiError }));
      },
    );
    return () => controller.abort();
  }, [key, attempt, loading]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: current.data, loading: current.loading, error: current.error, retry };
}

/**
 * The value after it has stopped changing for `delayMs`: map moves fire one request, not one per frame. Values are
 * compared by their JSON, so a value rebuilt on every render (a bbox array) does not restart the timer, nor settle
 * again and re-render the page with an equal value every `delayMs`.
 */
export function useDebounced<T>(value: T, delayMs: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState<{ key: string; value: T }>({ key, value });
  const latest = useEffectEvent(() => value);
  useEffect(() => {
    if (key === settled.key) return;
    const timer = setTimeout(() => setSettled({ key, value: latest() }), delayMs);
    return () => clearTimeout(timer);
  }, [key, settled.key, delayMs]);
  return settled.value;
}
