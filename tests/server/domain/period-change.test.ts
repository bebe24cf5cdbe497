import { describe, expect, test } from 'vitest';
import { MIN_CHANGE_BASE, periodChange } from '../../../server/domain/period-change.js';

describe('periodChange', () => {
  test('the ratio against the base period', () => {
    expect(periodChange(150, 100)).toEqual({ kind: 'change', ratio: 0.5, current: 150, base: 100 });
    expect(periodChange(75, 100)).toMatchObject({ kind: 'change', ratio: -0.25 });
    expect(periodChange(0, MIN_CHANGE_BASE)).toMatchObject({ kind: 'change', ratio: -1 });
  });

  test('a base below the minimum gives no change, with the reason', () => {
    expect(periodChange(8676, 10)).toEqual({ kind: 'baseTooSmall', current: 8676, base: 10, minimum: MIN_CHANGE_BASE });
    expect(periodChange(5, 0)).toMatchObject({ kind: 'baseTooSmall', base: 0 });
    expect(periodChange(100, MIN_CHANGE_BASE - 1).kind).toBe('baseTooSmall');
  });

  test('a base period the records do not cover gives no change, however large its count', () => {
    expect(periodChange(20_000, 24, false)).toEqual({ kind: 'baseIncomplete', current: 20_000, base: 24 });
    expect(periodChange(150, 100, true).kind).toBe('change');
  });

  test('counts that are not whole numbers ≥ 0 are refused', () => {
    expect(() => periodChange(-1, 30)).toThrow(RangeError);
    expect(() => periodChange(3, 2.5)).toThrow('whole numbers');
    expect(() => periodChange(Number.NaN, 30)).toThrow(RangeError);
  });
});
