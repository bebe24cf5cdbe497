import { createRoute, z } from '@hono/zod-openapi';
import { ESCALATION_NOTIFY } from '../domain/clue-escalation.js';
import { clueLoopSteps, type LoopStep } from '../domain/clue-loop-steps.js';
import { evidenceKinds } from '../domain/clue-steps.js';
import { platformFields } from '../domain/platform-csv.js';
import { isIsoDate } from '../domain/time.js';
import { clueKinds, clueSources, clueStatuses, deskIntakeSources, institutionCategories, suspectedTypes } from './enums.js';
import { pointGeometrySchema } from './geojson.js';
import { clueDetailPropertiesSchema, newClueSchema } from './clues.js';
import { featureSchema } from './geojson.js';
import { csvEnumParam, districtCodeParam, idParamsSchema, jsonQueryParam } from './params.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

// The clue loop's desk (线索闭环, docs/clues.md#api-steps): the clue's detail with its dispatch, deadline, escalation and
// links; one endpoint per step, each with its body; the queue; the responsibility matrix; the platform import; the
// timeline and the metrics.

/** The explicit steps of the loop, each an endpoint `POST /api/clues/{id}/<step with dashes>` and an audit action `clue.<step>`. */
export const clueSteps = clueLoopSteps;
export type ClueStep = LoopStep;

export const escalationLevels = Object.keys(ESCALATION_NOTIFY) as [keyof typeof ESCALATION_NOTIFY, ...(keyof typeof ESCALATION_NOTIFY)[]];
export const escalationSchema = z
  .object({
    level: z.enum(escalationLevels),
    workingDaysOverdue: z.number().int(),
    /** Who is told at this level: handler, department_head, grid_centre, bureau_leader, district_supervision. */
    notify: z.array(z.string()),
  })
  .openapi('ClueEscalation');
export type ClueEscalationView = z.output<typeof escalationSchema>;

export const evidenceSchema = z
  .object({
    kind: z.enum(evidenceKinds),
    /** The check-in's or photo's id, or the document's reference (文号). */
    ref: z.string().trim().min(1).max(200),
  })
  .strict();

const departmentCode = z.string().regex(/^[a-z_]{2,40}$/, 'must be a department code such as education');
const reason = z.string().trim().min(4, 'at least 4 characters').max(2000);
const note = z.string().trim().max(2000).optional();

export const cluePhotoSchema = z
  .object({
    sha256: z.string(),
    thumbnailSha256: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    /** Came with the 随手拍 report, or attached at the desk's intake. */
    origin: z.enum(['report', 'intake']),
  })
  .openapi('CluePhoto');
export type CluePhoto = z.output<typeof cluePhotoSchema>;

export const clueLoopPropertiesSchema = clueDetailPropertiesSchema
  .extend({
    kind: z.enum(clueKinds),
    /** Masked (138****5678) for everyone but administrators; null when the reporter left none. */
    callerPhone: z.string().nullable(),
    phoneMasked: z.boolean(),
    externalId: z.string().nullable(),
    attachments: z.array(z.string()),
    /** Photos from outside: the 随手拍 report's and those attached at intake; read at `/api/clues/{id}/photos/{sha256}`. */
    photos: z.array(cluePhotoSchema),
    leadDepartment: z.string().nullable(),
    coDepartments: z.array(z.string()),
    matrixRuleId: z.string().nullable(),
    matrixVersion: z.number().int().nullable(),
    /** The matrix rule's reason, or the reason given with an override. */
    dispatchReason: z.string().nullable(),
    /** 街镇吹哨、部门报到: three departments or more on the case. */
    whistle: z.boolean(),
    dispatchedAt: z.string().nullable(),
    /** The clock is paused while the clue waits for the reporter (等待补充). */
    paused: z.boolean(),
    pausedAt: z.string().nullable(),
    /** A pending extension request (延期申请), null when none waits for a decision. */
    extensionRequest: z.object({ workingDays: z.number().int(), reason: z.string(), requestedAt: z.string(), requestedBy: z.string() }).nullable(),
    /** Merged into this clue (a duplicate); a merged clue leaves the queue and closes with its parent. */
    parentId: z.number().int().nullable(),
    childIds: z.array(z.number().int()),
    reopenCount: z.number().int(),
    verification: z.object({ evidence: z.array(evidenceSchema), result: z.string(), verifiedAt: z.string() }).nullable(),
    handlingResult: z.string().nullable(),
    closingResult: z.string().nullable(),
    /** What the reporter is told (处理反馈). */
    publicFeedback: z.string().nullable(),
    escalation: escalationSchema.nullable(),
    /** The steps the clue's state allows now. */
    nextSteps: z.array(z.enum(clueSteps)),
    /** The co-signed check-in whose finding the clue is (sources campaign and grid_patrol), null for a report. */
    checkInId: z.number().int().nullable(),
  })
  .openapi('ClueLoopProperties');
export const clueLoopDetailSchema = featureSchema(pointGeometrySchema, clueLoopPropertiesSchema).openapi('ClueLoopDetail');
export type ClueLoopDetail = z.output<typeof clueLoopDetailSchema>;

// ——— intake ———

const phone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s()-]{7,20}$/, 'must be a phone number (digits, spaces, dashes, an optional leading +)');
const photoId = z.string().regex(/^[0-9a-f]{64}$/, 'must be a photo id (the SHA-256 of a stored photo)');

/**
 * The desk's intake form: a call to 12345, a grid worker's patrol report (网格巡查上报), a media report or a transfer
 * from another department, with what the reporter said. 随手拍, the platform and campaign checks have their own channels.
 */
export const clueIntakeSchema = newClueSchema
  .extend({
    source: z.enum(deskIntakeSources),
    kind: z.enum(clueKinds).default('complaint'),
    callerPhone: phone.optional(),
    attachments: z.array(photoId).max(20).default([]),
  })
  .strict()
  .openapi('ClueIntake');
export type ClueIntake = z.input<typeof clueIntakeSchema>;
export type ClueIntakeBody = z.output<typeof clueIntakeSchema>;

// ——— step bodies ———

export const registerStepSchema = z.object({ note }).strict().openapi('ClueRegisterStep');
/** Without a lead the matrix decides; a lead given by hand overrides the matrix and needs its reason. */
export const dispatchStepSchema = z
  .object({ lead: departmentCode.optional(), co: z.array(departmentCode).max(10).optional(), reason: reason.optional(), note })
  .strict()
  .superRefine((b, ctx) => {
    if ((b.lead !== undefined || b.co !== undefined) && b.reason === undefined)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a dispatch that overrides the matrix gives its reason' });
    if (b.co !== undefined && b.lead === undefined) ctx.addIssue({ code: 'custom', path: ['lead'], message: 'co-departments by hand need the lead by hand too' });
    if (b.lead !== undefined && b.co?.includes(b.lead)) ctx.addIssue({ code: 'custom', path: ['co'], message: 'the lead is not among its own co-departments' });
  })
  .openapi('ClueDispatchStep');
export const bulkDispatchSchema = z
  .object({ ids: z.array(z.number().int().positive()).min(1).max(200), note })
  .strict()
  .refine((b) => new Set(b.ids).size === b.ids.length, { path: ['ids'], message: 'each id once' })
  .openapi('ClueBulkDispatch');
export const sendBackStepSchema = z.object({ reason }).strict().openapi('ClueSendBackStep');
export const acceptStepSchema = z.object({ note }).strict().openapi('ClueAcceptStep');
export const extendRequestStepSchema = z
  .object({ workingDays: z.number().int().min(1).max(30), reason })
  .strict()
  .openapi('ClueExtendRequestStep');
export const extendDecideStepSchema = z.object({ approve: z.boolean(), note }).strict().openapi('ClueExtendDecideStep');
export const pauseStepSchema = z.object({ reason }).strict().openapi('CluePauseStep');
export const resumeStepSchema = z.object({ note }).strict().openapi('ClueResumeStep');
export const feedbackStepSchema = z
  .object({
    /** What the department did and found (internal). */
    result: reason,
    /** What the reporter is told on the tracking page. */
    publicFeedback: z.string().trim().min(4, 'at least 4 characters').max(2000),
  })
  .strict()
  .openapi('ClueFeedbackStep');
export const verifyStepSchema = z
  .object({ evidence: z.array(evidenceSchema).max(50), result: z.string().trim().max(2000) })
  .strict()
  .openapi('ClueVerifyStep');
export const closeStepSchema = z.object({ result: reason }).strict().openapi('ClueCloseStep');
export const reopenStepSchema = z.object({ reason }).strict().openapi('ClueReopenStep');
export const mergeStepSchema = z.object({ parentId: z.number().int().positive(), note }).strict().openapi('ClueMergeStep');
export const rejectStepSchema = z.object({ reason }).strict().openapi('ClueRejectStep');

export const clueStepBodySchemas = {
  register: registerStepSchema,
  dispatch: dispatchStepSchema,
  send_back: sendBackStepSchema,
  accept: acceptStepSchema,
  extend_request: extendRequestStepSchema,
  extend_decide: extendDecideStepSchema,
  pause: pauseStepSchema,
  resume: resumeStepSchema,
  feedback: feedbackStepSchema,
  verify: verifyStepSchema,
  close: closeStepSchema,
  reopen: reopenStepSchema,
  merge: mergeStepSchema,
  reject: rejectStepSchema,
} as const satisfies Record<ClueStep, z.ZodType>;
export type ClueStepBody<S extends ClueStep> = z.output<(typeof clueStepBodySchemas)[S]>;

export const bulkDispatchResultSchema = z
  .object({
    results: z.array(
      z.object({
        id: z.number().int(),
        ok: z.boolean(),
        /** The clue after its dispatch. */
        leadDepartment: z.string().nullable(),
        error: z.object({ code: z.string(), message: z.string() }).nullable(),
      }),
    ),
  })
  .openapi('ClueBulkDispatchResult');
export type BulkDispatchResult = z.output<typeof bulkDispatchResultSchema>;

// ——— queue ———

export const dueWindows = ['overdue', 'today', '3d', '7d'] as const;
export const clueQueueQuerySchema = z
  .object({
    status: csvEnumParam(clueStatuses),
    source: csvEnumParam(clueSources),
    kind: csvEnumParam(clueKinds),
    district: districtCodeParam.optional(),
    department: departmentCode.optional().openapi({ description: 'the lead or a co-department' }),
    due: z.enum(dueWindows).optional().openapi({ description: 'overdue, due by today’s 24:00, within 3 or 7 days (open clues)' }),
    includeClosed: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    sort: z.enum(['due', '-due', 'reported', '-reported']).default('due'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .openapi('ClueQueueQuery');
export type ClueQueueQuery = z.output<typeof clueQueueQuerySchema>;

export const clueQueueItemSchema = z
  .object({
    id: z.number().int(),
    source: z.enum(clueSources),
    kind: z.enum(clueKinds),
    status: z.enum(clueStatuses),
    suspectedType: z.enum(suspectedTypes),
    districtCode: z.string(),
    address: z.string(),
    reportedAt: z.string(),
    dueAt: z.string().nullable(),
    leadDepartment: z.string().nullable(),
    coDepartments: z.array(z.string()),
    whistle: z.boolean(),
    paused: z.boolean(),
    overdue: z.boolean(),
    escalation: escalationSchema.nullable(),
    childCount: z.number().int(),
    /** [longitude, latitude] (WGS84): the desk's map draws the queue without asking for each clue. */
    position: z.tuple([z.number(), z.number()]),
  })
  .openapi('ClueQueueItem');
export const clueQueueSchema = z.object({ total: z.number().int(), items: z.array(clueQueueItemSchema) }).openapi('ClueQueue');
export type ClueQueue = z.output<typeof clueQueueSchema>;

// ——— duplicates ———

export const duplicateCandidatesSchema = z
  .object({
    clueId: z.number().int(),
    candidates: z.array(
      z.object({
        id: z.number().int(),
        score: z.number(),
        distanceMetres: z.number(),
        daysApart: z.number(),
        reasons: z.array(z.object({ kind: z.string() }).catchall(z.unknown())),
        status: z.enum(clueStatuses),
        address: z.string(),
        reportedAt: z.string(),
        parentId: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('ClueDuplicates');
export type DuplicateCandidates = z.output<typeof duplicateCandidatesSchema>;

// ——— timeline and the public view ———

export const timelineEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    /** The audit action: clue.create, clue.dispatch, … */
    action: z.string(),
    step: z.string(),
    actor: z.string(),
    actorName: z.string().nullable(),
    status: z.enum(clueStatuses).nullable(),
    note: z.string().nullable(),
  })
  .openapi('ClueTimelineEntry');
export const clueTimelineSchema = z.object({ clueId: z.number().int(), entries: z.array(timelineEntrySchema) }).openapi('ClueTimeline');
export type ClueTimeline = z.output<typeof clueTimelineSchema>;


// ——— responsibility matrix ———

export const matrixRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,60}$/, 'a rule id is lower-case letters, digits, dashes and underscores'),
    suspectedTypes: z.array(z.enum(suspectedTypes)).min(1).optional(),
    institutionCategories: z.array(z.enum(institutionCategories)).min(1).optional(),
    lead: departmentCode,
    co: z.array(departmentCode).max(10),
    reason: z.string().trim().min(4).max(500),
  })
  .strict();
export const matrixChangesSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  /** Rules kept under their id, with the fields that changed (suspectedTypes, institutionCategories, lead, co, reason). */
  changed: z.array(z.object({ id: z.string(), fields: z.array(z.string()) })),
  reordered: z.boolean(),
});
export const matrixVersionSchema = z.object({
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  ruleCount: z.number().int(),
  /** Against the version before; null for the first. */
  changes: matrixChangesSchema.nullable(),
});
export const responsibilityMatrixSchema = z
  .object({
    current: z.object({ version: z.number().int(), createdBy: z.string(), createdAt: z.string(), rules: z.array(matrixRuleSchema) }),
    versions: z.array(matrixVersionSchema),
  })
  .openapi('ResponsibilityMatrix');
export type ResponsibilityMatrix = z.output<typeof responsibilityMatrixSchema>;
export const matrixUpdateSchema = z
  .object({
    /** The version the edit started from: a newer one stored meanwhile makes this 409. */
    expectedVersion: z.number().int().positive(),
    rules: z.array(matrixRuleSchema).min(1).max(200),
  })
  .strict()
  .openapi('ResponsibilityMatrixUpdate');
export type MatrixUpdate = z.output<typeof matrixUpdateSchema>;

// ——— platform CSV import ———

const mappingParam = jsonQueryParam(z.partialRecord(z.enum(platformFields), z.number().int().min(0).max(200)), {
  name: 'mapping',
  maxLength: 2000,
  shape: '{"field": column index}',
  hint: `fields: ${platformFields.join(', ')}`,
});
export const clueImportQuerySchema = z
  .object({
    encoding: z.enum(['auto', 'utf-8', 'gbk']).default('auto'),
    mapping: mappingParam.optional().openapi({ description: 'JSON {"field": column index from 0}', example: '{"address":3}' }),
    commit: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
    kind: z.enum(clueKinds).default('complaint'),
  })
  .openapi('ClueImportQuery');
export type ClueImportQuery = z.output<typeof clueImportQuerySchema>;
export const clueImportReportSchema = z
  .object({
    committed: z.boolean(),
    encoding: z.string(),
    rowCount: z.number().int(),
    /** The header row as decoded. */
    header: z.array(z.string()),
    /** The column of each field (from 0), as found by the headers the importer knows or mapped by hand. */
    mapping: z.partialRecord(z.enum(platformFields), z.number().int()),
    /** The first rows below the header as decoded, the phone column masked for everyone but administrators. */
    sample: z.array(z.array(z.string())),
    problems: z.array(z.object({ path: z.string(), message: z.string() })),
    rows: z.array(
      z.object({
        line: z.number().int(),
        externalId: z.string(),
        districtCode: z.string(),
        suspectedType: z.enum(suspectedTypes),
        reportedAt: z.string(),
        /** The stored clue's id once committed. */
        clueId: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('ClueImportReport');
export type ClueImportReport = z.output<typeof clueImportReportSchema>;
/** The largest import file (a 20,000-row export is about 8 MB). */
export const MAX_CLUE_IMPORT_BYTES = 16 * 1024 * 1024;

// ——— metrics ———

const isoDate = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
export const clueMetricsQuerySchema = z
  .object({
    from: isoDate.openapi({ description: 'first day received (Shanghai date), included', example: '2026-10-01' }),
    to: isoDate.openapi({ description: 'last day received, included', example: '2026-10-31' }),
    groupBy: z.enum(['department', 'district']).default('district'),
    district: districtCodeParam.optional(),
  })
  .refine((q) => !isIsoDate(q.from) || !isIsoDate(q.to) || q.from <= q.to, { path: ['to'], message: 'the period ends before it starts' })
  .openapi('ClueMetricsQuery');
export type ClueMetricsQuery = z.output<typeof clueMetricsQuerySchema>;
export const clueMetricsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    groupBy: z.enum(['department', 'district']),
    groups: z.array(
      z.object({
        group: z.string(),
        received: z.number().int(),
        closed: z.number().int(),
        closedOnTime: z.number().int(),
        openOverdue: z.number().int(),
        onTimeRate: z.number().nullable(),
        handlingHours: z.object({ p50: z.number(), p90: z.number(), max: z.number() }).nullable(),
        conversionRate: z.number().nullable(),
        reopenRate: z.number().nullable(),
      }),
    ),
  })
  .openapi('ClueMetrics');
export type ClueMetricsAnswer = z.output<typeof clueMetricsSchema>;

// ——— routes ———

const jsonBody = <S>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });
const stepResponses = {
  200: jsonContent(clueLoopDetailSchema, 'the clue after the step'),
  404: errorResponses[404],
  409: errorResponses[409],
  413: errorResponses[413],
  422: errorResponses[422],
};

/** `POST /clues/{id}/<step>` with its body; the path names the step with dashes (send-back, extend-request, …). */
const clueStepRoute = <S extends ClueStep, P extends `/clues/{id}/${string}`>(step: S, path: P, summary: string) =>
  createRoute(
    protectedRoute({
      method: 'post',
      path,
      tags: ['clues'],
      summary: `${summary} (audited as clue.${step})`,
      request: { params: idParamsSchema, body: jsonBody(clueStepBodySchemas[step]) },
      responses: stepResponses,
    }),
  );

export const clueStepRoutes = {
  register: clueStepRoute('register', '/clues/{id}/register', '案卷建立: received → registered'),
  dispatch: clueStepRoute('dispatch', '/clues/{id}/dispatch', '派单 by the responsibility matrix (or by hand with a reason): registered → dispatched'),
  send_back: clueStepRoute('send_back', '/clues/{id}/send-back', '退单 with its reason, within 2 working days of the dispatch: dispatched → registered'),
  accept: clueStepRoute('accept', '/clues/{id}/accept', '签收: dispatched → handling'),
  extend_request: clueStepRoute('extend_request', '/clues/{id}/extend-request', '延期申请, at least one working day before the deadline'),
  extend_decide: clueStepRoute('extend_decide', '/clues/{id}/extend-decide', '延期审批: approve (the deadline moves on) or refuse'),
  pause: clueStepRoute('pause', '/clues/{id}/pause', '等待补充: the clock stops'),
  resume: clueStepRoute('resume', '/clues/{id}/resume', 'Resume: the deadline moves on by the working days paused'),
  feedback: clueStepRoute('feedback', '/clues/{id}/feedback', '处理反馈 with the text the reporter is told: handling → feedback'),
  verify: clueStepRoute('verify', '/clues/{id}/verify', '核查 with evidence: feedback → verified'),
  close: clueStepRoute('close', '/clues/{id}/close', '结案 after the verification; merged clues close with it: verified → closed'),
  reopen: clueStepRoute('reopen', '/clues/{id}/reopen', '重办: the reporter is not satisfied; closed → handling with a new deadline'),
  merge: clueStepRoute('merge', '/clues/{id}/merge', 'Merge a duplicate into its parent clue; it leaves the queue'),
  reject: clueStepRoute('reject', '/clues/{id}/reject', '不予受理 with its reason'),
} as const;

/** GET /clues/{id}: the clue's detail, extended with the loop (a superset of ClueDetail). */
export const getClueRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/clues/{id}',
    tags: ['clues'],
    summary: 'One clue with its dispatch, working-day deadline, escalation, links and the steps it allows',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(clueLoopDetailSchema, 'the clue'), 404: errorResponses[404] },
  }),
);

/** POST /clues: the 12345 operator form or a grid patrol's report. */
export const createClueRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/clues',
    tags: ['clues'],
    summary: 'Register a new clue (audited as clue.create); its district and grid cell come from its point, its deadline from its kind',
    request: { body: jsonBody(clueIntakeSchema) },
    responses: { 201: jsonContent(clueLoopDetailSchema, 'the registered clue'), 413: errorResponses[413], 422: errorResponses[422] },
  }),
);

/** The multipart intake: the JSON intake as the field `clue`, and up to MAX_REPORT_PHOTOS files as `photos`. */
export const clueIntakeFormSchema = z
  .object({
    /** The same body as POST /clues takes, as JSON text. */
    clue: z.string().openapi({ description: 'the ClueIntake as JSON text' }),
    photos: z.preprocess(
      (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
      z.array(z.custom<File>((value) => typeof File !== 'undefined' && value instanceof File, { message: 'expected a file' }).openapi({ type: 'string', format: 'binary' })),
    ),
  })
  .openapi('ClueIntakeForm');

/** POST /clues/with-photos: the 12345 form with the caller's photos, all or nothing. */
export const createClueWithPhotosRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/clues/with-photos',
    tags: ['clues'],
    summary: 'Register a new clue with up to four photos (JPEG/PNG/WebP by their bytes, ≤ 8 MB each), stored re-encoded without EXIF; nothing is written on any refusal',
    request: { body: { required: true, content: { 'multipart/form-data': { schema: clueIntakeFormSchema } } } },
    responses: {
      201: jsonContent(clueLoopDetailSchema, 'the registered clue with its photos'),
      413: { ...errorResponses[413], description: 'a photo larger than 8 MB, or the form beyond its limit' },
      415: { ...errorResponses[415], description: 'a photo that is not a JPEG, PNG or WebP by its bytes' },
      422: errorResponses[422],
    },
  }),
);

const cluePhotoParams = idParamsSchema.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex').openapi({ param: { name: 'sha256', in: 'path' } }) });
const imageResponse = { description: 'the image (JPEG)', content: { 'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) } } };

export const cluePhotoRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/clues/{id}/photos/{sha256}',
    tags: ['clues'],
    summary: 'A photo of the clue (display copy, re-encoded without EXIF); 404 for a clue outside the account’s district',
    request: { params: cluePhotoParams },
    responses: { 200: imageResponse, 404: errorResponses[404] },
  }),
);

export const cluePhotoThumbnailRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/clues/{id}/photos/{sha256}/thumbnail',
    tags: ['clues'],
    summary: 'A photo’s thumbnail (320 px) of the clue; 404 for a clue outside the account’s district',
    request: { params: cluePhotoParams },
    responses: { 200: imageResponse, 404: errorResponses[404] },
  }),
);

export const bulkDispatchRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/clues/dispatch',
    tags: ['clues'],
    summary: 'Dispatch several registered clues by the matrix (each audited as clue.dispatch)',
    request: { body: jsonBody(bulkDispatchSchema) },
    responses: { 200: jsonContent(bulkDispatchResultSchema, 'per clue: dispatched or why not'), 413: errorResponses[413] },
  }),
);

export const clueQueueRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/clues/queue',
    tags: ['clues'],
    summary: 'The desk’s queue: open clues (merged ones left out) filtered, sorted by due time, paged',
    request: { query: clueQueueQuerySchema },
    responses: { 200: jsonContent(clueQueueSchema, 'one page of the queue') },
  }),
);

export const clueDuplicatesRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/clues/{id}/duplicates',
    tags: ['clues'],
    summary: 'Clues that may report the same case, with the reasons (100 m, 30 days, same institution, similar text)',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(duplicateCandidatesSchema, 'the candidates, best first'), 404: errorResponses[404] },
  }),
);

export const clueTimelineRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/clues/{id}/timeline',
    tags: ['clues'],
    summary: 'Every step of a clue from the audit log: who, when, what, the note',
    request: { params: idParamsSchema },
    responses: { 200: jsonContent(clueTimelineSchema, 'the steps, oldest first'), 404: errorResponses[404] },
  }),
);

export const clueMetricsRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/clues/metrics',
    tags: ['clues'],
    summary: 'On-time rate, handling time percentiles, conversion and reopen rates per department or district',
    request: { query: clueMetricsQuerySchema },
    responses: { 200: jsonContent(clueMetricsSchema, 'the figures per group') },
  }),
);

export const clueImportRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/clues/import',
    tags: ['clues'],
    summary: 'The national platform’s complaints CSV: a dry-run report per row, or with commit=true all rows or none (audited)',
    request: { query: clueImportQuerySchema },
    responses: {
      200: jsonContent(clueImportReportSchema, 'the report (and the stored ids when committed)'),
      413: errorResponses[413],
      422: errorResponses[422],
    },
  }),
);

export const getMatrixRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/responsibility-matrix',
    tags: ['clues'],
    summary: 'The responsibility matrix in force and its versions',
    responses: { 200: jsonContent(responsibilityMatrixSchema, 'the matrix') },
  }),
);

export const putMatrixRoute = createRoute(
  protectedRoute({
    method: 'put',
    path: '/responsibility-matrix',
    tags: ['clues'],
    summary: 'Store a new version of the matrix (administrators; audited as matrix.update)',
    request: { body: jsonBody(matrixUpdateSchema) },
    responses: { 200: jsonContent(responsibilityMatrixSchema, 'the matrix with the new version'), 409: errorResponses[409], 413: errorResponses[413] },
  }),
);
