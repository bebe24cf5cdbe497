import { sql } from 'drizzle-orm';
import { instant, type Queryable } from './queryable.js';

export interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: 'admin' | 'planner' | 'leader' | 'wall';
  districtCode: string | null;
  districtName: string | null;
}

export interface LoginUserRow extends UserRow {
  passwordHash: string;
}

const userColumns = sql`u.id, u.username, u.display_name AS "displayName", u.role, u.district_code AS "districtCode",
  (SELECT d.name FROM districts d WHERE d.code = u.district_code) AS "districtName"`;

export async function userForLogin(q: Queryable, username: string): Promise<LoginUserRow | null> {
  const [row] = await q.rows<LoginUserRow>(sql`
    SELECT ${userColumns}, u.password_hash AS "passwordHash" FROM users u WHERE u.username = ${username}`);
  return row ?? null;
}

export async function createSession(q: Queryable, p: { tokenHash: string; userId: number; createdAt: Date; expiresAt: Date }): Promise<void> {
  await q.rows(sql`
    INSERT INTO sessions (token_hash, user_id, created_at, expires_at)
    VALUES (${p.tokenHash}, ${p.userId}, ${instant(p.createdAt)}, ${instant(p.expiresAt)})`);
}

export interface SessionRow {
  user: UserRow;
  expiresAt: Date;
}

/** The user of an unexpired session and when it expires, or null. */
export async function sessionUser(q: Queryable, p: { tokenHash: string; now: Date }): Promise<SessionRow | null> {
  const [row] = await q.rows<UserRow & { expiresAt: Date | string }>(sql`
    SELECT ${userColumns}, s.expires_at AS "expiresAt" FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ${p.tokenHash} AND s.expires_at > ${instant(p.now)}`);
  if (!row) return null;
  const { expiresAt, ...user } = row;
  return { user, expiresAt: new Date(expiresAt) };
}

export async function deleteSession(q: Queryable, tokenHash: string): Promise<void> {
  await q.rows(sql`DELETE FROM sessions WHERE token_hash = ${tokenHash}`);
}

export async function deleteExpiredSessions(q: Queryable, now: Date): Promise<void> {
  await q.rows(sql`DELETE FROM sessions WHERE expires_at <= ${instant(now)}`);
}
