// Logging in and out, and the session behind every request: server-side sessions with an absolute and an idle
// timeout, failed logins throttled per account and per address, every login and logout in the audit log.
import type { Me } from '../contract/auth.js';
import { createSession, deleteEndedSessions, deleteSession, sessionUser, touchSession, userForLogin, type SessionRow, type UserRow } from '../../db/queries/users.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { newSessionToken, SESSION_IDLE_MS, SESSION_LIFETIME_MS, SESSION_TOUCH_INTERVAL_MS, sessionTokenHash } from '../auth/session-token.js';
import { scopeExtent } from '../../db/queries/districts.js';
import { canWrite, isAdmin, scopeOf } from './access.js';
import { audited } from './audit.js';
import type { Deps } from './deps.js';
import { ServiceError, tooManyRequests, unauthenticated } from './errors.js';

type AuthDeps = Pick<Deps, 'database' | 'now' | 'sessions' | 'loginLimiter'> & Partial<Pick<Deps, 'liveEvents'>>;

/** The account as the client sees it, with the extent of its scope (one small query). */
export async function toMe(deps: Pick<Deps, 'database'>, u: UserRow): Promise<Me> {
  const extent = await scopeExtent(deps.database, { scope: scopeOf(u) });
  return { ...u, canWrite: canWrite(u), canReadAudit: isAdmin(u), canEditCalendar: isAdmin(u), scopeExtent: extent };
}

// Compared against when the username is unknown, so that both failures take the same time.
const decoyHash = hashPassword('decoy-password-never-valid');

export interface LoginResult {
  me: Me;
  /** The session token for the cookie; only its hash is stored. */
  token: string;
}

export async function login(deps: AuthDeps, credentials: { username: string; password: string }, clientAddress: string): Promise<LoginResult> {
  const { username, password } = credentials;
  const now = deps.now();
  const waitMs = deps.loginLimiter.retryAfterMs(username, clientAddress, now);
  if (waitMs > 0) throw tooManyRequests('too many failed logins; try again later', Math.ceil(waitMs / 1000));
  const user = await userForLogin(deps.database, username);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !ok) {
    deps.loginLimiter.recordFailure(username, clientAddress, now);
    throw new ServiceError('unauthenticated', 'wrong username or password');
  }
  deps.loginLimiter.recordSuccess(username);
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  const { passwordHash: _, ...me } = user;
  await audited(deps, { actor: user.username, action: 'auth.login', entity: 'session' }, async (tx) => {
    await deleteEndedSessions(tx, { now, idleSince: new Date(now.getTime() - SESSION_IDLE_MS) });
    await createSession(tx, { tokenHash: sessionTokenHash(token), userId: user.id, createdAt: now, expiresAt });
    return { entityId: String(user.id), before: null, after: { userId: user.id, expiresAt: expiresAt.toISOString() }, result: null };
  });
  return { me: await toMe(deps, me), token };
}

/** Ends the session in the database, then forgets it here, so that no concurrent request can cache it again. */
export async function logout(deps: AuthDeps, user: UserRow, token: string | undefined): Promise<void> {
  if (!token) return;
  const tokenHash = sessionTokenHash(token);
  await audited(deps, { actor: user.username, action: 'auth.logout', entity: 'session' }, async (tx) => {
    await deleteSession(tx, tokenHash);
    return { entityId: String(user.id), before: null, after: null, result: null };
  });
  deps.sessions.forget(tokenHash);
  deps.liveEvents?.endSession(tokenHash);
}

/**
 * Whether a session still holds, for a stream that outlives its request: it does not touch the session, so an open
 * stream alone does not keep an idle session alive.
 */
export async function sessionStillOpen(deps: Pick<Deps, 'database' | 'now' | 'sessions'>, token: string): Promise<boolean> {
  const tokenHash = sessionTokenHash(token);
  const now = deps.now();
  if (deps.sessions.get(tokenHash, now)) return true;
  try {
    return (await sessionUser(deps.database, { tokenHash, now, idleSince: new Date(now.getTime() - SESSION_IDLE_MS) })) !== null;
  } catch {
    // A database that cannot answer right now ends no stream; the next heartbeat asks again.
    return true;
  }
}

/** The user behind a session token, or a 401 when the session ended (logout, absolute or idle timeout). */
export async function sessionOf(deps: AuthDeps, token: string | undefined): Promise<UserRow> {
  if (!token) throw unauthenticated();
  const tokenHash = sessionTokenHash(token);
  const now = deps.now();
  let session: SessionRow | null = deps.sessions.get(tokenHash, now);
  if (!session) {
    session = await sessionUser(deps.database, { tokenHash, now, idleSince: new Date(now.getTime() - SESSION_IDLE_MS) });
    if (!session) {
      // An expired or idle session is ended for good, not just refused at this clock.
      await deleteSession(deps.database, tokenHash);
      throw unauthenticated('session expired or ended: log in again');
    }
    if (now.getTime() - session.lastSeenAt.getTime() > SESSION_TOUCH_INTERVAL_MS) {
      await touchSession(deps.database, { tokenHash, at: now });
      session = { ...session, lastSeenAt: now };
    }
    deps.sessions.set(tokenHash, session, now);
  }
  return session.user;
}
