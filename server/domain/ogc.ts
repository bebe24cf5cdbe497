// The vocabulary of the OGC API – Features at /ogc (Part 1 Core with GeoJSON and HTML, Part 2 with CRS84 alone):
// the collections, the conformance classes and the meaning of a `datetime` value, without any I/O.

export const ogcCollectionIds = ['districts', 'streets', 'grid-cells', 'institutions', 'clues', 'campaign-targets'] as const;
export type OgcCollectionId = (typeof ogcCollectionIds)[number];

export interface OgcCollectionInfo {
  title: string;
  description: string;
  /** The property the `datetime` parameter filters on; null = the collection has none. */
  timeField: string | null;
}

export const ogcCollections: Record<OgcCollectionId, OgcCollectionInfo> = {
  districts: { title: '区县 Districts', description: 'The districts of the city (GB/T 2260 codes) and their borders.', timeField: null },
  streets: { title: '街镇 Streets and towns', description: 'Streets (街道) and towns (镇): the union of their grid cells.', timeField: null },
  'grid-cells': { title: '网格 Grid cells', description: 'The management grid cells and their grid workers.', timeField: null },
  institutions: {
    title: '校外培训机构 Training institutions',
    description: 'Off-campus training institutions with their status and 黑白名单 list status.',
    timeField: 'lastInspectedOn',
  },
  clues: {
    title: '线索 Clues',
    description: 'Clues of irregular tutoring, without their address, description or reporter.',
    timeField: 'reportedAt',
  },
  'campaign-targets': {
    title: '专项行动检查对象 Campaign targets',
    description: 'The targets of the current plans of special campaigns, with the days their teams visit them.',
    timeField: 'firstDate/lastDate',
  },
};

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export const ogcConformance = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
] as const;

/** The page size when `limit` is absent, and the largest a client may ask for (answered in the API's limits). */
export const OGC_DEFAULT_LIMIT = 1000;
export const OGC_MAX_LIMIT = 10000;

export interface OgcInstantInterval {
  start: Date | null;
  end: Date | null;
}

const dateTimeText = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const dateText = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date alone is a day of Shanghai (UTC+8, no daylight saving). */
const SHANGHAI_OFFSET = '+08:00';

function bound(text: string, side: 'start' | 'end'): Date | null | 'invalid' {
  if (text === '' || text === '..') return null;
  let date: Date;
  if (dateTimeText.test(text)) date = new Date(text);
  else if (dateText.test(text)) {
    date = new Date(`${text}T00:00:00${SHANGHAI_OFFSET}`);
    if (side === 'end' && !Number.isNaN(date.getTime())) date = new Date(date.getTime() + 86_400_000 - 1);
  } else return 'invalid';
  return Number.isNaN(date.getTime()) ? 'invalid' : date;
}

/**
 * A `datetime` value (RFC 3339 date-time or date, or an interval `start/end` with `..` or nothing for an open end)
 * as the instants it spans; a string of problems when it is none of these.
 */
export function parseOgcDatetime(text: string): OgcInstantInterval | string {
  const parts = text.split('/');
  if (parts.length > 2) return 'must be an instant or one interval start/end';
  if (parts.length === 1) {
    if (text === '..' || text === '') return 'must be an instant or an interval';
    const start = bound(text, 'start');
    const end = bound(text, 'end');
    if (start === 'invalid' || end === 'invalid') return 'must be an RFC 3339 date-time (2026-10-01T08:00:00Z) or date';
    return { start, end };
  }
  const start = bound(parts[0], 'start');
  const end = bound(parts[1], 'end');
  if (start === 'invalid' || end === 'invalid') return 'each end must be an RFC 3339 date-time or date, or .. for an open end';
  if (start === null && end === null) return 'an interval needs at least one end';
  if (start && end && start > end) return 'the interval starts after it ends';
  return { start, end };
}

/** The media types of the API and the `f` value of each. */
export const ogcFormats = { json: 'application/json', geojson: 'application/geo+json', html: 'text/html' } as const;
export type OgcFormat = 'json' | 'html';

/**
 * The format an answer takes: `f` when given, else the Accept header's preference; a browser (text/html before any
 * JSON) gets HTML, every other client JSON.
 */
export function ogcFormatOf(f: OgcFormat | undefined, accept: string | undefined): OgcFormat {
  if (f) return f;
  if (!accept) return 'json';
  const ranked = accept
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((r) => Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { type } of ranked) {
    if (type === 'text/html') return 'html';
    if (type === 'application/json' || type === 'application/geo+json' || type.endsWith('+json')) return 'json';
  }
  return 'json';
}
