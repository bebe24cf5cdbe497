import type { IdleReason, IdleVehicleDetails } from '../problem/solution-schema.js';
import type { Solution } from './solution.js';
import { VehicleFit } from './vehicle-fit.js';

export interface IdleExplanation {
  /** Vehicle index in the problem. */
  vehicle: number;
  reason: IdleReason;
  message: string;
  details: IdleVehicleDetails;
}

/**
 * Why each vehicle without a job stays at its base: it may take no job (`max_tasks` 0), no job matches its skills
 * and capacity (`no_compatible_job`), its shift reaches none of those (`out_of_reach`: travel, shift length, time
 * windows), or every job it could serve is served by other vehicles (`served_by_others`). `unused` is left for the
 * case none of these holds — a job it could serve is unassigned — which a finished search should not produce.
 */
export function explainIdle(sol: Solution): IdleExplanation[] {
  const fit = new VehicleFit(sol);
  const inst = sol.inst;
  const out: IdleExplanation[] = [];
  for (let v = 0; v < inst.vehicleCount; v++) {
    if (sol.routes[v].jobCount > 0) continue;
    const compatible: number[] = [];
    for (let j = 0; j < inst.jobCount; j++) if (fit.hasSkills(v, j) && !fit.overCapacity(v, j)) compatible.push(j);
    const reachable = compatible.filter((j) => fit.aloneBlock(v, j) === null);
    const served = reachable.filter((j) => sol.jobRoute[j] >= 0).length;
    const details: IdleVehicleDetails = { jobs: inst.jobCount, compatible: compatible.length, reachable: reachable.length };
    const explain = (reason: IdleReason, message: string) => out.push({ vehicle: v, reason, message, details });
    if (inst.vMaxTasks[v] === 0) explain('max_tasks', 'its max_tasks is 0');
    else if (compatible.length === 0) {
      explain('no_compatible_job', `none of the ${inst.jobCount} jobs matches its skills and capacity`);
    } else if (reachable.length === 0) {
      explain('out_of_reach', `its shift cannot reach any of the ${compatible.length} jobs that match its skills (travel, shift length or time windows)`);
    } else if (served === reachable.length) {
      explain('served_by_others', `all ${reachable.length} jobs it could serve are served by other vehicles`);
    } else {
      explain('unused', `${reachable.length - served} job(s) it could serve are unassigned; the search did not use it`);
    }
  }
  return out;
}
