import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { col, districtFilter, jsonBody, parsedRows, type Queryable, type Scope } from './queryable.js';

/** Borders are simplified to about 20 m: plenty for a city map, a fraction of the bytes. */
const borderToleranceDegrees = 0.0002;

/**
 * The districts `d` of a query as one FeatureCollection text, ordered by code: borders simplified to `toleranceDegrees`
 * and written with `digits` decimals, and the properties given.
 */
export const districtFeatureCollection = (properties: SQL, p: { toleranceDegrees: number; digits: number }): SQL => sql`json_build_object(
      'type', 'FeatureCollection',
      'features', COALESCE(json_agg(json_build_object(
        'type', 'Feature',
        'id', d.code,
        'geometry', ST_AsGeoJSON(ST_SimplifyPreserveTopology(d.geom, ${p.toleranceDegrees}::float8), ${p.digits}::int)::json,
        'properties', ${properties}
      ) ORDER BY d.code), '[]'::json)
    )::text`;

/** Districts in scope as a FeatureCollection text, with institution, clue and open-clue counts. */
export function districtsSql(p: { scope: Scope }) {
  return sql`
    WITH inst AS (
      SELECT district_code, count(*) AS n FROM institutions GROUP BY district_code
    ), clue AS (
      SELECT district_code, count(*) AS n, count(*) FILTER (WHERE status NOT IN ('closed', 'rejected')) AS open
      FROM clues GROUP BY district_code
    )
    SELECT ${districtFeatureCollection(
      sql`json_build_object(
          'code', d.code, 'name', d.name, 'nameEn', d.name_en, 'synthetic', d.synthetic,
          'institutionCount', COALESCE(inst.n, 0), 'clueCount', COALESCE(clue.n, 0), 'openClueCount', COALESCE(clue.open, 0))`,
      { toleranceDegrees: borderToleranceDegrees, digits: 6 },
    )} AS body
    FROM districts d
    LEFT JOIN inst ON inst.district_code = d.code
    LEFT JOIN clue ON clue.district_code = d.code
    WHERE ${districtFilter(sql`d.code`, p.scope)}`;
}

export async function districtsWithCounts(q: Queryable, p: { scope: Scope }): Promise<string> {
  return jsonBody(q, districtsSql(p));
}

export async function countDistricts(q: Queryable): Promise<number> {
  const [row] = await parsedRows(q, z.object({ n: col.int }), sql`SELECT count(*) AS n FROM districts`);
  return row.n;
}

const extentRow = z.object({ extent: col.json(z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable()) });

/** [west, south, east, north] of the districts in scope, or null when there are none. */
export async function scopeExtent(q: Queryable, p: { scope: Scope }): Promise<[number, number, number, number] | null> {
  const [row] = await parsedRows(
    q,
    extentRow,
    sql`SELECT CASE WHEN count(*) = 0 THEN NULL
               ELSE json_build_array(min(ST_XMin(d.geom)), min(ST_YMin(d.geom)), max(ST_XMax(d.geom)), max(ST_YMax(d.geom))) END::text AS extent
        FROM districts d WHERE ${districtFilter(sql`d.code`, p.scope)}`,
  );
  return row.extent;
}

/** Every district's code (what a campaign may name). */
export async function districtCodes(q: Queryable): Promise<string[]> {
  const rows = await parsedRows(q, z.object({ code: z.string() }), sql`SELECT code FROM districts ORDER BY code`);
  return rows.map((r) => r.code);
}

/** The districts in scope: code and name, by code. */
export async function districtNames(q: Queryable, p: { scope: Scope }): Promise<{ code: string; name: string }[]> {
  return parsedRows(q, z.object({ code: z.string(), name: z.string() }), sql`
    SELECT d.code, d.name FROM districts d WHERE ${districtFilter(sql`d.code`, p.scope)} ORDER BY d.code`);
}
