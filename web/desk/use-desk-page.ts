import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { Me } from '../../server/contract/index.js';
import type { ClueIntake, ClueLoopDetail, ClueStep } from '../../server/contract/clue-loop.js';
import { systemClock } from '../../server/domain/clock.js';
import { shanghaiDate } from '../../server/domain/time.js';
import { useDistricts } from '../api/index.js';
import { ApiError } from '../api/errors.js';
import { clueSources, clueStatuses } from '../../server/contract/enums.js';
import { bulkDispatch, clueStep, createClue, useAllStreets, useInstitutionSearch, useRoadSearch, useClueDuplicates, useClueLoopDetail, useClueMetrics, useClueQueue, useClueTimeline } from '../api/desk.js';
import { nextViewRequestSeq, type ViewRequest } from '../map/MapView.js';
import { deskClueLayers, type DeskPoint } from '../layers/desk-layers.js';
import { darkTheme } from '../layers/theme.js';
import {
  cursorReducer,
  EMPTY_FILTERS,
  fieldIssues,
  filtersFromSearch,
  INITIAL_CURSOR,
  isOpenStatus,
  keyAction,
  metricsPeriod,
  queueQuery,
  slaUrgency,
  withFilter,
  type DeskFilters,
} from '../state/desk.js';

// The clue desk's one place that asks the server (工单台): the queue for the filters, the open clue with its
// duplicates and timeline, the metrics of the filters' district, and every write (a step, bulk dispatch, intake). The
// components below only draw what this hands them.

/** The queue's first filter, where `/` puts the focus. */
export const FIRST_FILTER_ID = 'desk-filter-first';

/** The intake's searches ask once the operator has stopped typing this long. */
const SEARCH_REST_MS = 200;

/** The SLA clocks move on at this pace. */
const TICK_MS = 30_000;

export type StepOutcome = { ok: true; clue: ClueLoopDetail } | { ok: false; error: ApiError; fields: Record<string, string> };

const failure = (error: unknown): { ok: false; error: ApiError; fields: Record<string, string> } => {
  const apiError = error instanceof ApiError ? error : new ApiError(error instanceof Error ? error.message : String(error), 0, 'network');
  return { ok: false, error: apiError, fields: fieldIssues(apiError.details) };
};

export interface BulkOutcome {
  dispatched: number;
  failed: { id: number; message: string }[];
}

/** The text to search for once its typing has rested (trimmed, at most 50 characters); null while none is wanted. */
function useRestingQuery(text: string, wanted: boolean): string | null {
  const [query, setQuery] = useState<string | null>(null);
  useEffect(() => {
    const trimmed = text.trim();
    const timer = setTimeout(() => setQuery(wanted && trimmed ? trimmed.slice(0, 50) : null), SEARCH_REST_MS);
    return () => clearTimeout(timer);
  }, [text, wanted]);
  return query;
}

export function useDeskPage(user: Me) {
  const scope = user.role === 'leader' ? user.districtCode : null;
  // A link may open the queue filtered (`/desk?source=platform`, after an import).
  const [filters, setFilters] = useState<DeskFilters>(() => ({ ...EMPTY_FILTERS, ...filtersFromSearch(window.location.search, { sources: clueSources, statuses: clueStatuses }), district: scope }));
  const setFilter = useCallback((patch: Partial<Omit<DeskFilters, 'offset'>>) => setFilters((f) => withFilter(f, patch)), []);
  const setOffset = useCallback((offset: number) => setFilters((f) => ({ ...f, offset: Math.max(0, offset) })), []);
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((n) => n + 1), []);

  const [nowMs, setNowMs] = useState(() => systemClock().getTime());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(systemClock().getTime()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const query = useMemo(() => queueQuery(filters, scope), [filters, scope]);
  const queue = useClueQueue(query, revision);
  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);

  const [cursor, dispatchCursor] = useReducer(cursorReducer, INITIAL_CURSOR);
  const ids = useMemo(() => items.map((c) => c.id), [items]);
  const idsKey = ids.join(',');
  useEffect(() => dispatchCursor({ kind: 'rows', ids }), [idsKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const openId = cursor.open;
  const detail = useClueLoopDetail(openId, revision);
  const timeline = useClueTimeline(openId, revision);
  const duplicates = useClueDuplicates(openId, revision);

  const today = shanghaiDate(new Date(nowMs));
  const district = scope ?? filters.district;
  const metricsQuery = useMemo(() => ({ ...metricsPeriod(today), groupBy: 'district', ...(district ? { district } : {}) }), [today, district]);
  const metrics = useClueMetrics(metricsQuery, revision);

  const districts = useDistricts();

  // ---- the map: the queue's clues where the answer places them, the open one ringed ----
  const points = useMemo(
    (): DeskPoint[] =>
      items.map((c) => ({ id: c.id, position: c.position, urgency: slaUrgency({ dueAt: c.dueAt, paused: c.paused, overdue: c.overdue, open: isOpenStatus(c.status) }, nowMs) })),
    [items, nowMs],
  );
  const openPosition = detail.data?.geometry.coordinates as [number, number] | undefined;
  const mapPoints = useMemo(() => {
    if (!detail.data || !openPosition || points.some((p) => p.id === detail.data!.properties.id)) return points;
    const c = detail.data.properties;
    return [...points, { id: c.id, position: openPosition, urgency: slaUrgency({ dueAt: c.dueAt, paused: c.paused, overdue: c.overdue, open: isOpenStatus(c.status) }, nowMs) }];
  }, [points, detail.data, openPosition, nowMs]);
  const layers = useMemo(() => deskClueLayers(mapPoints, openId, darkTheme), [mapPoints, openId]);
  // The opened clue is brought into view.
  const lon = openPosition?.[0];
  const lat = openPosition?.[1];
  // Before any clue is open the map frames the queue's clues.
  const frame = useMemo((): [number, number, number, number] | null => {
    if (points.length === 0) return null;
    const xs = points.map((p) => p.position[0]);
    const ys = points.map((p) => p.position[1]);
    const pad = 0.01;
    return [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) + pad, Math.max(...ys) + pad];
  }, [points]);
  const frameKey = frame ? frame.map((v) => v.toFixed(3)).join(',') : null;
  const viewRequest = useMemo((): ViewRequest | null => {
    if (lon !== undefined && lat !== undefined) return { kind: 'view', view: { longitude: lon, latitude: lat, zoom: 13 }, seq: nextViewRequestSeq() };
    return frameKey ? { kind: 'bounds', bounds: frameKey.split(',').map(Number) as [number, number, number, number], seq: nextViewRequestSeq() } : null;
  }, [lon, lat, frameKey]);

  // ---- writes ----
  const runStep = useCallback(async (id: number, step: ClueStep, body: Record<string, unknown>): Promise<StepOutcome> => {
    try {
      const clue = await clueStep(id, step, body);
      refresh();
      return { ok: true, clue };
    } catch (error) {
      return failure(error);
    }
  }, [refresh]);

  const [bulk, setBulk] = useState<{ running: boolean; outcome: BulkOutcome | null; error: ApiError | null }>({ running: false, outcome: null, error: null });
  const dispatchChecked = useCallback(async () => {
    const chosen = cursor.checked.length > 0 ? cursor.checked : cursor.cursor !== null ? [cursor.cursor] : [];
    if (chosen.length === 0) return;
    setBulk({ running: true, outcome: null, error: null });
    try {
      const answer = await bulkDispatch(chosen);
      const failed = answer.results.filter((r) => !r.ok).map((r) => ({ id: r.id, message: r.error?.message ?? '' }));
      setBulk({ running: false, outcome: { dispatched: answer.results.length - failed.length, failed }, error: null });
      dispatchCursor({ kind: 'clearChecked' });
      refresh();
    } catch (error) {
      setBulk({ running: false, outcome: null, error: failure(error).error });
    }
  }, [cursor.checked, cursor.cursor, refresh]);

  const [intakeOpen, setIntakeOpenState] = useState(false);
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<[number, number] | null>(null);
  const [saved, setSaved] = useState<ClueLoopDetail | null>(null);
  /** The intake's 街镇 / road search text; a new form starts empty. */
  const [placeText, setPlaceText] = useState('');
  const savedDuplicates = useClueDuplicates(saved?.properties.id ?? null, 0);
  const setIntakeOpen = useCallback((open: boolean) => {
    setIntakeOpenState(open);
    setPlaceText('');
    setPicking(false);
    setPicked(null);
    setSaved(null);
  }, []);
  const pick = useCallback((lngLat: [number, number]) => {
    setPicked(lngLat);
    setPicking(false);
  }, []);
  const submitIntake = useCallback(async (intake: ClueIntake, photos: readonly File[]): Promise<StepOutcome> => {
    try {
      const clue = await createClue(intake, photos);
      refresh();
      return { ok: true, clue };
    } catch (error) {
      return failure(error);
    }
  }, [refresh]);

  // The suspected institution's search and the address's road search: asked once the typing rests.
  const [institutionText, setInstitutionText] = useState('');
  const institutionQuery = useRestingQuery(institutionText, intakeOpen);
  const institutionMatches = useInstitutionSearch(institutionQuery);
  const roadQuery = useRestingQuery(placeText, intakeOpen);
  const roadMatches = useRoadSearch(roadQuery);

  // The 街镇 of the intake's address search: asked for when the form first opens.
  const streets = useAllStreets(intakeOpen ? scope : undefined);

  // ---- the keyboard ----
  const onKey = useCallback(
    (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const inField = !!target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
      // Enter on a button is the button's.
      if (event.key === 'Enter' && target && target.tagName === 'BUTTON') return;
      if (intakeOpen) {
        if (event.key === 'Escape' && picking) setPicking(false);
        return;
      }
      const command = keyAction(event.key, { inField, modifier: event.ctrlKey || event.metaKey || event.altKey, help: cursor.help });
      if (command.kind === 'none') return;
      event.preventDefault();
      if (command.kind === 'dispatch') void dispatchChecked();
      else if (command.kind === 'focusFilter') document.getElementById(FIRST_FILTER_ID)?.focus();
      else dispatchCursor(command);
    },
    [cursor.help, dispatchChecked, intakeOpen, picking],
  );
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  return {
    scope,
    filters,
    setFilter,
    setOffset,
    queue,
    items,
    nowMs,
    cursor,
    select: (id: number) => dispatchCursor({ kind: 'select', id }),
    toggle: (id: number) => dispatchCursor({ kind: 'toggle', id }),
    toggleAll: () => dispatchCursor({ kind: 'toggleAll' }),
    showHelp: (show: boolean) => dispatchCursor({ kind: 'help', show }),
    detail,
    timeline,
    duplicates,
    metrics,
    districts,
    streets,
    layers,
    mappedCount: points.length,
    runStep,
    bulk,
    dispatchChecked,
    dismissBulk: () => setBulk({ running: false, outcome: null, error: null }),
    intake: {
      open: intakeOpen,
      setOpen: setIntakeOpen,
      submit: submitIntake,
      picking,
      startPick: () => setPicking(true),
      cancelPick: () => setPicking(false),
      pick,
      picked,
      setPicked,
      saved,
      setSaved,
      duplicates: savedDuplicates,
      institutionText,
      setInstitutionText,
      institutionMatches: institutionQuery !== null && institutionQuery === institutionText.trim() ? institutionMatches : null,
      placeText,
      setPlaceText,
      roadMatches: roadQuery !== null && roadQuery === placeText.trim() ? roadMatches : null,
    },
    viewRequest,
    refresh,
  };
}

export type DeskPageModel = ReturnType<typeof useDeskPage>;
