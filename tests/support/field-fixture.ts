import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/queries/queryable.js';
import { hashPassword } from '../../server/auth/password.js';
import { testPassword } from './db.js';

// Rows the phone page's tests need before the field routes write any: field accounts for registry officers, and
// check-ins written as plain rows (what the check-in routes would store).

/**
 * A `field` account of `districtCode`: the seed's first one for the district when the seed made them (one per
 * registry officer, password as the other test users), else one created for an officer without an account.
 */
export async function fieldUserOf(q: Queryable, districtCode: string, username: string): Promise<{ userId: number; officerId: number; username: string }> {
  const [seeded] = await q.rows(sql`
    SELECT u.id, u.officer_id, u.username FROM users u
    WHERE u.role = 'field' AND u.district_code = ${districtCode} ORDER BY u.id LIMIT 1`);
  if (seeded) return { userId: Number(seeded.id), officerId: Number(seeded.officer_id), username: String(seeded.username) };
  const [officer] = await q.rows(sql`
    SELECT o.id FROM officers o
    WHERE o.district_code = ${districtCode} AND NOT EXISTS (SELECT 1 FROM users u WHERE u.officer_id = o.id)
    ORDER BY o.id LIMIT 1`);
  if (!officer) throw new Error(`no officer without an account in ${districtCode}`);
  const officerId = Number(officer.id);
  const [user] = await q.rows(sql`
    INSERT INTO users (username, display_name, password_hash, role, district_code, officer_id)
    VALUES (${username}, ${username}, ${await hashPassword(testPassword)}, 'field', ${districtCode}, ${officerId})
    RETURNING id`);
  return { userId: Number(user.id), officerId, username };
}

/** A district-scoped account of another role (e.g. a second district's 区分管领导). */
export async function createUser(q: Queryable, username: string, role: 'leader' | 'planner', districtCode: string | null): Promise<number> {
  const [user] = await q.rows(sql`
    INSERT INTO users (username, display_name, password_hash, role, district_code)
    VALUES (${username}, ${username}, ${await hashPassword(testPassword)}, ${role}, ${districtCode})
    RETURNING id`);
  return Number(user.id);
}

/** A check-in row at a made-up stop of a new campaign in `districtCode`, with `photos` attached in order. */
export async function insertCheckIn(
  q: Queryable,
  p: { districtCode: string; officerId: number; userId: number; photos: string[]; at: Date },
): Promise<number> {
  const at = p.at.toISOString();
  const [campaign] = await q.rows(sql`
    INSERT INTO campaigns (districts, created_by, created_at, updated_at)
    VALUES (ARRAY[${p.districtCode}]::text[], ${p.userId}, ${at}::timestamptz, ${at}::timestamptz) RETURNING id`);
  const [checkIn] = await q.rows(sql`
    INSERT INTO check_ins (idempotency_key, request_hash, campaign_id, campaign_version, team_id, target_key, district_code, result,
                           findings, far_from_target, checked_at, received_at, recorded_by_officer, recorded_by_user)
    VALUES (gen_random_uuid(), 'fixture', ${campaign.id}, 1, ${`${p.districtCode}/2026-11-01/am#1`}, 'institution:1', ${p.districtCode}, 'compliant',
            '[]'::jsonb, true, ${at}::timestamptz, ${at}::timestamptz, ${p.officerId}, ${p.userId})
    RETURNING id`);
  for (const [position, sha256] of p.photos.entries())
    await q.rows(sql`INSERT INTO check_in_photos (check_in_id, photo_sha256, position) VALUES (${checkIn.id}, ${sha256}, ${position})`);
  return Number(checkIn.id);
}

export async function deleteCheckIn(q: Queryable, id: number): Promise<void> {
  await q.rows(sql`DELETE FROM check_ins WHERE id = ${id}`);
}
