import { describe, expect, test } from 'vitest';
import { cellTarget, institutionTarget, scheduleDistrict, serviceWindow } from '../../../../server/planning/campaign-plan/index.js';
import { cell, focus, goals, institution, shifts } from './fixtures.js';

const settings = { teamsPerDistrictShift: 1, maxStopsPerTeam: 2 };

describe('service windows', () => {
  const t = institutionTarget(institution(1, { hours: { weekday: { opens: '18:00', closes: '20:00' }, weekend: null } }), 'priority', ['tier_d'], focus).target;

  test('school-day hours on a school day, the whole shift without weekend hours', () => {
    expect(serviceWindow(t, shifts[0])).toEqual([18 * 3600, 20 * 3600 - 20 * 60]);
    expect(serviceWindow(t, shifts[1])).toEqual([shifts[1].startSeconds, shifts[1].endSeconds - 20 * 60]);
  });

  test('none when the hours leave less than the visit', () => {
    const short = institutionTarget(institution(2, { hours: { weekday: { opens: '20:50', closes: '21:30' }, weekend: null } }), 'priority', ['tier_d'], focus).target;
    expect(serviceWindow(short, shifts[0])).toBeNull();
  });
});

describe('spreading the targets over the shifts', () => {
  test('no shift gets more than teams × stops; the rest is unscheduled with the reason', () => {
    const targets = Array.from({ length: 12 }, (_, i) => institutionTarget(institution(i + 1, { riskScore: 50 + i }), 'priority', ['tier_c'], focus));
    const { scheduled, unscheduled } = scheduleDistrict(targets, shifts, settings);
    const perShift = new Map<string, number>();
    for (const v of scheduled) perShift.set(v.shiftId, (perShift.get(v.shiftId) ?? 0) + 1);
    expect(Math.max(...perShift.values())).toBeLessThanOrEqual(2);
    expect(scheduled.length).toBe(10);
    expect(unscheduled.length).toBe(2);
    expect(unscheduled[0].message).toContain('every shift is full');
    // The highest priorities got a shift; the lowest two did not.
    expect(unscheduled.map((u) => u.planned.target.refId).sort()).toEqual([1, 2]);
  });

  test('the visits of a hot cell fall on different days, one in each half of the campaign', () => {
    const hot = cellTarget(cell(5), focus, goals);
    const { scheduled } = scheduleDistrict([hot], shifts, { teamsPerDistrictShift: 3, maxStopsPerTeam: 8 });
    const dates = scheduled.map((v) => v.shiftId.slice(0, 10));
    expect(dates.length).toBe(2);
    expect(new Set(dates).size).toBe(2);
    expect(dates[0] < dates[1]).toBe(true);
  });

  test('a target open in none of the shifts is unscheduled for its hours', () => {
    const closed = institutionTarget(institution(1, { hours: { weekday: { opens: '08:00', closes: '09:00' }, weekend: { opens: '21:00', closes: '22:00' } } }), 'priority', ['tier_d'], focus);
    const { scheduled, unscheduled } = scheduleDistrict([closed], shifts, settings);
    expect(scheduled).toEqual([]);
    expect(unscheduled[0].message).toContain('opening hours');
  });

  test('the load is spread: two targets on an empty campaign go to different shifts', () => {
    const targets = [1, 2].map((id) => institutionTarget(institution(id), 'priority', ['tier_d'], focus));
    const { scheduled } = scheduleDistrict(targets, shifts, { teamsPerDistrictShift: 3, maxStopsPerTeam: 8 });
    expect(new Set(scheduled.map((v) => v.shiftId)).size).toBe(2);
  });
});
