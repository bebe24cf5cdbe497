import { describe, expect, test } from 'vitest';
import type { HolidayScheduleAnswer } from '../../../server/contract/index.js';
import { SHANGHAI_SCHOOL_VACATION_DEFAULTS } from '../../../server/domain/school-vacation-defaults.js';
import { issueText } from '../../../web/calendar/issue-text.js';
import { translator } from '../../../web/i18n/index.js';
import {
  editHolidayDraft,
  editVacationRows,
  holidayBody,
  holidayDraft,
  holidayDraftIssues,
  importHolidayText,
  serverHolidayIssues,
  serverVacationIssues,
  vacationIssues,
  vacationRows,
  vacationsBody,
} from '../../../web/state/calendar-admin.js';

const fallback2027: HolidayScheduleAnswer = {
  year: 2027,
  coverage: 'fallback',
  origin: 'fallback',
  source: null,
  days: [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    { date: '2027-05-01', kind: 'holiday', name: '劳动节' },
  ],
  packageCovers: false,
  updatedAt: null,
  updatedBy: null,
};
const zh = translator('zh-CN');

describe('the holiday schedule form', () => {
  test('a fallback year starts from its fixed-date holidays, with no source', () => {
    const draft = holidayDraft(fallback2027);
    expect(draft.source).toBe('');
    expect(draft.rows.map((r) => r.date)).toEqual(['2027-01-01', '2027-05-01']);
    // Without a source the form does not go out.
    expect(holidayDraftIssues(draft).get('source')?.[0].code).toBe('source_missing');
  });

  test('rows are added after the last day, edited and removed; the body is sorted and trimmed', () => {
    let draft = editHolidayDraft(holidayDraft(fallback2027), { type: 'source', value: ' 测试 ' });
    draft = editHolidayDraft(draft, { type: 'add' });
    const added = draft.rows.at(-1)!;
    expect(added).toMatchObject({ date: '2027-05-01', name: '劳动节', kind: 'holiday' });
    draft = editHolidayDraft(draft, { type: 'row', key: added.key, field: 'date', value: '2027-02-06' });
    draft = editHolidayDraft(draft, { type: 'row', key: added.key, field: 'name', value: ' 春节 ' });
    expect(holidayBody(draft)).toEqual({
      source: '测试',
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-06', kind: 'holiday', name: '春节' },
        { date: '2027-05-01', kind: 'holiday', name: '劳动节' },
      ],
    });
    draft = editHolidayDraft(draft, { type: 'remove', key: draft.rows[0].key });
    expect(draft.rows).toHaveLength(2);
  });

  test('the kernel’s rules mark the rows at fault, in the reader’s language', () => {
    let draft = editHolidayDraft(holidayDraft(fallback2027), { type: 'source', value: 'x' });
    draft = editHolidayDraft(draft, { type: 'add' });
    const key = draft.rows.at(-1)!.key;
    draft = editHolidayDraft(draft, { type: 'kind', key, value: 'makeup_workday' });
    // Friday 1 January, already a day off.
    draft = editHolidayDraft(draft, { type: 'row', key, field: 'date', value: '2027-01-01' });
    const issues = holidayDraftIssues(draft);
    expect([...issues.keys()]).toEqual([`row:${key}`]);
    expect(issues.get(`row:${key}`)!.map((i) => issueText(zh, i))).toEqual(['调休上班日应为周六或周日', '同一天不能既放假又上班']);
  });

  test('pasted text replaces the rows, or says what is wrong by line', () => {
    const draft = holidayDraft(fallback2027);
    const good = importHolidayText(draft, 'date,kind,name\n2027-02-06,休,春节\n2027-02-20,班,春节');
    expect(good.issues).toEqual([]);
    expect(good.draft.rows.map((r) => [r.date, r.kind])).toEqual([
      ['2027-02-06', 'holiday'],
      ['2027-02-20', 'makeup_workday'],
    ]);
    const bad = importHolidayText(draft, '2027-02-06,休,春节\n2027-02-07,off,春节');
    expect(bad.draft).toBe(draft);
    expect(bad.issues).toMatchObject([{ path: 'line 2', code: 'kind' }]);
  });

  test('the server’s objections land on the row they concern, whatever the order of the form', () => {
    let draft = editHolidayDraft(holidayDraft(fallback2027), { type: 'source', value: 'x' });
    draft = editHolidayDraft(draft, { type: 'replaceRows', days: [{ date: '2027-05-01', kind: 'holiday', name: 'b' }, { date: '2027-01-01', kind: 'holiday', name: 'a' }] });
    // The body sends 2027-01-01 first: days[0] is the form's second row.
    const mapped = serverHolidayIssues(draft, [
      { path: 'days[0]', message: 'bad', code: 'name' },
      { path: ['days', 1, 'name'], message: 'Too big', code: 'too_big' },
      { path: ['source'], message: 'Too small' },
    ]);
    expect(mapped.get(`row:${draft.rows[1].key}`)?.[0].code).toBe('name');
    expect(mapped.get(`row:${draft.rows[0].key}`)?.[0].message).toBe('Too big');
    expect(mapped.get('source')?.[0].message).toBe('Too small');
    expect(issueText(zh, { message: 'Too big', code: 'too_big' })).toBe('Too big');
  });
});

describe('the school vacations form', () => {
  test('rows from the stored list, checked before they are sent', () => {
    const rows = vacationRows(SHANGHAI_SCHOOL_VACATION_DEFAULTS);
    expect(vacationIssues(rows).size).toBe(0);
    expect(vacationsBody(rows).vacations).toEqual(SHANGHAI_SCHOOL_VACATION_DEFAULTS);
    const broken = editVacationRows(rows, { type: 'field', key: rows[1].key, field: 'endsOn', value: '2026-06-15' });
    const issues = vacationIssues(broken);
    expect([...issues.keys()]).toEqual([`row:${rows[1].key}.endsOn`]);
    expect(issueText(zh, issues.get(`row:${rows[1].key}.endsOn`)![0])).toBe('结束日期早于开始日期');
    const badYear = editVacationRows(rows, { type: 'field', key: rows[0].key, field: 'schoolYear', value: '25' });
    expect(vacationIssues(badYear).get(`row:${rows[0].key}.schoolYear`)?.[0].code).toBe('school_year');
  });

  test('a new row is the next vacation after the last', () => {
    const rows = editVacationRows(vacationRows(SHANGHAI_SCHOOL_VACATION_DEFAULTS), { type: 'add' });
    expect(rows.at(-1)).toMatchObject({ schoolYear: '2027', kind: 'winter', status: 'provisional', source: '' });
    expect(vacationIssues(rows).get(`row:${rows.at(-1)!.key}.source`)?.[0].code).toBe('source');
    const afterWinter = editVacationRows(vacationRows(SHANGHAI_SCHOOL_VACATION_DEFAULTS.slice(0, 1)), { type: 'add' });
    expect(afterWinter.at(-1)).toMatchObject({ schoolYear: '2025', kind: 'summer', startsOn: '2026-07-01' });
  });

  test('the server’s objections land on the row and field', () => {
    const rows = vacationRows(SHANGHAI_SCHOOL_VACATION_DEFAULTS);
    const mapped = serverVacationIssues(rows, [
      { path: 'vacations[2].startsOn', message: 'x', code: 'window' },
      { path: ['vacations', 3, 'status'], message: 'Invalid option' },
      { path: [], message: 'something else' },
    ]);
    expect(mapped.get(`row:${rows[2].key}.startsOn`)?.[0].code).toBe('window');
    expect(mapped.get(`row:${rows[3].key}.status`)?.[0].message).toBe('Invalid option');
    expect(mapped.get('')?.[0].message).toBe('something else');
  });
});
