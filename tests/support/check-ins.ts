import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/queries/queryable.js';
import { hashPassword } from '../../server/auth/password.js';
import { testPassword } from './db.js';

// Check-ins as the phone page stores them, written straight into the tables: the report and the public list read
// these, whoever wrote them. Keys and times are given, so a fixture is the same at every run.

export interface CheckInFixture {
  campaignId: number;
  campaignVersion?: number;
  teamId: string;
  targetKey: string;
  districtCode: string;
  result: 'compliant' | 'rectify' | 'case' | 'banned' | 'not_open' | 'no_entry';
  findings?: { item: string; finding: 'ok' | 'issue' | 'na' }[];
  notes?: string;
  checkedAt: string;
  recordedByOfficer: number;
  cosignedByOfficer?: number | null;
}

let serial = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;

export async function insertCheckIn(q: Queryable, c: CheckInFixture): Promise<number> {
  const [user] = await q.rows(sql`SELECT id FROM users WHERE username = 'planner'`);
  const cosigned = c.cosignedByOfficer ?? null;
  const [row] = await q.rows(sql`
    INSERT INTO check_ins (idempotency_key, request_hash, campaign_id, campaign_version, team_id, target_key, district_code, result,
                           findings, notes, far_from_target, checked_at, received_at, recorded_by_officer, recorded_by_user,
                           cosigned_by_officer, cosigned_at)
    VALUES (${uuid()}, 'fixture', ${c.campaignId}, ${c.campaignVersion ?? 1}, ${c.teamId}, ${c.targetKey}, ${c.districtCode}, ${c.result},
            ${JSON.stringify(c.findings ?? [])}::jsonb, ${c.notes ?? ''}, false, ${c.checkedAt}::timestamptz, ${c.checkedAt}::timestamptz,
            ${c.recordedByOfficer}, ${user.id}, ${cosigned}, ${cosigned === null ? null : c.checkedAt}::timestamptz)
    RETURNING id`);
  return Number(row.id);
}

/** A district leader of another district than the demo's (普陀), with the test password. */
export async function insertLeader(q: Queryable, username: string, districtCode: string): Promise<void> {
  const hash = await hashPassword(testPassword);
  await q.rows(sql`
    INSERT INTO users (username, display_name, password_hash, role, district_code)
    VALUES (${username}, ${username}, ${hash}, 'leader', ${districtCode})
    ON CONFLICT (username) DO NOTHING`);
}
