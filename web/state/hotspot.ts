import type { TimeRange } from './dashboard.js';
import { addDays, daysInclusive, isIsoDate } from '../../server/domain/time.js';

/** State of the hot spot analysis layers. The committed time range is the dashboard's; `draft` follows a drag. */
export interface HotspotState {
  showHotspots: boolean;
  showEmerging: boolean;
  /** Colour by FDR-corrected bins (default, as ArcGIS recommends for many cells) or by plain p-values. */
  fdr: boolean;
  emergingStep: 'week' | 'month';
  /** The range being dragged on the slider; the hot spot layer follows it live, other layers wait for the release. */
  draft: TimeRange | null;
}

export const initialHotspotState: HotspotState = { showHotspots: false, showEmerging: false, fdr: true, emergingStep: 'month', draft: null };

/** Days of history the map holds counts for (the longest time preset). */
export const LIVE_WINDOW_DAYS = 730;

export type HotspotAction =
  | { type: 'hotspotLayerToggled' }
  | { type: 'emergingLayerToggled' }
  | { type: 'fdrToggled' }
  | { type: 'emergingStepSet'; step: 'week' | 'month' }
  | { type: 'draftRangeSet'; range: TimeRange }
  | { type: 'draftRangeEnded' };

export function toggleHotspots(state: HotspotState): HotspotState {
  return { ...state, showHotspots: !state.showHotspots };
}

export function toggleEmerging(state: HotspotState): HotspotState {
  return { ...state, showEmerging: !state.showEmerging };
}

export function toggleFdr(state: HotspotState): HotspotState {
  return { ...state, fdr: !state.fdr };
}

export function setEmergingStep(state: HotspotState, step: 'week' | 'month'): HotspotState {
  return step === 'week' || step === 'month' ? { ...state, emergingStep: step } : state;
}

/** A malformed or reversed range leaves the state as it is. */
export function setDraftRange(state: HotspotState, range: TimeRange): HotspotState {
  if (!isIsoDate(range.from) || !isIsoDate(range.to) || range.from > range.to) return state;
  return { ...state, draft: { from: range.from, to: range.to } };
}

export function endDraftRange(state: HotspotState): HotspotState {
  return state.draft ? { ...state, draft: null } : state;
}

export function hotspotReducer(state: HotspotState, action: HotspotAction): HotspotState {
  switch (action.type) {
    case 'hotspotLayerToggled':
      return toggleHotspots(state);
    case 'emergingLayerToggled':
      return toggleEmerging(state);
    case 'fdrToggled':
      return toggleFdr(state);
    case 'emergingStepSet':
      return setEmergingStep(state, action.step);
    case 'draftRangeSet':
      return setDraftRange(state, action.range);
    case 'draftRangeEnded':
      return endDraftRange(state);
  }
}

/** The range the hot spot layer shows: the one being dragged, else the dashboard's. */
export function effectiveRange(state: HotspotState, committed: TimeRange): TimeRange {
  return state.draft ?? committed;
}

/** The window of history the live layer holds: LIVE_WINDOW_DAYS days ending today. */
export function liveWindow(today: string): TimeRange {
  return { from: addDays(today, -(LIVE_WINDOW_DAYS - 1)), to: today };
}

/** Slider positions (day offsets from the window start, inclusive) of a range, clamped into the window. */
export function sliderOffsets(window: TimeRange, range: TimeRange): [number, number] {
  const last = daysInclusive(window.from, window.to) - 1;
  const clamp = (v: number) => Math.max(0, Math.min(last, v));
  return [clamp(daysInclusive(window.from, range.from) - 1), clamp(daysInclusive(window.from, range.to) - 1)];
}

/** The range of two slider positions, in either order. */
export function rangeFromOffsets(window: TimeRange, a: number, b: number): TimeRange {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  return { from: addDays(window.from, lo), to: addDays(window.from, hi) };
}
