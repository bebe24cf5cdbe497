import { sql } from 'drizzle-orm';
import { districtFilter, jsonBody, type Queryable, type Scope } from './queryable.js';

const borderToleranceDegrees = 0.0001;

/** 街镇 in scope (and of one district when asked) as a FeatureCollection text; geometry null until built. */
export async function streetsInDistrict(q: Queryable, p: { scope: Scope; district?: string }): Promise<string> {
  return jsonBody(q, sql`
    WITH cells AS (SELECT street_code, count(*) AS n FROM grid_cells GROUP BY street_code)
    SELECT json_build_object(
      'type', 'FeatureCollection',
      'features', COALESCE(json_agg(json_build_object(
        'type', 'Feature',
        'id', s.code,
        'geometry', CASE WHEN s.geom IS NULL THEN NULL
                         ELSE ST_AsGeoJSON(ST_SimplifyPreserveTopology(s.geom, ${borderToleranceDegrees}::float8), 6)::json END,
        'properties', json_build_object(
          'code', s.code, 'name', s.name, 'districtCode', s.district_code, 'synthetic', s.synthetic,
          'gridCellCount', COALESCE(cells.n, 0))
      ) ORDER BY s.code), '[]'::json)
    )::text AS body
    FROM streets s
    LEFT JOIN cells ON cells.street_code = s.code
    WHERE ${districtFilter(sql`s.district_code`, p.scope, p.district)}`);
}
