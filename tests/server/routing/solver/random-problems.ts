import type { VrpProblem } from '../../../../server/routing/problem/schema.js';
import { createRandom } from '../../../../server/domain/random.js';

export interface RandomShape {
  jobs: number;
  vehicles: number;
  places?: number;
  timeWindows?: boolean;
  capacity?: boolean;
  skills?: boolean;
  priorities?: boolean;
  maxTasks?: boolean;
  breaks?: boolean;
  shift?: number;
}

/** A random problem on a grid with Manhattan-ish integer matrices; every feature optional. */
export function randomProblem(seed: number, shape: RandomShape): VrpProblem {
  const rng = createRandom(seed);
  const places = shape.places ?? shape.jobs + 2;
  const pts = Array.from({ length: places }, () => [rng.int(100), rng.int(100)]);
  const durations = pts.map((a) => pts.map((b) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + (a === b ? 0 : 1)));
  const distances = durations.map((row) => row.map((d) => d * 10));
  const shift = shape.shift ?? 1000;
  const vehicles = Array.from({ length: shape.vehicles }, (_, v) => ({
    id: v + 1,
    start_index: v % 2,
    end_index: v % 2,
    time_window: [0, shift] as [number, number],
    ...(shape.capacity ? { capacity: [4 + rng.int(4)] } : {}),
    ...(shape.skills ? { skills: v % 2 === 0 ? [1] : [1, 2] } : {}),
    ...(shape.maxTasks ? { max_tasks: 2 + rng.int(4) } : {}),
    ...(shape.breaks ? { breaks: [{ id: 1, time_windows: [[shift * 0.3, shift * 0.5]] as [number, number][], service: 30 }] } : {}),
  }));
  const jobs = Array.from({ length: shape.jobs }, (_, k) => {
    const open = rng.int(Math.max(1, shift - 200));
    return {
      id: 100 + k,
      location_index: 2 + (k % (places - 2)),
      service: 5 + rng.int(20),
      ...(shape.capacity ? { delivery: [1 + rng.int(3)] } : {}),
      ...(shape.capacity && rng.next() < 0.3 ? { pickup: [1 + rng.int(2)] } : {}),
      ...(shape.skills && rng.next() < 0.3 ? { skills: [2] } : {}),
      ...(shape.priorities ? { priority: rng.int(101) } : {}),
      ...(shape.timeWindows && rng.next() < 0.7 ? { time_windows: [[open, open + 50 + rng.int(200)]] as [number, number][] } : {}),
    };
  });
  return { vehicles, jobs, matrices: { car: { durations, distances } } };
}
