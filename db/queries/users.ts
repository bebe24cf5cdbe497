import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { userRoles, type UserRole } from '../../server/domain/vocabulary.js';
import { col, instant, parsedRows, type Queryable } from './queryable.js';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  districtCode: string | null;
  districtName: string | null;
  /** The registry officer a field account (执法队员) belongs to; null for every other role. */
  officerId: number | null;
}

export interface LoginUserRow extends UserRow {
  passwordHash: string;
}

const userColumns = sql`u.id, u.username, u.display_name AS "displayName", u.role, u.district_code AS "districtCode",
  (SELECT d.name FROM districts d WHERE d.code = u.district_code) AS "districtName", u.officer_id AS "officerId"`;

const userRow = z.object({
  id: col.int,
  username: z.string(),
  displayName: z.string(),
  role: z.enum(userRoles),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  officerId: col.int.nullable(),
});

export async function userForLogin(q: Queryable, username: string): Promise<LoginUserRow | null> {
  const [row] = await parsedRows(q, userRow.extend({ passwordHash: z.string() }), sql`
    SELECT ${userColumns}, u.password_hash AS "passwordHash" FROM users u WHERE u.username = ${username}`);
  return row ?? null;
}

export async function createSession(q: Queryable, p: { tokenHash: string; userId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  await q.rows(sql`
    INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at)
    VALUES (${p.tokenHash}, ${p.userId}, ${instant(p.createdAt)}, ${instant(p.expiresAt)}, ${instant(p.createdAt)})`);
}

export interface SessionRow {
  user: UserRow;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** The user of a session that has neither expired nor been idle since `idleSince`, or null. */
export async function sessionUser(q: Queryable, p: { tokenHash: string; now: Date; idleSince: Date }): Promise<SessionRow | null> {
  const [row] = await parsedRows(q, userRow.extend({ expiresAt: col.timestamp, lastSeenAt: col.timestamp }), sql`
    SELECT ${userColumns}, s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt" FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ${p.tokenHash} AND s.expires_at > ${instant(p.now)} AND s.last_seen_at > ${instant(p.idleSince)}`);
  if (!row) return null;
  const { expiresAt, lastSeenAt, ...user } = row;
  return { user, expiresAt, lastSeenAt };
}

/** Records a request on the session (the idle timeout restarts). */
export async function touchSession(q: Queryable, p: { tokenHash: string; at: Date }): Promise<void> {
  await q.rows(sql`UPDATE sessions SET last_seen_at = ${instant(p.at)} WHERE token_hash = ${p.tokenHash} AND last_seen_at < ${instant(p.at)}`);
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.rows(sql`DELETE FROM sessions WHERE token_hash = ${tokenHash}`);
}

export async function deleteEndedSessions(q: Queryable, p: { now: Date; idleSince: Date }): Promise<void> {
  await q.rows(sql`DELETE FROM sessions WHERE expires_at <= ${instant(p.now)} OR last_seen_at <= ${instant(p.idleSince)}`);
}
