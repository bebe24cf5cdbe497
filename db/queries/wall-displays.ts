// The wall displays (大屏) and their accounts: a display's row and its `users` row are written together, so that the
// account's name and district always follow the display's.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { col, instant, parsedRows, type Queryable } from './queryable.js';

export interface WallDisplayRow {
  id: number;
  name: string;
  districtCode: string | null;
  /** As stored; the service reads it through the contract's playlist schema. */
  playlist: unknown;
  createdBy: string;
  createdAt: Date;
  lastPairedAt: Date | null;
  revokedAt: Date | null;
  /** The display's own account. */
  userId: number;
  username: string;
}

const displayRow = z.object({
  id: col.int,
  name: z.string(),
  districtCode: z.string().nullable(),
  playlist: col.json(z.unknown()),
  createdBy: z.string(),
  createdAt: col.timestamp,
  lastPairedAt: col.timestamp.nullable(),
  revokedAt: col.timestamp.nullable(),
  userId: col.int,
  username: z.string(),
});

const displayColumns = sql`w.id, w.name, w.district_code AS "districtCode", w.playlist, w.created_by AS "createdBy",
  w.created_at AS "createdAt", w.last_paired_at AS "lastPairedAt", w.revoked_at AS "revokedAt", w.user_id AS "userId", u.username`;

const displays = (where: SQL, lock = false) =>
  sql`SELECT ${displayColumns} FROM wall_displays w JOIN users u ON u.id = w.user_id WHERE ${where} ORDER BY w.id${lock ? sql` FOR UPDATE OF w` : sql``}`;

/** The username of a display's account: one name per display id, so it never collides with another display's. */
export const wallDisplayUsername = (id: number): string => `display-${id}`;

/**
 * Creates a display and its account (role `wall`, the display's district and name) in the caller's transaction. The
 * id is drawn first so that the account can be named after it; `passwordHash` must be a value no password matches.
 */
export async function insertWallDisplay(
  tx: Queryable,
  p: { name: string; districtCode: string | null; playlist: unknown; tokenHash: string; createdBy: string; at: Date; passwordHash: string },
): Promise<number> {
  const [{ id }] = await parsedRows(tx, z.object({ id: col.int }), sql`SELECT nextval(pg_get_serial_sequence('wall_displays', 'id')) AS id`);
  const [user] = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO users (username, display_name, password_hash, role, district_code, created_at)
    VALUES (${wallDisplayUsername(id)}, ${p.name}, ${p.passwordHash}, 'wall', ${p.districtCode}, ${instant(p.at)})
    RETURNING id`);
  await tx.rows(sql`
    INSERT INTO wall_displays (id, name, district_code, playlist, token_hash, user_id, created_by, created_at)
    VALUES (${id}, ${p.name}, ${p.districtCode}, ${JSON.stringify(p.playlist)}::jsonb, ${p.tokenHash}, ${user.id}, ${p.createdBy}, ${instant(p.at)})`);
  return id;
}

export async function listWallDisplays(q: Queryable): Promise<WallDisplayRow[]> {
  return parsedRows(q, displayRow, displays(sql`TRUE`));
}

/** One display; `forUpdate` locks its row for the rest of the transaction (two edits or an edit and a revoke queue). */
export async function wallDisplayById(q: Queryable, p: { id: number; forUpdate?: boolean }): Promise<WallDisplayRow | null> {
  const [row] = await parsedRows(q, displayRow, displays(sql`w.id = ${p.id}`, p.forUpdate));
  return row ?? null;
}

/** The display a pairing token belongs to, revoked or not (the caller tells the two apart). */
export async function wallDisplayByTokenHash(q: Queryable, tokenHash: string): Promise<WallDisplayRow | null> {
  const [row] = await parsedRows(q, displayRow, displays(sql`w.token_hash = ${tokenHash}`));
  return row ?? null;
}

/** The display whose account `userId` is, or null for any other account. */
export async function wallDisplayOfUser(q: Queryable, userId: number): Promise<WallDisplayRow | null> {
  const [row] = await parsedRows(q, displayRow, displays(sql`w.user_id = ${userId}`));
  return row ?? null;
}

/** Renames a display (and its account, which the audit log and the session show) and/or replaces its playlist. */
export async function updateWallDisplay(tx: Queryable, p: { id: number; name?: string; playlist?: unknown }): Promise<void> {
  if (p.name !== undefined) {
    await tx.rows(sql`UPDATE wall_displays SET name = ${p.name} WHERE id = ${p.id}`);
    await tx.rows(sql`UPDATE users SET display_name = ${p.name} WHERE id = (SELECT user_id FROM wall_displays WHERE id = ${p.id})`);
  }
  if (p.playlist !== undefined) await tx.rows(sql`UPDATE wall_displays SET playlist = ${JSON.stringify(p.playlist)}::jsonb WHERE id = ${p.id}`);
}

export async function markWallDisplayPaired(tx: Queryable, p: { id: number; at: Date }): Promise<void> {
  await tx.rows(sql`UPDATE wall_displays SET last_paired_at = ${instant(p.at)} WHERE id = ${p.id}`);
}

/**
 * Revokes a display and ends every session of its account; answers the ended sessions' token hashes, for the
 * process's session cache and open event streams to forget them too.
 */
export async function revokeWallDisplay(tx: Queryable, p: { id: number; at: Date }): Promise<string[]> {
  await tx.rows(sql`UPDATE wall_displays SET revoked_at = ${instant(p.at)} WHERE id = ${p.id} AND revoked_at IS NULL`);
  const ended = await parsedRows(tx, z.object({ tokenHash: z.string() }), sql`
    DELETE FROM sessions WHERE user_id = (SELECT user_id FROM wall_displays WHERE id = ${p.id}) RETURNING token_hash AS "tokenHash"`);
  return ended.map((r) => r.tokenHash);
}
