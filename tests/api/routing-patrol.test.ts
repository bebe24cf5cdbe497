import { beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, parsedRows } from '../../db/queries/queryable.js';
import type { PatrolOptions, PatrolPlan, RoutingJob } from '../../server/contract/index.js';
import { testDatabase } from '../support/db.js';
import { getJson, loginCookie, sendJson, testApp, type TestApp } from '../support/api.js';

const date = '2026-11-02'; // a Monday
let app: TestApp;
let leader: string;
let admin: string;
let wall: string;

beforeAll(async () => {
  app = await testApp();
  leader = await loginCookie(app, 'putuo_leader');
  admin = await loginCookie(app, 'admin');
  wall = await loginCookie(app, 'wall');
});

const putuoPlan = (overrides: Record<string, unknown> = {}) => ({
  district: '310107',
  date,
  shift: { kind: 'weekday_evening' },
  teams: 2,
  base: { office: 'education' },
  targets: { topInstitutions: 6 },
  timeLimit: 0.5,
  ...overrides,
});

describe('patrol planning (巡查路线规划)', () => {
  test('options list the district offices, certified officers and ranked targets', async () => {
    const { status, body } = await getJson(app, `/api/routing/patrol-options?district=310107&date=${date}`, leader);
    expect(status).toBe(200);
    const options = body as PatrolOptions;
    expect(options.district.code).toBe('310107');
    expect(options.bases[0].id).toBe('education');
    expect(options.officers.certified).toBeLessThanOrEqual(options.officers.total);
    const priorities = options.institutions.map((i) => i.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect((await getJson(app, `/api/routing/patrol-options?district=310101&date=${date}`, leader)).status).toBe(403);
  });

  test('the Putuo leader plans for Putuo: teams only of officers certified on the date, stops with names and ETAs', async () => {
    const { status, body } = await sendJson(app, 'POST', '/api/routing/patrol-plan', putuoPlan(), leader);
    expect(status).toBe(200);
    const plan = body as PatrolPlan;
    const database = await testDatabase();
    const officers = await parsedRows(database, z.object({ id: col.int, valid: z.boolean() }), sql`
      SELECT id, certificate_expires_on >= ${date}::date AS valid FROM officers WHERE district_code = '310107'`);
    const valid = new Set(officers.filter((o) => o.valid).map((o) => o.id));
    const expired = officers.filter((o) => !o.valid).map((o) => o.id);
    const members = plan.teams.flatMap((t) => t.members.map((m) => m.id));
    expect(members.length).toBeGreaterThan(0);
    for (const id of members) expect(valid.has(id)).toBe(true);
    expect(plan.excludedOfficers.map((o) => o.id).sort()).toEqual(expired.sort());
    for (const team of plan.teams) {
      expect(team.members.some((m) => m.departmentCode === 'education')).toBe(true);
      expect(team.members.length).toBeGreaterThanOrEqual(2);
    }
    // Every target is either on a route or listed as unassigned with a reason.
    expect(plan.assignedStops + plan.unassigned.length).toBe(6);
    const stops = plan.teams.flatMap((t) => t.stops);
    for (const stop of stops) {
      expect(stop.name.length).toBeGreaterThan(0);
      expect(stop.eta >= '18:00' && stop.eta <= '21:00').toBe(true);
    }
    for (const team of plan.teams) expect(team.returnEta <= '21:00').toBe(true);
    // Putuo is outside the demo road network: the plan says the routes are estimates.
    expect(plan.approximate).toBe(true);
    // The problem comes back for the CLI, and the solution matches the summary.
    const vehicles = (plan.problem as { vehicles: { skills: number[] }[] }).vehicles;
    expect(vehicles.length).toBeGreaterThanOrEqual(Math.max(1, plan.teams.length));
    expect(plan.solution.routes.reduce((n, r) => n + r.steps.filter((s) => s.type === 'job').length, 0)).toBe(plan.assignedStops);
  });

  test('another district is refused for a district account (403); the wall may not plan (403)', async () => {
    const other = await sendJson(app, 'POST', '/api/routing/patrol-plan', putuoPlan({ district: '310101' }), leader);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain('310107');
    expect((await sendJson(app, 'POST', '/api/routing/patrol-plan', putuoPlan(), wall)).status).toBe(403);
  });

  test('a weekday shift on a Saturday and unknown ids are refused with the reason', async () => {
    const saturday = await sendJson(app, 'POST', '/api/routing/patrol-plan', putuoPlan({ date: '2026-11-07' }), leader);
    expect(saturday.status).toBe(422);
    expect(saturday.body.error.message).toContain('weekday_evening does not fit 2026-11-07');
    const foreign = await sendJson(app, 'POST', '/api/routing/patrol-plan', putuoPlan({ targets: { institutionIds: [999999] } }), leader);
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.message).toContain('institution 999999 is not a patrol candidate');
  });

  test('any grid cell of the district is an area-patrol target, one without recent clues too; another district\'s cell is refused', async () => {
    const database = await testDatabase();
    const quiet = await parsedRows(database, z.object({ id: col.int }), sql`
      SELECT g.id FROM grid_cells g
      WHERE g.district_code = '310107'
        AND NOT EXISTS (SELECT 1 FROM clues c WHERE c.grid_cell_id = g.id AND c.reported_at >= ${date}::date - 91)
      ORDER BY g.id LIMIT 2`);
    expect(quiet).toHaveLength(2);
    const options = (await getJson(app, `/api/routing/patrol-options?district=310107&date=${date}`, leader)).body as PatrolOptions;
    // Offered unasked are only the cells with recent clues.
    expect(options.gridCells.every((c) => c.recentClueCount > 0)).toBe(true);
    const ids = quiet.map((q) => q.id);
    const { status, body } = await sendJson(app, 'POST', '/api/routing/patrol-plan', putuoPlan({ targets: { gridCellIds: ids } }), leader);
    expect(status).toBe(200);
    const plan = body as PatrolPlan;
    const planned = [...plan.teams.flatMap((t) => t.stops), ...plan.unassigned].map((s) => `${s.kind}:${s.refId}`).sort();
    expect(planned).toEqual(ids.map((id) => `gridCell:${id}`).sort());
    for (const stop of plan.teams.flatMap((t) => t.stops)) expect(stop.checks).toContain('area_patrol');
    const [foreign] = await parsedRows(database, z.object({ id: col.int }), sql`SELECT id FROM grid_cells WHERE district_code = '310101' LIMIT 1`);
    const refused = await sendJson(app, 'POST', '/api/routing/patrol-plan', putuoPlan({ targets: { gridCellIds: [foreign.id] } }), leader);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toContain(`grid cell ${foreign.id} is not a patrol candidate`);
  });

  test('a city-wide planner runs the plan as a job, with the same result shape, and it is audit-logged', async () => {
    const started = await sendJson(app, 'POST', '/api/routing/patrol-plan/jobs', putuoPlan({ targets: { topInstitutions: 3, random: { count: 2, seed: 42 } } }), admin);
    expect(started.status).toBe(202);
    let job: RoutingJob = started.body;
    for (let i = 0; i < 200 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await getJson(app, `/api/routing/jobs/${job.id}`, admin)).body;
    }
    expect(job.status).toBe('done');
    const plan = job.result as PatrolPlan;
    expect(plan.draw?.seed).toBe(42);
    expect(plan.draw?.institutionIds).toHaveLength(2);
    expect(plan.assignedStops + plan.unassigned.length).toBe(5);
    const audit = await getJson(app, '/api/audit?entity=patrol_plan&limit=5', admin);
    expect(audit.status).toBe(200);
    expect(audit.body.entries[0].action).toBe('patrol.plan');
    expect(audit.body.entries[0].actor).toBe('admin');
  });
});
