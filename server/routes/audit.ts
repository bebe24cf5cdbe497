import { listAuditRoute } from '../contract/audit.js';
import { createRouter } from '../http/router.js';
import { auditPage } from '../services/audit.js';
import type { Deps } from '../services/deps.js';

export function auditRouter(deps: Deps) {
  return createRouter().openapi(listAuditRoute, async (c) => c.json(await auditPage(deps, c.get('user'), c.req.valid('query')), 200));
}
