import { describe, expect, test } from 'vitest';
import type { AuditEntry } from '../../../server/contract/index.js';
import { translator } from '../../../web/i18n/index.js';
import { pageOf, pageSearch } from '../../../web/navigation.js';
import {
  auditApiQuery,
  auditReducer,
  auditSearch,
  currentCursor,
  filterProblems,
  hasFilters,
  initialAuditState,
  issuesByField,
  NO_FILTERS,
  parseAuditFilters,
  type AuditFilters,
} from '../../../web/state/audit.js';
import { changedFields, durationLabel, entityLabel, reasonLabel, shanghaiDateTime, shortHash, summariseChange } from '../../../web/state/audit-format.js';

const zh = translator('zh-CN');
const en = translator('en');
const filters = (over: Partial<AuditFilters>): AuditFilters => ({ ...NO_FILTERS, ...over });

describe('pages by ?page=', () => {
  test('planner and audit are pages, anything else is the dashboard', () => {
    expect(pageOf('?page=audit&actor=x')).toBe('audit');
    expect(pageOf('page=planner')).toBe('planner');
    expect(pageOf('?page=calendar&year=2027')).toBe('calendar');
    expect(pageOf('?page=admin')).toBe('dashboard');
    expect(pageOf('')).toBe('dashboard');
  });

  test('opening a page keeps only the language', () => {
    expect(pageSearch('audit', '?c=121,31&z=9&lang=en&from=2026-01-01')).toBe('page=audit&lang=en');
    expect(pageSearch('dashboard', '?page=audit&actor=planner')).toBe('');
  });
});

describe('audit filters in the URL', () => {
  test('a filtered view survives a round trip, with the page and the language', () => {
    const f = filters({ actor: 'planner', action: 'clue.status', entity: 'clue', entityId: '42', from: '2026-10-01', to: '2026-10-31' });
    const search = auditSearch(f, 'en');
    expect(search).toBe('page=audit&actor=planner&action=clue.status&entity=clue&entityId=42&from=2026-10-01&to=2026-10-31&lang=en');
    expect(parseAuditFilters(`?${search}`)).toEqual(f);
    expect(auditSearch(NO_FILTERS, 'zh-CN')).toBe('page=audit');
  });

  test('values that could not be sent are dropped one by one', () => {
    expect(parseAuditFilters('?actor=%20admin%20&action=drop.table&entity=users&entityId=7&from=2026-02-30')).toEqual(filters({ actor: 'admin', entityId: '7' }));
    expect(parseAuditFilters(`?actor=${'a'.repeat(65)}`).actor).toBe('');
    expect(parseAuditFilters('?from=2026-10-31&to=2026-10-01')).toEqual(NO_FILTERS);
  });
});

describe('audit filters to the API', () => {
  test('calendar days become Shanghai instants, the end day included (exclusive the day after)', () => {
    expect(auditApiQuery(filters({ from: '2026-10-01', to: '2026-10-31', action: 'auth.login' }), '120', 50)).toEqual({
      action: 'auth.login',
      from: '2026-10-01T00:00:00+08:00',
      to: '2026-11-01T00:00:00+08:00',
      cursor: '120',
      limit: '50',
    });
    expect(auditApiQuery(NO_FILTERS, null)).toEqual({ limit: '50' });
  });

  test('the form refuses a reversed range, a bad date and overlong text before asking', () => {
    expect(filterProblems(filters({ from: '2026-10-02', to: '2026-10-01' }))).toEqual({ to: 'audit.filter.toBeforeFrom' });
    expect(filterProblems(filters({ from: '2026-10-01', to: '2026-10-01' }))).toEqual({});
    expect(filterProblems(filters({ from: '01/10/2026' }))).toEqual({ from: 'audit.filter.badDate' });
    expect(filterProblems(filters({ actor: 'x'.repeat(65), entityId: '1'.repeat(65) }))).toEqual({ actor: 'audit.filter.tooLong', entityId: 'audit.filter.tooLong' });
  });

  test('the server’s issues are read by field, other paths ignored', () => {
    const details = { issues: [{ path: ['action'], message: 'unknown value' }, { path: ['limit'], message: 'too big' }, { path: 'to', message: 'before from' }] };
    expect(issuesByField(details)).toEqual({ action: 'unknown value', to: 'before from' });
    expect(issuesByField(null)).toEqual({});
  });
});

describe('audit screen state', () => {
  test('pages walk older by cursor and back; new filters start at the newest page', () => {
    let s = initialAuditState(NO_FILTERS);
    expect(currentCursor(s)).toBeNull();
    s = auditReducer(s, { type: 'olderPage', cursor: '900' });
    s = auditReducer(s, { type: 'rowToggled', id: 880 });
    s = auditReducer(s, { type: 'olderPage', cursor: '850' });
    expect(s.expanded).toEqual([]);
    expect(currentCursor(s)).toBe('850');
    s = auditReducer(s, { type: 'newerPage' });
    expect(currentCursor(s)).toBe('900');
    s = auditReducer(s, { type: 'filtersApplied', filters: filters({ actor: '  planner ' }) });
    expect(s).toEqual({ filters: filters({ actor: 'planner' }), cursors: [], expanded: [] });
    expect(hasFilters(s.filters)).toBe(true);
  });

  test('rows open and close independently', () => {
    let s = initialAuditState(NO_FILTERS);
    s = auditReducer(s, { type: 'rowToggled', id: 3 });
    s = auditReducer(s, { type: 'rowToggled', id: 5 });
    s = auditReducer(s, { type: 'rowToggled', id: 3 });
    expect(s.expanded).toEqual([5]);
  });

  test('showing the entry a broken chain names: unfiltered, that entry first and open', () => {
    const s = auditReducer(initialAuditState(filters({ actor: 'wall' })), { type: 'entryShown', id: 41 });
    expect(s).toEqual({ filters: NO_FILTERS, cursors: ['42'], expanded: [41] });
  });
});

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2026-11-01T00:00:05.000Z',
  actor: 'planner',
  actorName: '专项行动策划 Campaign planner',
  action: 'clue.status',
  entity: 'clue',
  entityId: '7',
  before: null,
  after: null,
  prevHash: '0'.repeat(64),
  hash: 'ab'.repeat(32),
  ...over,
});

describe('how an entry reads', () => {
  test('time in Shanghai, short hash, entity with id, duration, reasons', () => {
    expect(shanghaiDateTime('2026-10-31T16:30:09.500Z')).toBe('2026-11-01 00:30:09');
    expect(shanghaiDateTime('not a time')).toBe('not a time');
    expect(shortHash('ab'.repeat(32))).toBe('abababababab…');
    expect(entityLabel(zh, { entity: 'clue', entityId: '7' })).toBe('线索 #7');
    expect(entityLabel(en, { entity: 'database', entityId: null })).toBe('Database');
    expect(entityLabel(en, { entity: 'unknown_kind', entityId: '1' })).toBe('unknown_kind #1');
    expect(durationLabel(en, 12.4)).toBe('12 ms');
    expect(durationLabel(zh, 2450)).toBe('2.5 秒');
    expect(reasonLabel(en, "hash does not match the entry's content")).toContain('changed');
  });

  test('the actions the screen knows are summarised in both languages', () => {
    const status = entry({ before: { status: 'received' }, after: { status: 'registered', note: '已登记' } });
    expect(summariseChange(zh, status)).toBe('线索状态 已接收 → 已立案（已登记）');
    expect(summariseChange(en, { ...status, after: { status: 'registered' } })).toBe('Clue status Received → Registered');
    const login = entry({ action: 'auth.login', entity: 'session', after: { userId: 2, expiresAt: '2026-11-01T12:00:00.000Z' } });
    expect(summariseChange(zh, login)).toBe('登录，会话有效至 2026-11-01 20:00:00');
    const created = entry({ action: 'clue.create', after: { suspectedType: 'residential_flat', address: '普陀区 测试路 1 号' } });
    expect(summariseChange(zh, created)).toBe('登记线索：居民楼内 · 普陀区 测试路 1 号');
    const plan = entry({ action: 'patrol.plan', entity: 'patrol_plan', after: { request: { date: '2026-11-23' }, teams: [{}, {}], unassigned: 1 } });
    expect(summariseChange(en, plan)).toBe('Patrol plan for 2026-11-23: 2 teams, 1 targets not scheduled');
    const seed = entry({ action: 'seed', actor: 'system', actorName: null, after: { institutions: 300, clues: 900, seed: 7 } });
    expect(summariseChange(zh, seed)).toBe('构建演示数据：300 家机构、900 条线索（随机种子 7）');
    const days = [{ kind: 'holiday' }, { kind: 'holiday' }, { kind: 'makeup_workday' }];
    const holidays = entry({ action: 'holiday_schedule.save', entity: 'holiday_schedule', entityId: '2027', after: { year: 2027, source: '国办发明电', days } });
    expect(summariseChange(zh, holidays)).toBe('2027 年节假日安排：2 天放假、1 天调休上班（国办发明电）');
    expect(summariseChange(en, entry({ action: 'holiday_schedule.remove', entity: 'holiday_schedule', entityId: '2027', after: null }))).toBe('Removed the entered holiday schedule of 2027');
    expect(summariseChange(zh, entry({ action: 'school_vacations.save', entity: 'school_vacations', after: [{}, {}, {}, {}] }))).toBe('寒暑假：4 个假期');
  });

  test('anything else, or a known action with other content, falls back to the fields that changed', () => {
    expect(changedFields({ a: 1, b: [1], c: 'x' }, { a: 1, b: [2], d: true })).toEqual(['b', 'c', 'd']);
    expect(summariseChange(en, entry({ action: 'institution.update', before: { name: 'A', status: 'licensed' }, after: { name: 'A', status: 'revoked' } }))).toBe('Changed: status');
    expect(summariseChange(en, entry({ action: 'clue.status', before: 'garbage', after: { status: 'closed', x: 1 } }))).toBe('Changed: status, x');
    expect(summariseChange(zh, entry({ action: 'other', before: null, after: { b: 1, a: 2 } }))).toBe('新建：a, b');
    expect(summariseChange(en, entry({ action: 'other', before: { a: 1 }, after: { a: 1 } }))).toBe('No change in content');
  });
});
