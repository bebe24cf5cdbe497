import { addDays, type IsoDate } from '../../server/domain/time.js';

// The clue desk's pure logic (工单台): the SLA clock's urgency, the queue's filters as a query, and the keyboard.
// No I/O and no clock of its own: the page hook hands in "now".

export const SLA_URGENCIES = ['overdue', 'soon', 'paused', 'calm', 'none'] as const;
export type SlaUrgency = (typeof SLA_URGENCIES)[number];

/** Less than this left before the deadline is amber (临期). */
export const SOON_MS = 24 * 60 * 60 * 1000;

export interface SlaInput {
  dueAt: string | null;
  paused: boolean;
  /** The server's own verdict (it counts the deadline as the server's clock sees it). */
  overdue?: boolean;
  /** Closed or rejected clues run no clock. */
  open?: boolean;
}

/** The colour class of a clue's SLA clock: paused grey before anything else, then overdue red, under 24 h amber, else calm. */
export function slaUrgency(clue: SlaInput, nowMs: number): SlaUrgency {
  if (clue.open === false) return 'none';
  if (clue.paused) return 'paused';
  if (clue.dueAt === null) return 'none';
  const left = Date.parse(clue.dueAt) - nowMs;
  if (clue.overdue === true || left <= 0) return 'overdue';
  return left < SOON_MS ? 'soon' : 'calm';
}

/** RGBA of each urgency on the map (the same hues as the clocks in desk.css). */
export const URGENCY_RGBA: Readonly<Record<SlaUrgency, [number, number, number, number]>> = {
  overdue: [239, 68, 68, 235],
  soon: [245, 158, 11, 235],
  paused: [148, 163, 184, 220],
  calm: [56, 189, 148, 220],
  none: [100, 116, 139, 200],
};

export interface SlaClock {
  urgency: SlaUrgency;
  /** Signed whole minutes to the deadline (negative: past it); null without a deadline. */
  minutesLeft: number | null;
}

export function slaClock(clue: SlaInput, nowMs: number): SlaClock {
  const urgency = slaUrgency(clue, nowMs);
  const minutesLeft = clue.dueAt === null ? null : Math.trunc((Date.parse(clue.dueAt) - nowMs) / 60_000);
  return { urgency, minutesLeft };
}

/** "2天3小时" / "2 d 3 h": the size of the time left or past, the sign said by the caller's words. */
export function durationParts(minutes: number): { days: number; hours: number; minutes: number } {
  const m = Math.abs(minutes);
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 };
}

// ——— filters ———

export const DUE_WINDOWS = ['overdue', 'today', '3d', '7d'] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];
export type DueSort = 'due' | '-due';

export interface DeskFilters {
  status: readonly string[];
  due: DueWindow | null;
  source: readonly string[];
  district: string | null;
  department: string | null;
  sort: DueSort;
  offset: number;
}

export const PAGE_SIZE = 50;

export const EMPTY_FILTERS: DeskFilters = { status: [], due: null, source: [], district: null, department: null, sort: 'due', offset: 0 };

const DISTRICT = /^\d{6}$/;
const DEPARTMENT = /^[a-z_]{2,40}$/;

/**
 * The queue's query string parameters for the filters: only what is set travels, lists comma-joined and sorted so
 * that the same filters make the same key. A district-scoped user's own district replaces any other.
 */
export function queueQuery(filters: DeskFilters, scopeDistrict: string | null = null): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.status.length > 0) query.status = [...new Set(filters.status)].sort().join(',');
  if (filters.source.length > 0) query.source = [...new Set(filters.source)].sort().join(',');
  if (filters.due) query.due = filters.due;
  const district = scopeDistrict ?? filters.district;
  if (district && DISTRICT.test(district)) query.district = district;
  if (filters.department && DEPARTMENT.test(filters.department)) query.department = filters.department;
  query.sort = filters.sort;
  query.limit = String(PAGE_SIZE);
  if (filters.offset > 0) query.offset = String(filters.offset);
  return query;
}

/** The queue's filters a link may carry (`/desk?source=platform`): the sources and the status, unknown values dropped. */
export function filtersFromSearch(search: string, known: { sources: readonly string[]; statuses: readonly string[] }): Partial<DeskFilters> {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const listOf = (name: string, allowed: readonly string[]) => (params.get(name) ?? '').split(',').filter((v) => allowed.includes(v));
  const source = listOf('source', known.sources);
  const status = listOf('status', known.statuses);
  return { ...(source.length ? { source } : {}), ...(status.length ? { status } : {}) };
}

/** A change of any filter but the page starts again at the first page. */
export function withFilter(filters: DeskFilters, patch: Partial<Omit<DeskFilters, 'offset'>>): DeskFilters {
  return { ...filters, ...patch, offset: 0 };
}

/** Adds or removes one value of a multi-valued filter. */
export const toggled = (values: readonly string[], value: string): string[] => (values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);

/** The metrics' period for the strip: the last 30 Shanghai days up to `today`. */
export function metricsPeriod(today: IsoDate, days = 30): { from: IsoDate; to: IsoDate } {
  return { from: addDays(today, -(days - 1)), to: today };
}

// ——— the keyboard ———

export interface QueueCursor {
  /** The ids in the queue's order. */
  ids: readonly number[];
  /** The row the cursor is on (highlighted); null before any move. */
  cursor: number | null;
  /** The clue whose detail is open. */
  open: number | null;
  /** Ticked for bulk dispatch. */
  checked: readonly number[];
  help: boolean;
}

export type DeskKeyAction =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'open' }
  | { kind: 'select'; id: number }
  | { kind: 'toggle'; id: number }
  | { kind: 'toggleAll' }
  | { kind: 'clearChecked' }
  | { kind: 'help'; show?: boolean }
  | { kind: 'rows'; ids: readonly number[] };

export const INITIAL_CURSOR: QueueCursor = { ids: [], cursor: null, open: null, checked: [], help: false };

/** The queue's cursor, open clue and ticks after an action (the keys' meaning is in `keyAction`). */
export function cursorReducer(state: QueueCursor, action: DeskKeyAction): QueueCursor {
  switch (action.kind) {
    case 'rows': {
      // A new page of the queue: the cursor stays on its clue when that clue is still there, ticks of gone clues drop.
      const cursor = state.cursor !== null && action.ids.includes(state.cursor) ? state.cursor : null;
      return { ...state, ids: action.ids, cursor, checked: state.checked.filter((id) => action.ids.includes(id)) };
    }
    case 'next':
    case 'previous': {
      if (state.ids.length === 0) return state;
      const at = state.cursor === null ? (state.open !== null ? state.ids.indexOf(state.open) : -1) : state.ids.indexOf(state.cursor);
      const step = action.kind === 'next' ? 1 : -1;
      const next = at < 0 ? (step > 0 ? 0 : state.ids.length - 1) : Math.max(0, Math.min(state.ids.length - 1, at + step));
      return { ...state, cursor: state.ids[next] };
    }
    case 'open':
      return state.cursor === null ? state : { ...state, open: state.cursor };
    case 'select':
      return { ...state, cursor: action.id, open: action.id };
    case 'toggle':
      return { ...state, checked: state.checked.includes(action.id) ? state.checked.filter((id) => id !== action.id) : [...state.checked, action.id] };
    case 'toggleAll':
      return { ...state, checked: state.checked.length === state.ids.length ? [] : [...state.ids] };
    case 'clearChecked':
      return { ...state, checked: [] };
    case 'help':
      return { ...state, help: action.show ?? !state.help };
  }
}

export type DeskKeyCommand = DeskKeyAction | { kind: 'dispatch' } | { kind: 'focusFilter' } | { kind: 'none' };

/**
 * What a key press means on the desk. Keys typed into a field are the field's, except Escape; modified keys are the
 * browser's.
 */
export function keyAction(key: string, context: { inField: boolean; modifier: boolean; help: boolean }): DeskKeyCommand {
  if (context.modifier) return { kind: 'none' };
  if (context.help && (key === 'Escape' || key === '?')) return { kind: 'help', show: false };
  if (context.inField) return { kind: 'none' };
  switch (key) {
    case 'j':
    case 'ArrowDown':
      return { kind: 'next' };
    case 'k':
    case 'ArrowUp':
      return { kind: 'previous' };
    case 'Enter':
      return { kind: 'open' };
    case 'd':
      return { kind: 'dispatch' };
    case '/':
      return { kind: 'focusFilter' };
    case '?':
      return { kind: 'help', show: true };
    default:
      return { kind: 'none' };
  }
}

// ——— a step's form ———

/**
 * The issues of a refused write by field (`{ issues: [{ path, message }] }` of a 400/422 answer), keyed by the path
 * joined with dots (evidence.0.ref); the first issue of a field wins. Issues without a path go under ''.
 */
export function fieldIssues(details: unknown): Record<string, string> {
  const issues = (details as { issues?: unknown } | null)?.issues;
  const out: Record<string, string> = {};
  if (!Array.isArray(issues)) return out;
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.message !== 'string') continue;
    const key = Array.isArray(issue.path) ? issue.path.map(String).join('.') : typeof issue.path === 'string' ? issue.path : '';
    out[key] ??= issue.message;
  }
  return out;
}

/** Open clues: those a clock runs for. */
export const isOpenStatus = (status: string): boolean => status !== 'closed' && status !== 'rejected';

// ——— the metrics strip ———

export interface MetricsGroup {
  group: string;
  received: number;
  closed: number;
  closedOnTime: number;
  openOverdue: number;
  reopenRate: number | null;
  handlingHours: { p50: number; p90: number; max: number } | null;
}

export interface StripFigures {
  /** Closed on time ÷ (closed + open overdue); null with nothing to count. */
  onTimeRate: number | null;
  openOverdue: number;
  /** Percentiles of one group only: those of several districts do not add up. */
  p50: number | null;
  p90: number | null;
  reopenRate: number | null;
}

/**
 * The strip's figures from the metrics per district: the district's own group, or for the city the sums of all groups
 * (the on-time rate and the reopen rate from the sums, weighted by closed clues; percentiles only when one group).
 */
export function stripFigures(answer: { groups: readonly MetricsGroup[] }, district: string | null): StripFigures {
  const groups = district ? answer.groups.filter((g) => g.group === district) : answer.groups;
  const closed = groups.reduce((s, g) => s + g.closed, 0);
  const onTime = groups.reduce((s, g) => s + g.closedOnTime, 0);
  const openOverdue = groups.reduce((s, g) => s + g.openOverdue, 0);
  const weighed = groups.filter((g) => g.reopenRate !== null && g.closed > 0);
  const weight = weighed.reduce((s, g) => s + g.closed, 0);
  const single = groups.length === 1 ? groups[0].handlingHours : null;
  return {
    onTimeRate: closed + openOverdue > 0 ? onTime / (closed + openOverdue) : null,
    openOverdue,
    p50: single?.p50 ?? null,
    p90: single?.p90 ?? null,
    reopenRate: weight > 0 ? weighed.reduce((s, g) => s + g.reopenRate! * g.closed, 0) / weight : null,
  };
}

/**
 * The active option of a combobox's list after an arrow key (`step` +1 down, −1 up): from none, down takes the first
 * and up the last; past either end it wraps. −1 (none) when the list is empty.
 */
export function nextActiveOption(active: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0 || active >= count) return step > 0 ? 0 : count - 1;
  return (active + step + count) % count;
}

/**
 * The address after choosing where the report is (a 街镇, or a road with its 街镇): those names first, in order and
 * each once, then what was typed after the ones already there.
 */
export function addressWithPlace(address: string, names: readonly string[]): string {
  let rest = address;
  for (const name of names) if (name && rest.startsWith(name)) rest = rest.slice(name.length);
  return `${names.join('')}${rest}`;
}
