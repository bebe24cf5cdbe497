import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { classifyLattice } from '../../db/seed/generate/lattice.js';
import { cellSize, clusterCells, latticeIndex, toMetres } from '../../db/seed/generate/grid.js';
import { createRandom } from '../../server/domain/random.js';
import type { AreaGeometry } from '../../db/seed/generate/gcj02.js';

const unit = { lonDegrees: 1, latDegrees: 1, metres: 1 };

describe('lattice classification', () => {
  it('splits a square area into inside squares and the squares its border touches', () => {
    const area: AreaGeometry = { type: 'Polygon', coordinates: [[[0.5, 0.5], [10.5, 0.5], [10.5, 10.5], [0.5, 10.5], [0.5, 0.5]]] };
    const { inside, border } = classifyLattice(area, unit);
    // Squares 1..9 × 1..9 are inside; the ring of squares 0 and 10 holds the border.
    expect(inside).toHaveLength(81);
    expect(inside.every(([i, j]) => i >= 1 && i <= 9 && j >= 1 && j <= 9)).toBe(true);
    expect(border).toHaveLength(11 * 11 - 81);
  });

  it('keeps holes out and marks their edges as border', () => {
    const area: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
        [[3.5, 3.5], [6.5, 3.5], [6.5, 6.5], [3.5, 6.5], [3.5, 3.5]],
      ],
    };
    const { inside, border } = classifyLattice(area, unit);
    const key = ([i, j]: number[]) => `${i}:${j}`;
    const insideKeys = new Set(inside.map(key));
    expect(insideKeys.has('5:5')).toBe(false);
    expect(new Set(border.map(key)).has('5:5')).toBe(false);
    expect(new Set(border.map(key)).has('3:3')).toBe(true);
    expect(insideKeys.has('1:1')).toBe(true);
  });

  it('never calls a square inside that the border crosses (irregular polygon)', () => {
    const ring = Array.from({ length: 40 }, (_, k) => {
      const angle = (2 * Math.PI * k) / 40;
      const radius = 10 + 3 * Math.sin(5 * angle);
      return [20 + radius * Math.cos(angle), 20 + radius * Math.sin(angle)];
    });
    const area: AreaGeometry = { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
    const { inside, border } = classifyLattice(area, unit);
    expect(inside.length).toBeGreaterThan(100);
    for (const [i, j] of inside) {
      for (const [x, y] of [[i, j], [i + 1, j], [i, j + 1], [i + 1, j + 1], [i + 0.5, j + 0.5]]) {
        expect(booleanPointInPolygon([x, y], area)).toBe(true);
      }
    }
    // Every square containing a vertex of the ring is a border square.
    const borderKeys = new Set(border.map(([i, j]) => `${i}:${j}`));
    for (const [x, y] of ring) expect(borderKeys.has(`${Math.floor(x)}:${Math.floor(y)}`)).toBe(true);
  });
});

describe('grid sizes and street clustering', () => {
  it('uses ~0.5 km cells in central districts and ~1 km elsewhere, square on the ground', () => {
    const central = cellSize('demo', true);
    const outer = cellSize('demo', false);
    const [x0, y0] = toMetres(121.4, 31.2);
    const [x1, y1] = toMetres(121.4 + central.lonDegrees, 31.2 + central.latDegrees);
    expect(x1 - x0).toBeCloseTo(500, 0);
    expect(y1 - y0).toBeCloseTo(500, 0);
    expect(outer.metres).toBe(1000);
    expect(cellSize('test', false).metres).toBeGreaterThan(outer.metres);
    expect(latticeIndex(central.lonDegrees * 3.5, central.latDegrees * -0.5, central)).toEqual({ i: 3, j: -1 });
  });

  it('groups cells into k compact clusters, the same for the same seed', () => {
    const cells = Array.from({ length: 400 }, (_, n) => ({ key: String(n), lon: 121 + (n % 20) * 0.01, lat: 31 + Math.floor(n / 20) * 0.01, areaM2: 1 }));
    const a = clusterCells(createRandom(9), cells, 6);
    const b = clusterCells(createRandom(9), cells, 6);
    expect(a.clusterOfCell).toEqual(b.clusterOfCell);
    const sizes = Array.from({ length: 6 }, (_, c) => a.clusterOfCell.filter((x) => x === c).length);
    expect(Math.min(...sizes)).toBeGreaterThan(30);
    // Contiguity: every cell of a cluster has a 4-neighbour in the same cluster.
    for (let n = 0; n < 400; n++) {
      const neighbours = [n - 1, n + 1, n - 20, n + 20].filter((m) => m >= 0 && m < 400 && (Math.abs(m - n) === 20 || Math.floor(m / 20) === Math.floor(n / 20)));
      expect(neighbours.some((m) => a.clusterOfCell[m] === a.clusterOfCell[n])).toBe(true);
    }
    expect(() => clusterCells(createRandom(1), cells, 0)).toThrow(/k must be/);
  });
});
