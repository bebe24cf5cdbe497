import type { UnassignedDetails, UnassignedReason } from '../problem/solution-schema.js';
import type { Solution } from './solution.js';
import { VehicleFit, type AloneBlock, type RouteBlock } from './vehicle-fit.js';

export interface UnassignedExplanation {
  reason: UnassignedReason;
  message: string;
  details: UnassignedDetails;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const minutes = (seconds: number) => `${Math.ceil(seconds / 60)} min`;

/**
 * Why each unassigned job is left out: the limit that actually blocks it in the final solution.
 *
 * First the limits no other job causes, over the vehicles with the job's skills: none has them (`skills`), its amount
 * exceeds every capacity (`capacity`), no road leads there and back (`unreachable`), even an empty shift is too short
 * for the drive there and back plus the service (`shift_length`), or its windows and the shifts do not meet
 * (`time_window`). Otherwise some vehicles could serve it alone, and what blocks it is what their routes hold now:
 * all have their `max_tasks` jobs, or their load leaves no room (`capacity`), or their time is taken. Time taken is
 * `skills` when only some vehicles have the skills and one without them would still have room (more skilled teams
 * would serve it), and `no_room` only when none of this holds.
 */
export function explainUnassigned(sol: Solution, jobs: readonly number[]): UnassignedExplanation[] {
  const fit = new VehicleFit(sol);
  return jobs.map((j) => explainJob(fit, j));
}

function explainJob(fit: VehicleFit, j: number): UnassignedExplanation {
  const inst = fit.inst;
  const vehicles = inst.vehicleCount;
  const skilled: number[] = [];
  for (let v = 0; v < vehicles; v++) if (fit.hasSkills(v, j)) skilled.push(v);
  const base = { vehicles, skilled: skilled.length };
  const has = skilled.length === 1 ? 'has' : 'have';
  const ofAll = `${skilled.length} of ${plural(vehicles, 'vehicle')} ${has} the skills this job requires`;
  if (skilled.length === 0) {
    return { reason: 'skills', message: `no vehicle has every skill this job requires (0 of ${vehicles})`, details: { ...base, suitable: 0 } };
  }

  const alone = skilled.map((v) => fit.aloneBlock(v, j));
  const suitable = skilled.filter((_, i) => alone[i] === null);
  if (suitable.length === 0) return aloneReason(fit, j, skilled, alone, base);

  const details: UnassignedDetails = { ...base, suitable: suitable.length };
  const blocks = suitable.map((v) => fit.routeBlock(v, j));
  const count = (b: RouteBlock) => blocks.filter((x) => x === b).length;
  const who = suitable.length === 1 ? `the only suitable vehicle (${ofAll})` : `all ${suitable.length} suitable vehicles (${ofAll})`;
  if (count('max_tasks') === blocks.length) {
    const maxTasks = Math.max(...suitable.map((v) => inst.vMaxTasks[v]));
    return {
      reason: 'max_tasks',
      message: `${who} already ${suitable.length === 1 ? 'has its' : 'have their'} max_tasks of ${plural(maxTasks, 'job')}`,
      details: { ...details, max_tasks: maxTasks },
    };
  }
  if (count('max_tasks') + count('capacity') === blocks.length) {
    return { reason: 'capacity', message: `the load on ${who} leaves no capacity for it`, details };
  }
  if (skilled.length < vehicles && unskilledWithRoom(fit, j)) {
    const whose = skilled.length === 1 ? 'its shift is' : 'their shifts are';
    return {
      reason: 'skills',
      message: `only ${ofAll}; ${whose} full, while vehicles without the skills have room`,
      details,
    };
  }
  const full = count('max_tasks');
  return {
    reason: 'no_room',
    message:
      `${plural(suitable.length, 'suitable vehicle')} could serve it alone, but the time in their shifts is taken by other jobs` +
      (full > 0 ? ` (${full} of them at max_tasks)` : ''),
    details,
  };
}

/** No skilled vehicle could serve the job even alone: the commonest of the reasons, worst first. */
function aloneReason(
  fit: VehicleFit,
  j: number,
  skilled: number[],
  alone: AloneBlock[],
  base: { vehicles: number; skilled: number },
): UnassignedExplanation {
  const details: UnassignedDetails = { ...base, suitable: 0 };
  const all = (...bs: AloneBlock[]) => alone.every((b) => bs.includes(b));
  if (all('capacity')) {
    return { reason: 'capacity', message: 'its amount exceeds the capacity of every vehicle with the required skills', details };
  }
  if (all('capacity', 'unreachable')) {
    return { reason: 'unreachable', message: 'no vehicle with the required skills can travel there and back (no route in the travel matrix)', details };
  }
  if (all('capacity', 'unreachable', 'shift_length')) {
    // The vehicle where it comes closest to fitting: what the message quotes.
    const candidates = skilled.filter((_, i) => alone[i] === 'shift_length');
    const gap = (v: number) => fit.neededSeconds(v, j) - fit.shiftSeconds(v);
    const v = candidates.reduce((a, b) => (gap(b) < gap(a) ? b : a));
    const needed = fit.neededSeconds(v, j);
    const shift = fit.shiftSeconds(v);
    return {
      reason: 'shift_length',
      message: `it needs ${minutes(needed)} (travel there and back, service and breaks), more than the ${minutes(shift)} shift of any vehicle with the required skills`,
      details: { ...details, needed_seconds: needed, shift_seconds: shift },
    };
  }
  return {
    reason: 'time_window',
    message: 'its time windows and the shifts (travel and breaks included) of the vehicles with the required skills do not meet',
    details,
  };
}

/** Some vehicle without the job's skills could still take it into its route: the skills, not the time, are short. */
function unskilledWithRoom(fit: VehicleFit, j: number): boolean {
  for (let v = 0; v < fit.inst.vehicleCount; v++) {
    if (fit.hasSkills(v, j)) continue;
    if (fit.aloneBlock(v, j) === null && fit.routeBlock(v, j) === null) return true;
  }
  return false;
}
