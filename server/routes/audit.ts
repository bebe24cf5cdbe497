import { listAuditRoute } from '../contract/audit.js';
import { listAudit } from '../../db/queries/audit.js';
import type { Deps } from '../middleware/env.js';
import { requireAdmin } from '../middleware/scope.js';
import { createRouter } from './router.js';

export function auditRouter(deps: Deps) {
  return createRouter().openapi(listAuditRoute, async (c) => {
    requireAdmin(c.get('user'));
    const q = c.req.valid('query');
    const page = await listAudit(deps.database, q);
    return c.json(page, 200);
  });
}
