import { describe, expect, it } from 'vitest';
import { createRandom } from '../../server/domain/random.js';
import { dayWeight, reportDays, sampleInstantOnDay, vacationOn } from '../../db/seed/generate/seasonality.js';
import { shanghaiMidnight, shanghaiParts } from '../../server/domain/time.js';

describe('seasonality of clue reports', () => {
  it('knows the winter (mid-January to late February) and summer (July–August) vacations', () => {
    expect(vacationOn(1, 14)).toBeNull();
    expect(vacationOn(1, 15)).toBe('winter');
    expect(vacationOn(2, 25)).toBe('winter');
    expect(vacationOn(2, 26)).toBeNull();
    expect(vacationOn(7, 1)).toBe('summer');
    expect(vacationOn(8, 31)).toBe('summer');
    expect(vacationOn(9, 1)).toBeNull();
  });

  it('weights vacation days and weekends above school weekdays', () => {
    const schoolWeekday = dayWeight(10, 14, 3);
    expect(dayWeight(10, 18, 6)).toBeGreaterThan(schoolWeekday);
    expect(dayWeight(7, 15, 3)).toBeGreaterThan(2 * schoolWeekday);
    expect(dayWeight(2, 1, 3)).toBeGreaterThan(2 * schoolWeekday);
    expect(dayWeight(7, 19, 6)).toBeGreaterThan(dayWeight(7, 15, 3));
  });

  it('covers exactly the 24 calendar months before asOf in Shanghai days', () => {
    const asOf = new Date('2026-11-21T04:00:00Z'); // 12:00 in Shanghai
    const days = reportDays(asOf);
    expect(days[0].start.toISOString()).toBe('2024-11-20T16:00:00.000Z'); // 2024-11-21 00:00 +08:00
    expect(days).toHaveLength(731);
    expect(days.at(-1)!.weight).toBeCloseTo(dayWeight(11, 21, 6) * 0.5, 10);
    expect(shanghaiParts(days.at(-1)!.start)).toMatchObject({ year: 2026, month: 11, day: 21, weekday: 6 });
    expect(() => reportDays(new Date('x'))).toThrow(/valid date/);
  });

  it('puts school-day reports in the evening and free-day reports in daytime, never after asOf', () => {
    const asOf = new Date('2026-11-21T04:00:00Z');
    const days = reportDays(asOf);
    const random = createRandom(5);
    const schoolDay = days.find((d) => !d.freeDay)!;
    const freeDay = days.find((d) => d.freeDay && d.weight > 0 && d !== days.at(-1))!;
    const localHour = (instant: Date) => (instant.getUTCHours() + 8) % 24;
    const evening = Array.from({ length: 4000 }, () => localHour(sampleInstantOnDay(random, schoolDay, asOf))).filter((h) => h >= 17 && h <= 21).length;
    const daytime = Array.from({ length: 4000 }, () => localHour(sampleInstantOnDay(random, freeDay, asOf))).filter((h) => h >= 8 && h <= 16).length;
    expect(evening / 4000).toBeGreaterThan(0.4);
    expect(daytime / 4000).toBeGreaterThan(0.55);
    const lastDay = days.at(-1)!;
    for (let n = 0; n < 500; n++) {
      const instant = sampleInstantOnDay(random, lastDay, asOf);
      expect(instant.getTime()).toBeLessThan(asOf.getTime());
      expect(instant.getTime()).toBeGreaterThanOrEqual(lastDay.start.getTime());
    }
    expect(shanghaiMidnight('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });
});
