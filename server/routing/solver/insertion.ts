import type { Random } from '../../domain/random.js';
import type { Solution } from './solution.js';

export interface Insertion {
  cost: number;
  position: number;
}

/**
 * Cheapest feasible place for job j in route r (NaN cost when none). With `blinkRate` > 0 each
 * position is skipped with that probability (SISR's "blinks"), which diversifies the recreate step.
 * The balance option adds its weight times any growth of the longest working time.
 */
export function bestInsertionInRoute(
  sol: Solution,
  j: number,
  r: number,
  maxWork: number,
  rng?: Random,
  blinkRate = 0,
  out: Insertion = { cost: NaN, position: -1 },
): Insertion {
  const route = sol.routes[r];
  out.cost = NaN;
  out.position = -1;
  if (!route.canTake(j)) return out;
  const lambda = sol.inst.balanceWeight;
  const size = route.size;
  let best = Infinity;
  for (let p = 0; p <= size; p++) {
    if (blinkRate > 0 && rng!.next() < blinkRate) continue;
    let c = route.insertionCost(j, p);
    if (!(c < best)) continue;
    if (lambda > 0) {
      const grown = route.workTime + route.insertionWork(j, p) - maxWork;
      if (grown > 0) c += lambda * grown;
      if (!(c < best)) continue;
    }
    best = c;
    out.position = p;
  }
  if (out.position >= 0) out.cost = best;
  return out;
}

/**
 * Routes worth trying for a job: every non-empty route, and of the empty ones only the first
 * of each vehicle type (identical empty vehicles give identical insertions).
 */
export function candidateRoutes(sol: Solution, out: number[]): number[] {
  out.length = 0;
  const inst = sol.inst;
  const seenType = typeStamp(inst.vehicleCount);
  const stamp = ++stampCounter;
  for (let r = 0; r < sol.routes.length; r++) {
    const route = sol.routes[r];
    if (route.jobCount > 0) out.push(r);
    else {
      const type = inst.vType[r];
      if (seenType[type] !== stamp) {
        seenType[type] = stamp;
        out.push(r);
      }
    }
  }
  return out;
}

let stampCounter = 0;
let stamps = new Int32Array(0);

function typeStamp(types: number): Int32Array {
  if (stamps.length < types) stamps = new Int32Array(types);
  return stamps;
}
