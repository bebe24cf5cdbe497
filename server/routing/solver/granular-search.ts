import type { Instance } from './instance.js';
import { Route } from './route.js';
import type { Solution } from './solution.js';
import { SwapStarCache } from './swap-star.js';

/** Improvements smaller than this are rounding noise (costs may be fractional). */
const EPSILON = 1e-9;

/**
 * Local search over granular neighbourhoods (Toth & Vigo, "The granular tabu search", INFORMS J.
 * on Computing 15(4), 2003): a move is only tried between a job and one of its nearest jobs, so
 * that one pass costs O(jobs × k) instead of O(jobs²). Moves: relocate of one or two consecutive
 * jobs (both orientations), swap 1-1, 2-1 and 2-2, 2-opt* (exchange of route tails), intra-route
 * 2-opt, and SWAP* (Vidal, "Hybrid genetic search for the CVRP: open-source implementation and
 * SWAP* neighborhood", Computers & Operations Research 140, 2022). First improvement; a job is
 * looked at again only after one of the two routes of its last move changed.
 *
 * Costs of a move are computed from the few arcs it changes. Where that is the whole truth — a
 * capacitated problem with one cost matrix and no time windows, breaks, pickups or skills
 * (`plain`) — the move is applied directly; otherwise the changed routes are re-timed in full
 * before a move is applied, so every constraint holds by construction, and the move must still
 * improve the re-timed cost. SWAP* needs insertion costs that stay valid when a route loses a
 * job, which only holds without time constraints: it runs on plain problems only.
 */
export class GranularSearch {
  readonly plain: boolean;
  private readonly sol: Solution;
  private readonly inst: Instance;
  private readonly k: number;
  private readonly neighbours: Int32Array[];
  /** Route position (1-based, as in Route) of every assigned job. */
  private readonly at: Int32Array;
  private readonly queue: Int32Array;
  private readonly queued: Uint8Array;
  /**
   * Don't-look bookkeeping on a logical clock: a pair (u, v) is tested again only if one of
   * their routes changed since u was last looked at (as in Vidal's HGS).
   */
  private clock = 0;
  private readonly lastTested: Float64Array;
  private readonly routeChanged: Float64Array;
  /** Route.version when this search last saw each route, to notice changes made outside it. */
  private readonly seenVersion: Int32Array;
  private head = 0;
  private count = 0;
  private readonly scratch: (Route | undefined)[];
  private readonly bufA: number[] = [];
  private readonly bufB: number[] = [];
  private readonly swapStar: SwapStarCache | undefined;
  private readonly pickups: boolean;
  private readonly symmetric: boolean;
  /** Moves applied since construction (for tests and tuning). */
  moves = 0;

  constructor(sol: Solution, neighbours: Int32Array[], options: { neighbours?: number; swapStar?: boolean } = {}) {
    this.sol = sol;
    this.inst = sol.inst;
    this.k = options.neighbours ?? 20;
    this.neighbours = neighbours;
    const J = this.inst.jobCount;
    this.at = new Int32Array(J);
    this.queue = new Int32Array(J);
    this.queued = new Uint8Array(J);
    this.lastTested = new Float64Array(J).fill(-1);
    this.routeChanged = new Float64Array(this.inst.vehicleCount);
    this.seenVersion = new Int32Array(this.inst.vehicleCount).fill(-1);
    this.scratch = new Array<Route | undefined>(this.inst.vehicleCount);
    this.plain = isPlain(this.inst);
    this.pickups = this.inst.pickup.some((x) => x !== 0);
    this.symmetric = this.inst.classes.every((c) => isSymmetric(c.cost, this.inst.n));
    this.swapStar = this.plain && (options.swapStar ?? true) ? new SwapStarCache(sol) : undefined;
  }

  /** Whether the search can run at all: the balance term is a property of the whole solution, not of two routes. */
  static applies(inst: Instance): boolean {
    return inst.balanceWeight === 0;
  }

  /**
   * Descends to a local optimum. `jobs` are looked at first (e.g. those a ruin and recreate
   * moved); every job is looked at when omitted. Changes go through `sol.touch`, so a move of the
   * metaheuristic that includes this descent can still be rolled back. Returns the moves applied.
   */
  improve(jobs?: ArrayLike<number>, withAdjacent = false): number {
    const sol = this.sol;
    const J = this.inst.jobCount;
    for (let r = 0; r < sol.routes.length; r++) {
      if (sol.routes[r].version === this.seenVersion[r]) continue;
      this.routeChanged[r] = ++this.clock;
      this.seenVersion[r] = sol.routes[r].version;
      this.reindex(r);
    }
    if (jobs) {
      for (let i = 0; i < jobs.length; i++) {
        const j = jobs[i];
        this.push(j);
        const r = sol.jobRoute[j];
        if (!withAdjacent || r < 0) continue;
        const tasks = sol.routes[r].tasks;
        const p = this.at[j];
        if (p > 1 && tasks[p - 2] < J) this.push(tasks[p - 2]);
        if (p < tasks.length && tasks[p] < J) this.push(tasks[p]);
      }
    } else for (let j = 0; j < J; j++) this.push(j);
    const before = this.moves;
    while (this.count > 0) {
      const u = this.queue[this.head];
      this.head = (this.head + 1) % J;
      this.count--;
      this.queued[u] = 0;
      const ru = sol.jobRoute[u];
      if (ru < 0) continue;
      const tested = this.lastTested[u];
      this.lastTested[u] = ++this.clock;
      const uChanged = this.routeChanged[ru] > tested;
      const list = this.neighbours[u];
      const k = Math.min(this.k, list.length);
      for (let i = 0; i < k; i++) {
        const v = list[i];
        const rv = sol.jobRoute[v];
        if (rv < 0 || (!uChanged && this.routeChanged[rv] <= tested)) continue;
        if (this.tryPair(u, v)) {
          this.push(u);
          break;
        }
      }
    }
    return this.moves - before;
  }

  private push(j: number): void {
    if (this.queued[j] || this.sol.jobRoute[j] < 0) return;
    const J = this.inst.jobCount;
    this.queue[(this.head + this.count) % J] = j;
    this.count++;
    this.queued[j] = 1;
  }

  private reindex(r: number): void {
    const tasks = this.sol.routes[r].tasks;
    const J = this.inst.jobCount;
    for (let i = 0; i < tasks.length; i++) if (tasks[i] < J) this.at[tasks[i]] = i + 1;
  }

  private tryPair(u: number, v: number): boolean {
    const ru = this.sol.jobRoute[u];
    const rv = this.sol.jobRoute[v];
    if (ru === rv) return this.intraRoute(ru, u, v);
    return (
      this.relocateOrSwap(u, v, ru, rv) ||
      this.twoOptStar(u, v) ||
      (this.swapStar !== undefined && this.trySwapStar(u, v))
    );
  }

  // ---- inter-route moves ----

  /**
   * Relocate u, (u, x) or (x, u) after or before v, where x is u's successor; swap u or (u, x)
   * with v or (v, y). All priced from the arcs around u and v, read once.
   */
  private relocateOrSwap(u: number, v: number, ra: number, rb: number): boolean {
    const inst = this.inst;
    const n = inst.n;
    const J = inst.jobCount;
    const A = this.sol.routes[ra];
    const B = this.sol.routes[rb];
    const ca = A.cst;
    const cb = B.cst;
    const pu = this.at[u];
    const pv = this.at[v];
    const lu = inst.taskLoc[u];
    const lv = inst.taskLoc[v];
    const predU = A.effLoc[pu - 1];
    const succU = A.succLoc[pu];
    const predV = B.effLoc[pv - 1];
    const succV = B.succLoc[pv];
    const inU = ca[predU * n + lu];
    const outU = A.arcCost[pu];
    const inV = cb[predV * n + lv];
    const outV = B.arcCost[pv];
    // Successors that are jobs (not breaks) extend u and v to segments of two.
    const x = pu < A.size && A.tasks[pu] < J ? A.tasks[pu] : -1;
    const y = pv < B.size && B.tasks[pv] < J ? B.tasks[pv] : -1;

    const remU = A.jobCount === 1 ? -A.cost : ca[predU * n + succU] - inU - outU;
    if (this.tryRelocate(ra, pu, 1, false, rb, pv, remU + cb[lv * n + lu] + cb[lu * n + succV] - outV)) return true;
    if (this.tryRelocate(ra, pu, 1, false, rb, pv - 1, remU + cb[predV * n + lu] + cb[lu * n + lv] - inV)) return true;
    const swapInA = ca[predU * n + lv] + ca[lv * n + succU] - inU - outU;
    const swapInB = cb[predV * n + lu] + cb[lu * n + succV] - inV - outV;
    if (this.trySwap(ra, pu, 1, rb, pv, 1, swapInA + swapInB)) return true;

    let lx = -1;
    let remUX = 0;
    if (x >= 0) {
      lx = inst.taskLoc[x];
      const succX = A.succLoc[pu + 1];
      const ux = ca[lu * n + lx];
      remUX = A.jobCount === 2 ? -A.cost : ca[predU * n + succX] - inU - ux - A.arcCost[pu + 1];
      const uxB = cb[lu * n + lx];
      const xuB = cb[lx * n + lu];
      if (this.tryRelocate(ra, pu, 2, false, rb, pv, remUX + cb[lv * n + lu] + uxB + cb[lx * n + succV] - outV)) return true;
      if (this.tryRelocate(ra, pu, 2, true, rb, pv, remUX + cb[lv * n + lx] + xuB + cb[lu * n + succV] - outV)) return true;
      if (this.tryRelocate(ra, pu, 2, false, rb, pv - 1, remUX + cb[predV * n + lu] + uxB + cb[lx * n + lv] - inV)) return true;
      if (this.tryRelocate(ra, pu, 2, true, rb, pv - 1, remUX + cb[predV * n + lx] + xuB + cb[lu * n + lv] - inV)) return true;
      const inA = ca[predU * n + lv] + ca[lv * n + succX] - inU - ux - A.arcCost[pu + 1];
      if (this.trySwap(ra, pu, 2, rb, pv, 1, inA + cb[predV * n + lu] + uxB + cb[lx * n + succV] - inV - outV)) return true;
    }
    if (y >= 0) {
      const ly = inst.taskLoc[y];
      const succY = B.succLoc[pv + 1];
      const vyA = ca[lv * n + ly];
      const outY = B.arcCost[pv + 1];
      const vy = cb[lv * n + ly];
      const inB = cb[predV * n + lu] + cb[lu * n + succY] - inV - vy - outY;
      if (this.trySwap(ra, pu, 1, rb, pv, 2, ca[predU * n + lv] + vyA + ca[ly * n + succU] - inU - outU + inB)) return true;
      if (x >= 0) {
        const succX = A.succLoc[pu + 1];
        const inA = ca[predU * n + lv] + vyA + ca[ly * n + succX] - inU - ca[lu * n + lx] - A.arcCost[pu + 1];
        const inB2 = cb[predV * n + lu] + cb[lu * n + lx] + cb[lx * n + succY] - inV - vy - outY;
        if (this.trySwap(ra, pu, 2, rb, pv, 2, inA + inB2)) return true;
      }
    }
    return false;
  }

  /** Moves A's `len` jobs from pu (reversed when `reverse`) to after B's position q, if `delta` improves. */
  private tryRelocate(ra: number, pu: number, len: number, reverse: boolean, rb: number, q: number, delta: number): boolean {
    if (!(delta < -EPSILON)) return false;
    const A = this.sol.routes[ra];
    const B = this.sol.routes[rb];
    if (!this.canReceive(B, A, pu, len, -1, 0)) return false;
    if (len === 1 && !this.plain && Number.isNaN(B.insertionCost(A.tasks[pu - 1], q))) return false;
    const tb = this.bufB;
    tb.length = 0;
    for (let p = 0; p < q; p++) tb.push(B.tasks[p]);
    if (reverse) for (let p = pu + len - 1; p >= pu; p--) tb.push(A.tasks[p - 1]);
    else for (let p = pu; p < pu + len; p++) tb.push(A.tasks[p - 1]);
    for (let p = q; p < B.size; p++) tb.push(B.tasks[p]);
    const ta = this.bufA;
    ta.length = 0;
    for (let i = 0; i < A.size; i++) if (i < pu - 1 || i >= pu - 1 + len) ta.push(A.tasks[i]);
    return this.commitPair(ra, ta, rb, tb, delta);
  }

  /** Exchanges A's `lu` jobs from pu with B's `lv` jobs from pv, if `delta` improves. */
  private trySwap(ra: number, pu: number, lu: number, rb: number, pv: number, lv: number, delta: number): boolean {
    if (!(delta < -EPSILON)) return false;
    const A = this.sol.routes[ra];
    const B = this.sol.routes[rb];
    if (!this.canReceive(B, A, pu, lu, pv, lv) || !this.canReceive(A, B, pv, lv, pu, lu)) return false;
    const ta = this.bufA;
    const tb = this.bufB;
    copyReplace(A.tasks, pu, lu, B.tasks, pv, lv, ta);
    copyReplace(B.tasks, pv, lv, A.tasks, pu, lu, tb);
    return this.commitPair(ra, ta, rb, tb, delta);
  }

  /**
   * Quick necessary conditions for route R to take the `len` jobs of `from` at p (giving up its
   * own `give` jobs at pg; pg -1 for none): skills, max_tasks and, without pickups, capacity.
   * On plain problems they are sufficient.
   */
  private canReceive(R: Route, from: Route, p: number, len: number, pg: number, give: number): boolean {
    const inst = this.inst;
    const v = R.vehicle;
    if (R.jobCount + len - give > inst.vMaxTasks[v]) return false;
    const dims = inst.dims;
    const J = inst.jobCount;
    for (let q = p; q < p + len; q++) if (inst.compatible[v * J + from.tasks[q - 1]] === 0) return false;
    for (let d = 0; d < dims; d++) {
      let load = R.loadAfter[d];
      for (let q = p; q < p + len; q++) load += inst.delivery[from.tasks[q - 1] * dims + d];
      for (let q = pg; q >= 1 && q < pg + give; q++) load -= inst.delivery[R.tasks[q - 1] * dims + d];
      if (load > inst.vCapacity[v * dims + d] + EPSILON) return false;
    }
    return true;
  }

  /**
   * 2-opt*: the tails after u and before v trade places, creating the arc u → v (or v → u), so
   * that two routes crossing each other are uncrossed. Not with breaks: a break belongs to its vehicle.
   */
  private twoOptStar(u: number, v: number): boolean {
    const inst = this.inst;
    const sol = this.sol;
    const ra = sol.jobRoute[u];
    const rb = sol.jobRoute[v];
    if (inst.vBreaks[ra].length > 0 || inst.vBreaks[rb].length > 0) return false;
    const pu = this.at[u];
    const pv = this.at[v];
    // u → v: A keeps 1..pu and takes B from pv; B keeps 1..pv-1 and takes A from pu+1.
    if (this.twoOptStarOne(ra, pu, rb, pv - 1)) return true;
    // v → u: A keeps 1..pu-1 and takes B from pv+1; B keeps 1..pv and takes A from pu.
    return this.twoOptStarOne(ra, pu - 1, rb, pv);
  }

  /** A keeps positions 1..i and continues with B's j+1.., B keeps 1..j and continues with A's i+1... */
  private twoOptStarOne(ra: number, i: number, rb: number, j: number): boolean {
    const inst = this.inst;
    const A = this.sol.routes[ra];
    const B = this.sol.routes[rb];
    const newA = joinCost(inst, A, i, B, j + 1);
    const newB = joinCost(inst, B, j, A, i + 1);
    const delta = newA + newB - A.cost - B.cost;
    if (!(delta < -EPSILON)) return false;
    const jobsA = i + (B.size - j);
    const jobsB = j + (A.size - i);
    if (jobsA > inst.vMaxTasks[ra] || jobsB > inst.vMaxTasks[rb]) return false;
    if (!this.tailsFit(A, i, B, j) || !this.tailsFit(B, j, A, i)) return false;
    const ta = this.bufA;
    const tb = this.bufB;
    ta.length = 0;
    tb.length = 0;
    for (let p = 0; p < i; p++) ta.push(A.tasks[p]);
    for (let p = j; p < B.size; p++) ta.push(B.tasks[p]);
    for (let p = 0; p < j; p++) tb.push(B.tasks[p]);
    for (let p = i; p < A.size; p++) tb.push(A.tasks[p]);
    if (!this.plain) {
      for (let p = j; p < B.size; p++) if (inst.compatible[ra * inst.jobCount + B.tasks[p]] === 0) return false;
      for (let p = i; p < A.size; p++) if (inst.compatible[rb * inst.jobCount + A.tasks[p]] === 0) return false;
    }
    return this.commitPair(ra, ta, rb, tb, delta);
  }

  /**
   * Necessary conditions for A's 1..i followed by B's j+1..: the deliveries fit and, for
   * vehicles of one type (same end, shift and travel times, so B's latest arrivals hold for A),
   * A is at B's j+1 in time.
   */
  private tailsFit(A: Route, i: number, B: Route, j: number): boolean {
    const inst = this.inst;
    const dims = inst.dims;
    const va = A.vehicle;
    // With pickups the load peaks somewhere inside; the re-timing checks it.
    for (let d = 0; d < dims && !this.pickups; d++) {
      const head = A.loadAfter[d] - A.loadAfter[i * dims + d];
      const tail = B.loadAfter[j * dims + d];
      if (head + tail > inst.vCapacity[va * dims + d] + EPSILON) return false;
    }
    if (this.plain || j >= B.size || inst.vType[va] !== inst.vType[B.vehicle]) return true;
    const arrive = A.depart[i] + A.dur[A.effLoc[i] * inst.n + B.effLoc[j + 1]];
    return arrive <= B.latest[j + 1] + 1e-7;
  }

  private trySwapStar(u: number, v: number): boolean {
    const sol = this.sol;
    const ra = sol.jobRoute[u];
    const rb = sol.jobRoute[v];
    const A = sol.routes[ra];
    const B = sol.routes[rb];
    if (!this.canReceive(A, B, this.at[v], 1, this.at[u], 1) || !this.canReceive(B, A, this.at[u], 1, this.at[v], 1)) {
      return false;
    }
    const move = this.swapStar!.evaluate(A, this.at[u], B, this.at[v]);
    if (!(move.delta < -EPSILON)) return false;
    const ta = this.bufA;
    const tb = this.bufB;
    copySwapStar(A.tasks, this.at[u], v, move.vAfter, ta);
    copySwapStar(B.tasks, this.at[v], u, move.uAfter, tb);
    return this.commitPair(ra, ta, rb, tb, move.delta);
  }

  // ---- intra-route moves ----

  /**
   * Within one route: u moved after or before v, u and v swapped, and the 2-opt that makes u
   * and v adjacent. On plain problems the cost comes from the changed arcs; otherwise the
   * candidate is built and priced in full (routes are short).
   */
  private intraRoute(r: number, u: number, v: number): boolean {
    const route = this.sol.routes[r];
    const pu = this.at[u];
    const pv = this.at[v];
    const tasks = route.tasks;
    const buf = this.bufA;
    const plain = this.plain;
    // Relocate u after v, then before v.
    for (let side = 0; side < 2; side++) {
      const q = side === 0 ? pv : pv - 1;
      if (q === pu || q === pu - 1) continue;
      if (plain && !(this.intraRelocateDelta(route, pu, q) < -EPSILON)) continue;
      buf.length = 0;
      if (q === 0) buf.push(u);
      for (let p = 1; p <= tasks.length; p++) {
        if (p !== pu) buf.push(tasks[p - 1]);
        if (p === q) buf.push(u);
      }
      if (this.commitSingle(r, buf)) return true;
    }
    if (!plain || this.intraSwapDelta(route, pu, pv) < -EPSILON) {
      buf.length = 0;
      for (const t of tasks) buf.push(t === u ? v : t === v ? u : t);
      if (this.commitSingle(r, buf)) return true;
    }
    // 2-opt: reverse the stretch between them so that u is followed (or preceded) by v.
    const from = pu < pv ? pu + 1 : pv;
    const to = pu < pv ? pv : pu - 1;
    if (to > from && (!plain || this.reversalDelta(route, from, to) < -EPSILON)) {
      buf.length = 0;
      for (let p = 1; p < from; p++) buf.push(tasks[p - 1]);
      for (let p = to; p >= from; p--) buf.push(tasks[p - 1]);
      for (let p = to + 1; p <= tasks.length; p++) buf.push(tasks[p - 1]);
      if (this.commitSingle(r, buf)) return true;
    }
    return false;
  }

  /** Plain route: cost change of moving the job at pu to after position q (q ≠ pu, pu − 1). */
  private intraRelocateDelta(R: Route, pu: number, q: number): number {
    const n = this.inst.n;
    const c = R.cst;
    const e = R.effLoc;
    const lu = e[pu];
    const removed = c[e[pu - 1] * n + e[pu + 1]] - c[e[pu - 1] * n + lu] - c[lu * n + e[pu + 1]];
    return removed + c[e[q] * n + lu] + c[lu * n + e[q + 1]] - c[e[q] * n + e[q + 1]];
  }

  /** Plain route: cost change of swapping the jobs at positions a and b. */
  private intraSwapDelta(R: Route, a: number, b: number): number {
    const n = this.inst.n;
    const c = R.cst;
    const e = R.effLoc;
    if (a > b) [a, b] = [b, a];
    const la = e[a];
    const lb = e[b];
    if (b === a + 1) {
      return (
        c[e[a - 1] * n + lb] + c[lb * n + la] + c[la * n + e[b + 1]] -
        c[e[a - 1] * n + la] - c[la * n + lb] - c[lb * n + e[b + 1]]
      );
    }
    return (
      c[e[a - 1] * n + lb] + c[lb * n + e[a + 1]] + c[e[b - 1] * n + la] + c[la * n + e[b + 1]] -
      c[e[a - 1] * n + la] - c[la * n + e[a + 1]] - c[e[b - 1] * n + lb] - c[lb * n + e[b + 1]]
    );
  }

  /** Plain route: cost change of reversing positions from..to (asymmetric costs summed along the stretch). */
  private reversalDelta(R: Route, from: number, to: number): number {
    const n = this.inst.n;
    const c = R.cst;
    const e = R.effLoc;
    let delta = c[e[from - 1] * n + e[to]] + c[e[from] * n + e[to + 1]] - c[e[from - 1] * n + e[from]] - c[e[to] * n + e[to + 1]];
    if (!this.symmetric) {
      for (let p = from; p < to; p++) delta += c[e[p + 1] * n + e[p]] - c[e[p] * n + e[p + 1]];
    }
    return delta;
  }

  // ---- applying moves ----

  private scratchFor(v: number): Route {
    let s = this.scratch[v];
    if (!s) {
      s = new Route(this.inst, v);
      this.scratch[v] = s;
    }
    return s;
  }

  /** Cost of `tasks` on route r's vehicle, NaN when infeasible; leaves it in the scratch route. */
  private evaluate(r: number, tasks: number[]): number {
    const s = this.scratchFor(r);
    s.tasks = tasks;
    s.update();
    return s.feasible ? s.cost : NaN;
  }

  private commitSingle(r: number, tasks: number[]): boolean {
    const route = this.sol.routes[r];
    if (!(this.travelCost(route, tasks) < route.cost - EPSILON)) return false;
    if (this.plain) {
      this.apply(r, tasks);
      this.moves++;
      return true;
    }
    const cost = this.evaluate(r, tasks);
    if (!(cost < route.cost - EPSILON)) return false;
    this.apply(r, tasks);
    this.moves++;
    return true;
  }

  /** Travel and fixed cost of a non-empty `tasks` on route's vehicle, whatever the timing (breaks have no place). */
  private travelCost(route: Route, tasks: number[]): number {
    const inst = this.inst;
    const n = inst.n;
    const c = route.cst;
    let at = inst.vStartLoc[route.vehicle];
    let cost = 0;
    for (const t of tasks) {
      if (t >= inst.jobCount) continue;
      const loc = inst.taskLoc[t];
      cost += c[at * n + loc];
      at = loc;
    }
    return cost + c[at * n + inst.vEndLoc[route.vehicle]] + inst.vFixed[route.vehicle];
  }

  private commitPair(ra: number, ta: number[], rb: number, tb: number[], delta: number): boolean {
    if (!this.plain) {
      const A = this.sol.routes[ra];
      const B = this.sol.routes[rb];
      const ca = ta.some((t) => t < this.inst.jobCount) ? this.evaluate(ra, ta) : 0;
      if (Number.isNaN(ca)) return false;
      const cb = tb.some((t) => t < this.inst.jobCount) ? this.evaluate(rb, tb) : 0;
      if (Number.isNaN(cb)) return false;
      if (!(ca + cb < A.cost + B.cost - EPSILON)) return false;
    } else if (!(delta < -EPSILON)) return false;
    this.apply(ra, ta);
    this.apply(rb, tb);
    this.moves++;
    return true;
  }

  private apply(r: number, tasks: number[]): void {
    const sol = this.sol;
    sol.touch(r);
    const route = sol.routes[r];
    route.tasks = tasks.slice();
    route.update();
    this.routeChanged[r] = ++this.clock;
    this.seenVersion[r] = route.version;
    const J = this.inst.jobCount;
    for (const t of route.tasks) {
      if (t < J) {
        sol.jobRoute[t] = r;
        this.push(t);
      }
    }
    this.reindex(r);
  }
}

/**
 * Travel cost of A's vehicle driving A's positions 1..i and then B's positions j.. (no breaks:
 * positions are jobs), fixed cost included, 0 when that visits nothing.
 */
function joinCost(inst: Instance, A: Route, i: number, B: Route, j: number): number {
  const n = inst.n;
  const c = A.cst;
  const endA = inst.vEndLoc[A.vehicle];
  const sizeB = B.size;
  if (i === 0 && j > sizeB) return 0;
  let cost = A.costTo[i];
  const from = A.effLoc[i];
  if (j <= sizeB) {
    // B's inner arcs with A's matrix: the same when both share a travel class (plain problems).
    cost += c[from * n + B.effLoc[j]] + B.costTo[sizeB] - B.costTo[j] + c[B.effLoc[sizeB] * n + endA];
  } else cost += c[from * n + endA];
  return cost + inst.vFixed[A.vehicle];
}

/** tasks with positions p..p+len-1 replaced by other's positions po..po+lo-1. */
function copyReplace(tasks: number[], p: number, len: number, other: number[], po: number, lo: number, out: number[]): void {
  out.length = 0;
  for (let i = 0; i < p - 1; i++) out.push(tasks[i]);
  for (let i = po - 1; i < po - 1 + lo; i++) out.push(other[i]);
  for (let i = p - 1 + len; i < tasks.length; i++) out.push(tasks[i]);
}

/** tasks without the job at position p, with `job` at its place (after = -1) or after position `after`. */
function copySwapStar(tasks: number[], p: number, job: number, after: number, out: number[]): void {
  out.length = 0;
  if (after === 0) out.push(job);
  for (let q = 1; q <= tasks.length; q++) {
    if (q === p) {
      if (after < 0) out.push(job);
    } else out.push(tasks[q - 1]);
    if (q === after) out.push(job);
  }
}

/**
 * Capacity and max_tasks are the only constraints and one matrix prices every vehicle: the cost
 * of a move is exact from its arcs and its feasibility from route totals.
 */
function isPlain(inst: Instance): boolean {
  if (inst.classes.length !== 1) return false;
  for (let v = 0; v < inst.vehicleCount; v++) {
    if (inst.vBreaks[v].length > 0 || inst.vTwEnd[v] !== Infinity) return false;
  }
  for (let j = 0; j < inst.jobCount; j++) {
    if (inst.twOffset[j + 1] - inst.twOffset[j] !== 1 || inst.twEnd[inst.twOffset[j]] !== Infinity) return false;
    for (let d = 0; d < inst.dims; d++) if (inst.pickup[j * inst.dims + d] !== 0) return false;
  }
  for (let i = 0; i < inst.compatible.length; i++) if (inst.compatible[i] === 0) return false;
  return true;
}

function isSymmetric(m: Float64Array, n: number): boolean {
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (m[a * n + b] !== m[b * n + a]) return false;
  return true;
}
