import { TIME_EPSILON, type Instance } from './instance.js';

// Local copies of the time-window helpers: module-level functions in the hot loop inline,
// imported bindings may not under every loader.
function firstStart(inst: Instance, t: number, ready: number): number {
  const end = inst.twOffset[t + 1];
  for (let w = inst.twOffset[t]; w < end; w++) {
    if (ready <= inst.twEnd[w] + TIME_EPSILON) return ready > inst.twStart[w] ? ready : inst.twStart[w];
  }
  return -1;
}

function latestStart(inst: Instance, t: number, bound: number): number {
  for (let w = inst.twOffset[t + 1] - 1; w >= inst.twOffset[t]; w--) {
    if (inst.twStart[w] <= bound + TIME_EPSILON) return bound < inst.twEnd[w] ? bound : inst.twEnd[w];
  }
  return -Infinity;
}

/**
 * One vehicle's sequence of tasks (jobs and its breaks) with the caches that make an insertion
 * check O(1): earliest departure per position (forward) and latest feasible arrival per position
 * (backward, Savelsbergh's forward-time-slack idea), and prefix/suffix load maxima.
 *
 * Positions: 0 is the start, 1..size are tasks, size + 1 is the end. A break has no place of its
 * own: it is taken where the vehicle stands, so `effLoc` of a break is that of its predecessor.
 */
export class Route {
  readonly vehicle: number;
  tasks: number[] = [];
  jobCount = 0;
  /** Travel cost plus fixed cost when the route serves at least one job. */
  cost = 0;
  /** Travel time plus service time of jobs: what the balance option evens out. */
  workTime = 0;
  effLoc = new Int32Array(0);
  depart = new Float64Array(0);
  latest = new Float64Array(0);
  loadAfter = new Float64Array(0);
  fwdMax = new Float64Array(0);
  bwdMax = new Float64Array(0);
  /** Cost of the travel leaving position p (to the next job or the end): what an insertion after p replaces. */
  arcCost = new Float64Array(0);
  /** Place of the next job after position p, or of the end: where the travel leaving p goes. */
  succLoc = new Int32Array(0);
  /** Travel cost from the start up to the arrival at position p (prefix sums, no fixed cost). */
  costTo = new Float64Array(0);
  /** Bumped by every `update`, so that caches keyed on this route know when they are stale. */
  version = 0;
  /** Arrival at the end. */
  endArrival = 0;
  feasible = true;

  private readonly inst: Instance;
  /** The vehicle's travel time matrix, row-major n × n. */
  readonly dur: Float64Array;
  /** The vehicle's travel cost matrix, row-major n × n. */
  readonly cst: Float64Array;
  private readonly durT: Float64Array;
  private readonly cstT: Float64Array;

  constructor(inst: Instance, vehicle: number) {
    this.inst = inst;
    this.vehicle = vehicle;
    const cls = inst.classes[inst.vClass[vehicle]];
    this.dur = cls.duration;
    this.cst = cls.cost;
    this.durT = cls.durationT;
    this.cstT = cls.costT;
    this.tasks = Array.from(inst.vBreaks[vehicle]);
    this.update();
  }

  get size(): number {
    return this.tasks.length;
  }

  /** Recomputes every cache; O(size × dims). Call after any change of `tasks`. */
  update(): void {
    const inst = this.inst;
    const v = this.vehicle;
    const dims = inst.dims;
    const n = inst.n;
    const tasks = this.tasks;
    const size = tasks.length;
    this.ensureCapacity(size + 2);
    const effLoc = this.effLoc;
    const depart = this.depart;
    const latest = this.latest;
    const dur = this.dur;
    const cst = this.cst;

    const costTo = this.costTo;
    this.version++;
    let jobs = 0;
    let cost = 0;
    let work = 0;
    let feasible = true;
    effLoc[0] = inst.vStartLoc[v];
    costTo[0] = 0;
    depart[0] = inst.vTwStart[v];
    for (let p = 1; p <= size; p++) {
      const t = tasks[p - 1];
      const prevLoc = effLoc[p - 1];
      let ready = depart[p - 1];
      if (t < inst.jobCount) {
        const loc = inst.taskLoc[t];
        effLoc[p] = loc;
        ready += dur[prevLoc * n + loc];
        cost += cst[prevLoc * n + loc];
        work += dur[prevLoc * n + loc] + inst.taskService[t];
        jobs++;
      } else {
        effLoc[p] = prevLoc;
      }
      costTo[p] = cost;
      let start = firstStart(inst, t, ready);
      if (start < 0) {
        feasible = false;
        start = ready;
      }
      depart[p] = start + inst.taskService[t];
    }
    const endLoc = inst.vEndLoc[v];
    effLoc[size + 1] = endLoc;
    const lastLoc = effLoc[size];
    this.endArrival = depart[size] + dur[lastLoc * n + endLoc];
    if (this.endArrival > inst.vTwEnd[v] + TIME_EPSILON) feasible = false;
    cost += cst[lastLoc * n + endLoc];
    costTo[size + 1] = cost;
    work += dur[lastLoc * n + endLoc];
    depart[size + 1] = this.endArrival;

    const arcCost = this.arcCost;
    const succLoc = this.succLoc;
    let nextReal = size + 1;
    arcCost[size + 1] = 0;
    succLoc[size + 1] = endLoc;
    for (let p = size; p >= 0; p--) {
      succLoc[p] = effLoc[nextReal];
      arcCost[p] = cst[effLoc[p] * n + effLoc[nextReal]];
      if (p >= 1 && tasks[p - 1] < inst.jobCount) nextReal = p;
    }

    latest[size + 1] = inst.vTwEnd[v];
    for (let p = size; p >= 1; p--) {
      const t = tasks[p - 1];
      const nextIsBreak = p < size ? tasks[p] >= inst.jobCount : false;
      const nextLoc = p < size ? inst.taskLoc[tasks[p]] : endLoc;
      const travel = nextIsBreak ? 0 : dur[effLoc[p] * n + nextLoc];
      latest[p] = latestStart(inst, t, latest[p + 1] - travel - inst.taskService[t]);
    }

    // Load after each position; deliveries are on board from the start.
    const loadAfter = this.loadAfter;
    const fwdMax = this.fwdMax;
    const bwdMax = this.bwdMax;
    for (let d = 0; d < dims; d++) {
      let load = 0;
      for (let p = 1; p <= size; p++) {
        const t = tasks[p - 1];
        if (t < inst.jobCount) load += inst.delivery[t * dims + d];
      }
      loadAfter[d] = load;
      fwdMax[d] = load;
      for (let p = 1; p <= size; p++) {
        const t = tasks[p - 1];
        if (t < inst.jobCount) load += inst.pickup[t * dims + d] - inst.delivery[t * dims + d];
        loadAfter[p * dims + d] = load;
        fwdMax[p * dims + d] = Math.max(fwdMax[(p - 1) * dims + d], load);
      }
      bwdMax[size * dims + d] = loadAfter[size * dims + d];
      for (let p = size - 1; p >= 0; p--) {
        bwdMax[p * dims + d] = Math.max(bwdMax[(p + 1) * dims + d], loadAfter[p * dims + d]);
      }
      if (fwdMax[size * dims + d] > inst.vCapacity[v * dims + d]) feasible = false;
    }

    if (jobs > this.inst.vMaxTasks[v]) feasible = false;
    this.jobCount = jobs;
    this.cost = jobs > 0 ? cost + inst.vFixed[v] : 0;
    this.workTime = jobs > 0 ? work : 0;
    this.feasible = feasible;
  }

  /** Whether vehicle limits (skills, max tasks, capacity of the whole route) allow job j at all. */
  canTake(j: number): boolean {
    const inst = this.inst;
    const v = this.vehicle;
    if (inst.compatible[v * inst.jobCount + j] === 0) return false;
    if (this.jobCount >= inst.vMaxTasks[v]) return false;
    const dims = inst.dims;
    const last = this.tasks.length * dims;
    for (let d = 0; d < dims; d++) {
      const cap = inst.vCapacity[v * dims + d];
      if (this.loadAfter[d] + inst.delivery[j * dims + d] > cap) return false;
      if (this.loadAfter[last + d] + inst.pickup[j * dims + d] > cap) return false;
    }
    return true;
  }

  /**
   * Cost increase of inserting job j between positions p and p + 1, or NaN if infeasible.
   * O(1) plus the breaks directly after p, whose place moves with the inserted job.
   */
  insertionCost(j: number, p: number): number {
    const inst = this.inst;
    const n = inst.n;
    const dims = inst.dims;
    const v = this.vehicle;
    for (let d = 0; d < dims; d++) {
      const cap = inst.vCapacity[v * dims + d];
      if (this.fwdMax[p * dims + d] + inst.delivery[j * dims + d] > cap) return NaN;
      if (this.bwdMax[p * dims + d] + inst.pickup[j * dims + d] > cap) return NaN;
    }
    const a = this.effLoc[p];
    const lj = inst.taskLoc[j];
    const row = lj * n;
    let start = firstStart(inst, j, this.depart[p] + this.durT[row + a]);
    if (start < 0) return NaN;
    let time = start + inst.taskService[j];
    let q = p + 1;
    const tasks = this.tasks;
    const size = tasks.length;
    while (q <= size && tasks[q - 1] >= inst.jobCount) {
      const b = tasks[q - 1];
      start = firstStart(inst, b, time);
      if (start < 0) return NaN;
      time = start + inst.taskService[b];
      q++;
    }
    const nextLoc = this.effLoc[q];
    if (time + this.dur[row + nextLoc] > this.latest[q] + TIME_EPSILON) return NaN;
    let delta = this.cstT[row + a] + this.cst[row + nextLoc] - this.arcCost[p];
    if (this.jobCount === 0) delta += this.emptyRouteCost();
    return delta;
  }

  /** Travel time added by inserting job j after position p (for the balance term). */
  insertionWork(j: number, p: number): number {
    const inst = this.inst;
    const n = inst.n;
    const a = this.effLoc[p];
    let q = p + 1;
    while (q <= this.tasks.length && this.tasks[q - 1] >= inst.jobCount) q++;
    const b = this.effLoc[q];
    const lj = inst.taskLoc[j];
    const dur = this.dur;
    const added = dur[a * n + lj] + dur[lj * n + b] - dur[a * n + b] + inst.taskService[j];
    return this.jobCount === 0 ? added + dur[inst.vStartLoc[this.vehicle] * n + inst.vEndLoc[this.vehicle]] : added;
  }

  /** Cost of driving start → end with no job, charged once a route is opened. */
  emptyRouteCost(): number {
    const inst = this.inst;
    const v = this.vehicle;
    return this.cst[inst.vStartLoc[v] * inst.n + inst.vEndLoc[v]] + inst.vFixed[v];
  }

  insert(j: number, p: number): void {
    this.tasks.splice(p, 0, j);
    this.update();
  }

  /** Removes the job at task index i (position i + 1) without updating caches. */
  removeAtNoUpdate(i: number): number {
    return this.tasks.splice(i, 1)[0];
  }

  private ensureCapacity(positions: number): void {
    if (this.effLoc.length >= positions) return;
    const size = Math.max(positions, this.effLoc.length * 2);
    const dims = Math.max(1, this.inst.dims);
    this.effLoc = new Int32Array(size);
    this.depart = new Float64Array(size);
    this.latest = new Float64Array(size);
    this.loadAfter = new Float64Array(size * dims);
    this.fwdMax = new Float64Array(size * dims);
    this.bwdMax = new Float64Array(size * dims);
    this.arcCost = new Float64Array(size);
    this.succLoc = new Int32Array(size);
    this.costTo = new Float64Array(size);
  }
}
