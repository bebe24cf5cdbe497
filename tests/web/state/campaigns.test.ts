import { describe, expect, test } from 'vitest';
import { fieldIssues, fieldsOf, newDefinition } from '../../../web/state/campaigns.js';
import { shiftOverrideIssues } from '../../../server/domain/campaign-shift-times.js';

describe('the campaign form state', () => {
  test('a new campaign starts with the default shifts of every day type (none of its own)', () => {
    expect(newDefinition('2027-01-01', null).shifts).toEqual({});
  });

  test('issues name the top-level fields once, whatever the path form; an issue of the whole body names none', () => {
    const issues = fieldIssues({
      issues: [
        { path: ['districts'], message: 'too small' },
        { path: 'shifts.weekend[1].start', message: 'overlaps' },
        { path: 'shifts.school_day[0].end', message: 'order' },
        { path: [], message: 'unknown key' },
      ],
    });
    expect(fieldsOf(issues)).toEqual(['districts', 'shifts']);
  });

  test("the form's shift check is the kernel's, with a code for each rule", () => {
    const issues = shiftOverrideIssues(
      { weekend: [{ start: '08:30', end: '12:00' }, { start: '11:00', end: '15:00' }], school_day: [{ start: '21:00', end: '17:30' }], holiday: [{ start: '9:00', end: '09:30' }] },
      'shifts',
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['shifts.weekend[1].start', 'shift_overlap'],
      ['shifts.school_day[0].end', 'shift_order'],
      ['shifts.holiday[0].start', 'shift_clock'],
    ]);
  });
});
