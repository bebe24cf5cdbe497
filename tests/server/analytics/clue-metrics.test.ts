import { describe, expect, test } from 'vitest';
import { clueMetrics, nearestRank, type ClueOutcome } from '../../../server/analytics/clue-metrics/index.js';

const now = new Date('2026-11-20T00:00:00Z');
const h = (hours: number) => new Date(Date.UTC(2026, 10, 1) + hours * 3_600_000);
const clue = (o: Partial<ClueOutcome>): ClueOutcome => ({ group: 'education', receivedAt: h(0), dueAt: h(100), closedAt: null, open: true, becameCase: false, redone: 0, ...o });

describe('clueMetrics', () => {
  test('an open overdue clue counts against the on-time rate; rates by their own denominators', () => {
    const [m] = clueMetrics(
      [
        clue({ closedAt: h(10), open: false }),
        clue({ closedAt: h(150), open: false, becameCase: true }),
        clue({ closedAt: h(40), open: false, redone: 1 }),
        clue({ dueAt: h(200) }), // open, overdue at `now` (h(456))
        clue({ dueAt: new Date('2026-12-01T00:00:00Z') }), // open, not yet due
      ],
      now,
    );
    expect(m).toMatchObject({ received: 5, closed: 3, closedOnTime: 2, openOverdue: 1 });
    // Two on time of three closed and one open overdue: 2 ÷ 4, not 2 ÷ 3.
    expect(m.onTimeRate).toBeCloseTo(2 / 4);
    expect(m.handlingHours).toEqual({ p50: 40, p90: 150, max: 150 });
    expect(m.conversionRate).toBeCloseTo(1 / 5);
    expect(m.reopenRate).toBeCloseTo(1 / 3);
  });

  test('groups apart and in order; a group without closed clues has no handling time and no reopen rate', () => {
    const metrics = clueMetrics([clue({ group: 'urban_management' }), clue({ group: 'education', closedAt: h(5), open: false })], now);
    expect(metrics.map((m) => m.group)).toEqual(['education', 'urban_management']);
    expect(metrics[1]).toMatchObject({ closed: 0, handlingHours: null, reopenRate: null, openOverdue: 1, onTimeRate: 0 });
    expect(clueMetrics([], now)).toEqual([]);
  });

  test('nearest rank', () => {
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(nearestRank([7], 0.99)).toBe(7);
    expect(() => nearestRank([], 0.5)).toThrow(RangeError);
  });
});
