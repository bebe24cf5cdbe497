import { createRoute, z } from '@hono/zod-openapi';
import { pagingShape } from './params.js';
import { jsonContent, protectedRoute } from './route-config.js';

export const auditQuerySchema = z.object({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  ...pagingShape,
});

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .openapi('AuditEntry');
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Newest first; `nextCursor` pages to older entries. */
export const auditPageSchema = z
  .object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() })
  .openapi('AuditPage');
export type AuditPage = z.infer<typeof auditPageSchema>;

export const listAuditRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    summary: '执法全过程记录: the hash-chained audit log (admin only)',
    request: { query: auditQuerySchema },
    responses: { 200: jsonContent(auditPageSchema, 'audit entries, newest first') },
  }),
);
