import { describe, expect, test } from 'vitest';
import { canTakeShift, DEFAULT_REST_RULES, restCheckFor, restRuleIssues, restViolations, type ShiftAssignment } from '../../../server/planning/index.js';

/** A shift on a Shanghai date from one clock time to another. */
const shift = (date: string, start: string, end: string, n = 1) => ({
  shiftId: `${date}#${n}`,
  start: `${date}T${start}:00+08:00`,
  end: `${date}T${end}:00+08:00`,
});
const evening = (date: string) => shift(date, '17:30', '21:00');
const morning = (date: string) => shift(date, '08:30', '12:00');
const assign = (officerId: number, ...shifts: ReturnType<typeof shift>[]): ShiftAssignment[] => shifts.map((s) => ({ ...s, officerId }));
const dates = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => `2026-07-${String(from + k).padStart(2, '0')}`);

describe('officer rest rules', () => {
  test('an evening then the next morning leaves 11.5 h: allowed', () => {
    expect(restViolations(assign(1, evening('2026-07-01'), morning('2026-07-02')))).toEqual([]);
  });

  test('at most one shift a day', () => {
    const violations = restViolations(assign(7, morning('2026-07-04'), shift('2026-07-04', '13:30', '21:00', 2)));
    expect(violations).toEqual([
      { officerId: 7, rule: 'shifts_per_day', shiftIds: ['2026-07-04#1', '2026-07-04#2'], message: '2 shifts on 2026-07-04; at most 1 a day' },
    ]);
    // Two a day are fine when the campaign allows them, and the rest rule does not apply within the day.
    expect(restViolations(assign(7, morning('2026-07-04'), shift('2026-07-04', '13:30', '21:00', 2)), { ...DEFAULT_REST_RULES, maxShiftsPerDay: 2 })).toEqual([]);
  });

  test('the 10 h boundary: exactly 10 h of rest is allowed, 9 h 59 min is not', () => {
    const lateEnd = shift('2026-07-01', '14:00', '22:00');
    expect(restViolations(assign(1, lateEnd, shift('2026-07-02', '08:00', '12:00')))).toEqual([]);
    expect(restViolations(assign(1, lateEnd, shift('2026-07-02', '07:59', '12:00')))).toEqual([
      { officerId: 1, rule: 'rest_between', shiftIds: ['2026-07-01#1', '2026-07-02#1'], message: '9.98 h of rest between 2026-07-01#1 and 2026-07-02#1; at least 10 h' },
    ]);
    // The rule is configurable: 12 h refuses the evening-then-morning pair.
    expect(restViolations(assign(1, evening('2026-07-01'), morning('2026-07-02')), { ...DEFAULT_REST_RULES, minRestHours: 12 }).map((v) => v.rule)).toEqual(['rest_between']);
  });

  test('the weekly cap counts any 7 consecutive days by default', () => {
    // Five evenings in a row are fine, a sixth within 7 days is not.
    expect(restViolations(assign(3, ...dates(1, 5).map(evening)))).toEqual([]);
    const six = restViolations(assign(3, ...dates(1, 5).map(evening), evening('2026-07-07')));
    expect(six).toEqual([
      {
        officerId: 3,
        rule: 'shifts_per_week',
        shiftIds: [...dates(1, 5), '2026-07-07'].map((d) => `${d}#1`),
        message: '6 shifts in 7 days within 2026-07-01 – 2026-07-07; at most 5',
      },
    ]);
    // Spread over 8 days, the sixth leaves the window of the first: allowed.
    expect(restViolations(assign(3, ...dates(1, 5).map(evening), evening('2026-07-08')))).toEqual([]);
  });

  test('a long run is one breach, not one per window', () => {
    const run = restViolations(assign(3, ...dates(1, 10).map(evening)));
    expect(run).toHaveLength(1);
    expect(run[0]).toMatchObject({ rule: 'shifts_per_week', message: '7 shifts in 7 days within 2026-07-01 – 2026-07-10; at most 5' });
    expect(run[0].shiftIds).toHaveLength(10);
  });

  test('calendar weeks (Monday–Sunday) allow a run across the weekend that a rolling week refuses', () => {
    // Thu 2 July to Wed 8 July 2026: three shifts in one week, four in the next.
    const acrossWeekend = assign(5, ...dates(2, 8).map(evening));
    const calendar = { ...DEFAULT_REST_RULES, week: 'calendar' as const };
    expect(restViolations(acrossWeekend, calendar)).toEqual([]);
    expect(restViolations(acrossWeekend).map((v) => v.rule)).toEqual(['shifts_per_week']);
    // Six in one calendar week are refused and named by the week.
    expect(restViolations(assign(5, ...dates(6, 11).map(evening)), calendar)).toEqual([
      expect.objectContaining({ rule: 'shifts_per_week', message: '6 shifts in the week 2026-07-06 – 2026-07-12; at most 5' }),
    ]);
  });

  test('officers are checked separately', () => {
    const violations = restViolations([...assign(1, morning('2026-07-04')), ...assign(2, morning('2026-07-04'), shift('2026-07-04', '13:30', '21:00', 2))]);
    expect(violations.map((v) => v.officerId)).toEqual([2]);
  });

  test('bad rules and shifts are refused with the field named', () => {
    expect(restRuleIssues({ maxShiftsPerDay: 0, minRestHours: 30, maxShiftsPerWeek: 2.5, week: 'fortnight' as never })).toEqual([
      { path: 'rules.maxShiftsPerDay', message: 'must be an integer from 1 to 4, got 0' },
      { path: 'rules.maxShiftsPerWeek', message: 'must be an integer from 1 to 28, got 2.5' },
      { path: 'rules.minRestHours', message: 'must be a number of hours from 0 to 24, got 30' },
      { path: 'rules.week', message: 'must be rolling or calendar, got fortnight' },
    ]);
    expect(() => restViolations(assign(1, evening('2026-07-01')), { ...DEFAULT_REST_RULES, minRestHours: -1 })).toThrow('rules.minRestHours');
    expect(() => restViolations(assign(1, shift('2026-07-01', '21:00', '17:30')))).toThrow('assignments[0]: shift 2026-07-01#1 needs a start before its end');
  });
});

describe('canTakeShift, for the team assignment', () => {
  const schedule = [evening('2026-07-01'), evening('2026-07-02')];

  test('allows a shift that keeps every rule', () => {
    expect(canTakeShift(schedule, evening('2026-07-03'))).toEqual({ ok: true });
    expect(canTakeShift([], morning('2026-07-03'))).toEqual({ ok: true });
  });

  test('refuses a second shift the same day, too little rest and the weekly cap, saying which', () => {
    expect(canTakeShift(schedule, shift('2026-07-02', '08:30', '12:00', 1))).toMatchObject({ ok: false });
    const sameDay = canTakeShift(schedule, shift('2026-07-02', '13:30', '16:00', 2));
    expect(sameDay.ok || sameDay.violations.map((v) => v.rule)).toEqual(['shifts_per_day']);
    const tooSoon = canTakeShift([shift('2026-07-01', '14:00', '22:00')], shift('2026-07-02', '07:30', '12:00'));
    expect(tooSoon.ok || tooSoon.violations.map((v) => [v.rule, v.shiftIds])).toEqual([['rest_between', ['2026-07-01#1', '2026-07-02#1']]]);
    const full = dates(1, 5).map(evening);
    const capped = canTakeShift(full, evening('2026-07-06'));
    expect(capped.ok || capped.violations.map((v) => v.rule)).toEqual(['shifts_per_week']);
  });

  test('ignores what the schedule breaks already, and refuses the same shift twice', () => {
    const alreadyBad = [morning('2026-07-01'), shift('2026-07-01', '13:30', '21:00', 2)];
    expect(canTakeShift(alreadyBad, evening('2026-07-03'))).toEqual({ ok: true });
    const twice = canTakeShift(schedule, evening('2026-07-01'));
    expect(twice.ok || twice.violations[0].message).toBe('already on shift 2026-07-01#1');
  });

  test('agrees with restViolations on every shift of a month', () => {
    // Greedy: take each evening of July 2026 when allowed; the result must break no rule.
    const taken: ReturnType<typeof shift>[] = [];
    for (const date of dates(1, 31)) if (canTakeShift(taken, evening(date)).ok) taken.push(evening(date));
    expect(taken).toHaveLength(5 * 4 + 3); // five in each 7-day block, then three in the last
    expect(restViolations(assign(9, ...taken))).toEqual([]);
  });
});

describe('restCheckFor, the joint-team planner’s rest check', () => {
  const week = dates(1, 7).map(evening);
  const check = restCheckFor(week);
  const team = (date: string) => ({ id: `${date}#1`, date });
  const officer = {} as Parameters<typeof check>[0];

  test('answers with the campaign shifts’ times and the rules', () => {
    expect(check(officer, team('2026-07-06'), dates(1, 4).map(team))).toBe(true);
    expect(check(officer, team('2026-07-06'), dates(1, 5).map(team))).toBe(false);
    expect(restCheckFor(week, { ...DEFAULT_REST_RULES, maxShiftsPerWeek: 7 })(officer, team('2026-07-07'), dates(1, 6).map(team))).toBe(true);
  });

  test('a shift the campaign does not have is an input error', () => {
    expect(() => check(officer, { id: '2026-08-01#1', date: '2026-08-01' }, [])).toThrow('shift 2026-08-01#1 is not one of the campaign');
  });
});
