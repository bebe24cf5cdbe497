import { z } from 'zod';
import { CRS84, OGC_DEFAULT_LIMIT, OGC_MAX_LIMIT, ogcCollectionIds, parseOgcDatetime, type OgcInstantInterval } from '../domain/ogc.js';

// The query parameters of the OGC API – Features (/ogc). Every object is strict: the standard asks for a 400 on a
// parameter the API does not define (/req/core/query-param-unknown), which also catches a client's misspelling.

const formatParam = z.enum(['json', 'html']);

export interface OgcBbox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** `minLon,minLat,maxLon,maxLat`, or the six numbers of a 3D box whose heights are ignored. */
const bboxParam = z.string().transform((text, ctx): OgcBbox => {
  const numbers = text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if ((numbers.length !== 4 && numbers.length !== 6) || numbers.some((n) => !Number.isFinite(n))) {
    ctx.addIssue({ code: 'custom', message: 'must be four numbers minLon,minLat,maxLon,maxLat (or six for a 3D box)' });
    return z.NEVER;
  }
  const [minLon, minLat, maxLon, maxLat] = numbers.length === 4 ? numbers : [numbers[0], numbers[1], numbers[3], numbers[4]];
  if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) ctx.addIssue({ code: 'custom', message: 'longitudes must lie in [-180, 180], latitudes in [-90, 90]' });
  else if (minLon > maxLon || minLat > maxLat) ctx.addIssue({ code: 'custom', message: 'the lower corner must lie below and left of the upper one' });
  return { minLon, minLat, maxLon, maxLat };
});

const datetimeParam = z.string().transform((text, ctx): OgcInstantInterval => {
  const parsed = parseOgcDatetime(text);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

const crsParam = z.literal(CRS84, { error: `only ${CRS84} is offered` });

export const ogcFormatQuerySchema = z.object({ f: formatParam.optional() }).strict();

export const ogcItemsQuerySchema = z
  .object({
    f: formatParam.optional(),
    limit: z.coerce.number().int().min(1).max(OGC_MAX_LIMIT).default(OGC_DEFAULT_LIMIT),
    bbox: bboxParam.optional(),
    'bbox-crs': crsParam.optional(),
    crs: crsParam.optional(),
    datetime: datetimeParam.optional(),
    /** Keyset paging: the id of the previous page's last feature, as the `next` link carries it. */
    after: z.string().min(1).max(200).optional(),
  })
  .strict();
export type OgcItemsQuery = z.output<typeof ogcItemsQuerySchema>;

export const ogcFeatureQuerySchema = z.object({ f: formatParam.optional(), crs: crsParam.optional() }).strict();

export const ogcCollectionParam = z.enum(ogcCollectionIds);
