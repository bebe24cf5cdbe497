import { sql } from 'drizzle-orm';
import { districtFilter, inBbox, instant, jsonBody, type BboxDegrees, type Queryable, type Scope } from './queryable.js';

export interface GridCellsParams {
  scope: Scope;
  bbox?: BboxDegrees;
  from: Date;
  to: Date;
  district?: string;
}

/** Cells with more vertices than this (long borders) are simplified; a plain 0.5–1 km cell has a handful. */
const largeCellPoints = 64;

/** Simplify large cells to about 1/2000 of the view width, which no screen can show, and not at all when zoomed in. */
export function gridSimplifyToleranceDegrees(bbox: BboxDegrees | undefined): number {
  const widthDegrees = bbox ? bbox.maxLon - bbox.minLon : 2;
  return Math.min(widthDegrees / 2000, 0.001);
}

/**
 * Grid cells in scope with the number of clues reported in [from, to) in each, as FeatureCollection text.
 * The counts join grid_cells itself (not a CTE of the cells) so that the planner sees how many cells the
 * bbox holds: one index probe per cell for a street view, one pass over the range's clues for the city.
 */
export function gridCellsSql(p: GridCellsParams) {
  const tolerance = gridSimplifyToleranceDegrees(p.bbox);
  const cellFilter = sql`${inBbox(sql`g.geom`, p.bbox)} AND ${districtFilter(sql`g.district_code`, p.scope, p.district)}`;
  return sql`
    WITH counts AS (
      SELECT c.grid_cell_id, count(*) AS n
      FROM clues c JOIN grid_cells g ON g.id = c.grid_cell_id
      WHERE ${cellFilter}
        AND c.reported_at >= ${instant(p.from)} AND c.reported_at < ${instant(p.to)}
        AND ${districtFilter(sql`c.district_code`, p.scope)}
      GROUP BY c.grid_cell_id
    )
    SELECT json_build_object(
      'type', 'FeatureCollection',
      'features', COALESCE(json_agg(json_build_object(
        'type', 'Feature',
        'id', g.id,
        'geometry', ST_AsGeoJSON(
          CASE WHEN ST_NPoints(g.geom) > ${largeCellPoints} THEN ST_SimplifyPreserveTopology(g.geom, ${tolerance}::float8) ELSE g.geom END, 6)::json,
        'properties', json_build_object(
          'id', g.id, 'code', g.code, 'districtCode', g.district_code, 'streetCode', g.street_code,
          'workerName', g.worker_name, 'synthetic', g.synthetic, 'clueCount', COALESCE(counts.n, 0))
      ) ORDER BY g.id), '[]'::json)
    )::text AS body
    FROM grid_cells g LEFT JOIN counts ON counts.grid_cell_id = g.id
    WHERE ${cellFilter}`;
}

export async function gridCellsWithClueCounts(q: Queryable, p: GridCellsParams): Promise<string> {
  return jsonBody(q, gridCellsSql(p));
}
