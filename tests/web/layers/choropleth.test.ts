import { describe, expect, test } from 'vitest';
import { choroplethBreaks, choroplethLegend, classIndex, rampColour } from '../../../web/layers/choropleth.js';
import { darkTheme } from '../../../web/layers/theme.js';

describe('choropleth breaks', () => {
  test('quantile breaks of 1..100 fall at every fifth', () => {
    const counts = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(choroplethBreaks(counts)).toEqual([20, 40, 60, 80, 100]);
  });

  test('zeros are not a class, skewed data merge duplicate breaks', () => {
    const counts = [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 50];
    const breaks = choroplethBreaks(counts);
    expect(breaks).toEqual([1, 2, 50]);
    expect(classIndex(0, breaks)).toBe(-1);
    expect(classIndex(1, breaks)).toBe(0);
    expect(classIndex(2, breaks)).toBe(1);
    expect(classIndex(3, breaks)).toBe(2);
    expect(classIndex(999, breaks)).toBe(2);
  });

  test('no positive counts give no classes; bad class counts are refused', () => {
    expect(choroplethBreaks([0, 0])).toEqual([]);
    expect(choroplethBreaks([])).toEqual([]);
    expect(() => choroplethBreaks([1, 2], 0)).toThrow(/positive integer/);
  });

  test('three classes use the low, middle and high colours of the ramp', () => {
    const ramp = darkTheme.choropleth;
    expect([0, 1, 2].map((i) => rampColour(i, 3, ramp))).toEqual([ramp[0], ramp[2], ramp[4]]);
  });

  test('the legend labels give the integer range of each class', () => {
    const legend = choroplethLegend([1, 4, 10], darkTheme.choropleth);
    expect(legend.map((c) => c.label)).toEqual(['1', '2–4', '5–10']);
    expect(legend[2].colour).toEqual(darkTheme.choropleth[4]);
  });
});
