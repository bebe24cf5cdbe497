import { loginRoute, logoutRoute, meRoute } from '../contract/auth.js';
import { clearSessionCookie, sessionCookie, setSessionCookie } from '../auth/cookie.js';
import { clientAddress } from '../http/client-address.js';
import { createRouter } from '../http/router.js';
import { login, logout, toMe } from '../services/auth.js';
import type { Deps } from '../services/deps.js';

export function authRouter(deps: Deps) {
  return createRouter()
    .openapi(loginRoute, async (c) => {
      const { me, token } = await login(deps, c.req.valid('json'), clientAddress(c));
      setSessionCookie(c, token);
      return c.json(me, 200);
    })
    .openapi(logoutRoute, async (c) => {
      await logout(deps, c.get('user'), sessionCookie(c));
      clearSessionCookie(c);
      return c.json({ ok: true as const }, 200);
    })
    .openapi(meRoute, async (c) => c.json(await toMe(deps, c.get('user')), 200));
}
