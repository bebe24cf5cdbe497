import { describe, expect, test } from 'vitest';
import { formatClock, MEAL_BREAK_SECONDS, resolveShift } from '../../../server/planning/index.js';

describe('resolveShift', () => {
  test('weekday evening 18:00–21:00 on a Monday, in seconds after midnight, without a meal break', () => {
    expect(resolveShift({ kind: 'weekday_evening' }, '2026-11-23')).toEqual({ kind: 'weekday_evening', startSeconds: 64800, endSeconds: 75600, mealBreak: null });
  });

  test('a weekend day is long enough for a meal break around its middle', () => {
    const shift = resolveShift({ kind: 'weekend_day' }, '2026-11-21');
    expect([shift.startSeconds, shift.endSeconds]).toEqual([9 * 3600, 17 * 3600]);
    expect(shift.mealBreak?.durationSeconds).toBe(MEAL_BREAK_SECONDS);
    const [earliest, latest] = shift.mealBreak!.window;
    expect(earliest).toBeLessThan(13 * 3600);
    expect(latest + MEAL_BREAK_SECONDS).toBeGreaterThan(13 * 3600);
  });

  test('refuses a preset on the wrong kind of day, bad clocks and too short shifts', () => {
    expect(() => resolveShift({ kind: 'weekday_evening' }, '2026-11-21')).toThrow('weekday_evening does not fit 2026-11-21, a weekend day');
    expect(() => resolveShift({ kind: 'weekend_day' }, '2026-11-23')).toThrow('a weekday');
    expect(() => resolveShift({ kind: 'custom', start: '18:00', end: '18:30' }, '2026-11-23')).toThrow('at least one hour');
    expect(() => resolveShift({ kind: 'custom', start: '25:00', end: '26:00' }, '2026-11-23')).toThrow('HH:MM');
    expect(() => resolveShift({ kind: 'custom' }, '2026-11-23')).toThrow('needs start and end');
    expect(() => resolveShift({ kind: 'weekday_evening' }, '2026-02-30')).toThrow('date: not a calendar date');
  });

  test('formats clocks', () => {
    expect(formatClock(64800)).toBe('18:00');
    expect(formatClock(67229.6)).toBe('18:40');
  });
});
