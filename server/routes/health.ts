import { healthRoute } from '../contract/health.js';
import { postgisVersion } from '../../db/queries/health.js';
import type { Deps } from '../middleware/env.js';
import { createRouter } from './router.js';

export function healthRouter(deps: Deps, version: string) {
  return createRouter().openapi(healthRoute, async (c) => {
    try {
      const postgis = await postgisVersion(deps.database);
      return c.json({ status: 'ok' as const, engine: deps.database.engine, version, db: { ok: true, message: `PostGIS ${postgis}` } }, 200);
    } catch {
      return c.json({ status: 'degraded' as const, engine: deps.database.engine, version, db: { ok: false, message: 'database unavailable' } }, 200);
    }
  });
}
