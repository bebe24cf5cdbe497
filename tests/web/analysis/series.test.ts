import { describe, expect, test } from 'vitest';
import { axisDate, barLayout, countTicks, groupSeries, spreadIndices } from '../../../web/analysis/series.js';

describe('the cell chart’s bars and axes', () => {
  test('count ticks start at 0, step by 1, 2 or 5 × 10ⁿ and reach the largest value', () => {
    expect(countTicks(10)).toEqual([0, 5, 10]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(101)).toEqual([0, 50, 100, 150]);
    // No clues at all, or nonsense: an axis of 0–1 rather than a division by zero.
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(NaN)).toEqual([0, 1]);
    expect(countTicks(-4)).toEqual([0, 1]);
    for (const max of [2, 9, 13, 48, 999, 12_345]) {
      const ticks = countTicks(max);
      expect(ticks.at(-1)!, String(max)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });

  test('bars scale to the top of the axis, not to the largest value', () => {
    const bars = barLayout([0, 5, 10], 30, 100, 1, 20);
    expect(bars.map((b) => b.height)).toEqual([0, 25, 50]);
    expect(bars[2].y).toBe(50);
    // Without a top, the largest value fills the height; a top below the largest value cannot cut a bar off.
    expect(barLayout([0, 5, 10], 30, 100).map((b) => b.height)).toEqual([0, 50, 100]);
    expect(barLayout([10], 10, 100, 1, 5)[0].height).toBe(100);
  });

  test('time ticks are spread from the first bar to the last', () => {
    expect(spreadIndices(105, 4)).toEqual([0, 35, 69, 104]);
    expect(spreadIndices(3, 4)).toEqual([0, 1, 2]);
    expect(spreadIndices(1, 4)).toEqual([0]);
    expect(spreadIndices(0, 4)).toEqual([]);
    expect(spreadIndices(10, 0)).toEqual([]);
  });

  test('dates name months over a long span and days over a short one, in either language', () => {
    expect(axisDate('2025-03-10', 'zh-CN', true)).toBe('2025年3月');
    expect(axisDate('2025-03-10', 'en', true)).toBe('Mar 2025');
    expect(axisDate('2025-03-10', 'zh-CN', false)).toBe('3月10日');
    expect(axisDate('2025-03-10', 'en', false)).toBe('Mar 10');
    // A calendar date is that date in any time zone of the reader.
    expect(axisDate('2025-01-01', 'en', false)).toBe('Jan 1');
  });

  test('grouping a daily series into weeks keeps every count', () => {
    const days = Array.from({ length: 16 }, (_, i) => i);
    expect(groupSeries(days, 7)).toEqual([21, 70, 29]);
    expect(() => groupSeries(days, 0)).toThrow(RangeError);
  });
});
