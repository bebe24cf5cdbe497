import { createRoute, z } from '@hono/zod-openapi';
import { isPublicationMonth, listChanges } from '../domain/list-publication.js';
import { riskTiers } from '../domain/risk.js';
import { listStatuses } from '../domain/vocabulary.js';
import { errorResponses, jsonContent, protectedRoute, publicRoute } from './route-config.js';

// 黑白名单, 一月一公布 (docs/lists.md): an administrator previews a month's lists with their difference from the month
// before and publishes them; a correction is the month's next version. The authenticated views show the desk's entries
// (with credit tiers; a district leader's own district only); the public ones, without a login, only the public fields.

export const monthSchema = z
  .string()
  .refine(isPublicationMonth, 'must be a month YYYY-MM')
  .openapi({ description: 'a month YYYY-MM', example: '2026-11' });

export const monthParamsSchema = z.object({ month: monthSchema.openapi({ param: { name: 'month', in: 'path' } }) });

export const publishListsRequestSchema = z
  .object({
    month: monthSchema,
    /** false (the default): a dry run answering the preview with its difference; true publishes it. */
    commit: z.boolean().default(false),
    /** A month already published is published again only as a correction (its next version). */
    correction: z.boolean().default(false),
    /** Why the correction; kept with the version. */
    correctionNote: z.string().trim().min(1).max(2000).optional(),
    /** The `digest` of the preview the administrator looked at: publishing refuses (409) when the lists differ from it. */
    previewDigest: z.string().regex(/^[0-9a-f]{64}$/, 'previewDigest is the 64 hex digits of a preview').optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.correction && body.correctionNote === undefined) ctx.addIssue({ code: 'custom', path: ['correctionNote'], message: 'a correction says why: give a correctionNote' });
    if (!body.correction && body.correctionNote !== undefined) ctx.addIssue({ code: 'custom', path: ['correctionNote'], message: 'only a correction (correction: true) has a correctionNote' });
  })
  .openapi('PublishListsRequest');
export type PublishListsRequest = z.input<typeof publishListsRequestSchema>;

const wordsSchema = z.object({ zh: z.string(), en: z.string() });
const listName = z.enum(['black', 'white']);

export const creditTierSchema = z.object({
  tier: z.enum(riskTiers),
  score: z.number(),
  /** The risk score's factors that gave points, largest first, and the rules that raised the tier. */
  reasons: z.array(z.string()),
});

export const listEntrySchema = z.object({
  institutionId: z.number().int(),
  name: z.string(),
  districtCode: z.string(),
  address: z.string(),
  list: listName,
  reasons: z.array(z.string()),
  publicReasons: z.array(wordsSchema),
  credit: creditTierSchema,
});
export type ListEntryBody = z.infer<typeof listEntrySchema>;

export const listDiffEntrySchema = z.object({
  institutionId: z.number().int(),
  name: z.string(),
  districtCode: z.string(),
  address: z.string(),
  change: z.enum(listChanges),
  from: z.enum(listStatuses),
  to: z.enum(listStatuses),
  publicReasons: z.array(wordsSchema),
});

const comparedWithSchema = z.object({ month: z.string().nullable(), version: z.number().int().nullable() });
const tierCountsSchema = z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int(), D: z.number().int() });

/** What is stored of a version: the service reads the rows back through these. */
export const storedEntriesSchema = z.object({ black: z.array(listEntrySchema), white: z.array(listEntrySchema) });
export const storedDiffSchema = z.object({ comparedWith: comparedWithSchema, entries: z.array(listDiffEntrySchema) });

export const listPublicationSchema = z
  .object({
    month: z.string(),
    /** null for a preview (nothing published). */
    version: z.number().int().nullable(),
    committed: z.boolean(),
    dataAsOf: z.string(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
    correctionNote: z.string().nullable(),
    black: z.array(listEntrySchema),
    white: z.array(listEntrySchema),
    diff: storedDiffSchema,
    tierCounts: tierCountsSchema,
    /** Institutions whose registry list status publishing changes (a preview) or changed. */
    statusChanges: z.number().int().nullable(),
    /** SHA-256 of the city's lists and difference: what a publication of this preview must equal (previewDigest). */
    digest: z.string(),
  })
  .openapi('ListPublication');
export type ListPublicationBody = z.infer<typeof listPublicationSchema>;

export const listPublicationSummarySchema = z.object({
  month: z.string(),
  version: z.number().int(),
  dataAsOf: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  correctionNote: z.string().nullable(),
  /** Counts of the caller's scope (a district leader: the district's). */
  black: z.number().int(),
  white: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  moved: z.number().int(),
});
export const listPublicationListSchema = z.object({ items: z.array(listPublicationSummarySchema) }).openapi('ListPublicationList');
export type ListPublicationList = z.infer<typeof listPublicationListSchema>;

// ---- public ----

/** One public entry: the institution's name, its district, its address to the door (a flat: to the lane), why. */
const publicShownSchema = z.object({ name: z.string(), district: z.string(), districtEn: z.string(), address: z.string(), reasons: z.array(wordsSchema) });
/** `change`: 新增 added or 调整 moved since the month before; null = listed then too. */
export const publicListEntrySchema = publicShownSchema.extend({ change: z.enum(['added', 'moved']).nullable() }).strict();
export type PublicListEntry = z.infer<typeof publicListEntrySchema>;
export const publicListChangeSchema = publicShownSchema.extend({ change: z.enum(listChanges), from: z.enum(listStatuses), to: z.enum(listStatuses) }).strict();

export const publicListsSchema = z
  .object({
    month: z.string(),
    version: z.number().int(),
    dataAsOf: z.string(),
    publishedAt: z.string(),
    correctionNote: z.string().nullable(),
    black: z.array(publicListEntrySchema),
    white: z.array(publicListEntrySchema),
    changes: z.object({ comparedWith: comparedWithSchema, entries: z.array(publicListChangeSchema) }),
    versions: z.array(z.object({ version: z.number().int(), publishedAt: z.string(), correctionNote: z.string().nullable() })),
    /** The demo's registry is synthetic (模拟数据). */
    synthetic: z.boolean(),
  })
  .strict()
  .openapi('PublicLists');
export type PublicLists = z.infer<typeof publicListsSchema>;

export const publicListMonthsSchema = z
  .object({ months: z.array(z.object({ month: z.string(), version: z.number().int(), publishedAt: z.string() })) })
  .openapi('PublicListMonths');
export type PublicListMonths = z.infer<typeof publicListMonthsSchema>;

/** `2026-11` answers JSON, `2026-11.csv` the CSV: one path, so a month's page and its file sit side by side. */
export const publicMonthFileParamsSchema = z.object({
  month: z
    .string()
    .transform((text, ctx) => {
      const csv = text.endsWith('.csv');
      const month = csv ? text.slice(0, -4) : text;
      if (!isPublicationMonth(month)) {
        ctx.addIssue({ code: 'custom', message: 'must be a month YYYY-MM (or YYYY-MM.csv)' });
        return z.NEVER;
      }
      return { month, csv };
    })
    .openapi({ param: { name: 'month', in: 'path' }, description: 'YYYY-MM for JSON, YYYY-MM.csv for the CSV', example: '2026-11' }),
});

// ---- routes ----

export const publishListsRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/lists/publications',
    tags: ['lists'],
    summary: '黑白名单: preview a month’s lists with the difference from the month before (the default), or publish them (commit: true; administrators; audited)',
    request: { body: { required: true, content: { 'application/json': { schema: publishListsRequestSchema } } } },
    responses: {
      200: jsonContent(listPublicationSchema, 'the preview (nothing written)'),
      201: jsonContent(listPublicationSchema, 'the version published'),
      409: errorResponses[409],
      422: errorResponses[422],
    },
  }),
);

export const listPublicationsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/lists/publications',
    tags: ['lists'],
    summary: '黑白名单: every published version, newest month first, with counts of the caller’s scope',
    responses: { 200: jsonContent(listPublicationListSchema, 'the versions') },
  }),
);

export const listPublicationRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/lists/publications/{month}',
    tags: ['lists'],
    summary: '黑白名单: a month’s latest version with its entries and credit tiers (a district leader: the district’s)',
    request: { params: monthParamsSchema },
    responses: { 200: jsonContent(listPublicationSchema, 'the version'), 404: errorResponses[404] },
  }),
);

export const publicListMonthsRoute = createRoute(
  publicRoute({
    method: 'get',
    path: '/public/lists',
    tags: ['public'],
    summary: '黑白名单: the months published, newest first (no login)',
    responses: { 200: jsonContent(publicListMonthsSchema, 'the months'), 429: errorResponses[429] },
  }),
);

export const publicListsRoute = createRoute(
  publicRoute({
    method: 'get',
    path: '/public/lists/{month}',
    tags: ['public'],
    summary: '黑白名单: a month’s published lists and their changes from the month before (no login); {month}.csv the CSV (UTF-8 with BOM)',
    request: { params: publicMonthFileParamsSchema },
    responses: {
      200: { description: 'the lists (JSON), or the CSV', content: { 'application/json': { schema: publicListsSchema }, 'text/csv': { schema: z.string() } } },
      404: errorResponses[404],
      429: errorResponses[429],
    },
  }),
);
