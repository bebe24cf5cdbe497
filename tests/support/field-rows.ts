// Check-ins and arrivals written straight into their tables, as the phone page's API would store them, so that the
// board's tests do not depend on that API; and a small planned campaign to record them against.
import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { CampaignPlan, CampaignPlanTeam } from '../../server/contract/campaign-plans.js';
import type { CheckInResult } from '../../server/domain/vocabulary.js';
import { getJson, sendJson, type TestApp } from './api.js';

/** A one-day campaign of Putuo and Jing'an, planned with the real planner (quickly). */
export async function plannedCampaign(app: TestApp, cookie: string, name = '行动看板测试'): Promise<{ campaignId: number; plan: CampaignPlan }> {
  const created = await sendJson(
    app,
    'POST',
    '/api/campaigns',
    {
      name,
      type: 'winter_vacation',
      startsOn: '2027-01-23',
      endsOn: '2027-01-23',
      districts: ['310107', '310106'],
      focus: { suspectedTypes: [], checkItems: ['unlicensed', 'safety'] },
      goals: { drawPercent: 20, hotCellVisits: 1, hotCellConfidence: 95 },
    },
    cookie,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const campaignId = created.body.id as number;
  const started = await sendJson(app, 'POST', `/api/campaigns/${campaignId}/plan/jobs`, { version: created.body.version, settings: { routeTimeLimit: 0.05, seed: '看板', teamsPerDistrictShift: 1, recentCampaigns: 0 } }, cookie);
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  for (let i = 0; i < 1200; i++) {
    const { body } = await getJson(app, `/api/campaigns/${campaignId}/plan/jobs/${started.body.id}`, cookie);
    if (body.status === 'done') return { campaignId, plan: body.result as CampaignPlan };
    if (body.status === 'failed' || body.status === 'cancelled') throw new Error(`planning job ${body.status}: ${JSON.stringify(body.error)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('planning job did not finish');
}

async function someUserId(q: Database): Promise<number> {
  const [row] = await q.rows(sql`SELECT id FROM users ORDER BY id LIMIT 1`);
  return Number(row.id);
}

async function otherOfficer(q: Database, not: number): Promise<number> {
  const [row] = await q.rows(sql`SELECT id FROM officers WHERE id <> ${not} ORDER BY id LIMIT 1`);
  return Number(row.id);
}

export async function insertCheckIn(
  q: Database,
  c: { campaignId: number; team: CampaignPlanTeam; targetKey: string; result: CheckInResult; cosigned: boolean; far: boolean; at: string; position: [number, number] | null },
): Promise<number> {
  const recorder = c.team.members.find((m) => m.lead)?.officerId ?? c.team.members[0].officerId;
  const cosigner = c.team.members.find((m) => m.officerId !== recorder)?.officerId ?? (await otherOfficer(q, recorder));
  const point = c.position ? sql`ST_SetSRID(ST_MakePoint(${c.position[0]}, ${c.position[1]}), 4326)` : sql`NULL`;
  const [row] = await q.rows(sql`
    INSERT INTO check_ins (idempotency_key, request_hash, campaign_id, campaign_version, team_id, target_key, district_code, result, findings,
                           notes, position, position_accuracy_metres, distance_metres, far_from_target, checked_at, received_at,
                           recorded_by_officer, recorded_by_user, cosigned_by_officer, cosigned_at)
    VALUES (gen_random_uuid(), 'test', ${c.campaignId}, 1, ${c.team.id}, ${c.targetKey}, ${c.team.districtCode}, ${c.result}::check_in_result, '[]'::jsonb,
            '', ${point}, 10, ${c.far ? 350 : 20}, ${c.far}, ${c.at}::timestamptz, ${c.at}::timestamptz,
            ${recorder}, ${await someUserId(q)}, ${c.cosigned ? cosigner : null}, ${c.cosigned ? c.at : null}::timestamptz)
    RETURNING id`);
  return Number(row.id);
}

export async function insertArrival(q: Database, a: { campaignId: number; team: CampaignPlanTeam; targetKey: string; at: string; position: [number, number] | null }): Promise<number> {
  const officer = a.team.members.find((m) => m.lead)?.officerId ?? a.team.members[0].officerId;
  const point = a.position ? sql`ST_SetSRID(ST_MakePoint(${a.position[0]}, ${a.position[1]}), 4326)` : sql`NULL`;
  const [row] = await q.rows(sql`
    INSERT INTO stop_arrivals (idempotency_key, request_hash, campaign_id, team_id, target_key, district_code, officer_id, arrived_at, received_at, position, distance_metres)
    VALUES (gen_random_uuid(), 'test', ${a.campaignId}, ${a.team.id}, ${a.targetKey}, ${a.team.districtCode}, ${officer}, ${a.at}::timestamptz, ${a.at}::timestamptz, ${point}, 15)
    RETURNING id`);
  return Number(row.id);
}
