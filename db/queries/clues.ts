import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { clueSources, clueStatuses, suspectedTypes, type ClueSource, type ClueStatus, type SuspectedType } from '../../server/domain/vocabulary.js';
import { featurePageSql, pointFeatureRow } from './feature-page.js';
import { anyOf, districtFilter, inBbox, instant, isoUtc, jsonBody, parsedRows, type BboxDegrees, type Queryable, type Scope } from './queryable.js';

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
  return jsonBody(q, cluesInBboxSql(p));
}

export interface ClueDetailRow {
  id: number;
  geometry: { type: 'Point'; coordinates: number[] };
  properties: {
    id: number;
    source: ClueSource;
    reportedAt: string;
    suspectedType: SuspectedType;
    status: ClueStatus;
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

const clueDetailRow = pointFeatureRow(
  z.object({
    id: z.int(),
    source: z.enum(clueSources),
    reportedAt: z.string(),
    suspectedType: z.enum(suspectedTypes),
    status: z.enum(clueStatuses),
    institutionId: z.int().nullable(),
    districtCode: z.string(),
    gridCellId: z.int().nullable(),
    dueAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    synthetic: z.boolean(),
    address: z.string(),
    description: z.string(),
    districtName: z.string(),
    gridCellCode: z.string().nullable(),
    institutionName: z.string().nullable(),
    overdue: z.boolean(),
  }),
);

/** A clue with its details; `forUpdate` locks the row for the rest of the transaction. */
export async function clueById(q: Queryable, p: { scope: Scope; id: number; now: Date; forUpdate?: boolean }): Promise<ClueDetailRow | null> {
  const [row] = await parsedRows(q, clueDetailRow, sql`
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
  return row ? row.feature : null;
}
