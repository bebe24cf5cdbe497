import { useEffect, useRef } from 'react';
import type { FieldDay } from '../../server/contract/field.js';
import { useLiveEvents, type LiveStatus } from '../api/index.js';
import { changesFieldDay, FIELD_REFRESH_DEBOUNCE_MS } from '../state/field-live.js';

// The phone follows the live events of its district while it is online and reads its day again when one changes it:
// the re-planned order shows within a second instead of at the next minute's read. EventSource resumes after the
// last event it saw, so a re-plan announced while the phone was offline is met when it comes back.

export function useFieldLive(day: FieldDay | null, online: boolean, reload: () => void): LiveStatus {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const live = useLiveEvents(online, (event) => {
    if (!changesFieldDay(event, day) || timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, FIELD_REFRESH_DEBOUNCE_MS);
  });
  return live.status;
}
