import { useCallback, useEffect, useRef, useState } from 'react';
import { systemClock } from '../../server/domain/clock.js';
import type { EmergingHotspots } from '../../server/contract/index.js';
import type { WallOverview } from '../../server/contract/wall.js';
import { emergingHotspots, hotspotCells } from '../api/analysis.js';
import { ApiError } from '../api/errors.js';
import { wallOverview } from '../api/wall.js';
import type { HotspotCellFeature } from '../layers/hotspot-layer.js';
import { addDays } from '../../server/domain/time.js';

// The wall's data over days (its live stream: web/api/wall-stream.ts): it keeps the last good answer whatever happens to the network, knows how old it is,
// reads again on a live event (debounced), every 30 s, when the stream comes back and when the day turns.

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
  // A read asked for while one is under way waits for it and then runs once: aborting it instead would, on a day of
  // many events, abort every read before it answers and leave the wall stale exactly when it is busiest.
  const again = useRef(false);
  const loadAgain = useRef<() => void>(() => {});
  const load = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    const settle = () => {
      if (inFlight.current === controller) inFlight.current = null;
      if (again.current && !controller.signal.aborted) {
        again.current = false;
        loadAgain.current();
      }
    };
    wallOverview(controller.signal).then(
      (data) => {
        setState({ data, okAt: systemClock().getTime(), error: null });
        settle();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return settle();
        const apiError = error instanceof ApiError ? error : new ApiError(String(error), 0, 'network');
        setState((s) => ({ ...s, error: apiError }));
        if (apiError.status === 401) unauthenticated.current();
        settle();
      },
    );
  }, []);
  useEffect(() => {
    loadAgain.current = load;
  }, [load]);
  useEffect(() => {
    if (!enabled) return;
    load();
    const timer = setInterval(load, refreshMs);
    return () => {
      clearInterval(timer);
      inFlight.current?.abort();
      inFlight.current = null;
      again.current = false;
      if (debounce.current) clearTimeout(debounce.current);
      debounce.current = null;
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

export const TREND_REFRESH_MS = 60 * 60 * 1000;
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
        ([emerging, cells]) => setState({ data: { emerging, cells: cells.features }, okAt: systemClock().getTime(), error: null }),
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
  const [now, setNow] = useState(() => systemClock().getTime());
  useEffect(() => {
    const timer = setInterval(() => setNow(systemClock().getTime()), everyMs);
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
