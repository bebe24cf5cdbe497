import type { Coordinate, VrpJob, VrpProblem, VrpVehicle } from '../../../server/routing/problem/schema.js';
import { createStraightLineProvider } from '../../../server/routing/network/travel-costs.js';
import { createRandom } from '../../../server/domain/random.js';

export interface PatrolShape {
  districts: number;
  stops: number;
  teams: number;
}

export const CITY_PATROL: PatrolShape = { districts: 16, stops: 2000, teams: 120 };

const SKILL_FIRE = 1;
const SKILL_MARKET = 2;
const DISTRICT_SKILL_BASE = 100;
const hour = (h: number) => Math.round(h * 3600);

/**
 * A synthetic day of joint patrols in a city of `districts` districts on a square grid of
 * 6 km cells: each district has a base and its own teams (the district is a skill, so teams
 * stay in their district), institutions cluster around a few hotspots, some open only in the
 * evening or at weekend hours, some need a fire officer or market regulator on the team, and
 * clue-driven stops carry a high priority. Day and evening shifts each have a meal break.
 * Matrices are great-circle at 30 km/h.
 */
export function patrolProblem(shape: PatrolShape, seed: number): VrpProblem {
  const rng = createRandom(seed);
  const side = Math.ceil(Math.sqrt(shape.districts));
  const cellDeg = 6000 / 111_000;
  const origin: Coordinate = [121.3, 31.1];
  const locations: Coordinate[] = [];
  const bases: number[] = [];
  const hotspots: Coordinate[][] = [];
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  for (let d = 0; d < shape.districts; d++) {
    const cx = origin[0] + ((d % side) + 0.5) * cellDeg * 1.17;
    const cy = origin[1] + (Math.floor(d / side) + 0.5) * cellDeg;
    bases.push(locations.length);
    locations.push([cx, cy]);
    hotspots.push(Array.from({ length: 4 }, () => [cx + (rng.next() - 0.5) * cellDeg, cy + (rng.next() - 0.5) * cellDeg * 0.8] as Coordinate));
  }
  const jobs: VrpJob[] = [];
  for (let k = 0; k < shape.stops; k++) {
    const d = k % shape.districts;
    const h = hotspots[d][rng.int(4)];
    const loc: Coordinate = [h[0] + gauss() * cellDeg * 0.12, h[1] + gauss() * cellDeg * 0.1];
    const index = locations.length;
    locations.push(loc);
    const kind = rng.next();
    const time_windows: [number, number][] | undefined =
      kind < 0.25 ? [[hour(17), hour(21)]] : kind < 0.4 ? [[hour(9), hour(12)], [hour(14), hour(17)]] : undefined;
    const skills = [DISTRICT_SKILL_BASE + d];
    const need = rng.next();
    if (need < 0.15) skills.push(SKILL_FIRE);
    else if (need < 0.25) skills.push(SKILL_MARKET);
    const clue = rng.next() < 0.2;
    jobs.push({
      id: k + 1,
      location: loc,
      location_index: index,
      service: 60 * (8 + rng.int(13)),
      skills,
      priority: clue ? 50 + rng.int(51) : rng.int(11),
      ...(time_windows ? { time_windows } : {}),
    });
  }
  const vehicles: VrpVehicle[] = [];
  for (let t = 0; t < shape.teams; t++) {
    const d = t % shape.districts;
    const evening = Math.floor(t / shape.districts) % 2 === 1;
    const skills = [DISTRICT_SKILL_BASE + d];
    if (t % 5 < 2) skills.push(SKILL_FIRE);
    if (t % 5 >= 2 && t % 5 < 4) skills.push(SKILL_MARKET);
    vehicles.push({
      id: t + 1,
      description: `district ${d + 1} team ${Math.floor(t / shape.districts) + 1}`,
      start: locations[bases[d]],
      start_index: bases[d],
      end: locations[bases[d]],
      end_index: bases[d],
      skills,
      time_window: evening ? [hour(14.5), hour(21.5)] : [hour(8.5), hour(16.5)],
      breaks: [
        evening
          ? { id: 1, time_windows: [[hour(17.5), hour(19)]], service: 1800 }
          : { id: 1, time_windows: [[hour(11.5), hour(13)]], service: 2700 },
      ],
      max_tasks: 24,
    });
  }
  const { durations, distances } = createStraightLineProvider()(locations, 'car');
  const roundMatrix = (m: number[][]) => m.map((row) => row.map((x) => Math.round(x)));
  return { vehicles, jobs, matrices: { car: { durations: roundMatrix(durations), distances: roundMatrix(distances) } } };
}
