import { z } from '@hono/zod-openapi';
import { DAY_MS } from '../domain/time.js';

/** Largest bbox a request may ask for, in square degrees: the whole of Shanghai is about 1.6. */
export const maxBboxAreaSquareDegrees = 16;
/** Longest time range a request may ask for. */
export const maxTimeRangeDays = 1100;
/** One answer holds a whole city's institutions (the demo has 6,000): a second, sequential page cost the first view
 * another round trip and parse. */
export const maxPageLimit = 10000;
export const defaultPageLimit = 1000;

export interface Bbox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Checks a bbox given as numbers; returns the problems (empty when valid). */
export function bboxProblems(b: Bbox): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(b)) if (!Number.isFinite(value)) problems.push(`${name} is not a number`);
  if (problems.length) return problems;
  if (b.minLon < -180 || b.maxLon > 180) problems.push('longitudes must lie in [-180, 180]');
  if (b.minLat < -90 || b.maxLat > 90) problems.push('latitudes must lie in [-90, 90]');
  if (b.minLon >= b.maxLon) problems.push('minLon must be less than maxLon');
  if (b.minLat >= b.maxLat) problems.push('minLat must be less than maxLat');
  if (!problems.length && (b.maxLon - b.minLon) * (b.maxLat - b.minLat) > maxBboxAreaSquareDegrees)
    problems.push(`bbox is larger than ${maxBboxAreaSquareDegrees} square degrees`);
  return problems;
}

export const bboxParam = z
  .string()
  .transform((text, ctx): Bbox => {
    const parts = text.split(',').map((p) => p.trim());
    if (parts.length !== 4 || parts.some((p) => p === '')) {
      ctx.addIssue({ code: 'custom', message: 'bbox must be minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    const [minLon, minLat, maxLon, maxLat] = parts.map(Number);
    const bbox = { minLon, minLat, maxLon, maxLat };
    for (const message of bboxProblems(bbox)) ctx.addIssue({ code: 'custom', message });
    return bbox;
  })
  .openapi({
    param: { name: 'bbox', in: 'query' },
    description: 'minLon,minLat,maxLon,maxLat in WGS84 degrees',
    example: '121.38,31.22,121.46,31.28',
  });

/** An ISO 8601 date (2026-11-01, midnight UTC) or date-time with offset (2026-11-01T08:00:00+08:00). */
export const isoInstantParam = z
  .string()
  .transform((text, ctx): Date => {
    const isDate = /^\d{4}-\d{2}-\d{2}$/.test(text);
    const isDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/.test(text);
    const date = new Date(isDate ? `${text}T00:00:00Z` : text);
    if ((!isDate && !isDateTime) || Number.isNaN(date.getTime()) || (isDate && date.toISOString().slice(0, 10) !== text)) {
      ctx.addIssue({ code: 'custom', message: `not an ISO 8601 date or date-time with offset: ${text}` });
      return z.NEVER;
    }
    return date;
  })
  .openapi({ example: '2026-10-01' });

/** Adds the from < to and span rules to a query schema with `from` and `to`. */
export function checkTimeRange(value: { from?: Date; to?: Date }, ctx: z.RefinementCtx): void {
  const { from, to } = value;
  if ((from === undefined) !== (to === undefined)) {
    ctx.addIssue({ code: 'custom', path: [from === undefined ? 'from' : 'to'], message: 'from and to must be given together' });
    return;
  }
  if (!from || !to) return;
  if (from.getTime() >= to.getTime()) ctx.addIssue({ code: 'custom', path: ['to'], message: 'from must be before to' });
  else if (to.getTime() - from.getTime() > maxTimeRangeDays * DAY_MS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `time range is longer than ${maxTimeRangeDays} days` });
}

export const timeRangeShape = {
  from: isoInstantParam.openapi({ description: 'start of the range, inclusive', example: '2026-10-01' }),
  to: isoInstantParam.openapi({ description: 'end of the range, exclusive', example: '2026-11-01' }),
};

/** GB/T 2260 district (区县) code. */
export const districtCodeParam = z
  .string()
  .regex(/^\d{6}$/, 'district must be a six-digit GB/T 2260 code')
  .openapi({ example: '310107' });

export const pagingShape = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(maxPageLimit)
    .default(defaultPageLimit)
    .openapi({ description: `page size, at most ${maxPageLimit}`, example: defaultPageLimit }),
  cursor: z
    .string()
    .regex(/^\d{1,12}$/, 'cursor must be the nextCursor of the previous page')
    .transform(Number)
    .optional()
    .openapi({ description: 'nextCursor of the previous page (keyset paging by id)' }),
};

/** A comma-separated list of enum values, e.g. status=licensed,unlicensed. */
export function csvEnumParam<const T extends readonly [string, ...string[]]>(values: T) {
  const member = z.enum(values);
  return z
    .string()
    .transform((text, ctx): T[number][] => {
      const items = [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
      const out: T[number][] = [];
      for (const item of items) {
        const parsed = member.safeParse(item);
        if (parsed.success) out.push(parsed.data);
        else ctx.addIssue({ code: 'custom', message: `unknown value ${JSON.stringify(item)}; expected one of ${values.join(', ')}` });
      }
      if (!items.length) ctx.addIssue({ code: 'custom', message: 'empty filter' });
      return out;
    })
    .optional()
    .openapi({ description: `comma-separated, any of: ${values.join(', ')}` });
}

export const idParamsSchema = z.object({
  id: z
    .string()
    .regex(/^\d{1,12}$/, 'id must be a positive integer')
    .transform(Number)
    .openapi({ param: { name: 'id', in: 'path' }, example: '1' }),
});

/**
 * A query parameter that carries JSON (an import's column mapping): parsed, then checked by `schema`; the message
 * names the parameter and, for JSON that is not JSON, the shape it should have.
 */
export function jsonQueryParam<T>(schema: z.ZodType<T>, options: { name: string; maxLength: number; shape: string; hint: string }) {
  return z
    .string()
    .max(options.maxLength)
    .transform((text, ctx) => {
      try {
        const parsed = schema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: 'custom', message: `${options.name}: ${parsed.error.issues[0].message} (${options.hint})` });
      } catch {
        ctx.addIssue({ code: 'custom', message: `${options.name} must be JSON: ${options.shape}` });
      }
      return z.NEVER;
    });
}
