import { describe, expect, test } from 'vitest';
import { nationalCalendar } from '../../../server/domain/calendar.js';
import { campaignCalendarDays } from '../../../server/domain/campaign-days.js';
import { SHANGHAI_SCHOOL_VACATION_DEFAULTS } from '../../../server/domain/school-vacation-defaults.js';
import { dateLabel, dayAriaLabel, monthTitle } from '../../../web/calendar/day-labels.js';
import { dayTypeCounts, fallbackYears, focusTarget, holidayRunStarts, monthGrids } from '../../../web/calendar/month-grid.js';
import { translator } from '../../../web/i18n/index.js';

const days = (from: string, to: string) => campaignCalendarDays({ from, to }, nationalCalendar, SHANGHAI_SCHOOL_VACATION_DEFAULTS);
const zh = translator('zh-CN');
const en = translator('en');

describe('month grids', () => {
  test('February 2026 starts on a Sunday: Monday-first rows put the 1st in the last column', () => {
    const [february] = monthGrids(days('2026-02-01', '2026-02-28'));
    expect(february).toMatchObject({ key: '2026-02', year: 2026, month: 2 });
    expect(february.weeks[0].map((d) => d?.date ?? null)).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(february.weeks[1][0]?.date).toBe('2026-02-02');
    expect(february.weeks.at(-1)![5]?.date).toBe('2026-02-28');
    expect(february.weeks).toHaveLength(5);
  });

  test('a year gives twelve months; a range inside a month drops its empty weeks', () => {
    expect(monthGrids(days('2027-01-01', '2027-12-31')).map((m) => m.key)).toHaveLength(12);
    const [part] = monthGrids(days('2026-02-18', '2026-02-20'));
    expect(part.weeks).toHaveLength(1);
    expect(part.weeks[0].filter(Boolean).map((d) => d!.date)).toEqual(['2026-02-18', '2026-02-19', '2026-02-20']);
  });

  test('counts, fallback years and the first day of each holiday run', () => {
    const range = days('2026-12-28', '2027-01-03');
    expect(fallbackYears(range)).toEqual([2027]);
    expect(dayTypeCounts(range)).toEqual({ school_day: 4, weekend: 2, holiday: 1, vacation_day: 0, makeup_workday: 0 });
    const spring = days('2026-02-14', '2026-02-24');
    expect([...holidayRunStarts(spring)]).toEqual(['2026-02-15']);
  });

  test('the keyboard moves by a day, a week, to the week’s ends and by four weeks, within the range', () => {
    const range = days('2026-02-01', '2026-03-31');
    const wednesday = range.find((d) => d.date === '2026-02-11')!;
    expect(focusTarget(wednesday, 'ArrowRight', '2026-02-01', '2026-03-31')).toBe('2026-02-12');
    expect(focusTarget(wednesday, 'ArrowUp', '2026-02-01', '2026-03-31')).toBe('2026-02-04');
    expect(focusTarget(wednesday, 'Home', '2026-02-01', '2026-03-31')).toBe('2026-02-09');
    expect(focusTarget(wednesday, 'End', '2026-02-01', '2026-03-31')).toBe('2026-02-15');
    expect(focusTarget(wednesday, 'PageDown', '2026-02-01', '2026-03-31')).toBe('2026-03-11');
    expect(focusTarget(wednesday, 'PageUp', '2026-02-01', '2026-03-31')).toBe('2026-02-01');
    expect(focusTarget(wednesday, 'a', '2026-02-01', '2026-03-31')).toBeNull();
  });
});

describe('day labels', () => {
  test('dates and months in both languages', () => {
    expect(dateLabel(zh, '2027-02-08')).toBe('2027年2月8日');
    expect(dateLabel(en, '2027-02-08')).toBe('8 February 2027');
    expect(monthTitle(zh, 2027, 2)).toBe('2027年2月');
    expect(monthTitle(en, 2027, 2)).toBe('February 2027');
  });

  test('the accessible label says the type, the holiday, the make-up day, the vacation and a fallback', () => {
    const [spring] = days('2026-02-17', '2026-02-17');
    expect(dayAriaLabel(zh, spring)).toBe('2026年2月17日 星期二：法定节假日，春节，寒假');
    const [makeup] = days('2026-02-14', '2026-02-14');
    expect(dayAriaLabel(zh, makeup)).toBe('2026年2月14日 星期六：寒假，春节调休上班');
    expect(dayAriaLabel(en, makeup)).toBe('14 February 2026, Saturday: Winter vacation (寒假); worked in lieu for 春节 (调休)');
    const [estimated] = days('2027-03-01', '2027-03-01');
    expect(dayAriaLabel(zh, estimated)).toBe('2027年3月1日 星期一：上课日，按推算，尚无官方安排');
  });
});
