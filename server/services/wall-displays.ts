// The command centre's wall displays (大屏): administrators create, edit and revoke them; a display's page trades its
// token for a session of the display's own account (role `wall`, the display's district), so that what the wall may
// read and that it writes nothing follow from the account's role and scope like any other account's.
import type { z } from 'zod';
import {
  pairedDisplaySchema,
  playlistSchema,
  WALL_DISPLAY_REVOKED,
  type createWallDisplaySchema,
  type PairedDisplay,
  type updateWallDisplaySchema,
  type WallDisplay,
} from '../contract/wall-displays.js';
import { UNUSABLE_PASSWORD_HASH } from '../auth/password.js';
import { newSessionToken, SESSION_IDLE_MS, SESSION_LIFETIME_MS, sessionTokenHash } from '../auth/session-token.js';
import { districtCodes } from '../../db/queries/districts.js';
import type { Queryable } from '../../db/queries/queryable.js';
import { createSession, deleteEndedSessions, type UserRow } from '../../db/queries/users.js';
import {
  insertWallDisplay,
  listWallDisplays,
  markWallDisplayPaired,
  revokeWallDisplay,
  updateWallDisplay,
  wallDisplayById,
  wallDisplayByTokenHash,
  wallDisplayOfUser,
  type WallDisplayRow,
} from '../../db/queries/wall-displays.js';
import { requireAdmin } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { conflict, notFound, ServiceError, tooManyRequests, unprocessable } from './errors.js';

type WallDeps = Pick<Deps, 'database' | 'now' | 'sessions' | 'loginLimiter' | 'liveEvents'>;
type CreateBody = z.output<typeof createWallDisplaySchema>;
type UpdateBody = z.output<typeof updateWallDisplaySchema>;

/** The page the token opens: in the fragment, which the browser sends to no server and no proxy logs. */
export const wallPagePath = (token: string): string => `/wall#display=${token}`;

function toWallDisplay(row: WallDisplayRow): WallDisplay {
  return {
    id: row.id,
    name: row.name,
    districtCode: row.districtCode,
    // A stored playlist that no longer fits the contract is a bug, not bad input.
    playlist: playlistSchema.parse(row.playlist),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    lastPairedAt: row.lastPairedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

const toPaired = (row: WallDisplayRow): PairedDisplay => pairedDisplaySchema.parse(toWallDisplay(row));

/** What the audit log keeps of a display: never its token or the token's hash. */
const auditRecord = (row: WallDisplayRow) => ({
  name: row.name,
  districtCode: row.districtCode,
  playlist: row.playlist,
  username: row.username,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

async function lockedDisplay(tx: Queryable, id: number): Promise<WallDisplayRow> {
  const row = await wallDisplayById(tx, { id, forUpdate: true });
  if (!row) throw notFound(`wall display ${id}`);
  return row;
}

const refuseRevoked = (row: WallDisplayRow) =>
  conflict(`wall display ${row.id} was revoked: create a new one`, { revokedAt: row.revokedAt?.toISOString() });

export async function listWallDisplaysFor(deps: Pick<Deps, 'database'>, user: UserRow): Promise<WallDisplay[]> {
  requireAdmin(user, 'manage the wall displays');
  return (await listWallDisplays(deps.database)).map(toWallDisplay);
}

export async function createWallDisplay(
  deps: WallDeps,
  user: UserRow,
  body: CreateBody,
): Promise<{ display: WallDisplay; token: string; path: string }> {
  requireAdmin(user, 'manage the wall displays');
  // The same form as a session token (32 random bytes, base64url), and like it stored only as its SHA-256.
  const token = newSessionToken();
  const { result } = await audited(deps, { actor: user.username, action: 'wall_display.create', entity: 'wall_display' }, async (tx) => {
    // Checked here rather than left to the foreign key, so that an unknown district is a 422 naming the field.
    if (body.districtCode !== null && !(await districtCodes(tx)).includes(body.districtCode))
      throw unprocessable('districtCode', `no district ${body.districtCode}`);
    const id = await insertWallDisplay(tx, {
      name: body.name,
      districtCode: body.districtCode,
      playlist: body.playlist,
      tokenHash: sessionTokenHash(token),
      createdBy: user.username,
      at: deps.now(),
      passwordHash: UNUSABLE_PASSWORD_HASH,
    });
    const after = (await wallDisplayById(tx, { id }))!;
    return { entityId: String(id), before: null, after: auditRecord(after), result: after };
  });
  return { display: toWallDisplay(result), token, path: wallPagePath(token) };
}

export async function editWallDisplay(deps: WallDeps, user: UserRow, id: number, body: UpdateBody): Promise<WallDisplay> {
  requireAdmin(user, 'manage the wall displays');
  const { result } = await audited(deps, { actor: user.username, action: 'wall_display.update', entity: 'wall_display' }, async (tx) => {
    const before = await lockedDisplay(tx, id);
    if (before.revokedAt) throw refuseRevoked(before);
    await updateWallDisplay(tx, { id, name: body.name, playlist: body.playlist });
    const after = (await wallDisplayById(tx, { id }))!;
    return { entityId: String(id), before: auditRecord(before), after: auditRecord(after), result: after };
  });
  return toWallDisplay(result);
}

/**
 * Revokes a display for good: its token is refused from now on and every session of its account ends, here at once
 * (the session cache and the open event streams of this process) and in other processes within the cache's seconds.
 */
export async function revokeWallDisplayFor(deps: WallDeps, user: UserRow, id: number): Promise<WallDisplay> {
  requireAdmin(user, 'manage the wall displays');
  const { result } = await audited(deps, { actor: user.username, action: 'wall_display.revoke', entity: 'wall_display' }, async (tx) => {
    const before = await lockedDisplay(tx, id);
    if (before.revokedAt) throw refuseRevoked(before);
    const ended = await revokeWallDisplay(tx, { id, at: deps.now() });
    const after = (await wallDisplayById(tx, { id }))!;
    return { entityId: String(id), before: auditRecord(before), after: { ...auditRecord(after), endedSessions: ended.length }, result: { after, ended } };
  });
  for (const tokenHash of result.ended) {
    deps.sessions.forget(tokenHash);
    deps.liveEvents.endSession(tokenHash);
  }
  return toWallDisplay(result.after);
}

const revoked = (row: WallDisplayRow) =>
  new ServiceError('unauthenticated', 'this wall display was revoked (此大屏已被撤销): ask an administrator for a new one', {
    reason: WALL_DISPLAY_REVOKED,
    revokedAt: row.revokedAt?.toISOString(),
  });

/**
 * Trades a display's token for a new session of its account, recorded in the audit log as a login is. Unknown tokens
 * count against the address's allowance of failed logins, so that guessing tokens is throttled like guessing passwords.
 */
export async function pairWallDisplay(deps: WallDeps, token: string, clientAddress: string): Promise<{ display: PairedDisplay; token: string }> {
  const now = deps.now();
  const waitMs = deps.loginLimiter.addressRetryAfterMs(clientAddress, now);
  if (waitMs > 0) throw tooManyRequests('too many failed attempts from this address; try again later', Math.ceil(waitMs / 1000));
  const tokenHash = sessionTokenHash(token);
  const found = await wallDisplayByTokenHash(deps.database, tokenHash);
  if (!found) {
    deps.loginLimiter.recordAddressFailure(clientAddress, now);
    throw new ServiceError('unauthenticated', 'unknown wall display token: open the display’s link again or ask an administrator');
  }
  if (found.revokedAt) throw revoked(found);
  const sessionToken = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  const { result } = await audited(deps, { actor: found.username, action: 'wall_display.pair', entity: 'wall_display' }, async (tx) => {
    // Locked and read again: a revocation committed since the read above must not be followed by a new session.
    const display = await lockedDisplay(tx, found.id);
    if (display.revokedAt) throw revoked(display);
    await deleteEndedSessions(tx, { now, idleSince: new Date(now.getTime() - SESSION_IDLE_MS) });
    await createSession(tx, { tokenHash: sessionTokenHash(sessionToken), userId: display.userId, createdAt: now, expiresAt });
    await markWallDisplayPaired(tx, { id: display.id, at: now });
    return { entityId: String(display.id), before: null, after: { userId: display.userId, expiresAt: expiresAt.toISOString() }, result: display };
  });
  return { display: toPaired(result), token: sessionToken };
}

/**
 * The display of the calling session. Any other account, the demo's `wall` among them, has none (404): its page then
 * shows the default playlist, city-wide or in the account's district.
 */
export async function displayOfSession(deps: Pick<Deps, 'database'>, user: UserRow): Promise<PairedDisplay> {
  const row = await wallDisplayOfUser(deps.database, user.id);
  if (!row || row.revokedAt) throw notFound('wall display of this account');
  return toPaired(row);
}
