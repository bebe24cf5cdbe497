import type { VrpProblem } from '../../../../server/routing/problem/schema.js';

/**
 * Exhaustive optimum of a tiny problem (no breaks): every assignment of jobs to vehicles or to
 * nobody, every order. Written from the problem's definition, independent of the solver.
 */
export function bruteForceOptimum(problem: VrpProblem): { priority: number; served: number; cost: number } {
  const jobs = problem.jobs ?? [];
  const V = problem.vehicles.length;
  const m = problem.matrices!.car.durations!;
  let best = { priority: -1, served: -1, cost: Infinity };
  const assignment = new Array<number>(jobs.length).fill(-1);
  const better = (a: typeof best, b: typeof best) =>
    a.priority !== b.priority ? a.priority > b.priority : a.served !== b.served ? a.served > b.served : a.cost < b.cost - 1e-9;

  const routeCost = (v: number, order: number[]): number => {
    const veh = problem.vehicles[v];
    if (order.length === 0) return 0;
    if (veh.max_tasks !== undefined && order.length > veh.max_tasks) return NaN;
    const cap = veh.capacity?.[0] ?? Infinity;
    let load = order.reduce((s, j) => s + (jobs[j].delivery?.[0] ?? 0), 0);
    if (load > cap) return NaN;
    let time = veh.time_window?.[0] ?? 0;
    let at = veh.start_index!;
    let cost = 0;
    for (const j of order) {
      const job = jobs[j];
      if ((job.skills ?? []).some((s) => !(veh.skills ?? []).includes(s))) return NaN;
      time += m[at][job.location_index!];
      cost += m[at][job.location_index!];
      at = job.location_index!;
      const tw = job.time_windows?.[0] ?? [0, Infinity];
      if (time > tw[1]) return NaN;
      time = Math.max(time, tw[0]) + (job.service ?? 0);
      load += (job.pickup?.[0] ?? 0) - (job.delivery?.[0] ?? 0);
      if (load > cap) return NaN;
    }
    time += m[at][veh.end_index!];
    cost += m[at][veh.end_index!];
    if (time > (veh.time_window?.[1] ?? Infinity)) return NaN;
    return cost;
  };

  const bestOrder = (v: number, members: number[]): number => {
    let bestCost = NaN;
    const permute = (prefix: number[], rest: number[]) => {
      if (rest.length === 0) {
        const c = routeCost(v, prefix);
        if (!Number.isNaN(c) && !(c >= bestCost)) bestCost = c;
        return;
      }
      rest.forEach((x, i) => permute([...prefix, x], [...rest.slice(0, i), ...rest.slice(i + 1)]));
    };
    permute([], members);
    return bestCost;
  };

  const visit = (k: number) => {
    if (k === jobs.length) {
      let cost = 0;
      for (let v = 0; v < V; v++) {
        const c = bestOrder(v, jobs.map((_, j) => j).filter((j) => assignment[j] === v));
        if (Number.isNaN(c)) return;
        cost += c;
      }
      const served = assignment.filter((a) => a >= 0);
      const cand = {
        priority: jobs.reduce((s, j, i) => s + (assignment[i] >= 0 ? j.priority ?? 0 : 0), 0),
        served: served.length,
        cost,
      };
      if (better(cand, best)) best = cand;
      return;
    }
    for (let v = -1; v < V; v++) {
      assignment[k] = v;
      visit(k + 1);
    }
    assignment[k] = -1;
  };
  visit(0);
  return best;
}
