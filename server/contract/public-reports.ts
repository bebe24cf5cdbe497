import { createRoute, z } from '@hono/zod-openapi';
import { suspectedTypes } from './enums.js';
import { featureCollectionSchema, polygonalGeometrySchema } from './geojson.js';
import { errorResponses, jsonContent, publicRoute } from './route-config.js';

// 随手拍: a citizen's report without an account (multipart form with up to four photos), the tracking page's view of
// it by tracking code, and the district borders the report page's map draws.

/** Largest photo of a public report, bytes (8 MB: a phone's full-size JPEG). */
export const MAX_REPORT_PHOTO_BYTES = 8 * 1024 * 1024;
/** Photos per report, at most. */
export const MAX_REPORT_PHOTOS = 4;
/** The whole form: four photos at their largest and the text fields. */
export const MAX_REPORT_BODY_BYTES = MAX_REPORT_PHOTOS * MAX_REPORT_PHOTO_BYTES + 256 * 1024;
export const reportImageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const DESCRIPTION_MIN = 5;
export const DESCRIPTION_MAX = 1000;
/** Reports per address and hour (beyond the public routes' per-minute limit). */
export const PUBLIC_REPORTS_PER_HOUR = 5;

/** A form field left empty is a field not given. */
const blankIsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankIsAbsent, z.string().trim().max(max).optional());
const coordinate = (min: number, max: number) => z.preprocess(blankIsAbsent, z.coerce.number().min(min).max(max).optional());

const fileSchema = z
  .custom<File>((value) => typeof File !== 'undefined' && value instanceof File, { message: 'expected a file' })
  .openapi({ type: 'string', format: 'binary' });

const reportFields = {
  /** 疑似类型: what the reporter thinks is going on. */
  category: z.enum(suspectedTypes),
  description: z.string().trim().min(DESCRIPTION_MIN).max(DESCRIPTION_MAX),
  /** The map pick, WGS84; both or neither. Neither: the first photo's EXIF GPS. */
  longitude: coordinate(-180, 180),
  latitude: coordinate(-90, 90),
  /** 地点描述, optional (a building, a floor). */
  address: optionalText(200),
  /** A phone for the desk's call-back, optional; never shown publicly. */
  contact: z.preprocess(
    blankIsAbsent,
    z
      .string()
      .trim()
      .regex(/^\+?[\d\s-]{7,20}$/, 'a phone number: digits, spaces, dashes, a leading +')
      .optional(),
  ),
};

const bothOrNeither = (form: { longitude?: number; latitude?: number }, ctx: z.RefinementCtx) => {
  if ((form.longitude === undefined) !== (form.latitude === undefined))
    ctx.addIssue({ code: 'custom', path: ['position'], message: 'give both longitude and latitude, or neither' });
};

/** The form's fields without the files, as the service takes and checks them. */
export const publicReportInputSchema = z.object(reportFields).superRefine(bothOrNeither);
export type PublicReportInput = z.output<typeof publicReportInputSchema>;

/** The multipart form: the fields and `photos` (the field repeated, one file each). */
export const publicReportFormSchema = z
  .object({
    ...reportFields,
    photos: z.preprocess((v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]), z.array(fileSchema).max(MAX_REPORT_PHOTOS)),
  })
  .superRefine(bothOrNeither)
  .openapi('PublicReportForm');
export type PublicReportForm = z.output<typeof publicReportFormSchema>;

export const positionSources = ['exif', 'map'] as const;
export type PositionSource = (typeof positionSources)[number];

export const publicReportReceiptSchema = z
  .object({
    trackingCode: z.string(),
    /** The tracking page, relative to the site: /track/<code>. */
    trackUrl: z.string(),
    positionSource: z.enum(positionSources),
    receivedAt: z.string(),
  })
  .openapi('PublicReportReceipt');
export type PublicReportReceipt = z.infer<typeof publicReportReceiptSchema>;

/** A text in the two languages of the product. */
export const bilingualSchema = z.object({ 'zh-CN': z.string(), en: z.string() }).openapi('Bilingual');
export type Bilingual = z.infer<typeof bilingualSchema>;

export const publicClueStepSchema = z.object({ step: z.string(), label: bilingualSchema, at: z.string() }).openapi('PublicClueStep');
export type PublicClueStep = z.infer<typeof publicClueStepSchema>;

export const publicClueViewSchema = z
  .object({
    trackingCode: z.string(),
    status: z.string(),
    statusLabel: bilingualSchema,
    category: z.enum(suspectedTypes),
    district: bilingualSchema,
    reportedAt: z.string(),
    /** Step name and time only: who did it, notes and addresses are not public. */
    steps: z.array(publicClueStepSchema),
    /** The handling department's answer to the reporter (公开答复), once there is one. */
    publicFeedback: z.string().nullable(),
    /** Demo data (模拟数据). */
    synthetic: z.boolean(),
  })
  .openapi('PublicClueView');
export type PublicClueView = z.infer<typeof publicClueViewSchema>;

export const publicDistrictCollectionSchema = featureCollectionSchema(
  polygonalGeometrySchema,
  z.object({ code: z.string(), name: z.string(), nameEn: z.string() }),
).openapi('PublicDistrictCollection');
export type PublicDistrictCollection = z.infer<typeof publicDistrictCollectionSchema>;

export const submitPublicReportRoute = createRoute(
  publicRoute({
    method: 'post',
    path: '/public/reports',
    tags: ['public'],
    summary: '随手拍: a citizen’s report (multipart form, ≤ 4 JPEG/PNG/WebP photos of ≤ 8 MB; no login); answers the tracking code',
    request: { body: { content: { 'multipart/form-data': { schema: publicReportFormSchema } }, required: true } },
    responses: {
      201: jsonContent(publicReportReceiptSchema, 'received: the tracking code and the tracking page'),
      413: errorResponses[413],
      415: { ...errorResponses[415], description: 'a photo that is not a JPEG, PNG or WebP by its bytes' },
      422: { ...errorResponses[422], description: 'a position outside every district, none at all, or a photo that does not decode' },
      429: { ...errorResponses[429], description: 'too many reports from this address this hour, or too many requests this minute' },
    },
  }),
);

const trackParams = z.object({ code: z.string().max(64).openapi({ param: { name: 'code', in: 'path' } }) });

export const trackPublicReportRoute = createRoute(
  publicRoute({
    method: 'get',
    path: '/public/track/{code}',
    tags: ['public'],
    summary: 'A public report’s status, steps and public answer by its tracking code (no login; 404 for unknown and malformed codes alike)',
    request: { params: trackParams },
    responses: { 200: jsonContent(publicClueViewSchema, 'the clue as the reporter may see it'), 404: errorResponses[404], 429: errorResponses[429] },
  }),
);

export const publicDistrictsRoute = createRoute(
  publicRoute({
    method: 'get',
    path: '/public/districts',
    tags: ['public'],
    summary: 'The districts’ borders (simplified) with their names, for the report page’s map (no login)',
    responses: { 200: jsonContent(publicDistrictCollectionSchema, 'districts as GeoJSON'), 429: errorResponses[429] },
  }),
);
