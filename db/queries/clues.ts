import { sql } from 'drizzle-orm';
import { featurePageSql } from './feature-page.js';
import { anyOf, districtFilter, inBbox, instant, isoUtc, parsedJson, type BboxDegrees, type Queryable, type Scope } from './queryable.js';

export interface CluesInBboxParams {
  scope: Scope;
  bbox: BboxDegrees;
  from: Date;
  to: Date;
  status?: readonly string[];
  source?: readonly string[];
  suspectedType?: readonly string[];
  district?: string;
  limit: number;
  cursor?: number;
}

/** One page of clues reported in [from, to) as a GeoJSON FeatureCollection text (see featurePageSql). */
export function cluesInBboxSql(p: CluesInBboxParams) {
  return featurePageSql({
    columns: sql`c.id, c.source, c.reported_at, c.suspected_type, c.status, c.institution_id, c.district_code,
             c.grid_cell_id, c.due_at, c.closed_at, c.synthetic, c.geom`,
    from: sql`clues c`,
    id: sql`c.id`,
    filters: [
      inBbox(sql`c.geom`, p.bbox),
      sql`c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)}`,
      districtFilter(sql`c.district_code`, p.scope, p.district),
      anyOf(sql`c.status::text`, p.status),
      anyOf(sql`c.source::text`, p.source),
      anyOf(sql`c.suspected_type::text`, p.suspectedType),
    ],
    properties: sql`json_build_object(
      'id', s.id, 'source', s.source, 'reportedAt', ${isoUtc(sql`s.reported_at`)},
      'suspectedType', s.suspected_type, 'status', s.status, 'institutionId', s.institution_id,
      'districtCode', s.district_code, 'gridCellId', s.grid_cell_id,
      'dueAt', ${isoUtc(sql`s.due_at`)}, 'closedAt', ${isoUtc(sql`s.closed_at`)}, 'synthetic', s.synthetic)`,
    limit: p.limit,
    cursor: p.cursor,
  });
}

export async function cluesInBbox(q: Queryable, p: CluesInBboxParams): Promise<string> {
  const [row] = await q.rows<{ body: string }>(cluesInBboxSql(p));
  return row.body;
}

export interface ClueDetailRow {
  id: number;
  geometry: { type: 'Point'; coordinates: number[] };
  properties: {
    id: number;
    source: string;
    reportedAt: string;
    suspectedType: string;
    status: string;
    institutionId: number | null;
    districtCode: string;
    gridCellId: number | null;
    dueAt: string | null;
    closedAt: string | null;
    synthetic: boolean;
    address: string;
    description: string;
    districtName: string;
    gridCellCode: string | null;
    institutionName: string | null;
    overdue: boolean;
  };
}

/** A clue with its details; `forUpdate` locks the row for the rest of the transaction. */
export async function clueById(q: Queryable, p: { scope: Scope; id: number; now: Date; forUpdate?: boolean }): Promise<ClueDetailRow | null> {
  const [row] = await q.rows<{ feature: ClueDetailRow | string }>(sql`
    SELECT json_build_object(
      'id', c.id,
      'geometry', ST_AsGeoJSON(c.geom, 6)::json,
      'properties', json_build_object(
        'id', c.id, 'source', c.source, 'reportedAt', ${isoUtc(sql`c.reported_at`)}, 'suspectedType', c.suspected_type,
        'status', c.status, 'institutionId', c.institution_id, 'districtCode', c.district_code, 'gridCellId', c.grid_cell_id,
        'dueAt', ${isoUtc(sql`c.due_at`)}, 'closedAt', ${isoUtc(sql`c.closed_at`)}, 'synthetic', c.synthetic,
        'address', c.address, 'description', c.description,
        'districtName', (SELECT d.name FROM districts d WHERE d.code = c.district_code),
        'gridCellCode', (SELECT g.code FROM grid_cells g WHERE g.id = c.grid_cell_id),
        'institutionName', (SELECT i.name FROM institutions i WHERE i.id = c.institution_id),
        'overdue', (c.status NOT IN ('closed', 'rejected') AND c.due_at IS NOT NULL AND c.due_at < ${instant(p.now)}))
    )::text AS feature
    FROM clues c
    WHERE c.id = ${p.id} AND ${districtFilter(sql`c.district_code`, p.scope)}
    ${p.forUpdate ? sql`FOR UPDATE` : sql``}`);
  return row ? parsedJson(row.feature) : null;
}
