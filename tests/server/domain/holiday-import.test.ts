import { describe, expect, test } from 'vitest';
import { nationalCalendar, scheduleDays, scheduleFromDays, validateSchedule } from '../../../server/domain/calendar.js';
import { formatScheduleCsv, parseScheduleText, scheduleDaysIssues } from '../../../server/domain/holiday-import.js';

const csv2027 = `# 2027年部分节假日安排（测试数据，非官方）
date,kind,name
2027-01-01,holiday,元旦
2027-02-06,休,春节
2027-02-07,holiday,春节
2027-02-20,班,春节
`;

describe('pasting a year’s holiday schedule', () => {
  test('CSV with a comment, a header and Chinese kind words', () => {
    const parsed = parseScheduleText(csv2027, 2027);
    expect(parsed.issues).toEqual([]);
    expect(parsed.format).toBe('csv');
    expect(parsed.days).toEqual([
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
      { date: '2027-02-06', kind: 'holiday', name: '春节' },
      { date: '2027-02-07', kind: 'holiday', name: '春节' },
      { date: '2027-02-20', kind: 'makeup_workday', name: '春节' },
    ]);
    const schedule = scheduleFromDays(2027, parsed.days, 'test');
    expect(() => validateSchedule(schedule)).not.toThrow();
    expect(nationalCalendar.withSchedules([schedule]).day('2027-02-20').kind).toBe('makeup_workday');
  });

  test('CSV round trip: what the screen offers to copy reads back the same', () => {
    const days = scheduleDays(nationalCalendar.scheduleOf(2026)!);
    const text = formatScheduleCsv(days);
    expect(text.split('\n')[0]).toBe('date,kind,name');
    expect(parseScheduleText(text, 2026)).toEqual({ format: 'csv', days, issues: [] });
    expect(formatScheduleCsv([{ date: '2027-01-01', kind: 'holiday', name: 'New Year, "元旦"' }])).toBe('date,kind,name\n2027-01-01,holiday,"New Year, ""元旦"""');
  });

  test('both JSON shapes: the schedule’s maps and a list of days', () => {
    const maps = parseScheduleText(JSON.stringify({ holidays: { '2027-02-06': '春节' }, makeupWorkdays: { '2027-02-20': '春节' } }), 2027);
    expect(maps).toMatchObject({ format: 'json', issues: [] });
    expect(maps.days.map((d) => d.kind)).toEqual(['holiday', 'makeup_workday']);
    const list = parseScheduleText(JSON.stringify([{ date: '2027-02-06', kind: 'holiday', name: '春节' }]), 2027);
    expect(list).toMatchObject({ format: 'json', issues: [], days: [{ date: '2027-02-06', kind: 'holiday', name: '春节' }] });
  });

  test('CSV errors name their line', () => {
    const text = [
      'date,kind,name',
      '2027-02-06,holiday,春节',
      '2027-02-06,班,春节', // both off and worked
      '2026-12-31,holiday,元旦', // another year
      '2027-02-30,holiday,春节', // no such date
      '2027-02-08,holiday,', // no name
      '2027-02-09,vacation,春节', // unknown kind
      '2027-02-10,holiday', // two fields
      '2027-02-10,班,春节', // a Wednesday
    ].join('\n');
    expect(parseScheduleText(text, 2027).issues).toEqual([
      { path: 'line 7', message: 'unknown kind "vacation"; use holiday (休) or makeup_workday (班)', code: 'kind' },
      { path: 'line 8', message: 'expected date,kind,name; got 2 fields', code: 'fields' },
      { path: 'line 3', message: '2027-02-06 is listed both as a day off and as a working day (see line 2)', code: 'off_and_worked' },
      { path: 'line 4', message: '2026-12-31: lies outside 2027', code: 'year' },
      { path: 'line 5', message: '2027-02-30: not a calendar date YYYY-MM-DD: "2027-02-30"', code: 'date' },
      { path: 'line 6', message: '2027-02-08: needs the name of its holiday', code: 'name' },
      { path: 'line 9', message: '2027-02-10: is a weekday; a make-up working day is a Saturday or Sunday', code: 'weekday_makeup' },
    ]);
  });

  test('JSON errors name their entry; bad JSON and empty text are refused', () => {
    expect(parseScheduleText('[{"date":"2027-02-06","kind":"holiday","name":"春节"},{"date":"2027-02-07"}]', 2027).issues).toEqual([
      { path: '[1]', message: 'expected { "date": "YYYY-MM-DD", "kind": "holiday" | "makeup_workday", "name": "…" }', code: 'entry' },
    ]);
    expect(parseScheduleText('{"holidays":{"2027-02-06":"春节","2028-01-01":"元旦"},"extra":1}', 2027).issues).toEqual([
      { path: 'extra', message: 'unknown field; expected holidays and makeupWorkdays', code: 'entry' },
      { path: 'holidays.2028-01-01', message: '2028-01-01: lies outside 2027', code: 'year' },
    ]);
    expect(parseScheduleText('{"holidays": [', 2027).issues[0].message).toMatch(/^not valid JSON/);
    expect(parseScheduleText('  \n', 2027).issues).toEqual([{ path: '', message: 'the text is empty', code: 'empty' }]);
  });

  test('a schedule without any holiday, or with a date twice, is refused', () => {
    expect(parseScheduleText('2027-02-20,班,春节', 2027).issues).toEqual([{ path: '', message: 'the schedule lists no holiday; a year always has some (元旦, 春节, …)', code: 'no_holiday' }]);
    const twice = scheduleDaysIssues(
      2027,
      [
        { date: '2027-02-06', kind: 'holiday', name: '春节' },
        { date: '2027-02-06', kind: 'holiday', name: '春节' },
      ],
      (i) => `days[${i}]`,
    );
    expect(twice).toEqual([{ path: 'days[1]', message: '2027-02-06 is listed twice (see days[0])', code: 'twice' }]);
  });
});

describe('validateSchedule, as the stored schedules are checked', () => {
  test('names must not be empty, make-up days fall on weekends', () => {
    expect(() => validateSchedule({ year: 2027, holidays: { '2027-02-08': ' ' }, makeupWorkdays: {}, source: 't' })).toThrow('holidays.2027-02-08: needs the name of its holiday');
    expect(() => validateSchedule({ year: 2027, holidays: {}, makeupWorkdays: { '2027-02-10': '春节' }, source: 't' })).toThrow(
      'makeupWorkdays.2027-02-10: is a weekday; a make-up working day is a Saturday or Sunday',
    );
  });
});
