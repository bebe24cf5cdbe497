import { createRoute, z } from '@hono/zod-openapi';
import { checkItems } from '../domain/campaign.js';
import { isIsoDate } from '../domain/time.js';
import { checkFindings, checkInResults } from '../domain/vocabulary.js';
import { errorResponses, jsonContent, protectedRoute } from './route-config.js';

// The phone page's API (执法队员, route /field; docs/field.md): the officer's team-shifts of the day with their ordered
// stops, arrivals, check-ins with their 十查 findings and photos, and the second officer's co-signature (双人执法).
// Every write carries the client's idempotency key: a retried upload returns what the first one stored, the same key
// with another body is refused (409), so an offline queue may resend until it hears an answer.

const isoDate = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');
const instantText = z.iso.datetime({ offset: true });

/** A check-in farther than this from its target is flagged (距离过远); the rule lives in the domain. */
export { FAR_FROM_TARGET_METRES } from '../domain/check-in.js';
/** Largest photo accepted, bytes (10 MB). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Photos per check-in, at most. */
export const MAX_PHOTOS_PER_CHECK_IN = 12;
export const photoMediaTypes = ['image/jpeg', 'image/png'] as const;

/** Where the device was, as the browser's Geolocation API gives it (WGS84). */
export const devicePositionSchema = z
  .object({
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    /** The device's own accuracy estimate, metres (95 % radius as browsers report it). */
    accuracyMetres: z.number().min(0).max(100_000).nullable(),
  })
  .strict()
  .openapi('DevicePosition');

export const fieldDateQuerySchema = z.object({
  /** The day to show (Asia/Shanghai); default today. */
  date: isoDate.optional(),
});

const fieldMemberSchema = z.object({
  officerId: z.number().int(),
  name: z.string(),
  departmentCode: z.string(),
  certificateNo: z.string(),
  lead: z.boolean(),
});

export const checkInStatuses = ['pending_cosign', 'confirmed'] as const;

const photoRefSchema = z.object({
  sha256: sha256Hex,
  thumbnailSha256: sha256Hex,
  mediaType: z.enum(photoMediaTypes),
  width: z.number().int(),
  height: z.number().int(),
  /** EXIF DateTimeOriginal (the camera's clock), when present. */
  takenAt: z.string().nullable(),
  /** EXIF GPS position, when present. */
  exifLocation: lonLat.nullable(),
});

export const photoSchema = photoRefSchema.extend({ byteSize: z.number().int() }).openapi('Photo');

export const checkInSchema = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    teamId: z.string(),
    targetKey: z.string(),
    result: z.enum(checkInResults),
    findings: z.array(z.object({ item: z.enum(checkItems), finding: z.enum(checkFindings) })),
    notes: z.string(),
    photos: z.array(photoRefSchema),
    position: lonLat.nullable(),
    positionAccuracyMetres: z.number().nullable(),
    /** Great-circle distance from the device to the target, metres; null without a position. */
    distanceMetres: z.number().nullable(),
    /** More than FAR_FROM_TARGET_METRES from the target (or no position at all). */
    farFromTarget: z.boolean(),
    checkedAt: z.string(),
    receivedAt: z.string(),
    recordedBy: z.object({ officerId: z.number().int(), name: z.string(), certificateNo: z.string() }),
    cosignedBy: z.object({ officerId: z.number().int(), name: z.string(), certificateNo: z.string() }).nullable(),
    cosignedAt: z.string().nullable(),
    /** 待确认 until the second officer co-signs, then 已确认. */
    status: z.enum(checkInStatuses),
  })
  .openapi('CheckIn');

export const fieldStopSchema = z.object({
  /** 1-based position in the team's current route order. */
  order: z.number().int(),
  targetKey: z.string(),
  kind: z.enum(['institution', 'gridCell']),
  name: z.string(),
  address: z.string(),
  creditCode: z.string().nullable(),
  location: lonLat,
  /** Planned arrival and departure, HH:MM. */
  eta: clock,
  departure: clock,
  serviceMinutes: z.number(),
  riskTier: z.enum(['A', 'B', 'C', 'D']).nullable(),
  /** The 十查 items the plan asks for at this stop. */
  checks: z.array(z.enum(checkItems)),
  arrival: z.object({ arrivedAt: z.string(), distanceMetres: z.number().nullable() }).nullable(),
  checkIn: checkInSchema.nullable(),
});

export const fieldAssignmentSchema = z
  .object({
    campaignId: z.number().int(),
    campaignName: z.string(),
    campaignVersion: z.number().int(),
    campaignStatus: z.string(),
    teamId: z.string(),
    teamLabel: z.string(),
    districtCode: z.string(),
    date: isoDate,
    shift: z.object({ id: z.string(), start: clock, end: clock }),
    /** Whether the signed-in officer leads this team (执法队长). */
    isLead: z.boolean(),
    members: z.array(fieldMemberSchema),
    base: z.object({ name: z.string(), location: lonLat }),
    /** The road path base → stops → base ([] when only straight legs are known). */
    line: z.array(lonLat),
    stops: z.array(fieldStopSchema),
    /** When the team's remaining stops were last re-optimised (插单, an officer out); null = as planned. */
    replannedAt: z.string().nullable(),
  })
  .openapi('FieldAssignment');

export const fieldDaySchema = z
  .object({
    officer: z.object({ id: z.number().int(), name: z.string(), certificateNo: z.string(), departmentCode: z.string(), districtCode: z.string() }),
    date: isoDate,
    /** The officer's team-shifts of the day in active campaigns, by shift start. */
    assignments: z.array(fieldAssignmentSchema),
    /** The officer's next team-shifts after the day (at most 10), for an empty day's "next duty". */
    upcoming: z.array(z.object({ date: isoDate, campaignId: z.number().int(), campaignName: z.string(), teamId: z.string(), start: clock, end: clock })),
  })
  .openapi('FieldDay');

const idempotencyKey = z.uuid('must be a UUID (the client makes one per write and keeps it for its retries)');

export const arrivalRequestSchema = z
  .object({
    idempotencyKey,
    campaignId: z.number().int().positive(),
    teamId: z.string().min(1).max(100),
    targetKey: z.string().min(1).max(100),
    arrivedAt: instantText,
    position: devicePositionSchema.nullable(),
  })
  .strict()
  .openapi('ArrivalRequest');

export const arrivalSchema = z
  .object({
    id: z.number().int(),
    campaignId: z.number().int(),
    teamId: z.string(),
    targetKey: z.string(),
    arrivedAt: z.string(),
    distanceMetres: z.number().nullable(),
  })
  .openapi('Arrival');

export const checkInRequestSchema = z
  .object({
    idempotencyKey,
    campaignId: z.number().int().positive(),
    teamId: z.string().min(1).max(100),
    targetKey: z.string().min(1).max(100),
    result: z.enum(checkInResults),
    /** One finding per 十查 item the plan asked for at the stop (no other items, none twice). */
    findings: z.array(z.object({ item: z.enum(checkItems), finding: z.enum(checkFindings) }).strict()).max(checkItems.length),
    notes: z.string().max(2000).default(''),
    /** Photos uploaded before (POST /api/field/photos), by SHA-256, in the order shown. */
    photos: z.array(sha256Hex).max(MAX_PHOTOS_PER_CHECK_IN).default([]),
    position: devicePositionSchema.nullable(),
    /** The device's clock at the check-in (it may reach the server hours later). */
    checkedAt: instantText,
  })
  .strict()
  .openapi('CheckInRequest');

export const cosignRequestSchema = z
  .object({
    idempotencyKey,
    position: devicePositionSchema.nullable(),
    cosignedAt: instantText,
  })
  .strict()
  .openapi('CosignRequest');

export const checkInListQuerySchema = z.object({
  campaignId: z.coerce.number().int().positive(),
  teamId: z.string().min(1).max(100).optional(),
});

const checkInIdParams = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });
const photoParams = z.object({ sha256: sha256Hex.openapi({ param: { name: 'sha256', in: 'path' } }) });

const replayed = (schema: z.ZodType, what: string) => ({
  201: jsonContent(schema, `${what} stored`),
  200: jsonContent(schema, `the same idempotency key and body again: what was stored the first time, nothing written`),
  404: errorResponses[404],
  409: errorResponses[409],
  422: errorResponses[422],
});

export const fieldDayRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/field/today',
    tags: ['field'],
    summary: 'The signed-in field officer’s team-shifts of a day (default today) with their ordered stops and what is done',
    request: { query: fieldDateQuerySchema },
    responses: { 200: jsonContent(fieldDaySchema, 'the day') },
  }),
);

export const arrivalRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/field/arrivals',
    tags: ['field'],
    summary: '到达: the team is at a stop (idempotent by key); audited',
    request: { body: { content: { 'application/json': { schema: arrivalRequestSchema } }, required: true } },
    responses: replayed(arrivalSchema, 'the arrival'),
  }),
);

export const photoUploadRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/field/photos',
    tags: ['field'],
    summary: 'A photo (JPEG or PNG by its bytes, ≤ 10 MB) into the content-addressed store; the same bytes twice are stored once',
    request: { body: { content: { 'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) }, 'image/png': { schema: z.string().openapi({ format: 'binary' }) } }, required: true } },
    responses: {
      201: jsonContent(photoSchema, 'stored'),
      200: jsonContent(photoSchema, 'these bytes were stored before'),
      413: errorResponses[413],
      415: { ...errorResponses[415], description: 'not a JPEG or PNG by its bytes, or a Content-Type that is not one or says another type than the bytes' },
      422: errorResponses[422],
    },
  }),
);

export const photoRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/field/photos/{sha256}',
    tags: ['field'],
    summary: 'A photo’s bytes (immutable; cached by the browser)',
    request: { params: photoParams },
    responses: { 200: { description: 'the image', content: { 'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) } } }, 404: errorResponses[404] },
  }),
);

export const photoThumbnailRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/field/photos/{sha256}/thumbnail',
    tags: ['field'],
    summary: 'A photo’s thumbnail (JPEG, longest side 320 px)',
    request: { params: photoParams },
    responses: { 200: { description: 'the thumbnail', content: { 'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) } } }, 404: errorResponses[404] },
  }),
);

export const checkInRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/field/check-ins',
    tags: ['field'],
    summary: 'A check-in at one of the team’s stops: result, 十查 findings, notes, photos, device position (idempotent by key); audited',
    request: { body: { content: { 'application/json': { schema: checkInRequestSchema } }, required: true } },
    responses: replayed(checkInSchema, 'the check-in'),
  }),
);

export const cosignRoute = createRoute(
  protectedRoute({
    method: 'post',
    path: '/field/check-ins/{id}/cosign',
    tags: ['field'],
    summary: '双人执法: the second officer of the team co-signs a check-in on their own phone; audited',
    request: { params: checkInIdParams, body: { content: { 'application/json': { schema: cosignRequestSchema } }, required: true } },
    responses: { 200: jsonContent(checkInSchema, 'co-signed (or already co-signed with this key)'), 404: errorResponses[404], 409: errorResponses[409], 422: errorResponses[422] },
  }),
);

export const checkInListRoute = createRoute(
  protectedRoute({
    method: 'get',
    path: '/field/check-ins',
    tags: ['field'],
    summary: 'Check-ins of a campaign (optionally one team-shift) in the caller’s scope, newest first',
    request: { query: checkInListQuerySchema },
    responses: { 200: jsonContent(z.array(checkInSchema), 'the check-ins'), 404: errorResponses[404] },
  }),
);

export type FieldDay = z.output<typeof fieldDaySchema>;
export type FieldAssignment = z.output<typeof fieldAssignmentSchema>;
export type FieldStop = z.output<typeof fieldStopSchema>;
export type CheckIn = z.output<typeof checkInSchema>;
export type CheckInRequest = z.output<typeof checkInRequestSchema>;
export type ArrivalRequest = z.output<typeof arrivalRequestSchema>;
export type Arrival = z.output<typeof arrivalSchema>;
export type CosignRequest = z.output<typeof cosignRequestSchema>;
export type Photo = z.output<typeof photoSchema>;
export type DevicePosition = z.output<typeof devicePositionSchema>;
