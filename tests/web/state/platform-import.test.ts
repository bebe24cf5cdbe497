import { describe, expect, test } from 'vitest';
import type { ClueImportReport } from '../../../server/contract/clue-loop.js';
import { canCommit, effectiveMapping, importQuery, problemMessage, reportLines } from '../../../web/state/platform-import.js';
import { filtersFromSearch } from '../../../web/state/desk.js';
import { deskSearch, deskViewOf } from '../../../web/navigation.js';

const report = (patch: Partial<ClueImportReport> = {}): ClueImportReport => ({
  committed: false,
  encoding: 'utf-8',
  rowCount: 2,
  header: ['投诉编号', '投诉时间'],
  mapping: { externalId: 0, reportedAt: 1 },
  sample: [],
  problems: [],
  rows: [],
  ...patch,
});

describe('the platform import', () => {
  test('problems by line and field; those of the whole file without a line', () => {
    expect(
      reportLines([
        { path: 'line 4.reportedAt', message: 'in the future' },
        { path: 'header.address', message: 'no column' },
        { path: 'encoding', message: 'not UTF-8' },
      ]),
    ).toEqual([
      { line: 4, field: 'reportedAt', message: 'in the future' },
      { line: null, field: 'address', message: 'no column' },
      { line: null, field: 'encoding', message: 'not UTF-8' },
    ]);
  });

  test('the query carries only what was chosen: the encoding when named, the fields mapped by hand, commit', () => {
    expect(importQuery({ encoding: 'auto', mapping: {}, commit: false })).toEqual({});
    expect(importQuery({ encoding: 'gbk', mapping: { address: 3, externalId: 0 }, commit: true })).toEqual({ encoding: 'gbk', mapping: '{"externalId":0,"address":3}', commit: 'true' });
  });

  test('"import all" only after a clean dry run with rows; the user’s column over the server’s', () => {
    expect(canCommit(report())).toBe(true);
    expect(canCommit(null)).toBe(false);
    expect(canCommit(report({ problems: [{ path: 'line 2.lon', message: 'x' }], rowCount: 0 }))).toBe(false);
    expect(canCommit(report({ rowCount: 0 }))).toBe(false);
    expect(canCommit(report({ committed: true }))).toBe(false);
    expect(effectiveMapping(report(), { reportedAt: 5 })).toEqual({ externalId: 0, reportedAt: 5 });
  });
});

describe('the importer’s messages in the catalogue', () => {
  test('known messages by key with their values; any other shown as written', () => {
    expect(problemMessage('not a time: "2026-13-01" (2026-10-03 14:22, Shanghai time)')).toEqual({ key: 'import.problem.time', params: { value: '"2026-13-01"' } });
    expect(problemMessage('TS1 also on line 2')).toEqual({ key: 'import.problem.twice', params: { value: 'TS1', line: '2' } });
    expect(problemMessage('the position lies in district 310106, not in 310107 as the file says')).toEqual({ key: 'import.problem.elsewhere', params: { found: '310106', named: '310107' } });
    expect(problemMessage('something new')).toBeNull();
  });
});

describe('the desk’s addresses', () => {
  test('views by ?view=, the queue without it; the language kept', () => {
    expect(deskViewOf('?view=matrix')).toBe('matrix');
    expect(deskViewOf('?view=import&lang=en')).toBe('import');
    expect(deskViewOf('?view=nonsense')).toBe('queue');
    expect(deskSearch('import', '?view=matrix&lang=en')).toBe('view=import&lang=en');
    expect(deskSearch('queue', '?view=import', { source: 'platform' })).toBe('source=platform');
  });

  test('a link’s filters: known sources and statuses only', () => {
    const known = { sources: ['platform', '12345'], statuses: ['received'] };
    expect(filtersFromSearch('?source=platform', known)).toEqual({ source: ['platform'] });
    expect(filtersFromSearch('?source=platform,nope&status=received', known)).toEqual({ source: ['platform'], status: ['received'] });
    expect(filtersFromSearch('?view=matrix', known)).toEqual({});
  });
});
