import type { SpatialWeights } from './types.js';

/** Appends neighbour rows one unit at a time into CSR arrays that grow as needed. */
export function createRowBuilder(n: number, expectedPerRow = 8) {
  const offsets = new Int32Array(n + 1);
  let neighbours = new Int32Array(Math.max(16, n * expectedPerRow));
  let length = 0;
  let row = 0;
  return {
    push(j: number): void {
      if (length === neighbours.length) {
        const bigger = new Int32Array(neighbours.length * 2);
        bigger.set(neighbours);
        neighbours = bigger;
      }
      neighbours[length++] = j;
    },
    /** Ends the current unit's row: sorts it and drops duplicates. */
    endRow(): void {
      const start = offsets[row];
      const slice = neighbours.subarray(start, length).sort();
      let m = 0;
      for (let k = 0; k < slice.length; k++) if (m === 0 || slice[m - 1] !== slice[k]) slice[m++] = slice[k];
      length = start + m;
      offsets[++row] = length;
    },
    finish(kind: string): SpatialWeights {
      if (row !== n) throw new Error(`row builder finished after ${row} of ${n} rows`);
      const islands: number[] = [];
      for (let i = 0; i < n; i++) if (offsets[i + 1] === offsets[i]) islands.push(i);
      return { n, offsets, neighbours: neighbours.slice(0, length), weights: null, islands, kind };
    },
  };
}
