import { createRoute, z } from '@hono/zod-openapi';
import { isIsoDate } from '../domain/time.js';
import { bboxParam } from './params.js';
import { reviewLevels, rankingPartKeys } from '../analytics/review/vocabulary.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

// District review (区领导研判): a unit's figures for a period and the period it is compared with, its children's
// (district → 街镇 → grid cell → institution), their trends, and the district league table (拉榜排名) with its formula.
// Periods are Shanghai calendar dates, both ends included.

const isoDate = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
/** The longest period the review reads at once (two years and a month: the slider's 24 months and a margin). */
export const MAX_REVIEW_DAYS = 800;

export const reviewLevelSchema = z.enum(reviewLevels);
export type ReviewLevel = z.output<typeof reviewLevelSchema>;

const periodShape = {
  from: isoDate.openapi({ description: 'first day of the period (Shanghai date), included', example: '2026-11-01' }),
  to: isoDate.openapi({ description: 'last day of the period, included', example: '2026-11-30' }),
};

export const periodSchema = z.object(periodShape);
export type ReviewPeriod = z.output<typeof periodSchema>;

const unitShape = {
  level: reviewLevelSchema.default('city').openapi({ description: 'the unit looked at: city, district, street (街镇), cell (网格) or institution' }),
  code: z
    .string()
    .regex(/^[0-9A-Za-z_-]{1,40}$/, 'code must be the unit’s code (district, street), or the id of a cell or institution')
    .optional()
    .openapi({ description: 'the unit’s code (district or street code; the id of a grid cell or institution); none for the city' }),
};

/** Refuses a period that ends before it starts or is longer than the review reads. */
function checkPeriod(p: { from: string; to: string }, ctx: z.RefinementCtx, path: string[] = []) {
  if (!isIsoDate(p.from) || !isIsoDate(p.to)) return;
  if (p.to < p.from) ctx.addIssue({ code: 'custom', path: [...path, 'to'], message: 'the period ends before it starts' });
  else if ((Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86_400_000 + 1 > MAX_REVIEW_DAYS)
    ctx.addIssue({ code: 'custom', path: [...path, 'to'], message: `the period is longer than ${MAX_REVIEW_DAYS} days` });
}

const summaryQueryShape = {
  ...periodShape,
  compareFrom: isoDate.optional().openapi({ description: 'first day of the period compared with' }),
  compareTo: isoDate.optional().openapi({ description: 'last day of the period compared with' }),
  ...unitShape,
};

/** The summary's rules, shared by the briefing that prints it. */
function checkSummaryQuery(
  q: { from: string; to: string; compareFrom?: string; compareTo?: string; level: ReviewLevel; code?: string },
  ctx: z.RefinementCtx,
): void {
  checkPeriod(q, ctx);
  if ((q.compareFrom === undefined) !== (q.compareTo === undefined))
    ctx.addIssue({ code: 'custom', path: [q.compareFrom === undefined ? 'compareFrom' : 'compareTo'], message: 'compareFrom and compareTo must be given together' });
  else if (q.compareFrom && q.compareTo) {
    if (q.compareTo < q.compareFrom) ctx.addIssue({ code: 'custom', path: ['compareTo'], message: 'the compared period ends before it starts' });
    else checkPeriod({ from: q.compareFrom, to: q.compareTo }, ctx);
  }
  if (q.level !== 'city' && q.code === undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: `a ${q.level} needs its code` });
}

export const reviewSummaryQuerySchema = z.object(summaryQueryShape).superRefine(checkSummaryQuery);
export type ReviewSummaryQuery = z.output<typeof reviewSummaryQuerySchema>;

/** The clue measures of a unit over a period, as they stand now (the clue loop's figures). */
export const reviewKpisSchema = z
  .object({
    /** Clues reported in the period. */
    received: z.number().int(),
    /** Of them: closed (办结), closed by their 办理时限, and still open past it now. */
    closed: z.number().int(),
    closedOnTime: z.number().int(),
    openOverdue: z.number().int(),
    /** closed ÷ received; null without clues. */
    closureRate: z.number().nullable(),
    /** closed on time ÷ (closed + open overdue): an open overdue clue counts against it; null when both are 0. */
    onTimeRate: z.number().nullable(),
    /** Institutions the period's clues name, and those named by two or more of them (repeat offenders, 屡查屡犯). */
    institutionsNamed: z.number().int(),
    repeatOffenders: z.number().int(),
    /** Campaign check-ins (检查) in the period, and those that found a violation. */
    inspections: z.number().int(),
    violationsFound: z.number().int(),
  })
  .openapi('ReviewKpis');
export type ReviewKpis = z.output<typeof reviewKpisSchema>;

export const reviewUnitRefSchema = z.object({ level: reviewLevelSchema, code: z.string().nullable(), name: z.string() });
export type ReviewUnitRef = z.output<typeof reviewUnitRefSchema>;

export const reviewChildSchema = reviewUnitRefSchema.extend({ kpis: reviewKpisSchema, compareKpis: reviewKpisSchema.nullable() });
export type ReviewChild = z.output<typeof reviewChildSchema>;

export const reviewClueSchema = z.object({
  id: z.number().int(),
  reportedAt: z.string(),
  status: z.string(),
  suspectedType: z.string(),
  source: z.string(),
  address: z.string(),
  dueAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type ReviewClue = z.output<typeof reviewClueSchema>;

export const reviewSummarySchema = z
  .object({
    asOf: z.string(),
    period: periodSchema,
    compare: periodSchema.nullable(),
    /** The unit looked at and the way down to it from the top the caller may see (a district account starts at its district). */
    unit: reviewUnitRefSchema,
    breadcrumb: z.array(reviewUnitRefSchema),
    /** The unit's bounding box [west, south, east, north] (WGS84), for the map to frame; null for a unit without a shape. */
    bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
    kpis: reviewKpisSchema,
    compareKpis: reviewKpisSchema.nullable(),
    /** The level one step down (none below an institution), and its units in the unit, by clues received (most first). */
    childLevel: reviewLevelSchema.nullable(),
    children: z.array(reviewChildSchema),
    /** An institution's clues of the period (newest first, at most 200); empty above the institution level. */
    clues: z.array(reviewClueSchema),
  })
  .openapi('ReviewSummary');
export type ReviewSummary = z.output<typeof reviewSummarySchema>;

export const reviewTrendQuerySchema = z
  .object({ ...periodShape, ...unitShape, step: z.enum(['week', 'month']).default('month') })
  .superRefine((q, ctx) => {
    checkPeriod(q, ctx);
    if (q.level !== 'city' && q.code === undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: `a ${q.level} needs its code` });
    if (q.level === 'institution') ctx.addIssue({ code: 'custom', path: ['level'], message: 'trends are read down to a grid cell' });
  });
export type ReviewTrendQuery = z.output<typeof reviewTrendQuerySchema>;

export const trendSeriesSchema = z.object({
  level: reviewLevelSchema,
  code: z.string().nullable(),
  name: z.string(),
  received: z.array(z.number().int()),
  closed: z.array(z.number().int()),
  /** Per step: closed ÷ received of the step's clues, null without any. */
  closureRate: z.array(z.number().nullable()),
  onTimeRate: z.array(z.number().nullable()),
});
export type TrendSeries = z.output<typeof trendSeriesSchema>;

export const reviewTrendSchema = z
  .object({
    step: z.enum(['week', 'month']),
    /** The first day of each step (the first step starts at `from`, the last ends at `to`). */
    steps: z.array(z.string()),
    /** The unit's own series first, then its children's (districts, 街镇 or cells), most clues first. */
    series: z.array(trendSeriesSchema),
  })
  .openapi('ReviewTrend');
export type ReviewTrend = z.output<typeof reviewTrendSchema>;

// ---- 拉榜排名 ----

export const rankingPartKeySchema = z.enum(rankingPartKeys);
export type RankingPartKey = z.output<typeof rankingPartKeySchema>;

export const reviewRankingWeightsSchema = z
  .object(Object.fromEntries(rankingPartKeys.map((k) => [k, z.number().min(0).max(1)])) as Record<RankingPartKey, z.ZodNumber>)
  .refine((w) => Object.values(w).some((v) => v > 0), 'at least one weight must be above 0')
  .openapi('ReviewRankingWeights');
export type ReviewRankingWeights = z.output<typeof reviewRankingWeightsSchema>;

export const rankingPartSchema = z.object({
  /** The measure as read (a rate 0–1, or clues per 10,000 residents), null when the district has none. */
  value: z.number().nullable(),
  /** The measure on 0–1, 1 the best of the districts (see `direction`), null when the value is. */
  normalised: z.number().nullable(),
  /** weight × normalised × 100 ÷ Σ weights present: its share of the score. */
  points: z.number().nullable(),
});

export const reviewRankingRowSchema = z.object({
  rank: z.number().int(),
  districtCode: z.string(),
  name: z.string(),
  score: z.number().nullable(),
  parts: z.object(Object.fromEntries(rankingPartKeys.map((k) => [k, rankingPartSchema])) as Record<RankingPartKey, typeof rankingPartSchema>),
});
export type ReviewRankingRow = z.output<typeof reviewRankingRowSchema>;

export const reviewRankingSchema = z
  .object({
    period: periodSchema,
    weights: reviewRankingWeightsSchema,
    /** The weights' version (1 = the defaults) and when and by whom they were set. */
    weightsVersion: z.number().int(),
    weightsSetAt: z.string().nullable(),
    weightsSetBy: z.string().nullable(),
    /** For each part: whether more is better (higher) or worse (lower), as normalised. */
    direction: z.object(Object.fromEntries(rankingPartKeys.map((k) => [k, z.enum(['higher', 'lower'])])) as Record<RankingPartKey, z.ZodEnum<{ higher: 'higher'; lower: 'lower' }>>),
    rows: z.array(reviewRankingRowSchema),
  })
  .openapi('ReviewRanking');
export type ReviewRanking = z.output<typeof reviewRankingSchema>;

export const reviewRankingQuerySchema = z.object(periodShape).superRefine((q, ctx) => checkPeriod(q, ctx));

export const rankingWeightsWriteSchema = z.object({ weights: reviewRankingWeightsSchema, expectedVersion: z.number().int().min(1) }).strict();

// ---- presets ----

export const reviewPresetSchema = z.object({
  key: z.string(),
  period: periodSchema,
  /** The comparison one click away: the period before of the same length, the same period a year before, … */
  compare: periodSchema.nullable(),
  /** Why the preset is these dates (a vacation's or campaign's name), for the label. */
  note: z.string().nullable(),
});
export type ReviewPreset = z.output<typeof reviewPresetSchema>;
export const reviewPresetsSchema = z.object({ today: z.string(), sliderFrom: z.string(), presets: z.array(reviewPresetSchema) }).openapi('ReviewPresets');
export type ReviewPresets = z.output<typeof reviewPresetsSchema>;

// ---- routes ----

export const reviewSummaryRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/review/summary',
    tags: ['review'],
    summary: 'A unit’s clue measures for a period and the period compared, with its children’s (district → 街镇 → 网格 → 机构)',
    request: { query: reviewSummaryQuerySchema },
    responses: { 200: jsonContent(reviewSummarySchema, 'the unit, its breadcrumb, KPIs and children'), 404: errorResponses[404] },
  }),
);

export const reviewTrendRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/review/trend',
    tags: ['review'],
    summary: 'Clue counts and closure rates per week or month of a unit and of its children',
    request: { query: reviewTrendQuerySchema },
    responses: { 200: jsonContent(reviewTrendSchema, 'the series'), 404: errorResponses[404] },
  }),
);

export const reviewRankingRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/review/ranking',
    tags: ['review'],
    summary: '拉榜排名: every district scored on the weighted formula for a period, with each part',
    request: { query: reviewRankingQuerySchema },
    responses: { 200: jsonContent(reviewRankingSchema, 'the league table') },
  }),
);

export const rankingWeightsRoute = createRoute(
  protectedRoute({
    method: 'put',
    path: '/review/ranking-weights',
    tags: ['review'],
    summary: 'Sets the ranking’s weights (administrators; versioned and audited)',
    request: { body: { content: { 'application/json': { schema: rankingWeightsWriteSchema } }, required: true } },
    responses: {
      200: jsonContent(z.object({ weights: reviewRankingWeightsSchema, version: z.number().int() }), 'the weights now in force'),
      409: errorResponses[409],
    },
  }),
);

export const reviewPresetsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/review/presets',
    tags: ['review'],
    summary: 'The review’s period presets (本周, 本月, 本季度, 寒假, 暑假, 上一专项行动) with their comparisons',
    responses: { 200: jsonContent(reviewPresetsSchema, 'the presets') },
  }),
);

// ---- 研判简报 (the briefing PDF) ----

export const reviewBriefingQuerySchema = z
  .object({
    ...summaryQueryShape,
    bbox: bboxParam.optional().openapi({ description: 'the map’s view to print, west,south,east,north (WGS84); the unit’s extent without it' }),
    lang: z.enum(['zh-CN', 'en']).default('zh-CN').openapi({ description: 'the language of the document' }),
  })
  .superRefine(checkSummaryQuery);
export type ReviewBriefingQuery = z.output<typeof reviewBriefingQuerySchema>;

export const reviewBriefingRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/review/briefing.pdf',
    tags: ['review'],
    summary: '研判简报: the unit’s KPIs, ranking, trends, hot cells and a map of the view as an A4 PDF; the export is audited',
    request: { query: reviewBriefingQuerySchema },
    responses: {
      200: { description: 'the PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
      404: errorResponses[404],
    },
  }),
);
