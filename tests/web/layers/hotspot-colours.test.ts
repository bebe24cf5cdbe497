import { describe, expect, test } from 'vitest';
import { EMERGING_CATEGORIES } from '../../../server/analytics/index.js';
import { EMERGING_COLOURS, EMERGING_LEGEND_ORDER, emergingColour, emergingLegend } from '../../../web/layers/emerging-colours.js';
import { binCounts, HOTSPOT_COLOURS, hotspotColour, hotspotLegend } from '../../../web/layers/hotspot-colours.js';

const hex = (c: number[]) => '#' + c.slice(0, 3).map((v) => v.toString(16).padStart(2, '0')).join('');

describe('hot spot colours', () => {
  test('the ArcGIS / ColorBrewer diverging scheme: 99/95/90 % cold, not significant, 90/95/99 % hot', () => {
    expect([-3, -2, -1, 1, 2, 3].map((b) => hex(hotspotColour(b)))).toEqual(['#4575b4', '#91bfdb', '#e0f3f8', '#fee090', '#fc8d59', '#d73027']);
    // Not significant is a faint veil on the dark map; significant cells are clearly opaque.
    expect(hotspotColour(0)[3]).toBeLessThan(40);
    for (const b of [-3, -2, -1, 1, 2, 3]) expect(hotspotColour(b)[3]).toBeGreaterThan(150);
  });

  test('no data and out-of-range bins are transparent', () => {
    for (const b of [Number.NaN, 4, -4, 1.5]) expect(hotspotColour(b)[3]).toBe(0);
  });

  test('legend lists hot to cold with one label each', () => {
    const legend = hotspotLegend();
    expect(legend.map((e) => e.bin)).toEqual([3, 2, 1, 0, -1, -2, -3]);
    expect(legend.map((e) => e.key)).toEqual(['hotspot.hot99', 'hotspot.hot95', 'hotspot.hot90', 'hotspot.notSignificant', 'hotspot.cold90', 'hotspot.cold95', 'hotspot.cold99']);
    legend.forEach((e) => expect(e.colour).toEqual(HOTSPOT_COLOURS[e.bin]));
  });

  test('bin counts', () => {
    expect(binCounts(Int8Array.from([3, 3, 0, -1, 2, 0, 0]))).toEqual({ [-3]: 0, [-2]: 0, [-1]: 1, 0: 3, 1: 0, 2: 1, 3: 2 });
  });
});

describe('emerging hot spot colours', () => {
  test('every category of the analysis has a colour and a legend place; hot ones are warm, cold ones cool', () => {
    expect([...EMERGING_LEGEND_ORDER].sort()).toEqual([...EMERGING_CATEGORIES].sort());
    for (const c of EMERGING_CATEGORIES) {
      const [r, , b, a] = EMERGING_COLOURS[c];
      if (c === 'no_pattern') expect(a).toBe(0);
      else expect(a).toBeGreaterThan(150);
      if (c.endsWith('_hot')) expect(r).toBeGreaterThan(b);
    }
    const cool = EMERGING_CATEGORIES.filter((c) => c.endsWith('_cold') && !c.startsWith('sporadic') && !c.startsWith('historical'));
    for (const c of cool) expect(EMERGING_COLOURS[c][2]).toBeGreaterThan(EMERGING_COLOURS[c][0]);
    expect(new Set(EMERGING_CATEGORIES.map((c) => hex(EMERGING_COLOURS[c]))).size).toBe(EMERGING_CATEGORIES.length);
  });

  test('legend shows only the categories that occur, with counts; unknown categories draw nothing', () => {
    const legend = emergingLegend({ persistent_hot: 3, new_cold: 1, no_pattern: 40 });
    expect(legend.map((e) => [e.category, e.count])).toEqual([['persistent_hot', 3], ['new_cold', 1], ['no_pattern', 40]]);
    expect(emergingLegend()).toHaveLength(EMERGING_CATEGORIES.length);
    expect(emergingColour('lukewarm')[3]).toBe(0);
    expect(emergingColour(undefined)[3]).toBe(0);
  });
});
