import { createRoute, z } from '@hono/zod-openapi';
import { auditActions, auditEntities } from './enums.js';
import { csvEnumParam, isoInstantParam, pagingShape } from './params.js';
import { jsonContent, protectedRoute } from './route-config.js';

/** Either end of the audit log's time range may stay open; when both are given, `from` comes first. */
function checkOpenTimeRange(value: { from?: Date; to?: Date }, ctx: z.RefinementCtx): void {
  if (value.from && value.to && value.from.getTime() >= value.to.getTime()) ctx.addIssue({ code: 'custom', path: ['to'], message: 'from must be before to' });
}

export const auditQuerySchema = z
  .object({
    actor: z.string().trim().min(1).max(64).optional().openapi({ description: 'username of the actor (`system` for the demo data build)', example: 'planner' }),
    action: csvEnumParam(auditActions),
    entity: z.enum(auditEntities).optional().openapi({ description: `kind of entity: ${auditEntities.join(', ')}` }),
    entityId: z.string().trim().min(1).max(64).optional().openapi({ description: 'id of the entity, e.g. a clue id', example: '7' }),
    from: isoInstantParam.optional().openapi({ description: 'entries at or after this instant', example: '2026-10-01T00:00:00+08:00' }),
    to: isoInstantParam.optional().openapi({ description: 'entries before this instant (exclusive)', example: '2026-11-01T00:00:00+08:00' }),
    ...pagingShape,
  })
  .superRefine(checkOpenTimeRange);
export type AuditQuery = z.output<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    /** The actor's display name; null for `system` and for an actor who is no longer a user. */
    actorName: z.string().nullable(),
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

export const auditActorsSchema = z
  .object({
    actors: z.array(z.object({ actor: z.string(), actorName: z.string().nullable(), entries: z.number().int() })),
  })
  .openapi('AuditActors');
export type AuditActors = z.infer<typeof auditActorsSchema>;

/** Why an entry does not chain: the words of the verifier that `npm run audit:verify` prints. */
export const chainBreakReasons = ['prev_hash does not match the previous entry', "hash does not match the entry's content"] as const;
export type ChainBreakReason = (typeof chainBreakReasons)[number];

const verificationRun = {
  /** Entries found intact: all of them, or those before `brokenAt`. */
  checked: z.number().int(),
  /** Time the server spent walking the chain. */
  durationMs: z.number(),
  /** When the walk started, by the server's clock. */
  verifiedAt: z.string(),
};

export const auditVerificationSchema = z
  .discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      ...verificationRun,
      /** Head of the chain (null for an empty log): compare with a later run to notice a cut tail. */
      lastId: z.number().int().nullable(),
      lastHash: z.string().nullable(),
    }),
    z.object({
      ok: z.literal(false),
      ...verificationRun,
      /** The first entry that does not chain. */
      brokenAt: z.number().int(),
      reason: z.enum(chainBreakReasons),
    }),
  ])
  .openapi('AuditVerification');
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export const listAuditRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/audit',
    tags: ['audit'],
    summary: '执法全过程记录: the hash-chained audit log, filtered by actor, action, entity and time (admin only)',
    request: { query: auditQuerySchema },
    responses: { 200: jsonContent(auditPageSchema, 'audit entries, newest first') },
  }),
);

export const auditActorsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/audit/actors',
    tags: ['audit'],
    summary: 'Everyone who appears in the audit log, with their number of entries (admin only)',
    responses: { 200: jsonContent(auditActorsSchema, 'actors by username') },
  }),
);

export const verifyAuditRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/audit/verify',
    tags: ['audit'],
    summary: '校验审计链: walks the hash chain like `npm run audit:verify` (admin only)',
    responses: { 200: jsonContent(auditVerificationSchema, 'intact (ok: true) or the first entry that does not chain') },
  }),
);
