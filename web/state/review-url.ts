import type { ReviewLevel, ReviewPeriod } from '../../server/contract/review.js';
import { reviewLevels } from '../../server/analytics/review/vocabulary.js';
import { isIsoDate } from '../../server/domain/time.js';
import { MAX_ZOOM, MIN_ZOOM, type MapView } from './dashboard.js';

// The review's whole view in its address: a leader forwards the link and the reader sees the same periods, unit,
// comparison mode, step and map. The slider's position is the period itself (the slider sets the period to one step),
// so it is not said twice and the two cannot disagree.

export type CompareMode = 'side' | 'diff';
export type ReviewStep = 'week' | 'month';

export interface ReviewView {
  /** null: not chosen yet, the page takes the 本月 preset once the presets are read. */
  period: ReviewPeriod | null;
  compare: ReviewPeriod | null;
  /** The preset the periods came from, for its button to read as chosen; null once a date is edited. */
  preset: string | null;
  level: ReviewLevel;
  code: string | null;
  mode: CompareMode;
  step: ReviewStep;
  /** The maps' view; null: framed on the unit. */
  map: MapView | null;
}

export const defaultReviewView: ReviewView = { period: null, compare: null, preset: null, level: 'city', code: null, mode: 'side', step: 'month', map: null };

const CODE = /^[0-9A-Za-z_-]{1,40}$/;
const PRESET = /^[a-z_]{1,40}$/;

function periodOf(value: string | null): ReviewPeriod | null {
  if (!value) return null;
  const [from, to] = value.split('~');
  return isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : null;
}

function mapOf(value: string | null): MapView | null {
  if (!value) return null;
  const parts = value.split(',').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [longitude, latitude, zoom] = parts;
  if (Math.abs(longitude) > 180 || Math.abs(latitude) > 85 || zoom < MIN_ZOOM || zoom > MAX_ZOOM) return null;
  return { longitude, latitude, zoom };
}

/** Reads the view from a query string; anything malformed falls back to its default rather than failing the page. */
export function decodeReviewView(search: string): ReviewView {
  const q = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const level = (reviewLevels as readonly string[]).includes(q.get('level') ?? '') ? (q.get('level') as ReviewLevel) : 'city';
  const code = q.get('code');
  const unitOk = level === 'city' || (code !== null && CODE.test(code));
  const period = periodOf(q.get('period'));
  const preset = q.get('preset');
  return {
    period,
    compare: period ? periodOf(q.get('compare')) : null,
    preset: period && preset && PRESET.test(preset) ? preset : null,
    level: unitOk ? level : 'city',
    code: unitOk && level !== 'city' ? code : null,
    mode: q.get('mode') === 'diff' ? 'diff' : 'side',
    step: q.get('step') === 'week' ? 'week' : 'month',
    map: mapOf(q.get('map')),
  };
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** The query string of a view (without `?`), the language kept when it is not the default. */
export function encodeReviewView(view: ReviewView, language: string | null = null): string {
  const q = new URLSearchParams();
  if (view.period) q.set('period', `${view.period.from}~${view.period.to}`);
  if (view.period && view.compare) q.set('compare', `${view.compare.from}~${view.compare.to}`);
  if (view.period && view.preset) q.set('preset', view.preset);
  if (view.level !== 'city' && view.code) {
    q.set('level', view.level);
    q.set('code', view.code);
  }
  if (view.mode !== 'side') q.set('mode', view.mode);
  if (view.step !== 'month') q.set('step', view.step);
  if (view.map) q.set('map', [round(view.map.longitude, 5), round(view.map.latitude, 5), round(view.map.zoom, 2)].join(','));
  if (language && language !== 'zh-CN') q.set('lang', language);
  return q.toString();
}

/** The summary's query of a view (the briefing is asked for with the same). */
export function summaryQuery(view: Pick<ReviewView, 'period' | 'compare' | 'level' | 'code'>): string {
  const q = new URLSearchParams();
  if (view.period) {
    q.set('from', view.period.from);
    q.set('to', view.period.to);
  }
  if (view.compare) {
    q.set('compareFrom', view.compare.from);
    q.set('compareTo', view.compare.to);
  }
  q.set('level', view.level);
  if (view.level !== 'city' && view.code) q.set('code', view.code);
  return q.toString();
}

/** The briefing (研判简报) of the view: the summary's query and the map's extent; the browser downloads it by this path. */
export function briefingPdfPath(query: string, bbox: readonly [number, number, number, number] | null): string {
  const view = bbox ? `bbox=${bbox.map((v) => v.toFixed(5)).join(',')}` : '';
  return `/api/review/briefing.pdf?${[query, view].filter(Boolean).join('&')}`;
}
