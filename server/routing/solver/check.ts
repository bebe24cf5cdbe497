import type { VrpProblem } from '../problem/schema.js';
import type { VrpSolution } from '../problem/solution-schema.js';
import { DEFAULT_PROFILE } from '../problem/validate.js';

/** Travel matrices per profile, indexed like the problem's location_index (or as passed). */
export type CheckMatrices = Record<string, { durations: number[][]; distances?: number[][] }>;

const EPS = 1e-6;

/**
 * Verifies a solution against its problem from first principles, without the solver's data
 * structures: every job served at most once or reported unassigned, skills, capacity at every
 * step, job and shift time windows, breaks, max_tasks, and the reported times and distances
 * re-derived from the matrices. Returns the violations found (empty when valid).
 *
 * Problems given by coordinates need `matrices` and `locationIndex` (the index of each
 * coordinate in them) from the same travel cost provider the solver used.
 */
export function checkSolution(
  problem: VrpProblem,
  solution: VrpSolution,
  matrices: CheckMatrices | undefined = problem.matrices as CheckMatrices | undefined,
  locationIndex?: (coordinate: [number, number]) => number,
): string[] {
  const errors: string[] = [];
  if (!matrices) return ['no matrices to check against'];
  const jobs = new Map((problem.jobs ?? []).map((j) => [j.id, j]));
  const vehicles = new Map(problem.vehicles.map((v) => [v.id, v]));
  const seen = new Set<number>();
  const usedVehicles = new Set<number>();
  const indexOf = (idx: number | undefined, coord: [number, number] | undefined): number | undefined =>
    idx ?? (coord && locationIndex ? locationIndex(coord) : undefined);

  for (const route of solution.routes) {
    const v = vehicles.get(route.vehicle);
    const where = `vehicle ${route.vehicle}`;
    if (!v) {
      errors.push(`${where}: unknown vehicle`);
      continue;
    }
    if (usedVehicles.has(v.id)) errors.push(`${where}: has two routes`);
    usedVehicles.add(v.id);
    const m = matrices[v.profile ?? DEFAULT_PROFILE];
    const speed = v.speed_factor ?? 1;
    const skills = new Set(v.skills ?? []);
    const capacity = v.capacity ?? [];
    const [shiftStart, shiftEnd] = v.time_window ?? [0, Infinity];
    const steps = route.steps;
    const hasStart = v.start !== undefined || v.start_index !== undefined;
    const hasEnd = v.end !== undefined || v.end_index !== undefined;
    if (hasStart && steps[0]?.type !== 'start') errors.push(`${where}: first step is not the start`);
    if (hasEnd && steps[steps.length - 1]?.type !== 'end') errors.push(`${where}: last step is not the end`);
    const jobsInRoute = steps.filter((s) => s.type === 'job');
    if (v.max_tasks !== undefined && jobsInRoute.length > v.max_tasks) {
      errors.push(`${where}: ${jobsInRoute.length} jobs exceed max_tasks ${v.max_tasks}`);
    }
    // Deliveries are loaded at the start.
    const load = capacity.map((_, d) => jobsInRoute.reduce((s, st) => s + amountOf(jobs.get(st.id!), 'delivery', d), 0));
    const checkLoad = (label: string) => {
      load.forEach((l, d) => {
        if (l > capacity[d] + EPS) errors.push(`${where}: load ${l} over capacity ${capacity[d]} ${label}`);
      });
    };
    checkLoad('at start');
    let loc: number | undefined = indexOf(v.start_index, v.start);
    let time = steps[0]?.arrival ?? shiftStart;
    if (time < shiftStart - EPS) errors.push(`${where}: starts at ${time} before its shift ${shiftStart}`);
    let travelled = 0;
    let distance = 0;
    const breaksTaken = new Set<number>();
    for (const step of steps) {
      if (step.type === 'start') continue;
      let next = loc;
      if (step.type === 'job' || step.type === 'end') {
        const job = step.type === 'job' ? jobs.get(step.id!) : undefined;
        next = step.type === 'job' ? indexOf(job?.location_index, job?.location) : indexOf(v.end_index, v.end);
        if (loc !== undefined && next !== undefined) {
          travelled += m.durations[loc][next] / speed;
          distance += m.distances?.[loc][next] ?? 0;
          time += m.durations[loc][next] / speed;
        }
      }
      if (Math.abs(step.arrival - time) > EPS * Math.max(1, Math.abs(time))) {
        errors.push(`${where}: ${step.type} ${step.id ?? ''} arrival ${step.arrival}, expected ${time}`);
      }
      if (Math.abs(step.duration - travelled) > EPS * Math.max(1, travelled)) {
        errors.push(`${where}: ${step.type} ${step.id ?? ''} cumulated duration ${step.duration}, expected ${travelled}`);
      }
      if (step.distance !== undefined && m.distances && Math.abs(step.distance - distance) > EPS * Math.max(1, distance)) {
        errors.push(`${where}: ${step.type} ${step.id ?? ''} cumulated distance ${step.distance}, expected ${distance}`);
      }
      if (step.waiting_time < -EPS) errors.push(`${where}: negative waiting time`);
      const start = Math.max(time, step.arrival) + step.waiting_time;
      if (step.type === 'job') {
        const job = jobs.get(step.id!);
        if (!job) {
          errors.push(`${where}: unknown job ${step.id}`);
          continue;
        }
        if (seen.has(job.id)) errors.push(`job ${job.id} served twice`);
        seen.add(job.id);
        for (const s of job.skills ?? []) if (!skills.has(s)) errors.push(`${where}: lacks skill ${s} for job ${job.id}`);
        if (!inWindows(start, job.time_windows)) errors.push(`${where}: job ${job.id} starts at ${start} outside its time windows`);
        if (Math.abs(step.service - (job.service ?? 0)) > EPS) errors.push(`${where}: job ${job.id} service ${step.service}`);
        capacity.forEach((_, d) => {
          load[d] += amountOf(job, 'pickup', d) - amountOf(job, 'delivery', d);
        });
        checkLoad(`after job ${job.id}`);
        time = start + (job.service ?? 0);
      } else if (step.type === 'break') {
        const b = (v.breaks ?? []).find((x) => x.id === step.id);
        if (!b) {
          errors.push(`${where}: unknown break ${step.id}`);
          continue;
        }
        if (breaksTaken.has(b.id)) errors.push(`${where}: break ${b.id} taken twice`);
        breaksTaken.add(b.id);
        if (!inWindows(start, b.time_windows)) errors.push(`${where}: break ${b.id} starts at ${start} outside its time windows`);
        time = start + (b.service ?? 0);
      } else if (step.type === 'end') {
        if (time > shiftEnd + EPS) errors.push(`${where}: ends at ${time} after its shift ${shiftEnd}`);
      }
      if (step.load.some((l, d) => Math.abs(l - load[d]) > EPS)) errors.push(`${where}: reported load differs at ${step.type} ${step.id ?? ''}`);
      loc = next;
    }
    if (!hasEnd && time > shiftEnd + EPS) errors.push(`${where}: finishes at ${time} after its shift ${shiftEnd}`);
    for (const b of v.breaks ?? []) if (!breaksTaken.has(b.id)) errors.push(`${where}: break ${b.id} missing`);
  }
  const unassigned = new Set(solution.unassigned.map((u) => u.id));
  for (const id of jobs.keys()) {
    if (seen.has(id) && unassigned.has(id)) errors.push(`job ${id} both served and unassigned`);
    if (!seen.has(id) && !unassigned.has(id)) errors.push(`job ${id} neither served nor unassigned`);
  }
  if (solution.summary.unassigned !== solution.unassigned.length) errors.push('summary.unassigned does not match');
  return errors;
}

function amountOf(job: { delivery?: number[]; amount?: number[]; pickup?: number[] } | undefined, key: 'delivery' | 'pickup', d: number) {
  if (!job) return 0;
  return (key === 'delivery' ? job.delivery ?? job.amount : job.pickup)?.[d] ?? 0;
}

function inWindows(t: number, windows: [number, number][] | undefined): boolean {
  if (!windows || windows.length === 0) return true;
  return windows.some(([a, b]) => t >= a - EPS && t <= b + EPS);
}
