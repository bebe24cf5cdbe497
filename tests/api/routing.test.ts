import { beforeAll, describe, expect, test } from 'vitest';
import { loadRoadNetwork, roadNetworkCounts } from '../../db/queries/roads.js';
import { importDemoRoadNetwork } from '../../db/seed/osm/index.js';
import { computeTravelCosts, prepareRoadNetwork } from '../../server/routing/network/index.js';
import { type LonLat } from '../../server/domain/geodesy.js';
import { checkSolution } from '../../server/routing/solver/check.js';
import type { VrpProblem } from '../../server/routing/problem/schema.js';
import type { RoutingJob, RoutingResult } from '../../server/contract/index.js';
import { testDatabase } from '../support/db.js';
import { loginCookie, sendJson, testApp, getJson, type TestApp } from '../support/api.js';

// Around People's Square (人民广场), inside the demo road network; and three points in Putuo, outside it.
const square: LonLat[] = [
  [121.4737, 31.2304],
  [121.48, 31.235],
  [121.468, 31.225],
  [121.475, 31.238],
  [121.4705, 31.2335],
  [121.4825, 31.2265],
];
const putuo: LonLat[] = [
  [121.3972, 31.2495],
  [121.41, 31.255],
  [121.385, 31.242],
];

/** Two teams on an evening shift (18:00–21:00 in seconds after midnight), one job with a narrow window. */
function squareProblem(): VrpProblem {
  return {
    vehicles: [1, 2].map((id) => ({ id, start: square[0], end: square[0], time_window: [64800, 75600] as [number, number], max_tasks: 4 })),
    jobs: square.slice(1).map((location, i) => ({
      id: i + 1,
      location,
      service: 900,
      ...(i === 2 ? { time_windows: [[66600, 67200]] as [number, number][] } : {}),
    })),
    options: { g: true },
  };
}

let app: TestApp;
let planner: string;
let wall: string;
let putuoLeader: string;

beforeAll(async () => {
  const database = await testDatabase();
  // The seed leaves the road tables to the importer; the demo network is what a deployment imports first.
  if ((await roadNetworkCounts(database)).edges === 0) await importDemoRoadNetwork(database);
  app = await testApp();
  planner = await loginCookie(app, 'planner');
  wall = await loginCookie(app, 'wall');
  putuoLeader = await loginCookie(app, 'putuo_leader');
});

async function networkCosts(locations: LonLat[], departureHour?: number) {
  const network = prepareRoadNetwork(await loadRoadNetwork(await testDatabase()));
  return computeTravelCosts(network, locations, departureHour === undefined ? {} : { departureHour });
}

function locationIndexOf(locations: LonLat[]) {
  return (c: [number, number]) => {
    const i = locations.findIndex((l) => l[0] === c[0] && l[1] === c[1]);
    if (i < 0) throw new Error(`unknown location ${c.join(',')}`);
    return i;
  };
}

describe('POST /api/routing/optimize', () => {
  test('solves on the roads: every job served, time windows and shifts kept, per the independent checker', async () => {
    const problem = squareProblem();
    const { status, body } = await sendJson(app, 'POST', '/api/routing/optimize?timeLimit=1&seed=7&departureHour=18', problem, planner);
    expect(status).toBe(200);
    const result = body as RoutingResult;
    expect(result.solution.unassigned).toEqual([]);
    expect(result.roadNetwork?.edges).toBeGreaterThan(1000);
    const costs = await networkCosts(square, 18);
    const errors = checkSolution(problem, result.solution, { car: costs }, locationIndexOf(square));
    expect(errors).toEqual([]);
    const narrow = result.solution.routes.flatMap((r) => r.steps).find((s) => s.type === 'job' && s.id === 3)!;
    expect(narrow.arrival + narrow.waiting_time).toBeGreaterThanOrEqual(66600);
    expect(narrow.arrival + narrow.waiting_time).toBeLessThanOrEqual(67200);
    // Road geometry: many vertices, not the straight segments between stops; times for playback rise.
    expect(result.approximate).toBe(costs.approximate);
    for (const route of result.solution.routes) {
      const line = route.geometry as { type: 'LineString'; coordinates: [number, number][] };
      expect(line.coordinates.length).toBeGreaterThan(route.steps.length + 5);
      expect(route.timestamps).toHaveLength(line.coordinates.length);
      for (let i = 1; i < route.timestamps.length; i++) expect(route.timestamps[i]).toBeGreaterThanOrEqual(route.timestamps[i - 1] - 1e-6);
      expect(route.timestamps[0]).toBeCloseTo(route.steps[0].arrival, 6);
      expect(route.timestamps.at(-1)).toBeCloseTo(route.steps.at(-1)!.arrival, 6);
    }
  });

  test('stops outside the road network get straight-line estimates, flagged approximate', async () => {
    const problem: VrpProblem = {
      vehicles: [{ id: 1, start: putuo[0], end: putuo[0] }],
      jobs: putuo.slice(1).map((location, i) => ({ id: i + 1, location, service: 600 })),
      options: { g: true },
    };
    const { status, body } = await sendJson(app, 'POST', '/api/routing/optimize?timeLimit=0.5', problem, planner);
    expect(status).toBe(200);
    expect(body.approximate).toBe(true);
    const [route] = body.solution.routes;
    expect(route.approximate).toBe(true);
    // Straight legs: the line is the stops in visiting order (each stop twice, on arrival and on departure, for playback).
    const line = (route.geometry.coordinates as LonLat[]).filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
    expect(line).toEqual(route.steps.map((s: { location: LonLat }) => s.location));
  });

  test('an unusable problem is a 422 naming the field; a malformed query a 400', async () => {
    const badIndex = { vehicles: [{ id: 1, start_index: 0 }], jobs: [{ id: 1, location_index: 3 }], matrices: { car: { durations: [[0, 5], [5, 0]] } } };
    const a = await sendJson(app, 'POST', '/api/routing/optimize', badIndex, planner);
    expect(a.status).toBe(422);
    expect(a.body.error.code).toBe('unprocessable');
    expect(a.body.error.message).toContain('jobs[0].location_index: unknown index 3');
    expect(a.body.error.details.issues[0].path).toBe('jobs[0].location_index');
    const negative = { vehicles: [{ id: 1, start: square[0] }], jobs: [{ id: 1, location: square[1], service: -5 }] };
    const b = await sendJson(app, 'POST', '/api/routing/optimize', negative, planner);
    expect(b.status).toBe(422);
    expect(b.body.error.message).toContain('jobs[0].service');
    const c = await sendJson(app, 'POST', '/api/routing/optimize?timeLimit=99', squareProblem(), planner);
    expect(c.status).toBe(400);
    expect(c.body.error.message).toContain('timeLimit');
  });

  test('needs a session (401) and refuses the read-only wall account (403)', async () => {
    expect((await sendJson(app, 'POST', '/api/routing/optimize', squareProblem())).status).toBe(401);
    const refused = await sendJson(app, 'POST', '/api/routing/optimize', squareProblem(), wall);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('wall');
  });
});

describe('routing jobs', () => {
  test('a job reports progress up to 100 % and then holds the solution', async () => {
    const started = await sendJson(app, 'POST', '/api/routing/jobs?timeLimit=1&seed=3', squareProblem(), planner);
    expect(started.status).toBe(202);
    const id = (started.body as RoutingJob).id;
    const seen: number[] = [];
    let job: RoutingJob = started.body;
    for (let i = 0; i < 200 && !['done', 'failed', 'cancelled'].includes(job.status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await getJson(app, `/api/routing/jobs/${id}`, planner)).body;
      seen.push(job.progress);
    }
    expect(job.status).toBe('done');
    expect(job.progress).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    const result = job.result as RoutingResult;
    expect(result.solution.unassigned).toEqual([]);
    expect(result.solution.routes.flatMap((r) => r.steps).filter((s) => s.type === 'job')).toHaveLength(5);
    // Only its owner sees a job.
    expect((await getJson(app, `/api/routing/jobs/${id}`, putuoLeader)).status).toBe(404);
  });

  test('the event stream sends progress and ends with the finished job', async () => {
    const started = await sendJson(app, 'POST', '/api/routing/jobs?timeLimit=1', squareProblem(), planner);
    const response = await app.request(`/api/routing/jobs/${started.body.id}/events`, { headers: { Cookie: planner } });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\n/g)].map((m) => ({ event: m[1], data: JSON.parse(m[2]) as RoutingJob }));
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.slice(0, -1).every((e) => e.event === 'progress' && e.data.result === null)).toBe(true);
    const end = events.at(-1)!;
    expect(end.event).toBe('end');
    expect(end.data.status).toBe('done');
    expect(end.data.progress).toBe(1);
  });

  test('a running job can be cancelled', async () => {
    const started = await sendJson(app, 'POST', '/api/routing/jobs?timeLimit=30', squareProblem(), planner);
    const cancelled = await sendJson(app, 'DELETE', `/api/routing/jobs/${started.body.id}`, undefined, planner);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await getJson(app, `/api/routing/jobs/${started.body.id}`, planner)).body.status).toBe('cancelled');
  });
});
