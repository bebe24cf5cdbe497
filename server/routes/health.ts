import { healthRoute } from '../contract/health.js';
import { monotonicClock } from '../domain/clock.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { health } from '../services/health.js';

export function healthRouter(deps: Deps, version: string) {
  return createRouter().openapi(healthRoute, async (c) => {
    const body = await health(deps, version, monotonicClock);
    if (body.status === 'ok') return c.json(body, 200);
    c.header('Retry-After', '5');
    return c.json(body, 503);
  });
}
