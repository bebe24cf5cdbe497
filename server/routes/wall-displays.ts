import { setSessionCookie } from '../auth/cookie.js';
import {
  createWallDisplayRoute,
  listWallDisplaysRoute,
  pairWallRoute,
  revokeWallDisplayRoute,
  updateWallDisplayRoute,
  wallDisplayRoute,
} from '../contract/wall-displays.js';
import { clientAddress } from '../http/client-address.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import {
  createWallDisplay,
  displayOfSession,
  editWallDisplay,
  listWallDisplaysFor,
  pairWallDisplay,
  revokeWallDisplayFor,
} from '../services/wall-displays.js';

export function wallDisplaysRouter(deps: Deps) {
  return createRouter()
    .openapi(listWallDisplaysRoute, async (c) => c.json(await listWallDisplaysFor(deps, c.get('user')), 200))
    .openapi(createWallDisplayRoute, async (c) => c.json(await createWallDisplay(deps, c.get('user'), c.req.valid('json')), 201))
    .openapi(updateWallDisplayRoute, async (c) =>
      c.json(await editWallDisplay(deps, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(revokeWallDisplayRoute, async (c) => c.json(await revokeWallDisplayFor(deps, c.get('user'), c.req.valid('param').id), 200))
    .openapi(pairWallRoute, async (c) => {
      const { display, token } = await pairWallDisplay(deps, c.req.valid('json').token, clientAddress(c));
      setSessionCookie(c, token);
      return c.json(display, 200);
    })
    .openapi(wallDisplayRoute, async (c) => c.json(await displayOfSession(deps, c.get('user')), 200));
}
