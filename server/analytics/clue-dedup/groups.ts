// Clusters of duplicate clues (查重分组) over a whole set: union-find over the pair decisions of pairs.ts.
//
// Candidate pairs come from blocking, not from comparing all n² pairs: a grid of cells at least `radiusMetres`
// wide (a pair within the radius lies in one cell or two neighbouring ones) with each cell's clues in time order,
// so only clues of the 3×3 cells around a clue and inside the time window are compared; plus an index by
// institution id for the pairs the same id links whatever their distance. With clues spread over a city the
// blocks hold a handful of clues each, so a plain bigram comparison per candidate pair is cheap and MinHash/LSH
// would only add approximation: scripts/bench/dedup.ts measures the pairs compared per clue and the time for
// 100,000 clues.

import { DAY_MS } from '../../domain/time.js';
import { METRES_PER_DEGREE_LATITUDE, metresPerDegreeLongitude } from '../../domain/geodesy.js';
import { compareIds } from './candidates.js';
import { prepareClue, type ClueId, type DedupClue, type PreparedClue } from './clue.js';
import { resolveDedupOptions, type DedupOptions } from './options.js';
import { decidePair } from './pair.js';

export interface DuplicateGroupsResult {
  /** Each group's ids ascending, groups ordered by their first id; clues without a duplicate are left out. */
  groups: ClueId[][];
  /** Pairs whose decision was asked: the cost of the run, for the benchmark. */
  pairsCompared: number;
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[i] !== root) {
      const next = this.parent[i];
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Keeps latitudes off the poles, where a degree of longitude has no width. */
const MAX_GRID_LATITUDE = 85;
/** Cell numbers along an axis (offset to be positive) stay below 2^26, so that x·2^26 + y is an exact number key. */
const AXIS = 2 ** 26;

export function duplicateGroups(clues: readonly DedupClue[], options: Partial<DedupOptions> = {}): DuplicateGroupsResult {
  const resolved = resolveDedupOptions(options);
  const seen = new Set<ClueId>();
  for (const clue of clues) {
    if (seen.has(clue.id)) throw new RangeError(`clue id ${JSON.stringify(clue.id)} occurs twice`);
    seen.add(clue.id);
  }
  // Time order, so that each block's list is in time order too and the window is a contiguous run of it.
  const order = clues.map((_, i) => i).sort((i, j) => clues[i].reportedAtMs - clues[j].reportedAtMs || i - j);
  const prepared: PreparedClue[] = order.map((i) => prepareClue(clues[i]));
  const n = prepared.length;
  const windowMs = resolved.windowDays * DAY_MS;
  const sets = new UnionFind(n);
  let pairsCompared = 0;
  const compare = (i: number, j: number) => {
    pairsCompared++;
    if (sets.find(i) !== sets.find(j) && decidePair(prepared[i], prepared[j], resolved)) sets.union(i, j);
  };

  let maxLatitude = 0;
  for (const p of prepared) maxLatitude = Math.max(maxLatitude, Math.abs(p.clue.lat));
  const cellLat = resolved.radiusMetres / METRES_PER_DEGREE_LATITUDE;
  const cellLon = resolved.radiusMetres / metresPerDegreeLongitude(Math.min(maxLatitude, MAX_GRID_LATITUDE));
  const cellOf = (p: PreparedClue): [number, number] => [Math.floor(p.clue.lon / cellLon) + AXIS / 2, Math.floor(p.clue.lat / cellLat) + AXIS / 2];
  const cells = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const [x, y] = cellOf(prepared[i]);
    const key = x * AXIS + y;
    const list = cells.get(key);
    if (list) list.push(i);
    else cells.set(key, [i]);
  }
  for (let i = 0; i < n; i++) {
    const [x, y] = cellOf(prepared[i]);
    const until = prepared[i].clue.reportedAtMs + windowMs;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const list = cells.get((x + dx) * AXIS + (y + dy));
        if (!list) continue;
        // Each pair once: the later clue of the pair, in the window after i.
        for (let k = firstAfter(list, i); k < list.length && prepared[list[k]].clue.reportedAtMs <= until; k++) compare(i, list[k]);
      }
    }
  }

  const byInstitution = new Map<ClueId, number[]>();
  for (let i = 0; i < n; i++) {
    const id = prepared[i].clue.institutionId;
    if (id == null) continue;
    const list = byInstitution.get(id);
    if (list) list.push(i);
    else byInstitution.set(id, [i]);
  }
  for (const list of byInstitution.values()) {
    for (let a = 0; a < list.length; a++) {
      const until = prepared[list[a]].clue.reportedAtMs + windowMs;
      for (let b = a + 1; b < list.length && prepared[list[b]].clue.reportedAtMs <= until; b++) compare(list[a], list[b]);
    }
  }

  const members = new Map<number, ClueId[]>();
  for (let i = 0; i < n; i++) {
    const root = sets.find(i);
    const list = members.get(root);
    if (list) list.push(prepared[i].clue.id);
    else members.set(root, [prepared[i].clue.id]);
  }
  const groups = [...members.values()].filter((g) => g.length > 1).map((g) => g.sort(compareIds));
  groups.sort((a, b) => compareIds(a[0], b[0]));
  return { groups, pairsCompared };
}

/** The first position of a time-ordered list holding an index above i (indices are in time order). */
function firstAfter(list: readonly number[], i: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
