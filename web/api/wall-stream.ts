import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { LiveEvent } from '../../server/contract/events.js';
import { systemClock } from '../../server/domain/clock.js';
import { createRandom } from '../../server/domain/random.js';
import { liveEventKinds } from '../../server/domain/vocabulary.js';
import { reconnectDelayMs, reconnectNow } from '../state/wall.js';

// The wall's live stream. Unlike the board's (live-events.ts, EventSource's own fixed retry), it reconnects itself
// with backoff, so that a hundred walls do not knock on a restarted server all in the same second.

/** The reconnects' jitter: seeded by the page's start, so walls started apart do not retry in step. */
export const jitter = createRandom(systemClock().getTime());

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * The live stream with its own reconnect: 1 s doubling to 60 s (jittered), resumed after the last event seen; and at
 * once when a read of the server (`lastReadOkAt`, the overview's) answered after the last failed attempt.
 */
export function useWallStream(enabled: boolean, onEvent: (event: LiveEvent) => void, lastReadOkAt: number | null = null): { status: StreamStatus; lastEventAt: number | null } {
  const [state, setState] = useState<{ status: StreamStatus; lastEventAt: number | null }>({ status: 'connecting', lastEventAt: null });
  const handle = useEffectEvent(onEvent);
  const readAnswered = useRef<(readOkAt: number | null) => void>(() => {});
  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let lastId: string | null = null;
    let stopped = false;
    let attemptAt: number | null = null;
    const setStatus = (status: StreamStatus) => setState((s) => (s.status === status ? s : { ...s, status }));
    const retry = () => {
      source?.close();
      source = null;
      if (stopped) return;
      setStatus('reconnecting');
      clearTimeout(timer);
      timer = setTimeout(open, reconnectDelayMs(failures++, jitter.next()));
    };
    const open = () => {
      if (stopped) return;
      attemptAt = systemClock().getTime();
      source = new EventSource(lastId ? `/api/events?lastEventId=${encodeURIComponent(lastId)}` : '/api/events', { withCredentials: true });
      source.onopen = () => {
        failures = 0;
        setStatus('live');
      };
      source.onerror = retry;
      const listener = (message: MessageEvent<string>) => {
        if (message.lastEventId) lastId = message.lastEventId;
        setState({ status: 'live', lastEventAt: systemClock().getTime() });
        handle(JSON.parse(message.data) as LiveEvent);
      };
      for (const kind of liveEventKinds) source.addEventListener(kind, listener);
      source.addEventListener('end', retry);
    };
    // The failures are not reset here: a stream the server still refuses keeps backing off (onopen resets them).
    readAnswered.current = (readOkAt) => {
      if (!reconnectNow({ waiting: !stopped && source === null, lastAttemptAtMs: attemptAt, lastReadOkAtMs: readOkAt })) return;
      clearTimeout(timer);
      open();
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
      readAnswered.current = () => {};
    };
  }, [enabled]);
  useEffect(() => readAnswered.current(lastReadOkAt), [lastReadOkAt]);
  return state;
}

