import { useCallback, useEffect, useRef, useState } from 'react';
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

/**
 * Loads `key` with `load`, aborting the previous request when the key changes. A null key disables the resource.
 * The previous data stay visible while the next key loads, so layers do not flash on every pan.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data: T | null; loading: boolean; error: ApiError | null }>(() => ({
    key,
    data: key !== null && cache.has(key) ? (cache.get(key) as T) : null,
    loading: key !== null && !cache.has(key),
    error: null,
  }));
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) {
      setState({ key, data: null, loading: false, error: null });
      return;
    }
    if (attempt === 0 && cache.has(key)) {
      setState({ key, data: cache.get(key) as T, loading: false, error: null });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, key, loading: true, error: null }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        remember(key, data);
        setState({ key, data, loading: false, error: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        const apiError = error instanceof ApiError ? error : new ApiError(error instanceof Error ? error.message : String(error), 0, 'network');
        setState((previous) => ({ ...previous, key, loading: false, error: apiError }));
      },
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: state.data, loading: state.loading, error: state.error, retry };
}

/** The value after it has stopped changing for `delayMs`: map moves fire one request, not one per frame. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
