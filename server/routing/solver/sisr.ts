import { bestInsertionInRoute, candidateRoutes, type Insertion } from './insertion.js';
import type { Random } from '../../domain/random.js';
import { isBetter, type Score, type Solution } from './solution.js';
import type { GranularSearch } from './granular-search.js';

/**
 * Slack Induction by String Removals (Christiaens & Vanden Berghe, Transportation Science 54(2),
 * 2020): remove a few strings of consecutive jobs from neighbouring routes, re-insert them with
 * a blinking greedy insertion, accept by simulated annealing.
 */
export interface SisrParameters {
  /** Average number of jobs removed per iteration (c̄). */
  averageRemoved: number;
  /** Longest string removed from one route (L^max). */
  maxStringLength: number;
  /** Probability of a split string (a string with a preserved middle part). */
  splitRate: number;
  /** Probability that recreate skips a position. */
  blinkRate: number;
  /**
   * Probability that an iteration empties a whole short route instead of removing strings:
   * SISR's strings of at most L^max jobs rarely manage to dissolve a route, and with
   * distance objectives one route too many can be a deep local optimum.
   */
  routeRemovalRate: number;
  /**
   * Start and final temperatures, as multiples of the average cost of one travelled arc. The
   * start matches the paper's T0 = 100 on Solomon-scale arcs of about 10; the end is lower than
   * its Tf = 1 because a few seconds of search must converge (chosen on the whole Solomon and
   * CVRP A sets, 10 vs 1 at the start: mean gaps 0.44 % vs 0.58 %, and 0.16 % vs 0.19 % over three seeds).
   */
  initialTemperature: number;
  finalTemperature: number;
  /** Share of iterations whose recreated solution is taken to a local optimum before acceptance. */
  localSearchRate: number;
  /** Nearest jobs each job is paired with in the local search. */
  granularity: number;
  /**
   * No local search above this many jobs: on the 2,000-stop patrol the slower iterations left
   * 1–2 stops unserved in 30 s where plain SISR served all, while on Solomon (100) it pays.
   */
  localSearchMaxJobs: number;
}

export const DEFAULT_SISR_PARAMETERS: SisrParameters = {
  averageRemoved: 10,
  maxStringLength: 10,
  splitRate: 0.5,
  blinkRate: 0.01,
  routeRemovalRate: 0.02,
  initialTemperature: 10,
  finalTemperature: 0.01,
  localSearchRate: 1,
  granularity: 20,
  localSearchMaxJobs: 1000,
};

export interface SearchProgress {
  iteration: number;
  elapsedMs: number;
  /** Share of the iteration or time budget used, 0..1. */
  fraction: number;
  best: Score;
}

export interface SearchBudget {
  maxIterations: number;
  timeLimitMs: number;
  now: () => number;
  onProgress?: (progress: SearchProgress) => void;
  /** Called on every new best solution (e.g. to polish it with local search). */
  onNewBest?: (sol: Solution) => void;
}

const PROGRESS_EVERY = 64;

export class Sisr {
  private readonly sol: Solution;
  private readonly rng: Random;
  private readonly params: SisrParameters;
  private readonly neighbours: Int32Array[];
  private readonly demand: Float64Array;
  private readonly depotCost: Float64Array;
  private readonly noPriority: Int32Array;
  private readonly removed: number[] = [];
  private readonly candidates: number[] = [];
  private readonly ins: Insertion = { cost: NaN, position: -1 };
  private readonly ruinedRoutes = new Set<number>();
  private readonly jobPositions: number[] = [];
  private readonly touchedJobs: number[] = [];
  private readonly gapJobs: number[] = [];
  private readonly localSearch: GranularSearch | undefined;

  constructor(
    sol: Solution,
    rng: Random,
    neighbours: Int32Array[],
    params: SisrParameters = DEFAULT_SISR_PARAMETERS,
    localSearch?: GranularSearch,
  ) {
    this.sol = sol;
    this.localSearch = localSearch;
    this.rng = rng;
    this.params = params;
    this.neighbours = neighbours;
    const inst = sol.inst;
    this.demand = new Float64Array(inst.jobCount);
    this.depotCost = new Float64Array(inst.jobCount);
    this.noPriority = new Int32Array(inst.jobCount);
    for (let j = 0; j < inst.jobCount; j++) {
      let d = 0;
      for (let k = 0; k < inst.dims; k++) d += inst.delivery[j * inst.dims + k] + inst.pickup[j * inst.dims + k];
      this.demand[j] = d;
      const cost = inst.classes[0].cost;
      let best = Infinity;
      for (let v = 0; v < inst.vehicleCount; v++) {
        const c = cost[inst.vStartLoc[v] * inst.n + inst.taskLoc[j]];
        if (c < best) best = c;
      }
      this.depotCost[j] = best;
    }
  }

  /** Runs the search from the current solution; leaves the best solution found in `sol`. */
  run(budget: SearchBudget): { iterations: number; best: Score } {
    const sol = this.sol;
    const params = this.params;
    const t0 = budget.now();
    let current = sol.score();
    let best = current;
    let bestSnapshot = sol.snapshot();
    const arc = averageArcCost(sol);
    const tStart = params.initialTemperature * arc;
    const tEnd = params.finalTemperature * arc;
    let iteration = 0;
    if (sol.inst.jobCount === 0) return { iterations: 0, best };
    for (;;) {
      const elapsed = budget.now() - t0;
      // A budget already spent (e.g. by reading a huge problem) counts as used up.
      const timeFraction = budget.timeLimitMs > 0 ? elapsed / budget.timeLimitMs : 1;
      const fraction = Math.max(iteration / budget.maxIterations, timeFraction);
      if (fraction >= 1) break;
      if (budget.onProgress && iteration % PROGRESS_EVERY === 0) {
        budget.onProgress({ iteration, elapsedMs: elapsed, fraction, best });
      }
      const temperature = tStart * Math.pow(tEnd / tStart, fraction);
      sol.begin();
      this.ruin();
      this.recreate();
      let candidate = sol.score();
      // The descent moves jobs but never serves one: a candidate that already serves less is refused anyway.
      const ls = this.localSearch !== undefined && this.rng.next() < params.localSearchRate;
      if (ls && !servesLess(candidate, current)) {
        this.localSearch?.improve(this.changedJobs(), true);
        candidate = sol.score();
      }
      const threshold = current.cost - temperature * Math.log(this.rng.next() || Number.MIN_VALUE);
      const accept =
        candidate.priority > current.priority ||
        (candidate.priority === current.priority &&
          (candidate.served > current.served || (candidate.served === current.served && candidate.cost < threshold)));
      if (accept) {
        current = candidate;
        if (isBetter(candidate, best)) {
          budget.onNewBest?.(sol);
          current = sol.score();
          best = current;
          bestSnapshot = sol.snapshot();
        }
      } else {
        sol.rollback();
      }
      iteration++;
    }
    sol.restore(bestSnapshot);
    return { iterations: iteration, best };
  }

  /** Jobs whose neighbours in their route the ruin and recreate changed. */
  private changedJobs(): number[] {
    const out = this.touchedJobs;
    out.length = 0;
    for (const j of this.removed) out.push(j);
    for (const j of this.gapJobs) out.push(j);
    return out;
  }

  private ruin(): void {
    const sol = this.sol;
    const inst = sol.inst;
    const rng = this.rng;
    const removed = this.removed;
    removed.length = 0;
    this.gapJobs.length = 0;
    this.ruinedRoutes.clear();
    let served = 0;
    let used = 0;
    for (const r of sol.routes) {
      if (r.jobCount > 0) {
        served += r.jobCount;
        used++;
      }
    }
    if (served === 0) return;
    if (used > 1 && rng.next() < this.params.routeRemovalRate) {
      this.removeShortRoute();
      return;
    }
    const maxLen = Math.min(this.params.maxStringLength, served / used);
    const maxStrings = (4 * this.params.averageRemoved) / (1 + maxLen) - 1;
    const strings = Math.floor(rng.next() * maxStrings) + 1;
    let seed = rng.int(inst.jobCount);
    while (sol.jobRoute[seed] < 0) seed = rng.int(inst.jobCount);
    const neighbours = this.neighbours[seed];
    for (let k = -1; k < neighbours.length && this.ruinedRoutes.size < strings; k++) {
      const c = k < 0 ? seed : neighbours[k];
      const r = sol.jobRoute[c];
      if (r < 0 || this.ruinedRoutes.has(r)) continue;
      const route = sol.routes[r];
      const length = Math.floor(rng.next() * Math.min(route.jobCount, maxLen)) + 1;
      this.removeString(r, c, length);
      this.ruinedRoutes.add(r);
    }
  }

  /** Empties the shorter of two random non-empty routes. */
  private removeShortRoute(): void {
    const sol = this.sol;
    const rng = this.rng;
    const used: number[] = [];
    sol.routes.forEach((r, i) => {
      if (r.jobCount > 0) used.push(i);
    });
    const a = used[rng.int(used.length)];
    const b = used[rng.int(used.length)];
    const r = sol.routes[a].jobCount <= sol.routes[b].jobCount ? a : b;
    const route = sol.routes[r];
    sol.touch(r);
    const inst = sol.inst;
    route.tasks = route.tasks.filter((t) => {
      if (t >= inst.jobCount) return true;
      sol.jobRoute[t] = -1;
      this.removed.push(t);
      return false;
    });
    route.update();
  }

  /** Removes `length` consecutive jobs around c, or a split string that keeps a middle part. */
  private removeString(r: number, c: number, length: number): void {
    const sol = this.sol;
    const route = sol.routes[r];
    const inst = sol.inst;
    const rng = this.rng;
    const jobIdx = this.jobPositions;
    jobIdx.length = 0;
    let at = -1;
    route.tasks.forEach((t, i) => {
      if (t < inst.jobCount) {
        if (t === c) at = jobIdx.length;
        jobIdx.push(i);
      }
    });
    const m = jobIdx.length;
    let kept = 0;
    if (length < m && rng.next() < this.params.splitRate) {
      kept = 1;
      while (length + kept < m && rng.next() < 0.5) kept++;
    }
    const window = length + kept;
    const first = Math.max(0, Math.min(m - window, at - rng.int(window)));
    const keepFrom = first + 1 + rng.int(Math.max(1, window - kept - 1));
    sol.touch(r);
    // The jobs next to the gap get new neighbours: the local search looks at them first.
    if (first > 0) this.gapJobs.push(route.tasks[jobIdx[first - 1]]);
    if (first + window < m) this.gapJobs.push(route.tasks[jobIdx[first + window]]);
    // Remove from the back so earlier task indices stay valid.
    for (let w = window - 1; w >= 0; w--) {
      const k = first + w;
      if (kept > 0 && k >= keepFrom && k < keepFrom + kept) continue;
      const t = route.removeAtNoUpdate(jobIdx[k]);
      sol.jobRoute[t] = -1;
      this.removed.push(t);
    }
    route.update();
  }

  private recreate(): void {
    const sol = this.sol;
    const inst = sol.inst;
    const rng = this.rng;
    const jobs = this.removed;
    jobs.length = 0;
    for (let j = 0; j < inst.jobCount; j++) if (sol.jobRoute[j] < 0) jobs.push(j);
    this.sortForRecreate(jobs);
    const candidates = candidateRoutes(sol, this.candidates);
    let maxWork = inst.balanceWeight > 0 ? sol.maxWorkTime() : 0;
    const ins = this.ins;
    for (const j of jobs) {
      let best = Infinity;
      let bestRoute = -1;
      let bestPos = -1;
      for (const r of candidates) {
        bestInsertionInRoute(sol, j, r, maxWork, rng, this.params.blinkRate, ins);
        if (ins.cost < best) {
          best = ins.cost;
          bestRoute = r;
          bestPos = ins.position;
        }
      }
      if (bestRoute < 0) continue;
      const opened = sol.routes[bestRoute].jobCount === 0;
      sol.insert(j, bestRoute, bestPos);
      if (opened) candidateRoutes(sol, candidates);
      if (inst.balanceWeight > 0) maxWork = Math.max(maxWork, sol.routes[bestRoute].workTime);
    }
  }

  /**
   * SISR's random order criteria (weights 4/4/2/1). Half of the time higher priority goes
   * first; the other half lets a combination of lower-priority jobs beat a single higher one
   * (a knapsack the priority-first greedy would never try).
   */
  private sortForRecreate(jobs: number[]): void {
    const rng = this.rng;
    const pick = rng.next() * 11;
    for (let i = jobs.length - 1; i > 0; i--) {
      const k = rng.int(i + 1);
      const t = jobs[i];
      jobs[i] = jobs[k];
      jobs[k] = t;
    }
    const prio = rng.next() < 0.5 ? this.sol.inst.priority : this.noPriority;
    const demand = this.demand;
    const depot = this.depotCost;
    if (pick < 4) jobs.sort((a, b) => prio[b] - prio[a]);
    else if (pick < 8) jobs.sort((a, b) => prio[b] - prio[a] || demand[b] - demand[a]);
    else if (pick < 10) jobs.sort((a, b) => prio[b] - prio[a] || depot[b] - depot[a]);
    else jobs.sort((a, b) => prio[b] - prio[a] || depot[a] - depot[b]);
  }
}

/** Average cost of one arc in the solution: the unit of the annealing temperature. */
function averageArcCost(sol: Solution): number {
  let cost = 0;
  let arcs = 0;
  for (const r of sol.routes) {
    if (r.jobCount === 0) continue;
    cost += r.cost - sol.inst.vFixed[r.vehicle];
    arcs += r.jobCount + 1;
  }
  return arcs > 0 && cost > 0 ? cost / arcs : 1;
}

/** Whether `a` serves less priority, or as much priority with fewer jobs, than `b`. */
function servesLess(a: Score, b: Score): boolean {
  return a.priority < b.priority || (a.priority === b.priority && a.served < b.served);
}
