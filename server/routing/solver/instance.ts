import type { Coordinate, VrpProblem, VrpVehicle } from '../problem/schema.js';
import { DEFAULT_PROFILE } from '../problem/validate.js';
import { RoutingInputError, type RoutingInputIssue } from '../problem/errors.js';
import { computeTravelCosts } from '../network/travel-costs.js';
import type { TravelCostProvider } from '../problem/travel-cost-provider.js';

/** Travel data of one (profile, speed factor, cost model) combination, row-major n × n. */
export interface TravelClass {
  profile: string;
  duration: Float64Array;
  distance: Float64Array;
  /** The same array as `duration` or `distance` when the cost is just that. */
  cost: Float64Array;
  /**
   * Transposes: entry [b * n + a] is travel a → b. Evaluating one job at every position of a
   * route then reads two rows instead of a column, which matters once the matrix outgrows the cache.
   */
  durationT: Float64Array;
  costT: Float64Array;
}

/**
 * The problem in the solver's own terms. Tasks 0..jobCount-1 are jobs, the rest are breaks.
 * Matrix index `n - 1` is a virtual place at zero travel from everywhere: it stands for a
 * missing start or end (open routes).
 */
export interface Instance {
  n: number;
  virtualLoc: number;
  jobCount: number;
  taskCount: number;
  dims: number;
  taskLoc: Int32Array;
  taskService: Float64Array;
  twOffset: Int32Array;
  twStart: Float64Array;
  twEnd: Float64Array;
  delivery: Float64Array;
  pickup: Float64Array;
  priority: Int32Array;
  breakVehicle: Int32Array;
  /** For a break task, its index in the input vehicle's `breaks`. */
  breakInputIndex: Int32Array;
  vehicleCount: number;
  vStartLoc: Int32Array;
  vEndLoc: Int32Array;
  vHasStart: Uint8Array;
  vHasEnd: Uint8Array;
  vTwStart: Float64Array;
  vTwEnd: Float64Array;
  vCapacity: Float64Array;
  vMaxTasks: Int32Array;
  vFixed: Float64Array;
  vClass: Int32Array;
  /** Vehicles with the same type are interchangeable when empty. */
  vType: Int32Array;
  vBreaks: Int32Array[];
  classes: TravelClass[];
  /** compatible[v * jobCount + j] = 1 when vehicle v has every skill job j needs. */
  compatible: Uint8Array;
  hasDistances: boolean;
  balanceWeight: number;
  /** Coordinates per matrix index, when known (for output and geometry). */
  coordinates: (Coordinate | undefined)[];
  /** Matrix index as the input named it (location_index), or -1 for computed matrices. */
  inputIndex: Int32Array;
  problem: VrpProblem;
}

export interface CompileOptions {
  costProvider?: TravelCostProvider;
}

/** Tolerance for comparing fractional times. */
export const TIME_EPSILON = 1e-7;

/** Without a provider, coordinates are costed by the straight-line travel model (off-peak), whatever the profile. */
const straightLineCosts: TravelCostProvider = (locations) => computeTravelCosts(null, locations);

export function compileInstance(problem: VrpProblem, options: CompileOptions = {}): Instance {
  const jobs = problem.jobs ?? [];
  const vehicles = problem.vehicles;
  const places = reorderForLocality(collectPlaces(problem, options.costProvider ?? straightLineCosts));
  const n = places.size + 1;
  const virtualLoc = n - 1;

  const breakCount = vehicles.reduce((s, v) => s + (v.breaks?.length ?? 0), 0);
  const taskCount = jobs.length + breakCount;
  const dims = vehicles[0].capacity?.length ?? jobs.find((j) => j.delivery ?? j.pickup ?? j.amount)?.delivery?.length ?? 0;

  const taskLoc = new Int32Array(taskCount).fill(-1);
  const taskService = new Float64Array(taskCount);
  const windows: [number, number][][] = [];
  const delivery = new Float64Array(Math.max(1, jobs.length * dims));
  const pickup = new Float64Array(Math.max(1, jobs.length * dims));
  const priority = new Int32Array(jobs.length);
  const breakVehicle = new Int32Array(taskCount).fill(-1);
  const breakInputIndex = new Int32Array(taskCount).fill(-1);

  jobs.forEach((job, j) => {
    taskLoc[j] = places.jobLoc[j];
    taskService[j] = job.service ?? 0;
    windows.push(sortedWindows(job.time_windows));
    const del = job.delivery ?? job.amount;
    for (let d = 0; d < dims; d++) {
      delivery[j * dims + d] = del?.[d] ?? 0;
      pickup[j * dims + d] = job.pickup?.[d] ?? 0;
    }
    priority[j] = job.priority ?? 0;
  });

  const vehicleCount = vehicles.length;
  const vStartLoc = new Int32Array(vehicleCount);
  const vEndLoc = new Int32Array(vehicleCount);
  const vHasStart = new Uint8Array(vehicleCount);
  const vHasEnd = new Uint8Array(vehicleCount);
  const vTwStart = new Float64Array(vehicleCount);
  const vTwEnd = new Float64Array(vehicleCount);
  const vCapacity = new Float64Array(Math.max(1, vehicleCount * dims));
  const vMaxTasks = new Int32Array(vehicleCount);
  const vFixed = new Float64Array(vehicleCount);
  const vBreaks: Int32Array[] = [];
  let task = jobs.length;
  vehicles.forEach((v, i) => {
    vStartLoc[i] = places.vehicleStart[i] ?? virtualLoc;
    vEndLoc[i] = places.vehicleEnd[i] ?? virtualLoc;
    vHasStart[i] = places.vehicleStart[i] === undefined ? 0 : 1;
    vHasEnd[i] = places.vehicleEnd[i] === undefined ? 0 : 1;
    vTwStart[i] = v.time_window?.[0] ?? 0;
    vTwEnd[i] = v.time_window?.[1] ?? Infinity;
    for (let d = 0; d < dims; d++) vCapacity[i * dims + d] = v.capacity?.[d] ?? Infinity;
    vMaxTasks[i] = v.max_tasks ?? 0x3fffffff;
    vFixed[i] = v.costs?.fixed ?? 0;
    const breakTasks: number[] = [];
    const ordered = (v.breaks ?? []).map((b, k) => ({ b, k })).sort(
      (x, y) => sortedWindows(x.b.time_windows)[0][0] - sortedWindows(y.b.time_windows)[0][0] || x.b.id - y.b.id,
    );
    for (const { b, k } of ordered) {
      breakInputIndex[task] = k;
      taskService[task] = b.service ?? 0;
      windows[task] = sortedWindows(b.time_windows);
      breakVehicle[task] = i;
      breakTasks.push(task);
      task++;
    }
    vBreaks.push(Int32Array.from(breakTasks));
  });

  const twOffset = new Int32Array(taskCount + 1);
  for (let t = 0; t < taskCount; t++) twOffset[t + 1] = twOffset[t] + windows[t].length;
  const twStart = new Float64Array(twOffset[taskCount]);
  const twEnd = new Float64Array(twOffset[taskCount]);
  windows.forEach((ws, t) =>
    ws.forEach(([s, e], k) => {
      twStart[twOffset[t] + k] = s;
      twEnd[twOffset[t] + k] = e;
    }),
  );

  const { classes, vClass, hasDistances } = buildClasses(problem, places, n);
  const compatible = buildCompatibility(problem);
  const vType = buildVehicleTypes(vehicles, vClass);

  const instance: Instance = {
    n, virtualLoc, jobCount: jobs.length, taskCount, dims, taskLoc, taskService, twOffset, twStart, twEnd,
    delivery, pickup, priority, breakVehicle, breakInputIndex, vehicleCount, vStartLoc, vEndLoc, vHasStart, vHasEnd, vTwStart, vTwEnd,
    vCapacity, vMaxTasks, vFixed, vClass, vType, vBreaks, classes, compatible, hasDistances,
    balanceWeight: problem.options?.balance ?? 0,
    coordinates: places.coordinates,
    inputIndex: places.inputIndex,
    problem,
  };
  checkShifts(instance);
  return instance;
}

function sortedWindows(tws: [number, number][] | undefined): [number, number][] {
  if (!tws || tws.length === 0) return [[0, Infinity]];
  return [...tws].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

interface Places {
  size: number;
  jobLoc: number[];
  vehicleStart: (number | undefined)[];
  vehicleEnd: (number | undefined)[];
  coordinates: (Coordinate | undefined)[];
  inputIndex: Int32Array;
  /** Matrices per profile as given or computed, indexed by place. */
  matrices: Map<string, { durations: number[][]; distances?: number[][]; costs?: number[][] }>;
  /** Internal index → row of the matrices above. */
  order: Int32Array;
}

/** Below this many places the whole matrix stays in cache and the order does not matter. */
const LOCALITY_MIN_PLACES = 200;

/**
 * Renumbers places along a nearest-neighbour chain so that places close in travel are close in
 * index: a route then touches few cache lines of the matrix, which is what bounds the speed
 * of insertion checks on large problems.
 */
function reorderForLocality(places: Places): Places {
  const size = places.size;
  if (size < LOCALITY_MIN_PLACES) return places;
  const d = places.matrices.values().next().value!.durations;
  const order = new Int32Array(size);
  const used = new Uint8Array(size);
  let at = 0;
  used[0] = 1;
  for (let k = 1; k < size; k++) {
    const row = d[at];
    let best = -1;
    let bestD = Infinity;
    for (let b = 0; b < size; b++) {
      if (!used[b] && row[b] < bestD) {
        bestD = row[b];
        best = b;
      }
    }
    order[k] = best;
    used[best] = 1;
    at = best;
  }
  const inverse = new Int32Array(size);
  order.forEach((place, i) => (inverse[place] = i));
  const map = (x: number | undefined) => (x === undefined ? undefined : inverse[x]);
  const coordinates = [...Array.from(order, (place) => places.coordinates[place]), undefined];
  const inputIndex = new Int32Array(size + 1);
  order.forEach((place, i) => (inputIndex[i] = places.inputIndex[place]));
  inputIndex[size] = -1;
  return {
    ...places,
    jobLoc: places.jobLoc.map((x) => inverse[x]),
    vehicleStart: places.vehicleStart.map(map),
    vehicleEnd: places.vehicleEnd.map(map),
    coordinates,
    inputIndex,
    order,
  };
}

/**
 * With matrices, places are the matrix indices. Without, coordinates are deduplicated and the
 * provider computes one matrix per profile.
 */
function collectPlaces(problem: VrpProblem, provider: TravelCostProvider): Places {
  const jobs = problem.jobs ?? [];
  const profiles = [...new Set(problem.vehicles.map((v) => v.profile ?? DEFAULT_PROFILE))];
  if (problem.matrices) {
    const size = Object.values(problem.matrices).reduce((m, x) => Math.max(m, x.durations?.length ?? 0), 0);
    const coordinates = new Array<Coordinate | undefined>(size + 1).fill(undefined);
    jobs.forEach((j) => {
      if (j.location) coordinates[j.location_index!] = j.location;
    });
    problem.vehicles.forEach((v) => {
      if (v.start && v.start_index !== undefined) coordinates[v.start_index] = v.start;
      if (v.end && v.end_index !== undefined) coordinates[v.end_index] = v.end;
    });
    const inputIndex = new Int32Array(size + 1);
    for (let i = 0; i < size; i++) inputIndex[i] = i;
    inputIndex[size] = -1;
    const matrices = new Map<string, { durations: number[][]; distances?: number[][]; costs?: number[][] }>();
    for (const p of profiles) {
      const m = problem.matrices[p];
      matrices.set(p, { durations: m.durations!, distances: m.distances, costs: m.costs });
    }
    return {
      size,
      jobLoc: jobs.map((j) => j.location_index!),
      vehicleStart: problem.vehicles.map((v) => v.start_index),
      vehicleEnd: problem.vehicles.map((v) => v.end_index),
      coordinates,
      inputIndex,
      matrices,
      order: Int32Array.from({ length: size }, (_, i) => i),
    };
  }
  const index = new Map<string, number>();
  const coordinates: (Coordinate | undefined)[] = [];
  const place = (c: Coordinate | undefined): number | undefined => {
    if (c === undefined) return undefined;
    const key = `${c[0]},${c[1]}`;
    let i = index.get(key);
    if (i === undefined) {
      i = coordinates.length;
      index.set(key, i);
      coordinates.push(c);
    }
    return i;
  };
  const jobLoc = jobs.map((j) => place(j.location)!);
  const vehicleStart = problem.vehicles.map((v) => place(v.start));
  const vehicleEnd = problem.vehicles.map((v) => place(v.end));
  const located = coordinates.slice() as Coordinate[];
  const matrices = new Map<string, { durations: number[][]; distances?: number[][] }>();
  for (const p of profiles) {
    const m = provider(located, p);
    if (m.durations.length !== located.length || m.distances.length !== located.length) {
      throw new Error(`travel cost provider returned ${m.durations.length} rows for ${located.length} locations`);
    }
    matrices.set(p, m);
  }
  coordinates.push(undefined);
  const inputIndex = new Int32Array(coordinates.length).fill(-1);
  const order = Int32Array.from({ length: located.length }, (_, i) => i);
  return { size: located.length, jobLoc, vehicleStart, vehicleEnd, coordinates, inputIndex, matrices, order };
}

function buildClasses(problem: VrpProblem, places: Places, n: number) {
  const byKey = new Map<string, number>();
  const classes: TravelClass[] = [];
  const vClass = new Int32Array(problem.vehicles.length);
  const minimiseDistance = problem.options?.minimise === 'distance';
  let hasDistances = true;
  const issues: RoutingInputIssue[] = [];
  problem.vehicles.forEach((v, i) => {
    const profile = v.profile ?? DEFAULT_PROFILE;
    const speed = v.speed_factor ?? 1;
    const perHour = v.costs?.per_hour ?? (minimiseDistance && !v.costs ? 0 : 3600);
    const perKm = v.costs?.per_km ?? (minimiseDistance && !v.costs ? 1000 : 0);
    const key = `${profile}|${speed}|${perHour}|${perKm}`;
    let c = byKey.get(key);
    if (c === undefined) {
      const m = places.matrices.get(profile)!;
      if (!m.distances) hasDistances = false;
      if (!m.distances && perKm > 0 && !m.costs) {
        issues.push({ path: `vehicles[${i}]`, message: `cost per distance needs a distances matrix for profile "${profile}"` });
        return;
      }
      const size = places.size;
      const duration = new Float64Array(n * n);
      const distance = new Float64Array(n * n);
      const costIsDuration = !m.costs && perHour === 3600 && perKm === 0;
      const costIsDistance = !m.costs && perHour === 0 && perKm === 1000;
      const cost = costIsDuration ? duration : costIsDistance ? distance : new Float64Array(n * n);
      const order = places.order;
      for (let a = 0; a < size; a++) {
        const dRow = m.durations[order[a]];
        const sRow = m.distances?.[order[a]];
        const cRow = m.costs?.[order[a]];
        for (let b = 0; b < size; b++) {
          const k = a * n + b;
          const ob = order[b];
          duration[k] = dRow[ob] / speed;
          distance[k] = sRow ? sRow[ob] : 0;
          if (!costIsDuration && !costIsDistance) {
            cost[k] = cRow ? cRow[ob] : (perHour / 3600) * duration[k] + (perKm / 1000) * distance[k];
          }
        }
      }
      const durationT = transpose(duration, n);
      const costT = cost === duration ? durationT : transpose(cost, n);
      c = classes.length;
      classes.push({ profile, duration, distance, cost, durationT, costT });
      byKey.set(key, c);
    }
    vClass[i] = c;
  });
  if (issues.length > 0) throw new RoutingInputError(issues);
  return { classes, vClass, hasDistances };
}

function transpose(m: Float64Array, n: number): Float64Array {
  const t = new Float64Array(n * n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) t[b * n + a] = m[a * n + b];
  return t;
}

function buildCompatibility(problem: VrpProblem): Uint8Array {
  const jobs = problem.jobs ?? [];
  const out = new Uint8Array(problem.vehicles.length * jobs.length);
  problem.vehicles.forEach((v, i) => {
    const skills = new Set(v.skills ?? []);
    jobs.forEach((job, j) => {
      out[i * jobs.length + j] = (job.skills ?? []).every((s) => skills.has(s)) ? 1 : 0;
    });
  });
  return out;
}

function buildVehicleTypes(vehicles: VrpVehicle[], vClass: Int32Array): Int32Array {
  const types = new Map<string, number>();
  return Int32Array.from(vehicles, (v, i) => {
    const key = JSON.stringify([
      v.start, v.start_index, v.end, v.end_index, v.capacity, [...(v.skills ?? [])].sort(), v.time_window,
      v.breaks?.map((b) => [b.time_windows, b.service]), v.max_tasks, v.costs?.fixed, vClass[i],
    ]);
    let t = types.get(key);
    if (t === undefined) {
      t = types.size;
      types.set(key, t);
    }
    return t;
  });
}

/** A vehicle whose shift cannot hold its own breaks and the drive from start to end is an input error. */
function checkShifts(inst: Instance): void {
  const issues: RoutingInputIssue[] = [];
  for (let v = 0; v < inst.vehicleCount; v++) {
    let time = inst.vTwStart[v];
    const breaks = inst.vBreaks[v];
    let ok = true;
    for (let k = 0; k < breaks.length && ok; k++) {
      const t = breaks[k];
      const start = firstStart(inst, t, time);
      if (start < 0 || start + inst.taskService[t] > inst.vTwEnd[v] + TIME_EPSILON) {
        ok = false;
        const input = inst.breakInputIndex[t];
        issues.push({ path: `vehicles[${v}].breaks[${input}]`, message: `break ${inst.problem.vehicles[v].breaks![input].id} cannot be taken within the shift` });
      } else time = start + inst.taskService[t];
    }
    if (!ok) continue;
    const travel = inst.classes[inst.vClass[v]].duration[inst.vStartLoc[v] * inst.n + inst.vEndLoc[v]];
    if (time + travel > inst.vTwEnd[v] + TIME_EPSILON) {
      issues.push({
        path: `vehicles[${v}].time_window`,
        message: `infeasible shift: ${inst.vTwEnd[v] - inst.vTwStart[v]} s is too short for the breaks and the ${travel.toFixed(0)} s drive from start to end`,
      });
    }
  }
  if (issues.length > 0) throw new RoutingInputError(issues);
}

/** Earliest service start of task t when ready at `ready`, or -1 if every window has closed. */
export function firstStart(inst: Instance, t: number, ready: number): number {
  const end = inst.twOffset[t + 1];
  for (let w = inst.twOffset[t]; w < end; w++) {
    if (ready <= inst.twEnd[w] + TIME_EPSILON) return ready > inst.twStart[w] ? ready : inst.twStart[w];
  }
  return -1;
}

/** Latest service start of task t not after `bound`, or -Infinity if no window opens by then. */
export function latestStart(inst: Instance, t: number, bound: number): number {
  for (let w = inst.twOffset[t + 1] - 1; w >= inst.twOffset[t]; w--) {
    if (inst.twStart[w] <= bound + TIME_EPSILON) return bound < inst.twEnd[w] ? bound : inst.twEnd[w];
  }
  return -Infinity;
}
