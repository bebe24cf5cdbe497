import type { Coordinate } from '../problem/schema.js';
import type { VrpGeometry, VrpIdleVehicle, VrpRoute, VrpSolution, VrpStep, VrpUnassigned } from '../problem/solution-schema.js';
import { explainIdle } from './idle-vehicles.js';
import { firstStart, type Instance } from './instance.js';
import { explainUnassigned } from './unassigned-reasons.js';
import type { Solution } from './solution.js';

/** Draws a route through its stops; the road-network module supplies one that follows streets. */
export type GeometryProvider = (coordinates: Coordinate[], profile: string) => VrpGeometry;

/** Straight segments between stops, used when no road geometry is available. */
export const straightLineGeometry: GeometryProvider = (coordinates) => ({ type: 'LineString', coordinates });

/** Rounds away floating noise from summing fractional inputs (1e-6 of a second or metre). */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export interface OutputOptions {
  geometry?: GeometryProvider;
  computingTimes: { loading: number; solving: number; routing: number };
}

export function buildSolution(sol: Solution, options: OutputOptions): VrpSolution {
  const inst = sol.inst;
  const routes: VrpRoute[] = [];
  for (const route of sol.routes) {
    if (route.jobCount === 0) continue;
    routes.push(buildRoute(inst, route.vehicle, route.tasks, options.geometry));
  }
  const left = sol.unassigned();
  const explanations = explainUnassigned(sol, left);
  const unassigned: VrpUnassigned[] = left.map((j, i) => {
    const job = inst.problem.jobs![j];
    const { reason, message, details } = explanations[i];
    return {
      id: job.id,
      type: 'job' as const,
      ...(job.location ? { location: job.location } : {}),
      ...(job.location_index !== undefined ? { location_index: job.location_index } : {}),
      ...(job.description !== undefined ? { description: job.description } : {}),
      reason,
      message,
      details,
    };
  });
  const idle: VrpIdleVehicle[] = explainIdle(sol).map(({ vehicle, reason, message, details }) => {
    const v = inst.problem.vehicles[vehicle];
    return { vehicle: v.id, ...(v.description !== undefined ? { description: v.description } : {}), reason, message, details };
  });
  const sum = (f: (r: VrpRoute) => number) => round6(routes.reduce((s, r) => s + f(r), 0));
  const sumVec = (f: (r: VrpRoute) => number[]) =>
    Array.from({ length: inst.dims }, (_, d) => routes.reduce((s, r) => s + f(r)[d], 0));
  return {
    code: 0,
    summary: {
      cost: sum((r) => r.cost),
      routes: routes.length,
      unassigned: unassigned.length,
      delivery: sumVec((r) => r.delivery),
      amount: sumVec((r) => r.amount),
      pickup: sumVec((r) => r.pickup),
      setup: 0,
      service: sum((r) => r.service),
      duration: sum((r) => r.duration),
      waiting_time: sum((r) => r.waiting_time),
      priority: sum((r) => r.priority),
      ...(inst.hasDistances ? { distance: sum((r) => r.distance ?? 0) } : {}),
      computing_times: options.computingTimes,
    },
    unassigned,
    routes,
    ...(idle.length > 0 ? { idle_vehicles: idle } : {}),
  };
}

/**
 * Schedules a task sequence at the earliest times, then delays the departure by the wait at the
 * first stop so that the team does not leave early only to wait.
 */
export function buildRoute(inst: Instance, v: number, tasks: number[], geometry?: GeometryProvider): VrpRoute {
  const vehicle = inst.problem.vehicles[v];
  const cls = inst.classes[inst.vClass[v]];
  const n = inst.n;
  const dims = inst.dims;
  const startLoc = inst.vStartLoc[v];
  const firstWait = (() => {
    const t = tasks[0];
    const ready = inst.vTwStart[v] + (t < inst.jobCount ? cls.duration[startLoc * n + inst.taskLoc[t]] : 0);
    const start = firstStart(inst, t, ready);
    return start < 0 ? 0 : start - ready;
  })();
  let time = inst.vTwStart[v] + firstWait;
  let loc = startLoc;
  let travel = 0;
  let distance = 0;
  let cost = 0;
  let service = 0;
  let waiting = 0;
  let priority = 0;
  const load = Array.from({ length: dims }, (_, d) =>
    tasks.reduce((s, t) => s + (t < inst.jobCount ? inst.delivery[t * dims + d] : 0), 0),
  );
  const delivery = load.slice();
  const pickup = new Array<number>(dims).fill(0);
  const steps: VrpStep[] = [];
  const place = (l: number) => ({
    ...(inst.coordinates[l] ? { location: inst.coordinates[l] } : {}),
    ...(inst.inputIndex[l] >= 0 ? { location_index: inst.inputIndex[l] } : {}),
  });
  const step = (type: VrpStep['type'], arrival: number, wait: number, serviceTime: number, extra: Partial<VrpStep>) =>
    steps.push({
      type,
      ...extra,
      arrival: round6(arrival),
      duration: round6(travel),
      setup: 0,
      service: round6(serviceTime),
      waiting_time: round6(wait),
      ...(inst.hasDistances ? { distance: round6(distance) } : {}),
      load: load.slice(),
    });
  if (inst.vHasStart[v]) step('start', time, 0, 0, place(startLoc));
  const path: Coordinate[] = [];
  if (inst.vHasStart[v] && inst.coordinates[startLoc]) path.push(inst.coordinates[startLoc]);
  for (const t of tasks) {
    if (t < inst.jobCount) {
      const l = inst.taskLoc[t];
      travel += cls.duration[loc * n + l];
      distance += cls.distance[loc * n + l];
      cost += cls.cost[loc * n + l];
      time += cls.duration[loc * n + l];
      loc = l;
      const start = firstStart(inst, t, time);
      const job = inst.problem.jobs![t];
      for (let d = 0; d < dims; d++) {
        load[d] += inst.pickup[t * dims + d] - inst.delivery[t * dims + d];
        pickup[d] += inst.pickup[t * dims + d];
      }
      service += inst.taskService[t];
      waiting += start - time;
      priority += inst.priority[t];
      step('job', time, start - time, inst.taskService[t], {
        id: job.id,
        ...place(l),
        ...(job.description !== undefined ? { description: job.description } : {}),
      });
      if (inst.coordinates[l]) path.push(inst.coordinates[l]);
      time = start + inst.taskService[t];
    } else {
      const start = firstStart(inst, t, time);
      const b = breakOf(inst, v, t);
      service += inst.taskService[t];
      waiting += start - time;
      step('break', time, start - time, inst.taskService[t], {
        id: b.id,
        ...(b.description !== undefined ? { description: b.description } : {}),
      });
      time = start + inst.taskService[t];
    }
  }
  const endLoc = inst.vEndLoc[v];
  travel += cls.duration[loc * n + endLoc];
  distance += cls.distance[loc * n + endLoc];
  cost += cls.cost[loc * n + endLoc];
  time += cls.duration[loc * n + endLoc];
  if (inst.vHasEnd[v]) {
    step('end', time, 0, 0, place(endLoc));
    if (inst.coordinates[endLoc]) path.push(inst.coordinates[endLoc]);
  }
  const route: VrpRoute = {
    vehicle: vehicle.id,
    ...(vehicle.description !== undefined ? { description: vehicle.description } : {}),
    cost: round6(cost + inst.vFixed[v]),
    delivery,
    amount: delivery.slice(),
    pickup,
    setup: 0,
    service: round6(service),
    duration: round6(travel),
    waiting_time: round6(waiting),
    priority,
    ...(inst.hasDistances ? { distance: round6(distance) } : {}),
    steps,
  };
  if (geometry) route.geometry = geometry(path, inst.classes[inst.vClass[v]].profile);
  return route;
}

function breakOf(inst: Instance, v: number, task: number) {
  return inst.problem.vehicles[v].breaks![inst.breakInputIndex[task]];
}
