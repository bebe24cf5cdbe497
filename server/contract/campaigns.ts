import { createRoute, z } from '@hono/zod-openapi';
import { campaignStatuses, campaignTypes, checkItems, DEFAULT_GOALS } from '../domain/campaign.js';
import { isIsoDate } from '../domain/time.js';
import { campaignDayTypes, institutionCategories, suspectedTypes } from './enums.js';
import { MAX_SHIFTS_PER_DAY_TYPE } from '../domain/campaign-shift-times.js';
import { districtCodeParam, idParamsSchema } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

const isoDate = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM');

export const campaignDefinitionSchema = z
  .object({
    name: z.string().trim().min(1).max(120).openapi({ example: '2027年寒假校外培训专项治理' }),
    type: z.enum(campaignTypes),
    startsOn: isoDate.openapi({ example: '2027-01-23' }),
    endsOn: isoDate.openapi({ example: '2027-02-21' }),
    districts: z.array(districtCodeParam).min(1).max(16),
    focus: z
      .object({
        institutionCategories: z.array(z.enum(institutionCategories)).max(institutionCategories.length).default([]),
        suspectedTypes: z.array(z.enum(suspectedTypes)).max(suspectedTypes.length).default([]),
        checkItems: z.array(z.enum(checkItems)).max(checkItems.length).default([...checkItems]),
      })
      .strict()
      .default({ institutionCategories: [], suspectedTypes: [], checkItems: [...checkItems] }),
    goals: z
      .object({
        coverTierA: z.boolean().default(DEFAULT_GOALS.coverTierA),
        drawPercent: z.number().min(0).max(100).default(DEFAULT_GOALS.drawPercent),
        hotCellVisits: z.number().int().min(0).max(10).default(DEFAULT_GOALS.hotCellVisits),
        hotCellConfidence: z.union([z.literal(95), z.literal(99)]).default(DEFAULT_GOALS.hotCellConfidence),
      })
      .strict()
      .default(DEFAULT_GOALS),
    /** The campaign's own shifts of a day type (replacing the defaults); the planning kernel checks order and overlaps. */
    shifts: z
      .partialRecord(z.enum(campaignDayTypes), z.array(z.object({ start: clock, end: clock }).strict()).max(MAX_SHIFTS_PER_DAY_TYPE))
      .default({})
      .openapi({ example: { school_day: [{ start: '18:00', end: '21:00' }] } }),
  })
  .strict()
  .openapi('CampaignDefinition');
export type CampaignDefinitionInput = z.input<typeof campaignDefinitionSchema>;

/** An edit names the version it was made on, so that an edit made on a stale screen is refused (409), not applied. */
export const campaignEditSchema = z
  .object({ baseVersion: z.number().int().positive(), definition: campaignDefinitionSchema })
  .strict()
  .openapi('CampaignEdit');

export const campaignActions = ['submit', 'withdraw', 'return', 'approve', 'activate', 'close'] as const;

export const campaignTransitionSchema = z
  .object({
    action: z.enum(campaignActions),
    /** The version the user saw; approving what someone changed meanwhile is refused. */
    version: z.number().int().positive(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi('CampaignTransition');

const stamp = z.object({ by: z.string(), at: z.string() }).nullable();

export const campaignSchema = z
  .object({
    id: z.number().int(),
    status: z.enum(campaignStatuses),
    version: z.number().int(),
    definition: campaignDefinitionSchema,
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submitted: stamp,
    approved: stamp,
    returnNote: z.string().nullable(),
    /** What the requesting user may do now (the buttons the planner shows). */
    actions: z.array(z.enum(['edit', ...campaignActions])),
    /** Days from first to last. */
    days: z.number().int(),
  })
  .openapi('Campaign');
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignListSchema = z.object({ campaigns: z.array(campaignSchema) }).openapi('CampaignList');
export type CampaignList = z.infer<typeof campaignListSchema>;

export const campaignVersionSchema = z
  .object({
    version: z.number().int(),
    definition: campaignDefinitionSchema,
    createdBy: z.string(),
    createdAt: z.string(),
    submitted: stamp,
    approved: stamp,
    /** Differences from the version before (empty for the first). */
    changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .openapi('CampaignVersion');
export const campaignVersionsSchema = z.object({ versions: z.array(campaignVersionSchema) }).openapi('CampaignVersions');
export type CampaignVersions = z.infer<typeof campaignVersionsSchema>;

export const campaignsQuerySchema = z.object({ status: z.enum(campaignStatuses).optional() });

export const listCampaignsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns',
    tags: ['campaigns'],
    summary: '专项行动 in scope (a district account sees those involving its district), newest first',
    request: { query: campaignsQuerySchema },
    responses: { 200: jsonContent(campaignListSchema, 'campaigns') },
  }),
);

export const getCampaignRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}',
    tags: ['campaigns'],
    summary: 'One campaign, its current version and what the user may do with it',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(campaignSchema, 'the campaign'), 404: errorResponses[404] },
  }),
);

export const campaignVersionsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/versions',
    tags: ['campaigns'],
    summary: 'Every version of a campaign with its differences from the one before',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(campaignVersionsSchema, 'the versions, oldest first'), 404: errorResponses[404] },
  }),
);

export const createCampaignRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/campaigns',
    tags: ['campaigns'],
    summary: 'Create a campaign as a draft (audited)',
    request: { body: { required: true, content: { 'application/json': { schema: campaignDefinitionSchema } } } },
    responses: { 201: jsonContent(campaignSchema, 'the new draft'), 413: errorResponses[413], 422: errorResponses[422] },
  }),
);

export const editCampaignRoute = createRoute(
  protectedRoute({
    method: 'put',
    path: '/campaigns/{id}',
    tags: ['campaigns'],
    summary: 'Edit a campaign (audited): a draft in place, an approved or running one as a new draft version',
    request: { params: idParamsSchema, body: { required: true, content: { 'application/json': { schema: campaignEditSchema } } } },
    responses: {
      200: jsonContent(campaignSchema, 'the campaign after the edit'),
      404: errorResponses[404],
      409: errorResponses[409],
      413: errorResponses[413],
      422: errorResponses[422],
    },
  }),
);

export const transitionCampaignRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/campaigns/{id}/transitions',
    tags: ['campaigns'],
    summary: 'Submit, withdraw, return, approve, activate or close a campaign (audited; no self-approval)',
    request: { params: idParamsSchema, body: { required: true, content: { 'application/json': { schema: campaignTransitionSchema } } } },
    responses: {
      200: jsonContent(campaignSchema, 'the campaign after the step'),
      404: errorResponses[404],
      409: errorResponses[409],
      413: errorResponses[413],
    },
  }),
);
