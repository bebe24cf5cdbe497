import { summaryRoute } from '../contract/summary.js';
import { createRouter } from '../http/router.js';
import type { Deps } from '../services/deps.js';
import { summary } from '../services/summary.js';

export function summaryRouter(deps: Deps) {
  return createRouter().openapi(summaryRoute, async (c) => c.json(await summary(deps, c.get('user'), c.req.valid('query')), 200));
}
