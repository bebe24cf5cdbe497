import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/queries/queryable.js';
import { hashPassword } from '../../server/auth/password.js';
import { testAsOf, testPassword } from './db.js';

// Rows the phone page's tests need before the field routes write any: field accounts for registry officers, and
// check-ins written as plain rows (what the check-in routes would store).

/**
 * A `field` account under `username` for an officer of `districtCode`. The demo seed gives every registry officer one
 * (named by the certificate's digits): the account of an officer whose certificate has lapsed is renamed — such an
 * officer is in no plan, so the files sharing the test database cannot step on each other's teams. A database built
 * by hand gets a new account for an officer without one. Answers the user's and officer's ids.
 */
export async function createFieldUser(q: Queryable, username: string, districtCode: string): Promise<{ userId: number; officerId: number }> {
  const hash = await hashPassword(testPassword);
  const [renamed] = await q.rows(sql`
    UPDATE users SET username = ${username}, password_hash = ${hash}
    WHERE id = (SELECT u.id FROM users u JOIN officers o ON o.id = u.officer_id
                WHERE o.district_code = ${districtCode} AND u.username ~ '^[0-9]+$' AND o.certificate_expires_on < ${testAsOf.toISOString().slice(0, 10)}::date
                ORDER BY o.id DESC LIMIT 1)
    RETURNING id, officer_id`);
  if (renamed) return { userId: Number(renamed.id), officerId: Number(renamed.officer_id) };
  const [created] = await q.rows(sql`
    INSERT INTO users (username, display_name, password_hash, role, district_code, officer_id)
    SELECT ${username}, ${username}, ${hash}, 'field', o.district_code, o.id
    FROM officers o
    WHERE o.district_code = ${districtCode} AND NOT EXISTS (SELECT 1 FROM users u WHERE u.officer_id = o.id)
    ORDER BY o.id LIMIT 1
    RETURNING id, officer_id`);
  if (!created) throw new Error(`no officer of ${districtCode} is left for a field account`);
  return { userId: Number(created.id), officerId: Number(created.officer_id) };
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
