import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { LIVE_EVENTS_HEARTBEAT, LIVE_EVENTS_HEARTBEAT_MS, liveEventsHeartbeatSchema, type LiveEvent } from '../../server/contract/events.js';
import { systemClock } from '../../server/domain/clock.js';
import { createRandom } from '../../server/domain/random.js';
import { liveEventKinds } from '../../server/domain/vocabulary.js';
import { reconnectDelayMs, reconnectNow, streamSilent } from '../state/wall.js';

// The wall's live stream. Unlike the board's (live-events.ts, EventSource's own fixed retry), it reconnects itself
// with backoff, so that a hundred walls do not knock on a restarted server all in the same second.

/** The reconnects' jitter: seeded by the page's start, so walls started apart do not retry in step. */
export const jitter = createRandom(systemClock().getTime());

export type StreamStatus = 'connecting' | 'live' | 'reconnecting';

/** How often the stream checks that it still hears the server. */
const SILENCE_CHECK_MS = 5_000;

/**
 * The live stream with its own reconnect: 1 s doubling to 60 s (jittered), resumed after the last event seen; at once
 * when a read of the server (`lastReadOkAt`, the overview's) answered after the last failed attempt; and when an open
 * stream hears neither an event nor a heartbeat for two heartbeats and a half (a half-open connection).
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
    let lastHeardAt: number | null = null;
    let heartbeatMs = LIVE_EVENTS_HEARTBEAT_MS;
    const heard = () => (lastHeardAt = systemClock().getTime());
    const setStatus = (status: StreamStatus) => setState((s) => (s.status === status ? s : { ...s, status }));
    const retry = () => {
      source?.close();
      source = null;
      lastHeardAt = null;
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
        heard();
        setStatus('live');
      };
      source.onerror = retry;
      const listener = (message: MessageEvent<string>) => {
        if (message.lastEventId) lastId = message.lastEventId;
        heard();
        setState({ status: 'live', lastEventAt: systemClock().getTime() });
        handle(JSON.parse(message.data) as LiveEvent);
      };
      for (const kind of liveEventKinds) source.addEventListener(kind, listener);
      source.addEventListener('end', retry);
      source.addEventListener(LIVE_EVENTS_HEARTBEAT, (message: MessageEvent<string>) => {
        heard();
        const beat = liveEventsHeartbeatSchema.safeParse(JSON.parse(message.data));
        if (beat.success) heartbeatMs = beat.data.intervalMs;
      });
    };
    const silence = setInterval(() => {
      if (source && streamSilent({ lastHeardAtMs: lastHeardAt, heartbeatMs, nowMs: systemClock().getTime() })) retry();
    }, SILENCE_CHECK_MS);
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
      clearInterval(silence);
      source?.close();
      readAnswered.current = () => {};
    };
  }, [enabled]);
  useEffect(() => readAnswered.current(lastReadOkAt), [lastReadOkAt]);
  return state;
}

