import { useCallback, useMemo, useReducer, useState, type ReactNode } from 'react';
import type { Layer } from '@deck.gl/core';
import type { EmergingHotspots } from '../../server/contract/index.js';
import { useCellCounts, useEmergingHotspots, useHotspotCells, useInstitutionRisk, type ApiError } from '../api/index.js';
import { cellMatrixFrom, cellSeries } from '../analysis/cell-matrix.js';
import { cellPlace, rankHotCells, type HotCellRow } from '../analysis/hot-cells.js';
import { createLiveHotspots, type LiveHotspotFrame } from '../analysis/live-hotspots.js';
import { groupSeries } from '../analysis/series.js';
import type { AnalysisMode } from '../layers/deck-layers.js';
import { emergingLayer } from '../layers/emerging-layer.js';
import { binCounts } from '../layers/hotspot-colours.js';
import { hotspotLayer } from '../layers/hotspot-layer.js';
import { selectedCellLayer } from '../layers/selected-cell-layer.js';
import type { Theme } from '../layers/theme.js';
import type { HotspotCellFeature } from '../layers/hotspot-layer.js';
import type { MapView, Selection, TimeRange } from '../state/dashboard.js';
import type { PlannerHandoff } from '../state/planner.js';
import { effectiveRange, hotspotReducer, initialHotspotState, liveWindow } from '../state/hotspot.js';
import { CellDetail } from './CellDetail.js';
import { CellPlace } from './CellPlace.js';
import { HotCellsPanel } from './HotCellsPanel.js';
import { HotspotPanel, type HotspotFrameInfo } from './HotspotPanel.js';
import { RiskDetail } from './RiskDetail.js';

const EMPTY: readonly HotspotCellFeature[] = [];
const NO_ROWS: readonly HotCellRow[] = [];
const DAYS_PER_BAR = 7;
/** A cell chosen from the ranked list is shown at street level, where its neighbours and institutions read. */
const FOCUS_ZOOM = 13.5;

export interface HotspotAnalysisInput {
  today: string;
  district: string | null;
  /** The dashboard's committed time range. */
  timeRange: TimeRange;
  selection: Selection | null;
  theme: Theme;
  onCommitRange: (range: TimeRange) => void;
  /** A failed request in the user's words. */
  describeError: (error: ApiError | null) => string | null;
  /** The account's own district (null city-wide): the planner gets it by default. */
  userDistrict: string | null;
  /** Selects a cell and moves the map to it (a row of the ranked list was chosen). */
  onFocusCell: (id: number, view: MapView) => void;
  /** Opens the planner with hot cells as targets; absent for roles that may not plan. */
  onHandOver?: (handoff: PlannerHandoff) => void;
  /** The detail panel already names the selected cell (the grid layer has it); else the analysis part names it. */
  cellInDetail: boolean;
  /**
   * The dashboard has drawn its first view and the browser is idle: the analysis inputs are fetched (and the cell
   * matrix built) ahead, while the user reads the map, so that the first toggle shows at once.
   */
  prepare: boolean;
}

export interface HotspotAnalysis {
  /** The analysis layers, drawn above the others (on the map's live canvas). */
  layers: Layer[];
  panel: ReactNode;
  /** 热点网格排行, docked over the map while the hot spot layer is on; null otherwise. */
  hotCells: ReactNode;
  /** Hot spot facts of the selected grid cell, or risk of the selected institution. */
  detail: ReactNode;
  /** What the layers beneath should do while the analysis is on. */
  mode: AnalysisMode;
}

/**
 * Everything of the hot spot analysis on the map: the per-day counts of the last two years are loaded once per scope,
 * and Gi* is recomputed in the browser for whatever range is shown — while the slider is dragged, every frame.
 */
export function useHotspotAnalysis(input: HotspotAnalysisInput): HotspotAnalysis {
  const [state, dispatch] = useReducer(hotspotReducer, initialHotspotState);
  const window = useMemo(() => liveWindow(input.today), [input.today]);
  const wantCells = state.showHotspots || state.showEmerging;
  const countsRes = useCellCounts(window, input.district, state.showHotspots || input.prepare);
  const cellsRes = useHotspotCells(input.district, wantCells || input.prepare);
  const emergingRes = useEmergingHotspots(input.timeRange, state.emergingStep, input.district, state.showEmerging);
  const risk = useInstitutionRisk(input.selection);
  const { from: rangeFrom, to: rangeTo } = effectiveRange(state, input.timeRange);
  const range = useMemo(() => ({ from: rangeFrom, to: rangeTo }), [rangeFrom, rangeTo]);

  const live = useMemo(() => (countsRes.data ? createLiveHotspots(cellMatrixFrom(countsRes.data)) : null), [countsRes.data]);
  const indexOfId = useMemo(() => new Map(live ? Array.from(live.matrix.cellIds, (id, i) => [id, i] as const) : []), [live]);

  const cellCollection = cellsRes.data;
  const computed = useMemo((): { frame: LiveHotspotFrame; info: HotspotFrameInfo; rows: readonly HotCellRow[] | null } | { error: string } | null => {
    if (!live || !state.showHotspots) return null;
    try {
      const frame = live.forRange(range);
      const bins = state.fdr ? frame.result.binFdr : frame.result.bin;
      let clues = 0;
      for (let i = 0; i < frame.values.length; i++) clues += frame.values[i];
      // Ranked now: the frame's arrays are overwritten by the next recompute. Not while dragging (see rowsAtRest).
      const rows = state.draft ? null : cellCollection ? rankHotCells({ cellIds: live.matrix.cellIds, result: { ...frame.result, values: frame.values }, fdr: state.fdr, cells: cellCollection }) : NO_ROWS;
      return { frame, info: { cells: live.matrix.nCells, clues, ms: frame.ms, counts: binCounts(bins) }, rows };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }, [live, range, state.fdr, state.showHotspots, state.draft, cellCollection]);
  const frame = computed && 'frame' in computed ? computed.frame : null;
  // While the range is dragged the ranked list stays at the range last released and says so: laying out hundreds of
  // rows again at every step cost the page more than the whole map's step.
  const restingRows = computed && 'rows' in computed ? computed.rows : null;
  const [rowsAtRest, setRowsAtRest] = useState<{ rows: readonly HotCellRow[]; period: TimeRange }>({ rows: NO_ROWS, period: range });
  if (restingRows && rowsAtRest.rows !== restingRows) setRowsAtRest({ rows: restingRows, period: range });

  const emergingById = useMemo(() => {
    const map = new Map<number, EmergingHotspots['cells'][number]>();
    for (const c of emergingRes.data?.cells ?? []) map.set(c.id, c);
    return map;
  }, [emergingRes.data]);

  const cells = cellsRes.data?.features ?? EMPTY;
  const selectedCellId = input.selection?.kind === 'gridCell' ? input.selection.id : null;
  const selectedCell = useMemo(() => (selectedCellId === null ? null : (cells.find((c) => c.properties.id === selectedCellId) ?? null)), [cells, selectedCellId]);
  const version = `${range.from}/${range.to}/${state.fdr}/${countsRes.data ? 'c' : '-'}`;
  const layers = useMemo(() => {
    const out: Layer[] = [];
    if (state.showEmerging && emergingRes.data) {
      out.push(emergingLayer({ cells, categoryOf: (id) => emergingById.get(id)?.category, version: `${emergingRes.data.from}/${emergingRes.data.step}`, theme: input.theme }));
    }
    if (state.showHotspots && frame) {
      const bins = state.fdr ? frame.result.binFdr : frame.result.bin;
      out.push(hotspotLayer({ cells, binOf: (id) => { const i = indexOfId.get(id); return i === undefined ? undefined : bins[i]; }, version, theme: input.theme }));
    }
    if (out.length > 0) out.push(selectedCellLayer(selectedCell, input.theme));
    return out;
  }, [cells, frame, version, state.fdr, state.showEmerging, state.showHotspots, emergingRes.data, emergingById, indexOfId, input.theme, selectedCell]);

  const panel = (
    <HotspotPanel
      state={state}
      dispatch={dispatch}
      window={window}
      range={range}
      onCommit={input.onCommitRange}
      frame={computed && 'info' in computed ? computed.info : null}
      loading={(state.showHotspots && countsRes.loading) || (wantCells && cellsRes.loading)}
      error={(computed && 'error' in computed ? computed.error : null) ?? input.describeError(countsRes.error ?? cellsRes.error ?? emergingRes.error)}
      emergingCounts={emergingRes.data?.categoryCounts ?? null}
      emergingLoading={emergingRes.loading}
    />
  );

  const { onFocusCell } = input;
  const focusRow = useCallback(
    (row: HotCellRow) => onFocusCell(row.id, { longitude: row.centroid[0], latitude: row.centroid[1], zoom: FOCUS_ZOOM }),
    [onFocusCell],
  );
  const hotCells = state.showHotspots ? (
    <HotCellsPanel
      rows={rowsAtRest.rows}
      following={state.draft !== null}
      loading={!computed || countsRes.loading || cellsRes.loading || !cellsRes.data}
      error={(computed && 'error' in computed ? computed.error : null) ?? input.describeError(countsRes.error ?? cellsRes.error)}
      period={rowsAtRest.period}
      scopeDistrict={input.district ?? input.userDistrict}
      userDistrict={input.userDistrict}
      selectedId={selectedCellId}
      onSelect={focusRow}
      onHandOver={input.onHandOver}
    />
  ) : null;

  let detail: ReactNode = null;
  const selection = input.selection;
  if (selection?.kind === 'institution') {
    detail = <RiskDetail risk={risk} />;
  } else if (selection?.kind === 'gridCell' && (frame || emergingById.size > 0)) {
    const i = indexOfId.get(selection.id);
    const em = emergingById.get(selection.id);
    const code = cells.find((c) => c.properties.id === selection.id)?.properties.code ?? em?.code ?? null;
    const hotspot =
      frame && i !== undefined
        ? { code, clues: frame.values[i], z: frame.result.z[i], p: frame.result.p[i], pFdr: frame.result.pFdr[i], bin: frame.result.bin[i], binFdr: frame.result.binFdr[i] }
        : null;
    const weekly = live !== null && i !== undefined;
    const series = weekly ? groupSeries(cellSeries(live.matrix, i), DAYS_PER_BAR) : (em?.counts ?? []);
    const seriesStarts = weekly ? live.matrix.stepStarts.filter((_, k) => k % DAYS_PER_BAR === 0) : (emergingRes.data?.steps ?? []);
    const highlight: [number, number] | null = frame ? [Math.floor(frame.fromStep / DAYS_PER_BAR), Math.ceil(frame.toStep / DAYS_PER_BAR)] : null;
    const place = selectedCell && cellCollection && !input.cellInDetail ? cellPlace(selectedCell.properties, cellCollection) : null;
    detail = (
      <>
        {place && <CellPlace {...place} />}
        <CellDetail
          hotspot={hotspot}
          emerging={em ? { category: em.category, trend: em.trend } : null}
          series={series}
          seriesStarts={seriesStarts}
          seriesStep={weekly ? 'week' : state.emergingStep}
          highlight={highlight}
          fdr={state.fdr}
        />
      </>
    );
  }
  const mode: AnalysisMode = layers.length === 0 ? 'none' : 'shown';
  return { layers, panel, hotCells, detail, mode };
}
