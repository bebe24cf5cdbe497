import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Layer } from '@deck.gl/core';
import type { EmergingCategoryName } from '../../server/contract/index.js';
import type { ReviewPeriod, ReviewRankingWeights, ReviewUnitRef } from '../../server/contract/review.js';
import { useCellCounts, useDebounced, useEmergingHotspots, useHotspotCells } from '../api/index.js';
import { ApiError } from '../api/errors.js';
import { setRankingWeights, useReviewPresets, useReviewRanking, useReviewSummary, useReviewTrend, type ReviewUnitQuery } from '../api/review.js';
import { cellMatrixFrom } from '../analysis/cell-matrix.js';
import { createLiveHotspots } from '../analysis/live-hotspots.js';
import { diffCells, type CellsDiff, type PeriodCells } from '../analysis/review-diff.js';
import { EMERGING_LEGEND_ORDER } from '../layers/emerging-colours.js';
import { hotspotLayer, type HotspotCellFeature } from '../layers/hotspot-layer.js';
import { reviewDiffLayers } from '../layers/review-diff-layer.js';
import { selectedCellLayer } from '../layers/selected-cell-layer.js';
import { darkTheme } from '../layers/theme.js';
import type { Bounds } from '../layers/bounds.js';
import { REVIEW_PATH } from '../navigation.js';
import type { MapView } from '../state/dashboard.js';
import { sliderSteps, stepIndexOf } from '../state/review-slider.js';
import { defaultPresetKey } from '../../server/analytics/review/presets.js';
import { briefingPdfPath, decodeReviewView, encodeReviewView, summaryQuery, type ReviewView } from '../state/review-url.js';

// The review page's one place that asks the server: the view (in the address), the presets, the unit's summary, trend
// and ranking, and the grid cells' counts from which Gi* is computed in the browser for both periods — at every step of
// the slider, as the dashboard's hot spot layer does. The components below only draw what this hands them.

const EMPTY: readonly HotspotCellFeature[] = [];
/** How long the slider rests before the figures are asked for (the map follows every step at once). */
const REST_MS = 250;

export interface EmergingRow {
  category: EmergingCategoryName;
  cells: number;
}

function snapshot(live: ReturnType<typeof createLiveHotspots>, period: ReviewPeriod): PeriodCells {
  // The live computer reuses its arrays on the next call: each period keeps copies.
  const frame = live.forRange(period);
  return { values: Float64Array.from(frame.values), bins: Int8Array.from(frame.result.binFdr) };
}

/** The district the unit lies in (null for the city): the analysis reads that district's cells. */
const districtOfUnit = (breadcrumb: readonly ReviewUnitRef[]): string | null => breadcrumb.find((u) => u.level === 'district')?.code ?? null;

/** The grid cells of the unit, null for all the analysis holds (the city or a district). */
function unitCellFilter(unit: ReviewUnitRef, breadcrumb: readonly ReviewUnitRef[]): ((cell: HotspotCellFeature) => boolean) | null {
  if (unit.level === 'street') return (c) => c.properties.streetCode === unit.code;
  const cell = unit.level === 'cell' ? unit : unit.level === 'institution' ? breadcrumb.find((u) => u.level === 'cell') : undefined;
  if (cell) return (c) => String(c.properties.id) === cell.code;
  return null;
}

const sameView = (a: MapView | null, b: MapView) => a !== null && Math.abs(a.longitude - b.longitude) < 1e-6 && Math.abs(a.latitude - b.latitude) < 1e-6 && Math.abs(a.zoom - b.zoom) < 1e-4;

export type MapRequest = { kind: 'view'; view: MapView; seq: number; instant?: boolean } | { kind: 'bounds'; bounds: Bounds; seq: number; instant?: boolean };

export function useReviewPage(language: string) {
  const [view, setView] = useState<ReviewView>(() => decodeReviewView(window.location.search));
  const update = useCallback((patch: Partial<ReviewView>) => setView((v) => ({ ...v, ...patch })), []);
  const presets = useReviewPresets();

  // Without a period in the link the page opens on 本月 and its comparison, or 上月 in a month's first days (set while
  // rendering: nothing is drawn or asked for with no period first).
  if (!view.period && presets.data) {
    const opening = defaultPresetKey(presets.data.today);
    const month = presets.data.presets.find((p) => p.key === opening) ?? presets.data.presets[0];
    if (month) setView({ ...view, period: month.period, compare: month.compare, preset: month.key });
  }

  const search = encodeReviewView(view, language);
  useEffect(() => {
    if (`?${search}` !== window.location.search) window.history.replaceState(null, '', `${REVIEW_PATH}${search ? `?${search}` : ''}`);
  }, [search]);

  const restedPeriod = useDebounced(view.period, REST_MS);
  const unitQuery: ReviewUnitQuery = useMemo(() => ({ level: view.level, code: view.code }), [view.level, view.code]);
  const summary = useReviewSummary(restedPeriod, view.compare, unitQuery);
  const unit = summary.data?.unit ?? null;
  const breadcrumb = summary.data?.breadcrumb;

  // ---- the slider ----
  const today = presets.data?.today ?? null;
  const sliderFrom = presets.data?.sliderFrom ?? null;
  const steps = useMemo(() => (today && sliderFrom ? sliderSteps(sliderFrom, today, view.step) : []), [today, sliderFrom, view.step]);
  const stepIndex = stepIndexOf(steps, view.period);
  const slideTo = useCallback((index: number) => {
    const at = Math.max(0, Math.min(steps.length - 1, index));
    const step = steps[at];
    if (!step) return;
    // The comparison moves with the knob, as many steps behind as it was (last month, the same month a year before):
    // a fixed comparison would set a month against a few days at the first move.
    setView((v) => {
      if (!v.compare) return { ...v, period: step, preset: null };
      const lag = stepIndexOf(steps, v.period) - stepIndexOf(steps, v.compare);
      const compare = steps[at - Math.max(1, lag)] ?? null;
      return { ...v, period: step, compare: compare ?? v.compare, preset: null };
    });
  }, [steps]);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => (stepIndex >= steps.length - 1 ? setPlaying(false) : slideTo(stepIndex + 1)), 900);
    return () => clearTimeout(timer);
  }, [playing, stepIndex, steps.length, slideTo]);
  const togglePlay = useCallback(() => {
    // Play from the start when the knob is at the end, as a video player does.
    if (!playing && stepIndex >= steps.length - 1) slideTo(0);
    setPlaying((p) => !p);
  }, [playing, stepIndex, steps.length, slideTo]);

  // ---- Gi* of both periods, in the browser ----
  const district = breadcrumb ? districtOfUnit(breadcrumb) : null;
  const analysisWanted = breadcrumb !== undefined && sliderFrom !== null && today !== null;
  const countsWindow = useMemo(() => ({ from: sliderFrom ?? '', to: today ?? '' }), [sliderFrom, today]);
  const counts = useCellCounts(countsWindow, district, analysisWanted);
  const cellsRes = useHotspotCells(district, analysisWanted);
  const live = useMemo(() => {
    if (!counts.data) return null;
    try {
      return createLiveHotspots(cellMatrixFrom(counts.data));
    } catch {
      return null;
    }
  }, [counts.data]);
  const indexOfId = useMemo(() => new Map(live ? Array.from(live.matrix.cellIds, (id, i) => [id, i] as const) : []), [live]);
  const tooFewCells = live !== null && live.matrix.nCells < 3;
  const periodCells = useMemo(() => (live && !tooFewCells && view.period ? snapshot(live, view.period) : null), [live, tooFewCells, view.period]);
  const compareCells = useMemo(() => (live && !tooFewCells && view.compare ? snapshot(live, view.compare) : null), [live, tooFewCells, view.compare]);
  const diff: CellsDiff | null = useMemo(() => (periodCells && compareCells ? diffCells(compareCells, periodCells) : null), [periodCells, compareCells]);

  const cells = cellsRes.data?.features ?? EMPTY;
  const unitFilter = unit && breadcrumb ? unitCellFilter(unit, breadcrumb) : null;
  const unitCells = useMemo(() => (unitFilter ? cells.filter(unitFilter) : cells), [cells, unitFilter]);
  const focusCell = unit && (unit.level === 'cell' || unit.level === 'institution') ? (unitCells[0] ?? null) : null;
  const indexOf = useCallback((id: number) => indexOfId.get(id), [indexOfId]);
  const binLayer = useCallback(
    (data: PeriodCells | null, version: string): Layer[] =>
      data
        ? [
            hotspotLayer({ cells, binOf: (cellId) => { const i = indexOfId.get(cellId); return i === undefined ? undefined : data.bins[i]; }, version, theme: darkTheme }),
            selectedCellLayer(focusCell, darkTheme),
          ]
        : [],
    [cells, indexOfId, focusCell],
  );
  const periodKey = view.period ? `${view.period.from}/${view.period.to}` : '-';
  const compareKey = view.compare ? `${view.compare.from}/${view.compare.to}` : '-';
  const periodLayers = useMemo(() => binLayer(periodCells, `${periodKey}:${cells.length}`), [binLayer, periodCells, periodKey, cells.length]);
  const compareLayers = useMemo(() => binLayer(compareCells, `${compareKey}:${cells.length}`), [binLayer, compareCells, compareKey, cells.length]);
  const diffLayers = useMemo(
    (): Layer[] => (diff ? [...reviewDiffLayers({ cells, indexOf, diff, version: `${periodKey}|${compareKey}:${cells.length}`, theme: darkTheme }), selectedCellLayer(focusCell, darkTheme)] : []),
    [diff, cells, indexOf, periodKey, compareKey, focusCell],
  );

  // ---- the maps: framed on the unit, the pair kept on one view ----
  const shared = useRef<MapView | null>(view.map);
  const [requests, setRequests] = useState<{ period: MapRequest | null; compare: MapRequest | null }>({ period: null, compare: null });
  const [bounds, setBounds] = useState<Bounds | null>(null);
  const seq = useRef(0);
  const framedUnit = useRef<string | null>(view.map ? `${view.level}:${view.code ?? ''}` : null);
  const bbox = summary.data?.bbox ?? null;
  const unitKey = unit ? `${view.level}:${view.code ?? ''}` : null;
  useEffect(() => {
    // A link with a map view keeps it; a new unit is framed (its bounding box, as the API gives it).
    if (!unitKey || !bbox || framedUnit.current === unitKey) return;
    framedUnit.current = unitKey;
    const request: MapRequest = { kind: 'bounds', bounds: bbox, seq: ++seq.current };
    setRequests({ period: request, compare: request });
  }, [unitKey, bbox]);
  const onViewChange = useCallback((which: 'period' | 'compare', next: MapView, nextBounds: Bounds) => {
    setBounds(nextBounds);
    if (sameView(shared.current, next)) return;
    shared.current = next;
    update({ map: next });
    const other = which === 'period' ? 'compare' : 'period';
    setRequests((r) => ({ ...r, [other]: { kind: 'view', view: next, seq: ++seq.current, instant: true } }));
  }, [update]);

  // ---- trend, ranking, emerging ----
  const trendUnit: ReviewUnitQuery | null = useMemo(() => {
    if (!unit || !breadcrumb) return null;
    if (unit.level !== 'institution') return { level: unit.level, code: unit.code };
    const cell = breadcrumb.find((u) => u.level === 'cell');
    return cell ? { level: 'cell', code: cell.code } : null;
  }, [unit, breadcrumb]);
  const trendWindow = useMemo(() => (sliderFrom && today ? { from: sliderFrom, to: today } : null), [sliderFrom, today]);
  const trend = useReviewTrend(trendWindow, trendUnit, view.step);

  const [rankingRevision, setRankingRevision] = useState(0);
  const ranking = useReviewRanking(restedPeriod, rankingRevision);
  const saveWeights = useCallback(async (weights: ReviewRankingWeights, expectedVersion: number): Promise<{ ok: true; version: number } | { ok: false; conflict: boolean; error: ApiError }> => {
    try {
      const saved = await setRankingWeights(weights, expectedVersion);
      setRankingRevision((n) => n + 1);
      return { ok: true, version: saved.version };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(String(error), 0, 'network');
      // A conflict reads the table again, so the form shows the weights now in force.
      if (apiError.status === 409) setRankingRevision((n) => n + 1);
      return { ok: false, conflict: apiError.status === 409, error: apiError };
    }
  }, []);

  const emergingRange = useMemo(() => (sliderFrom && restedPeriod ? { from: sliderFrom, to: restedPeriod.to } : null), [sliderFrom, restedPeriod]);
  const emerging = useEmergingHotspots(emergingRange ?? { from: '', to: '' }, view.step, district, analysisWanted && emergingRange !== null);
  const unitCellIds = useMemo(() => new Set(unitCells.map((c) => c.properties.id)), [unitCells]);
  const emergingRows = useMemo((): EmergingRow[] | null => {
    if (!emerging.data || !cellsRes.data) return null;
    const byCategory = new Map<EmergingCategoryName, number>();
    for (const c of emerging.data.cells) if (c.category !== 'no_pattern' && unitCellIds.has(c.id)) byCategory.set(c.category, (byCategory.get(c.category) ?? 0) + 1);
    return EMERGING_LEGEND_ORDER.filter((c) => byCategory.has(c)).map((category) => ({ category, cells: byCategory.get(category)! }));
  }, [emerging.data, cellsRes.data, unitCellIds]);

  const exportHref = view.period ? briefingPdfPath(summaryQuery(view), bounds) : null;

  return {
    view,
    search,
    update,
    presets,
    summary,
    steps,
    stepIndex,
    slideTo,
    playing,
    togglePlay,
    analysis: {
      loading: counts.loading || cellsRes.loading || (analysisWanted && !live),
      error: counts.error ?? cellsRes.error,
      tooFewCells,
      periodLayers,
      compareLayers,
      diffLayers,
      diff,
    },
    maps: { requests, onViewChange, initialView: view.map },
    trend,
    trendIsCell: unit?.level === 'institution',
    ranking,
    saveWeights,
    emerging: { rows: emergingRows, loading: emerging.loading, error: emerging.error, range: emergingRange },
    exportHref,
    ownDistrict: district,
  };
}

export type ReviewPageModel = ReturnType<typeof useReviewPage>;
