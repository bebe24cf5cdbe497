import type { Random } from '../../domain/random.js';
import { selectSmallest } from './neighbours.js';

/**
 * Iterated local search for one closed tour (Lourenço, Martin & Stützle, "Iterated Local Search",
 * 2003): 2-opt and Or-opt with neighbour lists and don't-look bits (Bentley 1992), kicked by a
 * segment-swap double bridge kept local so that re-optimisation stays cheap. Node 0 (the depot)
 * stays at position 0. Asymmetric costs are handled with prefix sums of both travel directions.
 */
export interface TspBudget {
  maxIterations: number;
  timeLimitMs: number;
  now: () => number;
}

const NEIGHBOURS = 10;
/**
 * Local kicks alone leave tours with a misrouted cluster far away in tour order (TSPLIB pr226,
 * pr264 stayed 4–6 % above the optimum); a fifth of classic random double bridges fixes that.
 */
const GLOBAL_KICKS = 0.2;

export interface TspOptions {
  /** Size of the candidate lists. */
  neighbours?: number;
  /** Share of kicks with three uniformly random cut points. */
  globalKicks?: number;
}
const MAX_SEGMENT = 3;

export class TspSolver {
  private readonly m: number;
  private readonly c: Float64Array;
  private readonly symmetric: boolean;
  private readonly neigh: Int32Array;
  private readonly k: number;
  private readonly globalKicks: number;
  tour: Int32Array;
  private pos: Int32Array;
  private fwd: Float64Array;
  private bwd: Float64Array;
  private readonly queue: Int32Array;
  private readonly segment = new Int32Array(MAX_SEGMENT);
  private readonly inQueue: Uint8Array;
  private qHead = 0;
  private qLen = 0;

  /** `cost` is m × m row-major over local nodes 0..m-1. */
  constructor(cost: Float64Array, m: number, options: TspOptions = {}) {
    this.m = m;
    this.c = cost;
    let symmetric = true;
    for (let a = 0; a < m && symmetric; a++) for (let b = a + 1; b < m; b++) if (cost[a * m + b] !== cost[b * m + a]) { symmetric = false; break; }
    this.symmetric = symmetric;
    this.k = Math.min(options.neighbours ?? NEIGHBOURS, m - 1);
    this.globalKicks = options.globalKicks ?? GLOBAL_KICKS;
    this.neigh = new Int32Array(m * this.k);
    const idx = Array.from({ length: m }, (_, i) => i);
    const order = new Int32Array(m);
    const key = new Float64Array(m);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        order[b] = b;
        key[b] = b === a ? Infinity : cost[a * m + b] + cost[b * m + a];
      }
      this.neigh.set(selectSmallest(order, key, this.k), a * this.k);
    }
    this.tour = Int32Array.from(idx);
    this.pos = Int32Array.from(idx);
    this.fwd = new Float64Array(m + 1);
    this.bwd = new Float64Array(m + 1);
    this.queue = new Int32Array(m);
    this.inQueue = new Uint8Array(m);
  }

  /** Tour cost including the closing arc. */
  cost(tour: Int32Array = this.tour): number {
    let s = 0;
    for (let i = 0; i < this.m; i++) s += this.c[tour[i] * this.m + tour[(i + 1) % this.m]];
    return s;
  }

  /** Nearest-neighbour start, local search, then kicks until the budget is spent. */
  solve(rng: Random, budget: TspBudget): { tour: Int32Array; cost: number; iterations: number } {
    const m = this.m;
    if (m <= 3) return { tour: this.tour, cost: this.cost(), iterations: 0 };
    this.nearestNeighbourTour();
    this.setTour(this.tour);
    for (let a = 0; a < m; a++) this.push(a);
    this.localSearch();
    let current = this.cost();
    let best = current;
    let bestTour = this.tour.slice();
    const saved = new Int32Array(m);
    const t0 = budget.now();
    let it = 0;
    const kicked = new Int32Array(8);
    for (; it < budget.maxIterations; it++) {
      if ((it & 15) === 0 && budget.now() - t0 >= budget.timeLimitMs) break;
      saved.set(this.tour);
      const kickedCount = this.doubleBridge(rng, kicked);
      if (kickedCount === 0) break;
      for (let i = 0; i < kickedCount; i++) this.push(kicked[i]);
      this.localSearch();
      const cost = this.cost();
      if (cost <= current + 1e-9) {
        current = cost;
        if (cost < best - 1e-9) {
          best = cost;
          bestTour = this.tour.slice();
        }
      } else {
        this.setTour(saved);
      }
    }
    this.setTour(bestTour);
    return { tour: bestTour, cost: best, iterations: it };
  }

  private nearestNeighbourTour(): void {
    const m = this.m;
    const used = new Uint8Array(m);
    const tour = this.tour;
    tour[0] = 0;
    used[0] = 1;
    for (let i = 1; i < m; i++) {
      const a = tour[i - 1];
      let bestB = -1;
      let best = Infinity;
      for (let b = 0; b < m; b++) {
        if (!used[b] && this.c[a * m + b] < best) {
          best = this.c[a * m + b];
          bestB = b;
        }
      }
      tour[i] = bestB;
      used[bestB] = 1;
    }
  }

  private setTour(t: Int32Array): void {
    if (t !== this.tour) this.tour.set(t);
    for (let i = 0; i < this.m; i++) this.pos[this.tour[i]] = i;
    this.refreshPrefix();
  }

  private refreshPrefix(): void {
    if (this.symmetric) return;
    const m = this.m;
    const t = this.tour;
    const c = this.c;
    for (let i = 0; i < m; i++) {
      const a = t[i];
      const b = t[(i + 1) % m];
      this.fwd[i + 1] = this.fwd[i] + c[a * m + b];
      this.bwd[i + 1] = this.bwd[i] + c[b * m + a];
    }
  }

  /** Extra cost of traversing positions i..j backwards instead of forwards. */
  private reversalExtra(i: number, j: number): number {
    if (this.symmetric || j <= i) return 0;
    return this.bwd[j] - this.bwd[i] - (this.fwd[j] - this.fwd[i]);
  }

  private push(a: number): void {
    if (this.inQueue[a]) return;
    this.inQueue[a] = 1;
    this.queue[(this.qHead + this.qLen) % this.m] = a;
    this.qLen++;
  }

  private pop(): number {
    const a = this.queue[this.qHead];
    this.qHead = (this.qHead + 1) % this.m;
    this.qLen--;
    this.inQueue[a] = 0;
    return a;
  }

  private localSearch(): void {
    while (this.qLen > 0) {
      const a = this.pop();
      if (this.improveTwoOpt(a) || this.improveOrOpt(a)) this.push(a);
    }
  }

  private at(i: number): number {
    return this.tour[i === this.m ? 0 : i];
  }

  /** 2-opt over positions i < j: reverse tour[i+1..j]. */
  private twoOptDelta(i: number, j: number): number {
    const m = this.m;
    const c = this.c;
    const a = this.tour[i];
    const b = this.tour[i + 1];
    const d = this.tour[j];
    const e = this.at(j + 1);
    return c[a * m + d] + c[b * m + e] - c[a * m + b] - c[d * m + e] + this.reversalExtra(i + 1, j);
  }

  private improveTwoOpt(a: number): boolean {
    const k = this.k;
    const pa = this.pos[a];
    for (let x = 0; x < k; x++) {
      const pb = this.pos[this.neigh[a * k + x]];
      // New arc a→b (a before b) or b→a (b before a), and the same between successors.
      if (this.tryTwoOpt(pa, pb) || this.tryTwoOpt(pb, pa) || this.tryTwoOpt(pa - 1, pb - 1) || this.tryTwoOpt(pb - 1, pa - 1)) {
        return true;
      }
    }
    return false;
  }

  private tryTwoOpt(i: number, j: number): boolean {
    if (i < 0 || j <= i + 1 || j > this.m - 1) return false;
    if (this.twoOptDelta(i, j) >= -1e-9) return false;
    this.reverse(i + 1, j);
    this.push(this.tour[i]);
    this.push(this.tour[i + 1]);
    this.push(this.tour[j]);
    this.push(this.at(j + 1));
    return true;
  }

  private reverse(i: number, j: number): void {
    const t = this.tour;
    const pos = this.pos;
    while (i < j) {
      const x = t[i];
      t[i] = t[j];
      t[j] = x;
      pos[t[i]] = i;
      pos[t[j]] = j;
      i++;
      j--;
    }
    this.refreshPrefix();
  }

  /** Moves a segment of 1..3 nodes starting or ending at a next to one of its neighbours. */
  private improveOrOpt(a: number): boolean {
    const m = this.m;
    const pa = this.pos[a];
    if (pa === 0) return false;
    for (let len = 1; len <= MAX_SEGMENT; len++) {
      for (let side = 0; side < (len === 1 ? 1 : 2); side++) {
        const first = side === 0 ? pa : pa - len + 1;
        const last = first + len - 1;
        if (first < 1 || last > m - 1) continue;
        if (this.tryOrOpt(first, last, this.tour[first]) || this.tryOrOpt(first, last, this.tour[last])) return true;
      }
    }
    return false;
  }

  /** Tries the segment tour[first..last] next to each neighbour of `end`, both orientations. */
  private tryOrOpt(first: number, last: number, end: number): boolean {
    const m = this.m;
    const c = this.c;
    const k = this.k;
    const s = this.tour[first];
    const e = this.tour[last];
    const p = this.tour[first - 1];
    const nx = this.at(last + 1);
    const removeGain = c[p * m + s] + c[e * m + nx] - c[p * m + nx];
    const revExtra = this.reversalExtra(first, last);
    for (let x = 0; x < k; x++) {
      const pu = this.pos[this.neigh[end * k + x]];
      if (pu >= first && pu <= last) continue;
      for (let variant = 0; variant < 2; variant++) {
        // Between (u, succ u) or between (pred u, u).
        const pl = variant === 0 ? pu : pu - 1;
        if (pl < 0 || pl === first - 1 || (pl >= first && pl <= last)) continue;
        const l = this.tour[pl];
        const r = this.at(pl + 1);
        const base = c[l * m + r];
        const fwdAdd = c[l * m + s] + c[e * m + r] - base;
        const revAdd = c[l * m + e] + c[s * m + r] - base + revExtra;
        const reversed = revAdd < fwdAdd;
        if ((reversed ? revAdd : fwdAdd) - removeGain >= -1e-9) continue;
        this.moveSegment(first, last, pl, reversed);
        this.push(p);
        this.push(nx);
        this.push(l);
        this.push(r);
        return true;
      }
    }
    return false;
  }

  /** Moves tour[first..last] to just after position pl, in place. */
  private moveSegment(first: number, last: number, pl: number, reversed: boolean): void {
    const t = this.tour;
    const len = last - first + 1;
    const seg = this.segment;
    for (let i = 0; i < len; i++) seg[i] = t[reversed ? last - i : first + i];
    let lo: number;
    let hi: number;
    if (pl > last) {
      // Shift (last, pl] left by len, then place the segment at the end.
      for (let i = last + 1; i <= pl; i++) t[i - len] = t[i];
      for (let i = 0; i < len; i++) t[pl - len + 1 + i] = seg[i];
      lo = first;
      hi = pl;
    } else {
      // Shift (pl, first) right by len, then place the segment after pl.
      for (let i = first - 1; i > pl; i--) t[i + len] = t[i];
      for (let i = 0; i < len; i++) t[pl + 1 + i] = seg[i];
      lo = pl + 1;
      hi = last;
    }
    for (let i = lo; i <= hi; i++) this.pos[t[i]] = i;
    this.refreshPrefix();
  }

  /**
   * Double bridge A B C D → A C B D, with cut points chosen three ways: uniformly at random
   * (a share `globalKicks`), or, in equal parts of the rest, at a random node and two of its
   * nearest neighbours (local in the plane, however far apart in the tour) or as two adjacent
   * random segments of up to 50 nodes.
   */
  private doubleBridge(rng: Random, kicked: Int32Array): number {
    const m = this.m;
    if (m < 8) return 0;
    let p1: number;
    let p2: number;
    let p3: number;
    const u = rng.next();
    if (u < this.globalKicks) {
      const cuts = [rng.int(m - 1), rng.int(m - 1), rng.int(m - 1)].sort((x, y) => x - y);
      [p1, p2, p3] = cuts;
      if (p2 - p1 < 1 || p3 - p2 < 1) return this.segmentSwap(rng, kicked);
    } else if (u < this.globalKicks + (1 - this.globalKicks) / 2) {
      const a = rng.int(m);
      const cuts = [this.pos[a]];
      for (let tries = 0; cuts.length < 3 && tries < 20; tries++) {
        const p = this.pos[this.neigh[a * this.k + rng.int(this.k)]];
        if (!cuts.includes(p)) cuts.push(p);
      }
      if (cuts.length < 3) return this.segmentSwap(rng, kicked);
      cuts.sort((x, y) => x - y);
      [p1, p2, p3] = cuts;
      if (p3 >= m - 1 || p2 - p1 < 1 || p3 - p2 < 1) return this.segmentSwap(rng, kicked);
    } else {
      return this.segmentSwap(rng, kicked);
    }
    // A = [0..p1], B = [p1+1..p2], C = [p2+1..p3], D = [p3+1..m-1]
    const t = this.tour;
    const b = t.slice(p1 + 1, p2 + 1);
    const c = t.slice(p2 + 1, p3 + 1);
    t.set(c, p1 + 1);
    t.set(b, p1 + 1 + c.length);
    for (let x = p1 + 1; x <= p3; x++) this.pos[t[x]] = x;
    this.refreshPrefix();
    kicked[0] = t[p1];
    kicked[1] = c[0];
    kicked[2] = c[c.length - 1];
    kicked[3] = b[0];
    kicked[4] = b[b.length - 1];
    kicked[5] = this.at(p3 + 1);
    return 6;
  }

  private segmentSwap(rng: Random, kicked: Int32Array): number {
    const m = this.m;
    const maxLen = Math.max(1, Math.min(50, Math.floor((m - 2) / 3)));
    const l1 = 1 + rng.int(maxLen);
    const l2 = 1 + rng.int(maxLen);
    const i = 1 + rng.int(m - l1 - l2);
    const t = this.tour;
    const b = t.slice(i, i + l1);
    const cSeg = t.slice(i + l1, i + l1 + l2);
    t.set(cSeg, i);
    t.set(b, i + l2);
    for (let x = i; x < i + l1 + l2; x++) this.pos[t[x]] = x;
    this.refreshPrefix();
    kicked[0] = t[i - 1];
    kicked[1] = t[i];
    kicked[2] = t[i + l2 - 1];
    kicked[3] = t[i + l2];
    kicked[4] = t[i + l1 + l2 - 1];
    kicked[5] = this.at(i + l1 + l2);
    kicked[6] = cSeg[0];
    kicked[7] = b[l1 - 1];
    return 8;
  }
}
