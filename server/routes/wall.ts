import { wallOverviewRoute } from '../contract/wall.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { getWallOverview } from '../services/wall.js';

export function wallRouter(deps: Deps) {
  return createRouter().openapi(wallOverviewRoute, async (c) => c.json(await getWallOverview(deps, c.get('user')), 200));
}
