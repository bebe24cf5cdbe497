import { useEffect, useState } from 'react';
import type { FieldDay } from '../../server/contract/field.js';
import { systemClock } from '../../server/domain/clock.js';
import { fieldToday } from '../api/field.js';
import { ApiError, isAbort } from '../api/errors.js';
import { loadDay, saveDay, type FieldDatabase } from './store.js';

// The officer's day: the copy kept in IndexedDB at once (the page opens with the network cut), then the server's,
// which is kept in turn. Read again when a queued write reached the server, when a live event changes the day
// (use-field-live.ts) and every minute, for the time the event stream is down.

const REFRESH_MS = 60_000;

export interface FieldDayState {
  day: FieldDay | null;
  /** When the day shown was received; not the latest when the last read failed. */
  savedAt: string | null;
  /** The last read failed; the kept copy (if any) is shown. */
  error: ApiError | null;
  reload: () => void;
}

export function useFieldDay(db: FieldDatabase | null, userId: number, delivered: number): FieldDayState {
  const [state, setState] = useState<{ day: FieldDay | null; savedAt: string | null; error: ApiError | null }>({ day: null, savedAt: null, error: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    void loadDay(db, userId).then((kept) => {
      if (!cancelled && kept) setState((s) => (s.day ? s : { ...s, day: kept.day, savedAt: kept.savedAt }));
    });
    return () => {
      cancelled = true;
    };
  }, [db, userId]);

  useEffect(() => {
    const controller = new AbortController();
    fieldToday(controller.signal).then(
      (day) => {
        const savedAt = systemClock().toISOString();
        setState({ day, savedAt, error: null });
        if (db) void saveDay(db, userId, day, savedAt);
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbort(error)) return;
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 0, 'network');
        setState((s) => ({ ...s, error: apiError }));
      },
    );
    return () => controller.abort();
  }, [db, userId, delivered, attempt]);

  useEffect(() => {
    const timer = window.setInterval(() => navigator.onLine && setAttempt((n) => n + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
