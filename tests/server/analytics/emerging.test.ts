import { describe, expect, it } from 'vitest';
import { classifyEmerging, emergingHotspots, mannKendall } from '../../../server/analytics/emerging.js';
import { spaceTimeGiStar } from '../../../server/analytics/emerging/spaceTimeGiStar.js';
import { localGiStar } from '../../../server/analytics/gistar.js';
import { contiguityWeights } from '../../../server/analytics/weights/contiguity.js';
import { weightsFromNeighbourLists, neighboursOf } from '../../../server/analytics/weights/csr.js';
import type { PolygonGeometry } from '../../../server/analytics/geojson.js';
import { readFixture } from './fixtureFiles.js';

type MkCase = { series: number[]; s: number; var_s: number; z: number; p: number; tau_b: number };

describe('Mann–Kendall', () => {
  it('equals R cor.test(kendall, exact = FALSE, continuity = FALSE), ties included', () => {
    const { cases } = readFixture<{ cases: MkCase[] }>('r_mann_kendall.json');
    for (const c of cases) {
      const r = mannKendall(c.series);
      expect(r.s).toBe(c.s);
      expect(r.varS).toBeCloseTo(c.var_s, 10);
      expect(Math.abs(r.z - c.z)).toBeLessThan(1e-12);
      expect(Math.abs(r.p - c.p) / c.p).toBeLessThan(1e-10);
      expect(Math.abs(r.tau - c.tau_b)).toBeLessThan(1e-12);
    }
  });

  it('hand-worked with one tie: [1, 2, 2, 3]', () => {
    // S = 5 (five increasing pairs, one tie); Var = (4·3·13 − 2·1·9)/18 = 138/18.
    const r = mannKendall([1, 2, 2, 3]);
    expect(r.s).toBe(5);
    expect(r.varS).toBeCloseTo(138 / 18, 14);
    expect(r.z).toBeCloseTo(5 / Math.sqrt(138 / 18), 14);
    expect(mannKendall([1, 2, 2, 3], { continuity: true }).z).toBeCloseTo(4 / Math.sqrt(138 / 18), 14);
    expect(mannKendall([3, 2, 2, 1], { continuity: true }).z).toBeCloseTo(-4 / Math.sqrt(138 / 18), 14);
    const flat = mannKendall([4, 4, 4]);
    expect([flat.s, flat.z, flat.p]).toEqual([0, 0, 1]);
  });
});

describe('emerging categories', () => {
  const H = 1;
  const C = -1;
  const _ = 0;
  const cases: [number[], -1 | 0 | 1, string][] = [
    [[_, _, _, _, _, _, _, _, _, H], 0, 'new_hot'],
    [[_, _, _, _, _, _, _, H, H, H], 0, 'consecutive_hot'],
    [[H, H, H, H, H, H, H, H, H, H], 1, 'intensifying_hot'],
    [[H, H, H, H, H, H, H, H, H, H], 0, 'persistent_hot'],
    [[H, H, H, H, _, H, H, H, H, H], -1, 'diminishing_hot'],
    [[_, H, _, H, _, _, H, _, _, H], 0, 'sporadic_hot'],
    [[C, _, _, H, _, _, _, _, H, H], 0, 'oscillating_hot'],
    [[H, H, H, H, H, H, H, H, H, _], 0, 'historical_hot'],
    [[_, _, _, _, _, _, _, _, _, C], 0, 'new_cold'],
    [[_, _, _, _, _, _, C, C, C, C], 0, 'consecutive_cold'],
    [[C, C, C, C, C, C, C, C, C, C], -1, 'intensifying_cold'],
    [[C, C, C, C, C, C, C, C, C, C], 0, 'persistent_cold'],
    [[C, C, C, C, C, C, C, C, C, C], 1, 'diminishing_cold'],
    [[C, _, _, C, _, C, _, _, _, C], 0, 'sporadic_cold'],
    [[_, H, _, _, _, C, _, _, _, C], 0, 'oscillating_cold'],
    [[C, C, C, C, C, C, C, C, C, H], 0, 'new_hot'],
    [[C, C, C, C, C, C, C, C, C, _], 0, 'historical_cold'],
    [[_, _, H, H, _, _, _, _, _, _], 0, 'no_pattern'],
    [[_, _, _, _, _, _, _, _, _, _], 1, 'no_pattern'],
    [[H, _, H, H, H, H, H, H, H, H], 0, 'persistent_hot'],
    [[_, H, _, H, H, H, H, H, H, H], 0, 'sporadic_hot'],
  ];
  it.each(cases)('%j with trend %s → %s', (states, trend, expected) => {
    expect(classifyEmerging(states, trend)).toBe(expected);
  });
});

const square = (x: number, y: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]],
});

function gridWeights(cols: number, rows: number) {
  const cells: PolygonGeometry[] = [];
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) cells.push(square(c, r));
  return contiguityWeights(cells, { rule: 'queen' });
}

describe('space-time Gi*', () => {
  it('equals Gi* on explicitly built space-time weights (same and k previous steps)', () => {
    const w = gridWeights(4, 3);
    const n = w.n;
    const T = 5;
    const k = 2;
    const values = Array.from({ length: n * T }, (_, u) => ((u * 7919) % 13) + (u % 5 === 0 ? 6 : 0));
    const lists: number[][] = [];
    for (let t = 0; t < T; t++) {
      for (let i = 0; i < n; i++) {
        const list: number[] = [];
        for (let s = Math.max(0, t - k); s <= t; s++) {
          for (const j of [i, ...neighboursOf(w, i)]) if (!(s === t && j === i)) list.push(s * n + j);
        }
        lists.push(list);
      }
    }
    const explicit = localGiStar(values, weightsFromNeighbourLists(lists, 'space-time'));
    const fast = spaceTimeGiStar(values, w, T, k);
    explicit.z.forEach((z, u) => expect(Math.abs(fast.z[u] - z)).toBeLessThan(1e-12));
    explicit.pFdr.forEach((q, u) => expect(Math.abs(fast.pFdr[u] - q)).toBeLessThan(1e-12));
  });
});

describe('emergingHotspots', () => {
  const cols = 12;
  const rows = 12;
  const T = 12;
  const w = gridWeights(cols, rows);
  const n = w.n;
  const at = (c: number, r: number) => r * cols + c;
  // Background of ones; a block that is always busy (top left); a block that starts in the last three
  // steps (bottom right); a block that was busy and went quiet at the end (top right).
  const values = new Float64Array(n * T).fill(1);
  for (let t = 0; t < T; t++) {
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        values[t * n + at(c, r)] = 9 + t;
        if (t >= T - 3) values[t * n + at(9 + c, 9 + r)] = 14;
        if (t < T - 2) values[t * n + at(9 + c, r)] = 12;
      }
    }
  }
  const result = emergingHotspots({ nCells: n, nSteps: T, values }, { weights: w, timeNeighbourSteps: 1 });

  it('finds a persistent or intensifying hot spot, a new or consecutive one and a historical one', () => {
    expect(['persistent_hot', 'intensifying_hot']).toContain(result.category[at(1, 1)]);
    expect(['new_hot', 'consecutive_hot']).toContain(result.category[at(10, 10)]);
    expect(result.category[at(10, 1)]).toBe('historical_hot');
    expect(result.category[at(6, 6)]).toMatch(/no_pattern|cold/);
    expect(result.hotSteps[at(1, 1)]).toBe(T);
    expect(result.trend.s[at(10, 10)]).toBeGreaterThan(0);
  });

  it('rejects malformed cubes with clear messages', () => {
    expect(() => emergingHotspots({ nCells: n, nSteps: T, values: values.subarray(1) }, { weights: w })).toThrow(/needs 144 × 12/);
    expect(() => emergingHotspots({ nCells: n, nSteps: 1, values: values.subarray(0, n) }, { weights: w })).toThrow(/at least 2 time steps/);
    expect(() => emergingHotspots({ nCells: 5, nSteps: 2, values: new Float64Array(10) }, { weights: w })).toThrow(/weights are for 144 cells/);
    const bad = Float64Array.from(values);
    bad[3] = Number.NaN;
    expect(() => emergingHotspots({ nCells: n, nSteps: T, values: bad }, { weights: w })).toThrow(/value 3 is not a finite number/);
    expect(() => emergingHotspots({ nCells: n, nSteps: T, values }, { weights: w, alpha: 2 })).toThrow(/significance level/);
  });
});
