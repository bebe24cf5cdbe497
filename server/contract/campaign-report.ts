import { createRoute, z } from '@hono/zod-openapi';
import { campaignStatuses, campaignTypes, checkItems } from '../domain/campaign.js';
import { checkInResults, listStatuses, violationKinds } from '../domain/vocabulary.js';
import { idParamsSchema } from './params.js';
import { errorResponses, jsonContent, protectedRoute, publicRoute } from './route-config.js';

// The after-action report of a campaign (总结, docs/campaigns-report.md) and its 一公开 result list. The report is made
// from the stored plan and the check-ins of the teams; a district account sees its own district's part only. The
// public list is what was published after the campaign closed, version by version, readable without a login.

/** A count split by 双人执法: co-signed (confirmed) and not yet co-signed (待确认). */
const splitSchema = z.object({ confirmed: z.number().int(), pending: z.number().int() });
export type Split = z.infer<typeof splitSchema>;

const coverageSchema = z.object({ targets: z.number().int(), covered: z.number().int(), rate: z.number().nullable() });

/** Hot cells at 95 % (bin ≥ 2, which includes 99 %) and at 99 % (bin 3) of one period. */
const hotCountSchema = z.object({ at95: z.number().int(), at99: z.number().int() });

export const reportPeriods = ['before', 'during', 'after'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

export const districtReportSchema = z.object({
  districtCode: z.string(),
  /** Stops of the stored plan (a target visited by two team-shifts counts twice) and the team-shifts with stops. */
  planned: z.object({ stops: z.number().int(), teamShifts: z.number().int() }),
  /** Planned stops with a check-in. */
  done: splitSchema,
  /** Check-ins at stops the stored plan does not hold (a stop re-planned away after it was recorded). */
  unplanned: z.number().int(),
  /** done (both) ÷ planned stops; null without planned stops. */
  completion: z.number().nullable(),
  /** Confirmed ÷ all check-ins; null without check-ins. */
  confirmationShare: z.number().nullable(),
  /** Priority targets (source `priority`) with at least one check-in, and the tier-D subset. */
  priority: coverageSchema,
  tierD: coverageSchema,
  results: z.record(z.enum(checkInResults), splitSchema),
  /** Check-ins whose 十查 item found an issue. */
  findings: z.record(z.enum(checkItems), splitSchema),
  /** Violations recorded against institutions of the district dated within the campaign. */
  violations: z.record(z.enum(violationKinds), z.number().int()),
  /** 立案查处 and 取缔. */
  cases: splitSchema,
  closures: splitSchema,
  /** 线索案件转化率: clues verified through the campaign's inspections, those that became a case, and the ratio. */
  clueConversion: z.object({ verified: z.number().int(), becameCases: z.number().int(), rate: z.number().nullable() }),
  repeatOffenders: z.number().int(),
  /** 人次: the members of every team-shift that recorded at least one check-in, summed. */
  officerTrips: z.number().int(),
  teamShiftsWorked: z.number().int(),
  hotCells: z.object({ before: hotCountSchema, during: hotCountSchema, after: hotCountSchema.nullable(), cooled: z.number().int(), warmed: z.number().int() }),
});
export type DistrictReport = z.infer<typeof districtReportSchema>;

export const rankingWeightsSchema = z.object({ completion: z.number(), priorityCoverage: z.number(), confirmationShare: z.number() });
export type RankingWeights = z.infer<typeof rankingWeightsSchema>;

export const rankingRowSchema = z.object({
  rank: z.number().int(),
  districtCode: z.string(),
  /** 0–100; null when the district has none of the three measures (no planned stop and no check-in). */
  score: z.number().nullable(),
  completion: z.number().nullable(),
  priorityCoverage: z.number().nullable(),
  confirmationShare: z.number().nullable(),
});

const periodSchema = z.object({
  period: z.enum(reportPeriods),
  /** [from, to) as Shanghai dates; the same number of days in each period. */
  from: z.string(),
  to: z.string(),
  /** false for a period that has not begun; true when it has begun but not ended (counts so far). */
  available: z.boolean(),
  partial: z.boolean(),
  hot: hotCountSchema,
});

const hotCellRowSchema = z.object({
  cellId: z.number().int(),
  code: z.string(),
  districtCode: z.string(),
  /** Confidence bins −3…+3 (Gi*, queen contiguity, within the district, as the planner finds hot cells). */
  before: z.number().int(),
  during: z.number().int(),
  after: z.number().int().nullable(),
  clues: z.object({ before: z.number().int(), during: z.number().int(), after: z.number().int().nullable() }),
  /** Hot (≥ 95 %) before and not after (or, while the after period has not begun, not during). */
  cooled: z.boolean(),
  warmed: z.boolean(),
});

const institutionRefSchema = z.object({ institutionId: z.number().int(), name: z.string(), creditCode: z.string().nullable(), districtCode: z.string() });

export const repeatOffenderReasons = ['prior_violation', 'two_non_compliant'] as const;

const repeatOffenderSchema = institutionRefSchema.extend({
  reasons: z.array(z.enum(repeatOffenderReasons)),
  /** The confirmed non-compliant results of the campaign, oldest first. */
  results: z.array(z.enum(checkInResults)),
  priorViolations: z.number().int(),
  lastPriorViolation: z.string().nullable(),
});

const listSuggestionSchema = institutionRefSchema.extend({
  current: z.enum(listStatuses),
  suggested: z.enum(listStatuses),
  reasons: z.array(z.string()),
});

export const campaignReportSchema = z
  .object({
    campaign: z.object({
      id: z.number().int(),
      name: z.string(),
      type: z.enum(campaignTypes),
      status: z.enum(campaignStatuses),
      startsOn: z.string(),
      endsOn: z.string(),
      days: z.number().int(),
    }),
    generatedAt: z.string(),
    /** The districts reported (a district account: its own only). */
    districtCodes: z.array(z.string()),
    totals: districtReportSchema.omit({ districtCode: true }),
    districts: z.array(districtReportSchema),
    rankingWeights: rankingWeightsSchema,
    ranking: z.array(rankingRowSchema),
    periods: z.array(periodSchema),
    /** The period the before period is compared with for `cooled`: after once it has begun, else during. */
    comparedWith: z.enum(['during', 'after']),
    hotCells: z.array(hotCellRowSchema),
    repeatOffenders: z.array(repeatOffenderSchema),
    /** 黑白名单 suggestions from the campaign's confirmed results: suggestions only, nothing is changed. */
    listSuggestions: z.array(listSuggestionSchema),
  })
  .openapi('CampaignReport');
export type CampaignReport = z.infer<typeof campaignReportSchema>;

/** The report's tables, each downloadable as CSV. */
export const reportTables = ['districts', 'results', 'findings', 'violations', 'ranking', 'hot-cells', 'repeat-offenders', 'list-suggestions'] as const;
export type ReportTable = (typeof reportTables)[number];

const fileContent = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string().openapi({ format: type === 'application/pdf' ? 'binary' : undefined }) } } });

export const campaignReportRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/report',
    tags: ['campaigns'],
    summary: 'The after-action report (总结) of a planned campaign; a district account gets its district’s part only',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(campaignReportSchema, 'the report'), 404: errorResponses[404] },
  }),
);

export const campaignReportPdfRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/report.pdf',
    tags: ['campaigns'],
    summary: 'The after-action report as an A4 PDF (zh-CN, Noto Sans SC embedded); the export is audited',
    request: { params: idParamsSchema },
    responses: { 200: fileContent('application/pdf', 'the PDF'), 404: errorResponses[404] },
  }),
);

export const campaignReportCsvRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/campaigns/{id}/report/{file}',
    tags: ['campaigns'],
    summary: 'One table of the report as CSV (UTF-8 with BOM); the export is audited',
    request: {
      params: idParamsSchema.extend({
        file: z.enum(reportTables.map((t) => `${t}.csv`) as [`${ReportTable}.csv`, ...`${ReportTable}.csv`[]]).openapi({ param: { name: 'file', in: 'path' }, example: 'districts.csv' }),
      }),
    },
    responses: { 200: fileContent('text/csv', 'the CSV'), 404: errorResponses[404] },
  }),
);

// ---- 一公开 ----

export const publicationRequestSchema = z
  .object({
    /** Why a new version corrects the published one; a first publication has none, a correction must have one. */
    correctionNote: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .openapi('PublicationRequest');

/** One published result: nothing personal beyond officers' certificate numbers, no reporter, no notes, no photos. */
export const publicResultSchema = z.object({
  /** 任务: the campaign's name. */
  task: z.string(),
  /** 检查对象: the institution's name, or the grid cell's patrol area. */
  object: z.string(),
  objectKind: z.enum(['institution', 'gridCell']),
  creditCode: z.string().nullable(),
  district: z.string(),
  result: z.enum(checkInResults),
  /** The result in words, zh-CN. */
  resultLabel: z.string(),
  /** Shanghai date of the inspection. */
  date: z.string(),
  /** 检查机关: the team's departments by name. */
  authority: z.string(),
  /** 执法证号 of the recording and the co-signing officer. */
  certificates: z.array(z.string()),
});
export type PublicResult = z.infer<typeof publicResultSchema>;

const publicationVersionSchema = z.object({ version: z.number().int(), publishedAt: z.string(), correctionNote: z.string().nullable() });

export const publicationSchema = z
  .object({
    campaignId: z.number().int(),
    task: z.string(),
    version: z.number().int(),
    publishedAt: z.string(),
    correctionNote: z.string().nullable(),
    rows: z.array(publicResultSchema),
    /** Every version, oldest first. */
    versions: z.array(publicationVersionSchema),
  })
  .openapi('CampaignPublication');
export type Publication = z.infer<typeof publicationSchema>;

export const publishCampaignRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/campaigns/{id}/publication',
    tags: ['campaigns'],
    summary: '一公开: publish the result list of a closed campaign (planner, admin; audited); a correction publishes the next version',
    request: { params: idParamsSchema, body: { required: true, content: { 'application/json': { schema: publicationRequestSchema } } } },
    responses: {
      201: jsonContent(publicationSchema, 'the version published'),
      404: errorResponses[404],
      409: errorResponses[409],
    },
  }),
);

export const publicResultsRoute = createRoute(
  publicRoute({
    method: 'get',
    path: '/public/campaigns/{id}/results',
    tags: ['public'],
    summary: '一公开: the latest published result list of a campaign with its version history (no login)',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(publicationSchema, 'the published list'), 404: errorResponses[404], 429: errorResponses[429] },
  }),
);

export const publicResultsCsvRoute = createRoute(
  publicRoute({
    method: 'get',
    path: '/public/campaigns/{id}/results.csv',
    tags: ['public'],
    summary: '一公开: the latest published result list as CSV (UTF-8 with BOM; no login)',
    request: { params: idParamsSchema },
    responses: { 200: fileContent('text/csv', 'the CSV'), 404: errorResponses[404], 429: errorResponses[429] },
  }),
);
