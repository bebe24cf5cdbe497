import { sql } from 'drizzle-orm';
import { districtFilter, inBbox, instant, type BboxDegrees, type Queryable, type Scope } from './queryable.js';

export interface GridCellsParams {
  scope: Scope;
  bbox?: BboxDegrees;
  from: Date;
  to: Date;
  district?: string;
}

/** Simplify cells to about 1/2000 of the view width, which no screen can show, and not at all when zoomed in. */
export function gridSimplifyToleranceDegrees(bbox: BboxDegrees | undefined): number {
  const widthDegrees = bbox ? bbox.maxLon - bbox.minLon : 2;
  return Math.min(widthDegrees / 2000, 0.001);
}

/** Grid cells in scope with the number of clues reported in [from, to) in each, as FeatureCollection text. */
export function gridCellsSql(p: GridCellsParams) {
  const tolerance = gridSimplifyToleranceDegrees(p.bbox);
  return sql`
    WITH cells AS (
      SELECT g.id, g.code, g.district_code, g.street_code, g.worker_name, g.synthetic, g.geom
      FROM grid_cells g
      WHERE ${inBbox(sql`g.geom`, p.bbox)} AND ${districtFilter(sql`g.district_code`, p.scope, p.district)}
    ), counts AS (
      SELECT c.grid_cell_id, count(*) AS n
      FROM clues c
      WHERE c.grid_cell_id IN (SELECT id FROM cells)
        AND c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)}
        AND ${districtFilter(sql`c.district_code`, p.scope)}
      GROUP BY c.grid_cell_id
    )
    SELECT json_build_object(
      'type', 'FeatureCollection',
      'features', COALESCE(json_agg(json_build_object(
        'type', 'Feature',
        'id', cells.id,
        'geometry', ST_AsGeoJSON(
          CASE WHEN ST_NPoints(cells.geom) > 32 THEN ST_SimplifyPreserveTopology(cells.geom, ${tolerance}::float8) ELSE cells.geom END, 6)::json,
        'properties', json_build_object(
          'id', cells.id, 'code', cells.code, 'districtCode', cells.district_code, 'streetCode', cells.street_code,
          'workerName', cells.worker_name, 'synthetic', cells.synthetic, 'clueCount', COALESCE(counts.n, 0))
      ) ORDER BY cells.id), '[]'::json)
    )::text AS body
    FROM cells LEFT JOIN counts ON counts.grid_cell_id = cells.id`;
}

export async function gridCellsWithClueCounts(q: Queryable, p: GridCellsParams): Promise<string> {
  const [row] = await q.rows<{ body: string }>(gridCellsSql(p));
  return row.body;
}
