// The live-event stream (`/api/events`) through the browser's EventSource: it reconnects by itself after a drop and
// sends Last-Event-ID, so the server replays what was missed. A 401 on reconnect (session ended) closes it for good.
import { useEffect, useEffectEvent, useState } from 'react';
import { systemClock } from '../../server/domain/clock.js';
import { liveEventKinds } from '../../server/domain/vocabulary.js';
import type { LiveEvent } from '../../server/contract/events.js';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface LiveEvents {
  status: LiveStatus;
  /** When the last event arrived (the browser's clock), null before the first. */
  lastEventAt: Date | null;
  lastEventId: string | null;
}

/** Follows the stream while `enabled`, handing each event to `onEvent`. */
export function useLiveEvents(enabled: boolean, onEvent: (event: LiveEvent) => void): LiveEvents {
  const [state, setState] = useState<LiveEvents>({ status: 'connecting', lastEventAt: null, lastEventId: null });
  const handle = useEffectEvent(onEvent);
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/events', { withCredentials: true });
    const setStatus = (status: LiveStatus) => setState((s) => (s.status === status ? s : { ...s, status }));
    source.onopen = () => setStatus('live');
    // EventSource retries on its own while readyState is CONNECTING; CLOSED means it gave up (e.g. 401).
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    const listener = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as LiveEvent;
      setState({ status: 'live', lastEventAt: systemClock(), lastEventId: message.lastEventId });
      handle(event);
    };
    for (const kind of liveEventKinds) source.addEventListener(kind, listener);
    source.addEventListener('end', () => setStatus('reconnecting'));
    return () => source.close();
  }, [enabled]);
  return state;
}
