import type { SpatialWeights } from './types.js';

function islandsOf(offsets: Int32Array): number[] {
  const islands: number[] = [];
  for (let i = 0; i + 1 < offsets.length; i++) if (offsets[i + 1] === offsets[i]) islands.push(i);
  return islands;
}

/** Build CSR weights from per-unit neighbour lists (duplicates and self references are removed). */
export function weightsFromNeighbourLists(lists: ArrayLike<number>[], kind: string): SpatialWeights {
  const n = lists.length;
  const offsets = new Int32Array(n + 1);
  const sorted = new Array<Int32Array>(n);
  for (let i = 0; i < n; i++) {
    const raw = Int32Array.from(lists[i]).sort();
    let m = 0;
    for (let k = 0; k < raw.length; k++) {
      const j = raw[k];
      if (j < 0 || j >= n || !Number.isInteger(j)) throw new RangeError(`neighbour ${j} of unit ${i} is not a unit index`);
      if (j === i || (m > 0 && raw[m - 1] === j)) continue;
      raw[m++] = j;
    }
    sorted[i] = raw.subarray(0, m);
    offsets[i + 1] = offsets[i] + m;
  }
  const neighbours = new Int32Array(offsets[n]);
  for (let i = 0; i < n; i++) neighbours.set(sorted[i], offsets[i]);
  return { n, offsets, neighbours, weights: null, islands: islandsOf(offsets), kind };
}

/** Build symmetric CSR weights from an undirected edge list (pairs i–j, i ≠ j, each pair at least once). */
export function weightsFromEdges(n: number, edgeA: Int32Array, edgeB: Int32Array, edgeCount: number, kind: string): SpatialWeights {
  const degree = new Int32Array(n);
  for (let e = 0; e < edgeCount; e++) {
    degree[edgeA[e]]++;
    degree[edgeB[e]]++;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n]);
  for (let e = 0; e < edgeCount; e++) {
    const a = edgeA[e];
    const b = edgeB[e];
    neighbours[fill[a]++] = b;
    neighbours[fill[b]++] = a;
  }
  for (let i = 0; i < n; i++) neighbours.subarray(offsets[i], offsets[i + 1]).sort();
  return { n, offsets, neighbours, weights: null, islands: islandsOf(offsets), kind };
}

/** Neighbour indices of unit i (a view, no copy). */
export function neighboursOf(w: SpatialWeights, i: number): Int32Array {
  return w.neighbours.subarray(w.offsets[i], w.offsets[i + 1]);
}

/** Number of neighbours of each unit. */
export function cardinalities(w: SpatialWeights): Int32Array {
  const card = new Int32Array(w.n);
  for (let i = 0; i < w.n; i++) card[i] = w.offsets[i + 1] - w.offsets[i];
  return card;
}

/** True when j is a neighbour of i exactly when i is a neighbour of j. */
export function isSymmetric(w: SpatialWeights): boolean {
  for (let i = 0; i < w.n; i++) {
    for (let k = w.offsets[i]; k < w.offsets[i + 1]; k++) {
      const j = w.neighbours[k];
      const row = neighboursOf(w, j);
      let lo = 0;
      let hi = row.length - 1;
      let found = false;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (row[mid] === i) {
          found = true;
          break;
        }
        if (row[mid] < i) lo = mid + 1;
        else hi = mid - 1;
      }
      if (!found) return false;
    }
  }
  return true;
}
