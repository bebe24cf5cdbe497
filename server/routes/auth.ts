import { loginRoute, logoutRoute, meRoute, type Me } from '../contract/auth.js';
import { createSession, deleteExpiredSessions, deleteSession, userForLogin, type UserRow } from '../../db/queries/users.js';
import { clearSessionCookie, sessionCookie, setSessionCookie } from '../auth/cookie.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { LoginRateLimiter } from '../auth/rate-limit.js';
import { newSessionToken, sessionLifetimeMs, sessionTokenHash } from '../auth/session-token.js';
import { ApiError } from '../middleware/api-error.js';
import { audited } from '../middleware/audit.js';
import type { Deps } from '../middleware/env.js';
import { canWrite } from '../middleware/scope.js';
import { clientAddress } from './client-address.js';
import { createRouter } from './router.js';

export const toMe = (u: UserRow): Me => ({ ...u, canWrite: canWrite(u) });

// Compared against when the username is unknown, so that both failures take the same time.
const decoyHash = hashPassword('decoy-password-never-valid');

export function authRouter(deps: Deps) {
  const limiter = new LoginRateLimiter();
  return createRouter()
    .openapi(loginRoute, async (c) => {
      const { username, password } = c.req.valid('json');
      const now = deps.now();
      const key = `${username}\u0000${clientAddress(c)}`;
      const waitMs = limiter.retryAfterMs(key, now);
      if (waitMs > 0) {
        c.header('Retry-After', String(Math.ceil(waitMs / 1000)));
        throw new ApiError('rate_limited', 'too many failed logins; try again later', { retryAfterSeconds: Math.ceil(waitMs / 1000) });
      }
      const user = await userForLogin(deps.database, username);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
      if (!user || !ok) {
        limiter.recordFailure(key, now);
        throw new ApiError('unauthenticated', 'wrong username or password');
      }
      limiter.clear(key);
      const token = newSessionToken();
      const { passwordHash: _, ...me } = user;
      await audited(deps, { actor: user.username, action: 'auth.login', entity: 'session' }, async (tx) => {
        await deleteExpiredSessions(tx, now);
        await createSession(tx, { tokenHash: sessionTokenHash(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + sessionLifetimeMs) });
        return { entityId: String(user.id), before: null, after: { userId: user.id, expiresAt: new Date(now.getTime() + sessionLifetimeMs).toISOString() }, result: null };
      });
      setSessionCookie(c, token);
      return c.json(toMe(me), 200);
    })
    .openapi(logoutRoute, async (c) => {
      const token = sessionCookie(c);
      const user = c.get('user');
      if (token) {
        await audited(deps, { actor: user.username, action: 'auth.logout', entity: 'session' }, async (tx) => {
          await deleteSession(tx, sessionTokenHash(token));
          return { entityId: String(user.id), before: null, after: null, result: null };
        });
        // After the delete has committed, so that no concurrent request can cache the session again.
        deps.sessions.forget(sessionTokenHash(token));
      }
      clearSessionCookie(c);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(meRoute, (c) => c.json(toMe(c.get('user')), 200));
}
