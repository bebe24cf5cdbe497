import { describe, expect, test } from 'vitest';
import { contiguityWeights, localGiStar, type PolygonGeometry } from '../../../server/analytics/index.js';
import type { CellCounts } from '../../../server/contract/index.js';
import { cellMatrixFrom, cellSeries, stepRange, sumSteps } from '../../../web/analysis/cell-matrix.js';
import { createLiveHotspots } from '../../../web/analysis/live-hotspots.js';

// A 12 × 12 grid of unit squares over 20 days; counts drawn from a small LCG so that the case is not hand-made.
const side = 12;
const nCells = side * side;
const days = Array.from({ length: 20 }, (_, d) => `2026-10-${String(d + 1).padStart(2, '0')}`);
const squares: PolygonGeometry[] = [];
for (let r = 0; r < side; r++) for (let c = 0; c < side; c++) squares.push({ type: 'Polygon', coordinates: [[[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1], [c, r]]] });
const weights = contiguityWeights(squares, { rule: 'queen' });

let seed = 12345;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
/** dense[t][i]: clues of cell i on day t; a hot corner grows over time. */
const dense = days.map((_, t) => Array.from({ length: nCells }, (_, i) => {
  const hot = i % side < 3 && Math.floor(i / side) < 3 ? 1 + t / 5 : 0;
  return Math.floor(next() * 1.6 + hot * next() * 3);
}));

function responseOf(): CellCounts {
  const stepOffsets = [0];
  const cellIndex: number[] = [];
  const count: number[] = [];
  dense.forEach((row) => {
    row.forEach((v, i) => {
      if (v > 0) {
        cellIndex.push(i);
        count.push(v);
      }
    });
    stepOffsets.push(count.length);
  });
  return {
    from: '2026-09-30T16:00:00.000Z',
    to: '2026-10-20T16:00:00.000Z',
    step: 'day',
    districtCode: null,
    stepStarts: days,
    cellIds: Array.from({ length: nCells }, (_, i) => 1000 + i),
    stepOffsets,
    cellIndex,
    count,
    neighbours: { weights: 'queen', offsets: Array.from(weights.offsets), index: Array.from(weights.neighbours) },
  };
}

describe('live hot spot recompute', () => {
  const matrix = cellMatrixFrom(responseOf());
  const live = createLiveHotspots(matrix);

  test('summing a step range equals summing the dense matrix', () => {
    const out = sumSteps(matrix, 3, 11, new Float64Array(nCells));
    for (let i = 0; i < nCells; i++) {
      let expected = 0;
      for (let t = 3; t < 11; t++) expected += dense[t][i];
      expect(out[i]).toBe(expected);
    }
  });

  test('an inclusive date range maps to its days', () => {
    expect(stepRange(matrix, { from: '2026-10-04', to: '2026-10-11' })).toEqual([3, 11]);
    expect(stepRange(matrix, { from: '2026-09-01', to: '2026-12-31' })).toEqual([0, 20]);
    expect(stepRange(matrix, { from: '2026-11-01', to: '2026-11-05' })).toEqual([20, 20]);
    const weekly = { step: 'week' as const, stepStarts: ['2026-10-01', '2026-10-08', '2026-10-15'], nSteps: 3 };
    // A week counts only when the whole week lies inside the range.
    expect(stepRange(weekly, { from: '2026-10-01', to: '2026-10-20' })).toEqual([0, 2]);
    expect(stepRange(weekly, { from: '2026-10-01', to: '2026-10-21' })).toEqual([0, 3]);
  });

  test.each([
    [0, 20],
    [5, 9],
    [12, 20],
  ])('Gi* for steps [%i, %i) equals a fresh localGiStar on the summed counts', (a, b) => {
    const frame = live.forSteps(a, b);
    const values = new Float64Array(nCells);
    for (let t = a; t < b; t++) for (let i = 0; i < nCells; i++) values[i] += dense[t][i];
    const expected = localGiStar(values, weights);
    for (let i = 0; i < nCells; i++) {
      expect(frame.values[i]).toBe(values[i]);
      expect(Math.abs(frame.result.z[i] - expected.z[i])).toBeLessThan(1e-12);
      expect(frame.result.binFdr[i]).toBe(expected.binFdr[i]);
    }
    // The hot corner is found.
    expect(frame.result.z[0]).toBeGreaterThan(1.96);
    expect(frame.ms).toBeGreaterThanOrEqual(0);
  });

  test('forRange uses the days of the range; the series of a cell lists its daily counts', () => {
    const frame = live.forRange({ from: '2026-10-06', to: '2026-10-09' });
    expect([frame.fromStep, frame.toStep]).toEqual([5, 9]);
    expect(Array.from(cellSeries(matrix, 13))).toEqual(dense.map((row) => row[13]));
  });

  test('an inconsistent answer is refused with the reason', () => {
    const body = responseOf();
    expect(() => cellMatrixFrom({ ...body, stepOffsets: body.stepOffsets.slice(1) })).toThrow(/step offsets/);
    expect(() => cellMatrixFrom({ ...body, cellIndex: body.cellIndex.map((i) => i + nCells) })).toThrow(/out of range|differ/);
    expect(() => cellMatrixFrom({ ...body, neighbours: { ...body.neighbours, offsets: [0] } })).toThrow(/neighbour offsets/);
  });

  test('fewer than 3 cells cannot be analysed', () => {
    const tiny = cellMatrixFrom({ ...responseOf(), cellIds: [1, 2], stepOffsets: new Array<number>(21).fill(0), cellIndex: [], count: [], neighbours: { weights: 'queen', offsets: [0, 1, 2], index: [1, 0] } });
    expect(() => createLiveHotspots(tiny).forSteps(0, 1)).toThrow(/at least 3 grid cells/);
  });
});
