import { describe, expect, test } from 'vitest';
import { classChange, diffCells, pointChange } from '../../../web/analysis/review-diff.js';
import { diffColour } from '../../../web/layers/review-diff-layer.js';

describe('change between two periods', () => {
  test('a rate moves in percentage points', () => {
    expect(pointChange(0.75, 0.6)).toBeCloseTo(15);
    expect(pointChange(0.5, 0.55)).toBeCloseTo(-5);
    expect(pointChange(null, 0.5)).toBeNull();
  });

  test('class moves: new and gone hot and cold spots, hotter and cooler', () => {
    expect(classChange(0, 2)).toBe('newHot');
    expect(classChange(-1, 3)).toBe('newHot');
    expect(classChange(1, 3)).toBe('hotter');
    expect(classChange(3, 1)).toBe('cooler');
    expect(classChange(2, 0)).toBe('goneHot');
    expect(classChange(2, -1)).toBe('newCold');
    expect(classChange(0, -2)).toBe('newCold');
    expect(classChange(-2, 0)).toBe('goneCold');
    expect(classChange(-1, -3)).toBe('cooler');
    expect(classChange(-3, -1)).toBe('hotter');
    expect(classChange(1, 1)).toBe('same');
  });

  test('the cells’ diff: after − before, the class moves counted, the scale at the largest change', () => {
    const before = { values: Float64Array.from([4, 0, 9, 2]), bins: Int8Array.from([0, 0, 3, -2]) };
    const after = { values: Float64Array.from([10, 0, 1, 2]), bins: Int8Array.from([2, 0, 1, 0]) };
    const diff = diffCells(before, after);
    expect(Array.from(diff.delta)).toEqual([6, 0, -8, 0]);
    expect(diff.change).toEqual(['newHot', 'same', 'cooler', 'goneCold']);
    expect(diff.maxAbs).toBe(8);
    expect(diff.counts).toMatchObject({ newHot: 1, same: 1, cooler: 1, goneCold: 1, hotter: 0 });
    // Nothing changed: the scale still ends at 1, so no division by zero colours the map.
    expect(diffCells(before, before).maxAbs).toBe(1);
    expect(() => diffCells(before, { values: [1], bins: [0] })).toThrow(/diff of 4 cells against 1/);
  });

  test('the change colours diverge: red for more, blue for fewer, none for no change, stronger for larger', () => {
    const more = diffColour(8, 8);
    const fewer = diffColour(-8, 8);
    expect(more[0]).toBeGreaterThan(more[2]);
    expect(fewer[2]).toBeGreaterThan(fewer[0]);
    expect(diffColour(0, 8)[3]).toBe(0);
    expect(diffColour(1, 8)[3]).toBeLessThan(more[3]);
  });
});
