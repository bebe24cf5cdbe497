// The feature collections of the OGC API – Features (/ogc): one layer each, read in keyset pages of GeoJSON built in
// SQL, in the reader's district scope. Geometry is WGS 84 longitude/latitude (CRS84), at full detail: a GIS client
// wants the real borders, not the map's simplified ones.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { OgcCollectionId } from '../../server/domain/ogc.js';
import { col, districtFilter, inBbox, instant, isoUtc, parsedRows, type BboxDegrees, type Queryable, type Scope } from './queryable.js';

interface Layer {
  /** A table or subquery aliased `f`, holding the columns the rest of the layer names. */
  from: SQL;
  /** The feature id: pages are keyed and ordered on it. */
  key: SQL;
  /** How a cursor or an id in a path is bound to compare with `key`. */
  keyParam: (value: string) => SQL;
  geom: SQL;
  district: SQL;
  /** The interval of the collection's time field (an instant has both ends equal); absent = no time field. */
  time?: { start: SQL; end: SQL };
  properties: SQL;
}

const intKey = (value: string) => sql`${value}::int`;
const textKey = (value: string) => sql`${value}::text`;
/** A calendar date of Shanghai as the instants it spans. */
const dayStart = (date: SQL) => sql`(${date}::timestamp AT TIME ZONE 'Asia/Shanghai')`;
const dayEnd = (date: SQL) => sql`((${date}::timestamp + interval '1 day' - interval '1 millisecond') AT TIME ZONE 'Asia/Shanghai')`;

const layers: Record<OgcCollectionId, Layer> = {
  districts: {
    from: sql`districts f`,
    key: sql`f.code`,
    keyParam: textKey,
    geom: sql`f.geom`,
    district: sql`f.code`,
    properties: sql`json_build_object('code', f.code, 'name', f.name, 'nameEn', f.name_en, 'synthetic', f.synthetic)`,
  },
  streets: {
    from: sql`streets f`,
    key: sql`f.code`,
    keyParam: textKey,
    geom: sql`f.geom`,
    district: sql`f.district_code`,
    properties: sql`json_build_object('code', f.code, 'name', f.name, 'districtCode', f.district_code, 'synthetic', f.synthetic)`,
  },
  'grid-cells': {
    from: sql`grid_cells f`,
    key: sql`f.id`,
    keyParam: intKey,
    geom: sql`f.geom`,
    district: sql`f.district_code`,
    properties: sql`json_build_object('code', f.code, 'districtCode', f.district_code, 'streetCode', f.street_code,
      'workerName', f.worker_name, 'synthetic', f.synthetic)`,
  },
  institutions: {
    from: sql`institutions f`,
    key: sql`f.id`,
    keyParam: intKey,
    geom: sql`f.geom`,
    district: sql`f.district_code`,
    time: { start: dayStart(sql`f.last_inspected_on`), end: dayEnd(sql`f.last_inspected_on`) },
    properties: sql`json_build_object('name', f.name, 'category', f.category, 'nature', f.nature, 'status', f.status,
      'listStatus', f.list_status, 'districtCode', f.district_code, 'gridCellId', f.grid_cell_id,
      'lastInspectedOn', f.last_inspected_on, 'synthetic', f.synthetic)`,
  },
  // What the clue list shows: no address, description or reporter, which stay behind the clue desk.
  clues: {
    from: sql`clues f`,
    key: sql`f.id`,
    keyParam: intKey,
    geom: sql`f.geom`,
    district: sql`f.district_code`,
    time: { start: sql`f.reported_at`, end: sql`f.reported_at` },
    properties: sql`json_build_object('source', f.source, 'reportedAt', ${isoUtc(sql`f.reported_at`)},
      'suspectedType', f.suspected_type, 'status', f.status, 'institutionId', f.institution_id,
      'districtCode', f.district_code, 'gridCellId', f.grid_cell_id, 'dueAt', ${isoUtc(sql`f.due_at`)},
      'closedAt', ${isoUtc(sql`f.closed_at`)}, 'synthetic', f.synthetic)`,
  },
  // One feature per target of a campaign's current plan, with the days its teams visit it.
  'campaign-targets': {
    from: sql`(
      SELECT t.campaign_id || ':' || (tg->>'key') AS fid, t.campaign_id, tg->>'key' AS target_key, min(tg->>'kind') AS kind,
             min((tg->>'refId')::int) AS ref_id, min(tg->>'name') AS name, min(tg->>'districtCode') AS district_code,
             max(tg->>'riskTier') AS risk_tier, max((tg->>'priority')::float8) AS priority, c.status AS campaign_status,
             min(t.date) AS first_date, max(t.date) AS last_date, count(*) AS visits,
             ST_SetSRID(ST_MakePoint(min((tg->'location'->>0)::float8), min((tg->'location'->>1)::float8)), 4326) AS geom
      FROM plan_team_shifts t
      JOIN campaigns c ON c.id = t.campaign_id AND c.current_version = t.campaign_version
      CROSS JOIN LATERAL jsonb_array_elements(t.targets) tg
      -- One feature per target, whatever its shifts say of it: a re-planned shift raises its priority (the highest is
      -- kept), and an id the feature answers twice would break the keyset paging.
      GROUP BY t.campaign_id, tg->>'key', c.status
    ) f`,
    key: sql`f.fid`,
    keyParam: textKey,
    geom: sql`f.geom`,
    district: sql`f.district_code`,
    time: { start: dayStart(sql`f.first_date`), end: dayEnd(sql`f.last_date`) },
    properties: sql`json_build_object('campaignId', f.campaign_id, 'campaignStatus', f.campaign_status,
      'targetKey', f.target_key, 'kind', f.kind, 'refId', f.ref_id, 'name', f.name, 'districtCode', f.district_code,
      'riskTier', f.risk_tier, 'priority', f.priority, 'firstDate', f.first_date, 'lastDate', f.last_date,
      'visits', f.visits)`,
  },
};

export interface OgcInterval {
  /** null = open start (`..`). */
  start: Date | null;
  end: Date | null;
}

export interface OgcItemsParams {
  collection: OgcCollectionId;
  scope: Scope;
  bbox?: BboxDegrees;
  datetime?: OgcInterval;
  limit: number;
  /** Keyset paging: features whose id comes after this one. */
  after?: string;
}

export const ogcHasTimeField = (collection: OgcCollectionId): boolean => layers[collection].time !== undefined;
/** Whether a collection's features are keyed by an integer id (a paging cursor must then be one, within int range). */
export const ogcKeyIsInteger = (collection: OgcCollectionId): boolean => layers[collection].keyParam === intKey;

function timeFilter(layer: Layer, interval: OgcInterval | undefined): SQL {
  if (!interval || !layer.time) return sql`TRUE`;
  const parts: SQL[] = [sql`${layer.time.start} IS NOT NULL`];
  if (interval.end) parts.push(sql`${layer.time.start} <= ${instant(interval.end)}`);
  if (interval.start) parts.push(sql`${layer.time.end} >= ${instant(interval.start)}`);
  return sql.join(parts, sql` AND `);
}

const featureJson = (layer: Layer) => sql`json_build_object(
  'type', 'Feature', 'id', ${layer.key},
  'geometry', CASE WHEN ${layer.geom} IS NULL THEN NULL ELSE ST_AsGeoJSON(${layer.geom}, 6)::json END,
  'properties', ${layer.properties})`;

const pageRow = z.object({ features: z.string(), numberMatched: col.int, numberReturned: col.int, lastKey: z.string().nullable(), more: z.boolean() });

export interface OgcItemsPage {
  /** The features as a JSON array text, passed on unparsed. */
  features: string;
  numberMatched: number;
  numberReturned: number;
  /** The id of the page's last feature when more follow, for the `next` link. */
  nextAfter: string | null;
}

/**
 * One keyset page of a collection: the features after `after` in id order, with the number of all features matching
 * the filters (numberMatched) so that a client knows the total before paging to the end.
 */
export async function ogcItems(q: Queryable, p: OgcItemsParams): Promise<OgcItemsPage> {
  const layer = layers[p.collection];
  const filters = sql.join([inBbox(layer.geom, p.bbox), districtFilter(layer.district, p.scope), timeFilter(layer, p.datetime)], sql` AND `);
  const keyset = p.after === undefined ? sql`TRUE` : sql`${layer.key} > ${layer.keyParam(p.after)}`;
  const [row] = await parsedRows(q, pageRow, sql`
    WITH page AS (
      SELECT ${layer.key} AS native, ${layer.key}::text AS k, ${featureJson(layer)} AS feature
      FROM ${layer.from}
      WHERE ${filters} AND ${keyset}
      ORDER BY ${layer.key}
      LIMIT ${p.limit + 1}
    ), shown AS (
      SELECT * FROM page ORDER BY native LIMIT ${p.limit}
    )
    SELECT COALESCE((SELECT json_agg(feature ORDER BY native) FROM shown), '[]'::json)::text AS features,
           (SELECT count(*) FROM ${layer.from} WHERE ${filters}) AS "numberMatched",
           (SELECT count(*) FROM shown) AS "numberReturned",
           (SELECT k FROM shown ORDER BY native DESC LIMIT 1) AS "lastKey",
           (SELECT count(*) FROM page) > ${p.limit} AS more`);
  return { features: row.features, numberMatched: row.numberMatched, numberReturned: row.numberReturned, nextAfter: row.more ? row.lastKey : null };
}

/** One feature in scope, as GeoJSON text; null when there is none of that id (or it lies outside the scope). */
export async function ogcFeature(q: Queryable, p: { collection: OgcCollectionId; scope: Scope; id: string }): Promise<string | null> {
  const layer = layers[p.collection];
  const [row] = await parsedRows(q, z.object({ feature: z.string() }), sql`
    SELECT ${featureJson(layer)}::text AS feature
    FROM ${layer.from}
    WHERE ${layer.key}::text = ${p.id} AND ${districtFilter(layer.district, p.scope)}`);
  return row?.feature ?? null;
}

/** The extent of a collection in scope, [minLon, minLat, maxLon, maxLat]; null when it holds no geometry. */
export async function ogcExtent(q: Queryable, p: { collection: OgcCollectionId; scope: Scope }): Promise<[number, number, number, number] | null> {
  const layer = layers[p.collection];
  const [row] = await parsedRows(q, z.object({ minLon: z.number().nullable(), minLat: z.number().nullable(), maxLon: z.number().nullable(), maxLat: z.number().nullable() }), sql`
    SELECT ST_XMin(e)::float8 AS "minLon", ST_YMin(e)::float8 AS "minLat", ST_XMax(e)::float8 AS "maxLon", ST_YMax(e)::float8 AS "maxLat"
    FROM (SELECT ST_Extent(${layer.geom})::geometry AS e FROM ${layer.from} WHERE ${districtFilter(layer.district, p.scope)}) x`);
  if (!row || row.minLon === null || row.minLat === null || row.maxLon === null || row.maxLat === null) return null;
  return [row.minLon, row.minLat, row.maxLon, row.maxLat];
}
