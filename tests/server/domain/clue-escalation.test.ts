import { describe, expect, test } from 'vitest';
import { nationalCalendar } from '../../../server/domain/calendar.js';
import { workingDayDeadline } from '../../../server/domain/clue-deadline.js';
import { escalationOf } from '../../../server/domain/clue-escalation.js';

const at = (iso: string) => new Date(iso);
const level = (due: string, now: string) => escalationOf(nationalCalendar, at(due), at(now));

describe('escalationOf (督办)', () => {
  // Due Tuesday 3 November 2026 24:00 Shanghai.
  const due = '2026-11-03T16:00:00Z';

  test('more than a day left: nothing; less: a reminder to the handler', () => {
    expect(level(due, '2026-11-02T15:00:00Z')).toEqual({ level: 'none', workingDaysOverdue: 0, notify: [] });
    expect(level(due, '2026-11-03T01:00:00Z')).toMatchObject({ level: 'reminder', notify: ['handler'] });
  });

  test('past the deadline: overdue the next day, supervised after 2 working days, the district after 5', () => {
    expect(level(due, '2026-11-03T16:00:00Z')).toMatchObject({ level: 'overdue', workingDaysOverdue: 1 });
    expect(level(due, '2026-11-04T09:00:00Z').notify).toEqual(['handler', 'department_head', 'grid_centre']);
    expect(level(due, '2026-11-05T02:00:00Z')).toMatchObject({ level: 'supervised', workingDaysOverdue: 2 });
    // Friday 6th is 3, Monday 9th 4, Tuesday 10th 5: the weekend does not count.
    expect(level(due, '2026-11-09T02:00:00Z')).toMatchObject({ level: 'supervised', workingDaysOverdue: 4 });
    expect(level(due, '2026-11-10T02:00:00Z')).toMatchObject({ level: 'district', workingDaysOverdue: 5 });
    expect(level(due, '2026-11-10T02:00:00Z').notify).toContain('district_supervision');
  });

  test('a holiday does not count towards escalation: due the day before 国庆节 2026, still only overdue after it', () => {
    const beforeHoliday = workingDayDeadline(nationalCalendar, at('2026-09-29T09:00:00+08:00'), 1).toISOString();
    expect(beforeHoliday).toBe('2026-09-30T16:00:00.000Z');
    expect(level(beforeHoliday, '2026-10-07T04:00:00Z')).toMatchObject({ level: 'overdue', workingDaysOverdue: 0 });
    expect(level(beforeHoliday, '2026-10-08T04:00:00Z')).toMatchObject({ level: 'overdue', workingDaysOverdue: 1 });
  });
});
