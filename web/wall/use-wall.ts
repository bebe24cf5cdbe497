import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { LiveEvent } from '../../server/contract/events.js';
import type { EmergingHotspots } from '../../server/contract/index.js';
import type { WallOverview } from '../../server/contract/wall.js';
import { liveEventKinds } from '../../server/domain/vocabulary.js';
import { emergingHotspots, hotspotCells } from '../api/analysis.js';
import { ApiError } from '../api/errors.js';
import { wallOverview } from '../api/wall.js';
import type { HotspotCellFeature } from '../layers/hotspot-layer.js';
import { addDays } from '../../server/domain/time.js';
import { reconnectDelayMs, reconnectNow } from '../state/wall.js';

// The wall's data over days: it keeps the last good answer whatever happens to the network, knows how old it is,
// reads again on a live event (debounced), every 30 s, when the stream comes back and when the day turns.

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
      timer = setTimeout(open, reconnectDelayMs(failures++, Math.random()));
    };
    const open = () => {
      if (stopped) return;
      attemptAt = Date.now();
      source = new EventSource(lastId ? `/api/events?lastEventId=${encodeURIComponent(lastId)}` : '/api/events', { withCredentials: true });
      source.onopen = () => {
        failures = 0;
        setStatus('live');
      };
      source.onerror = retry;
      const listener = (message: MessageEvent<string>) => {
        if (message.lastEventId) lastId = message.lastEventId;
        setState({ status: 'live', lastEventAt: Date.now() });
        handle(JSON.parse(message.data) as LiveEvent);
      };
      for (const kind of liveEventKinds) source.addEventListener(kind, listener);
      source.addEventListener('end', retry);
    };
    // The failures are not reset here: a stream the back server still refuses keeps backing off (onopen resets them).
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

export interface WallData<T> {
  data: T | null;
  /** When the shown data were read (the browser's clock); null before the first answer. */
  okAt: number | null;
  error: ApiError | null;
}

const EVENT_DEBOUNCE_MS = 1_000;

/** Today's overview, kept through failures; `onUnauthenticated` when the session ended (the display pairs again). */
export function useWallOverview(enabled: boolean, today: string, refreshMs: number, onUnauthenticated: () => void) {
  const [state, setState] = useState<WallData<WallOverview>>({ data: null, okAt: null, error: null });
  const inFlight = useRef<AbortController | null>(null);
  const debounce = useRef<ReturnType<typeof setTimeout> | null>(null);
  const unauthenticated = useRef(onUnauthenticated);
  useEffect(() => {
    unauthenticated.current = onUnauthenticated;
  });
  const load = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    wallOverview(controller.signal).then(
      (data) => setState({ data, okAt: Date.now(), error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 0, 'network');
        setState((s) => ({ ...s, error: apiError }));
        if (apiError.status === 401) unauthenticated.current();
      },
    );
  }, []);
  useEffect(() => {
    if (!enabled) return;
    load();
    const timer = setInterval(load, refreshMs);
    return () => {
      clearInterval(timer);
      inFlight.current?.abort();
      if (debounce.current) clearTimeout(debounce.current);
    };
  }, [enabled, load, today, refreshMs]);
  const soon = useCallback(() => {
    if (debounce.current) return;
    debounce.current = setTimeout(() => {
      debounce.current = null;
      load();
    }, EVENT_DEBOUNCE_MS);
  }, [load]);
  return { ...state, reload: load, soon };
}

const TREND_REFRESH_MS = 60 * 60 * 1000;
const TREND_WEEKS = 12;

/** The emerging hot spots of the last 12 weeks and their cells, read when first needed and then hourly. */
export function useWallTrend(enabled: boolean, today: string, district: string | null) {
  const [state, setState] = useState<WallData<{ emerging: EmergingHotspots; cells: HotspotCellFeature[] }>>({ data: null, okAt: null, error: null });
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    const load = () => {
      const range = { from: addDays(today, -7 * TREND_WEEKS), to: today };
      Promise.all([emergingHotspots(range, 'week', district, controller.signal), hotspotCells(district, controller.signal)]).then(
        ([emerging, cells]) => setState({ data: { emerging, cells: cells.features }, okAt: Date.now(), error: null }),
        (error: unknown) => !controller.signal.aborted && setState((s) => ({ ...s, error: error instanceof ApiError ? error : new ApiError(String(error), 0, 'network') })),
      );
    };
    load();
    const timer = setInterval(load, TREND_REFRESH_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [enabled, today, district]);
  return state;
}

/** The clock, ticking every `everyMs`. */
export function useNow(everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The viewport in CSS pixels, followed on resize. */
export function useViewport(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const onResize = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return size;
}
