import { auditActorsRoute, listAuditRoute, verifyAuditRoute } from '../contract/audit.js';
import { monotonicClock } from '../domain/clock.js';
import { createRouter } from '../http/router.js';
import { auditActors, auditPage, verifyAuditLog } from '../services/audit.js';
import type { Deps } from '../services/deps.js';

export function auditRouter(deps: Deps) {
  return createRouter()
    .openapi(listAuditRoute, async (c) => c.json(await auditPage(deps, c.get('user'), c.req.valid('query')), 200))
    .openapi(auditActorsRoute, async (c) => c.json(await auditActors(deps, c.get('user')), 200))
    .openapi(verifyAuditRoute, async (c) => c.json(await verifyAuditLog(deps, c.get('user'), monotonicClock), 200));
}
