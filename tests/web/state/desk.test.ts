import { describe, expect, test } from 'vitest';
import {
  cursorReducer,
  durationParts,
  EMPTY_FILTERS,
  fieldIssues,
  INITIAL_CURSOR,
  keyAction,
  metricsPeriod,
  addressWithPlace,
  nextActiveOption,
  queueQuery,
  slaClock,
  slaUrgency,
  stripFigures,
  toggled,
  withFilter,
  type QueueCursor,
} from '../../../web/state/desk.js';

const NOW = Date.parse('2026-11-20T02:00:00Z');
const hours = (h: number) => new Date(NOW + h * 3_600_000).toISOString();

describe('the SLA clock', () => {
  test('overdue is red, under 24 hours amber, later calm', () => {
    expect(slaUrgency({ dueAt: hours(-1), paused: false }, NOW)).toBe('overdue');
    expect(slaUrgency({ dueAt: hours(0), paused: false }, NOW)).toBe('overdue');
    expect(slaUrgency({ dueAt: hours(23.9), paused: false }, NOW)).toBe('soon');
    expect(slaUrgency({ dueAt: hours(24), paused: false }, NOW)).toBe('calm');
    expect(slaUrgency({ dueAt: hours(100), paused: false }, NOW)).toBe('calm');
  });
  test('a paused clock is grey even past its deadline; closed and undated clues run none', () => {
    expect(slaUrgency({ dueAt: hours(-50), paused: true, overdue: true }, NOW)).toBe('paused');
    expect(slaUrgency({ dueAt: hours(-5), paused: false, open: false }, NOW)).toBe('none');
    expect(slaUrgency({ dueAt: null, paused: false }, NOW)).toBe('none');
  });
  test('the server’s overdue verdict wins over a clock that is a little behind', () => {
    expect(slaUrgency({ dueAt: hours(0.01), paused: false, overdue: true }, NOW)).toBe('overdue');
  });
  test('minutes left are signed, and split into days, hours, minutes', () => {
    expect(slaClock({ dueAt: hours(-26.5), paused: false }, NOW)).toEqual({ urgency: 'overdue', minutesLeft: -1590 });
    expect(slaClock({ dueAt: null, paused: false }, NOW).minutesLeft).toBeNull();
    expect(durationParts(-1590)).toEqual({ days: 1, hours: 2, minutes: 30 });
    expect(durationParts(59)).toEqual({ days: 0, hours: 0, minutes: 59 });
  });
});

describe('filters to the queue’s query', () => {
  test('no filter asks for the first page sorted by due time', () => {
    expect(queueQuery(EMPTY_FILTERS)).toEqual({ sort: 'due', limit: '50' });
  });
  test('lists are joined sorted and once, each set filter travels', () => {
    const q = queueQuery({ status: ['handling', 'dispatched', 'handling'], source: ['platform', '12345'], due: 'overdue', district: '310107', department: 'education', sort: '-due', offset: 100 });
    expect(q).toEqual({ status: 'dispatched,handling', source: '12345,platform', due: 'overdue', district: '310107', department: 'education', sort: '-due', limit: '50', offset: '100' });
  });
  test('a district-scoped user asks for its own district whatever the filter says; malformed codes are left out', () => {
    expect(queueQuery({ ...EMPTY_FILTERS, district: '310101' }, '310107').district).toBe('310107');
    expect(queueQuery({ ...EMPTY_FILTERS, district: '31x', department: 'Edu cation' })).toEqual({ sort: 'due', limit: '50' });
  });
  test('changing a filter returns to the first page; toggling adds and removes', () => {
    expect(withFilter({ ...EMPTY_FILTERS, offset: 150 }, { due: 'today' })).toMatchObject({ due: 'today', offset: 0 });
    expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
  });
  test('the metrics’ period is the last 30 days up to today, across a month', () => {
    expect(metricsPeriod('2026-11-20')).toEqual({ from: '2026-10-22', to: '2026-11-20' });
    expect(metricsPeriod('2026-03-01', 2)).toEqual({ from: '2026-02-28', to: '2026-03-01' });
  });
});

describe('the keyboard', () => {
  const rows = (ids: number[]): QueueCursor => cursorReducer(INITIAL_CURSOR, { kind: 'rows', ids });
  test('j/k and the arrows move, Enter opens, ? and / and d are commands', () => {
    const ctx = { inField: false, modifier: false, help: false };
    expect(keyAction('j', ctx)).toEqual({ kind: 'next' });
    expect(keyAction('ArrowDown', ctx)).toEqual({ kind: 'next' });
    expect(keyAction('k', ctx)).toEqual({ kind: 'previous' });
    expect(keyAction('ArrowUp', ctx)).toEqual({ kind: 'previous' });
    expect(keyAction('Enter', ctx)).toEqual({ kind: 'open' });
    expect(keyAction('d', ctx)).toEqual({ kind: 'dispatch' });
    expect(keyAction('/', ctx)).toEqual({ kind: 'focusFilter' });
    expect(keyAction('?', ctx)).toEqual({ kind: 'help', show: true });
    expect(keyAction('q', ctx)).toEqual({ kind: 'none' });
  });
  test('typing in a field or with a modifier is not a command; Escape closes the help even from a field', () => {
    expect(keyAction('j', { inField: true, modifier: false, help: false })).toEqual({ kind: 'none' });
    expect(keyAction('d', { inField: false, modifier: true, help: false })).toEqual({ kind: 'none' });
    expect(keyAction('Escape', { inField: true, modifier: false, help: true })).toEqual({ kind: 'help', show: false });
  });
  test('the cursor starts at the top or bottom, stops at the ends, and Enter opens its clue', () => {
    let s = rows([5, 7, 9]);
    s = cursorReducer(s, { kind: 'previous' });
    expect(s.cursor).toBe(9);
    s = cursorReducer(rows([5, 7, 9]), { kind: 'next' });
    expect(s.cursor).toBe(5);
    s = cursorReducer(cursorReducer(cursorReducer(s, { kind: 'next' }), { kind: 'next' }), { kind: 'next' });
    expect(s.cursor).toBe(9);
    expect(s.open).toBeNull();
    s = cursorReducer(s, { kind: 'open' });
    expect(s.open).toBe(9);
    expect(cursorReducer(rows([]), { kind: 'next' }).cursor).toBeNull();
    expect(cursorReducer(rows([1]), { kind: 'open' }).open).toBeNull();
  });
  test('moving after a click goes on from the clicked clue; a new page keeps a cursor still there and drops gone ticks', () => {
    let s = cursorReducer(rows([5, 7, 9]), { kind: 'select', id: 7 });
    expect(s).toMatchObject({ cursor: 7, open: 7 });
    s = cursorReducer(s, { kind: 'next' });
    expect(s.cursor).toBe(9);
    s = cursorReducer(cursorReducer(s, { kind: 'toggle', id: 5 }), { kind: 'toggle', id: 9 });
    expect(s.checked).toEqual([5, 9]);
    s = cursorReducer(s, { kind: 'rows', ids: [9, 11] });
    expect(s).toMatchObject({ cursor: 9, checked: [9] });
    s = cursorReducer(s, { kind: 'rows', ids: [11] });
    expect(s).toMatchObject({ cursor: null, checked: [] });
  });
  test('tick all toggles between all rows and none; help toggles', () => {
    let s = cursorReducer(rows([1, 2]), { kind: 'toggleAll' });
    expect(s.checked).toEqual([1, 2]);
    s = cursorReducer(s, { kind: 'toggleAll' });
    expect(s.checked).toEqual([]);
    expect(cursorReducer(s, { kind: 'help' }).help).toBe(true);
  });
});

describe('a refused step’s issues by field', () => {
  test('paths are joined with dots and the first issue of a field wins', () => {
    expect(
      fieldIssues({ issues: [{ path: ['reason'], message: 'at least 4 characters' }, { path: ['reason'], message: 'second' }, { path: ['evidence', 0, 'ref'], message: 'required' }, { path: [], message: 'general' }] }),
    ).toEqual({ reason: 'at least 4 characters', 'evidence.0.ref': 'required', '': 'general' });
  });
  test('a body of another shape gives no issues', () => {
    expect(fieldIssues(null)).toEqual({});
    expect(fieldIssues({ issues: 'no' })).toEqual({});
    expect(fieldIssues({ issues: [{ path: ['x'] }] })).toEqual({});
  });
});

describe('the metrics strip', () => {
  const group = (group: string, closed: number, closedOnTime: number, openOverdue: number, reopenRate: number | null, p50 = 10) => ({
    group,
    received: closed + openOverdue,
    closed,
    closedOnTime,
    openOverdue,
    reopenRate,
    handlingHours: { p50, p90: p50 * 3, max: p50 * 5 },
  });
  test('a district’s figures are its group’s, the on-time rate counting open overdue clues against it', () => {
    const f = stripFigures({ groups: [group('310107', 8, 6, 2, 0.25, 12), group('310101', 10, 10, 0, 0)] }, '310107');
    expect(f).toEqual({ onTimeRate: 0.6, openOverdue: 2, p50: 12, p90: 36, reopenRate: 0.25 });
  });
  test('the city sums the groups, weighs the reopen rate by closed clues and gives no percentiles of several', () => {
    const f = stripFigures({ groups: [group('310107', 8, 6, 2, 0.25), group('310101', 2, 2, 0, 1)] }, null);
    expect(f.onTimeRate).toBeCloseTo(8 / 12);
    expect(f.openOverdue).toBe(2);
    expect(f.reopenRate).toBeCloseTo((0.25 * 8 + 1 * 2) / 10);
    expect(f.p50).toBeNull();
  });
  test('nothing to count is no rate, not zero', () => {
    expect(stripFigures({ groups: [] }, null)).toEqual({ onTimeRate: null, openOverdue: 0, p50: null, p90: null, reopenRate: null });
  });
});

describe('nextActiveOption (the intake’s comboboxes)', () => {
  test('from none, down takes the first and up the last; the ends wrap; an empty list has none', () => {
    expect(nextActiveOption(-1, 5, 1)).toBe(0);
    expect(nextActiveOption(-1, 5, -1)).toBe(4);
    expect(nextActiveOption(2, 5, 1)).toBe(3);
    expect(nextActiveOption(4, 5, 1)).toBe(0);
    expect(nextActiveOption(0, 5, -1)).toBe(4);
    expect(nextActiveOption(-1, 0, 1)).toBe(-1);
    // A list that shrank under the cursor starts again at its end.
    expect(nextActiveOption(7, 3, 1)).toBe(0);
  });
});

describe('addressWithPlace (the intake’s 街镇 or road)', () => {
  test('puts the 街镇 and the road before what was typed, each once', () => {
    expect(addressWithPlace('', ['南京东路街道'])).toBe('南京东路街道');
    expect(addressWithPlace('100号', ['南京东路街道'])).toBe('南京东路街道100号');
    expect(addressWithPlace('南京东路街道100号', ['南京东路街道'])).toBe('南京东路街道100号');
    expect(addressWithPlace('南京东路街道', ['南京东路街道', '九江路'])).toBe('南京东路街道九江路');
    expect(addressWithPlace('南京东路街道九江路8号', ['南京东路街道', '九江路'])).toBe('南京东路街道九江路8号');
    expect(addressWithPlace('3楼', ['', '九江路'])).toBe('九江路3楼');
  });
});
