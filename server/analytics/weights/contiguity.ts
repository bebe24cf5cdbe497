import { AnalyticsInputError } from '../errors.js';
import type { MultiPolygonGeometry, PolygonGeometry, Position } from '../geojson.js';
import { ringsOf } from '../geojson.js';
import { edgeContacts } from './edgeContacts.js';
import { weightsFromEdges } from './csr.js';
import { createNumberHashMap, type NumberHashMap } from './numberHashMap.js';
import { createRadixOrderer } from '../radixOrder.js';
import type { SpatialWeights } from './types.js';

/** spdep's default snap distance for `poly2nb`: sqrt(.Machine$double.eps). */
export const DEFAULT_SNAP = Math.sqrt(Number.EPSILON);

export type ContiguityOptions = {
  rule: 'queen' | 'rook';
  /**
   * "vertices" (default) is spdep `poly2nb`: count pairs of boundary vertices closer than `snap`;
   * queen needs one pair, rook two. "edges" also sees a vertex lying on the other polygon's edge
   * (T-junctions) and makes rook mean a shared stretch of boundary longer than `snap`.
   */
  match?: 'vertices' | 'edges';
  /** Tolerance in coordinate units (degrees on lon/lat data). */
  snap?: number;
};

/** The vertex list spdep compares: all rings of the feature in order, without the feature's first vertex. */
function spdepVertexList(geometry: PolygonGeometry | MultiPolygonGeometry): Position[] {
  return ringsOf(geometry).flat().slice(1);
}

/** Largest grid resolution per axis that keeps cell keys exact in a double. */
const MAX_CELLS_PER_AXIS = 2 ** 24;

function vertexContactCounts(vertexLists: Position[][], snap: number, cap: number): NumberHashMap {
  const n = vertexLists.length;
  let total = 0;
  for (const list of vertexLists) total += list.length;
  const xs = new Float64Array(total);
  const ys = new Float64Array(total);
  const owner = new Int32Array(total);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let v = 0;
  vertexLists.forEach((list, i) => {
    for (const p of list) {
      xs[v] = p[0];
      ys[v] = p[1];
      owner[v++] = i;
      if (p[0] < minX) minX = p[0];
      if (p[0] > maxX) maxX = p[0];
      if (p[1] < minY) minY = p[1];
      if (p[1] > maxY) maxY = p[1];
    }
  });
  const extent = Math.max(maxX - minX, maxY - minY, 0);
  const cell = Math.max(snap, extent / (MAX_CELLS_PER_AXIS - 2), Number.MIN_VALUE);
  const ny = Math.floor((maxY - minY) / cell) + 3;
  const keys = new Float64Array(total);
  for (let t = 0; t < total; t++) {
    keys[t] = (Math.floor((xs[t] - minX) / cell) + 1) * ny + (Math.floor((ys[t] - minY) / cell) + 1);
  }
  // Vertices ordered by grid cell (stable, so by index within a cell), and where each cell starts.
  const order = createRadixOrderer(total)(keys);
  const cellStart = createNumberHashMap(total);
  for (let r = 0; r < total; r++) if (r === 0 || keys[order[r]] !== keys[order[r - 1]]) cellStart.set(keys[order[r]], r);

  const counts = createNumberHashMap(total);
  for (let a = 0; a < total; a++) {
    const ka = keys[a];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const start = cellStart.get(ka + dx * ny + dy);
        if (start < 0) continue;
        const key = keys[order[start]];
        for (let r = start; r < total && keys[order[r]] === key; r++) {
          const b = order[r];
          // Each unordered vertex pair once, and only between different features.
          if (b <= a || owner[b] === owner[a]) continue;
          const ddx = xs[a] - xs[b];
          if (Math.abs(ddx) > snap) continue;
          const ddy = ys[a] - ys[b];
          if (Math.abs(ddy) > snap || Math.hypot(ddx, ddy) > snap) continue;
          const i = Math.min(owner[a], owner[b]);
          const j = Math.max(owner[a], owner[b]);
          counts.add(i * n + j, 1, cap);
        }
      }
    }
  }
  return counts;
}

/** Queen or rook contiguity weights for polygon features. */
export function contiguityWeights(geometries: (PolygonGeometry | MultiPolygonGeometry)[], options: ContiguityOptions): SpatialWeights {
  const { rule, match = 'vertices', snap = DEFAULT_SNAP } = options;
  if (!(snap >= 0)) throw new AnalyticsInputError(`snap must be ≥ 0, got ${snap}`, 'snap');
  const n = geometries.length;
  const needed = rule === 'queen' ? 1 : 2;
  const pairs: number[] = [];
  if (match === 'vertices') {
    const counts = vertexContactCounts(geometries.map(spdepVertexList), snap, needed);
    counts.forEach((pair, c) => {
      if (c >= needed) pairs.push(pair);
    });
  } else {
    const contacts = edgeContacts(geometries, snap);
    for (const [pair, kind] of contacts) if (rule === 'queen' || kind === 'edge') pairs.push(pair);
  }
  const a = new Int32Array(pairs.length);
  const b = new Int32Array(pairs.length);
  pairs.forEach((pair, e) => {
    a[e] = Math.floor(pair / n);
    b[e] = pair - a[e] * n;
  });
  return weightsFromEdges(n, a, b, pairs.length, `${rule}${match === 'edges' ? ':edges' : ''}`);
}
