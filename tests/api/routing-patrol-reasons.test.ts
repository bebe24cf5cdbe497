import { beforeAll, describe, expect, test } from 'vitest';
import type { PatrolPlan } from '../../server/contract/index.js';
import { loginCookie, sendJson, testApp, type TestApp } from '../support/api.js';

// The two plans a new user met with misleading reasons ("班次时间不足" for everything), on the test data's shape:
// Huangpu with more teams asked for than have a fire officer, and Jing'an on a weekend with more targets than stops.
let app: TestApp;
let planner: string;

beforeAll(async () => {
  app = await testApp();
  planner = await loginCookie(app, 'planner');
});

async function plan(body: Record<string, unknown>): Promise<PatrolPlan> {
  const { status, body: result } = await sendJson(app, 'POST', '/api/routing/patrol-plan', { base: { office: 'education' }, timeLimit: 1, seed: 1, ...body }, planner);
  expect(status).toBe(200);
  return result as PatrolPlan;
}

describe('patrol plans say why targets are left out and teams stay idle', () => {
  test('黄浦, 3 teams, fire-safety checks everywhere: the one team with a fire officer is full, the others have no job they may take', async () => {
    const p = await plan({ district: '310101', date: '2026-11-02', shift: { kind: 'weekday_evening' }, teams: 3, targets: { topInstitutions: 11 }, fireSafety: 'all' });
    const vehicles = (p.problem as { vehicles: { id: number; skills: number[] }[] }).vehicles;
    const withFire = vehicles.filter((v) => v.skills.includes(2));
    expect(withFire).toHaveLength(1);
    expect(p.teams.map((t) => t.teamId)).toEqual([withFire[0].id]);
    expect(p.unassigned.length).toBeGreaterThan(0);
    for (const u of p.unassigned) {
      // Not "no room": the shift is full only on the one team that may take it, and more fire officers would help.
      expect(u.reason).toBe('skills');
      expect(u.details).toEqual({ vehicles: vehicles.length, skilled: 1, suitable: 1 });
      expect(u.message).toContain(`only 1 of ${vehicles.length} vehicles has the skills`);
    }
    const idle = vehicles.filter((v) => v.id !== withFire[0].id).map((v) => v.id);
    expect(p.idleTeams.map((t) => t.teamId)).toEqual(idle);
    for (const t of p.idleTeams) {
      expect(t.reason).toBe('no_compatible_job');
      expect(t.members.length).toBeGreaterThanOrEqual(2);
    }
  });

  test('静安 on a Saturday: targets left out because every team has its 8 stops, long before the shift ends', async () => {
    const p = await plan({ district: '310106', date: '2026-11-07', shift: { kind: 'weekend_day' }, teams: 2, targets: { topInstitutions: 17 } });
    expect(p.unassigned.length).toBeGreaterThan(0);
    for (const t of p.teams) {
      expect(t.stopCount).toBe(8);
      expect(t.returnEta < '17:00').toBe(true);
    }
    for (const u of p.unassigned) {
      expect(u.reason).toBe('max_tasks');
      expect(u.details).toMatchObject({ max_tasks: 8 });
    }
    expect(p.idleTeams).toEqual([]);
  });

  test('a team whose every possible job goes to another team says so', async () => {
    // One target for two teams: one of them serves it.
    const p = await plan({ district: '310106', date: '2026-11-07', shift: { kind: 'weekend_day' }, teams: 2, targets: { topInstitutions: 1 }, fireSafety: 'none' });
    expect(p.teams).toHaveLength(1);
    expect(p.idleTeams).toHaveLength(1);
    expect(p.idleTeams[0]).toMatchObject({ reason: 'served_by_others', details: { jobs: 1, compatible: 1, reachable: 1 } });
  });
});
