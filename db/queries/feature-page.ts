import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { col } from './queryable.js';

/**
 * A row holding one point feature as JSON in `feature`, read back in full (one feature, so every value is checked).
 * The properties mirror the API contract on purpose: db/ may not import server/contract, whose schemas the services
 * apply again on top.
 */
export function pointFeatureRow<P extends z.ZodType>(properties: P) {
  return z.object({
    feature: col.json(z.object({ id: z.int(), geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()) }), properties })),
  });
}

export interface FeaturePageQuery {
  /** Columns of a page row, read by `properties` as `s.<column>`; must include `id` and `geom`. */
  columns: SQL;
  /** The table and its alias, e.g. sql`clues c`. */
  from: SQL;
  /** The id column under that alias: pages are keyed on it. */
  id: SQL;
  /** Conditions ANDed together; the keyset condition is added here. */
  filters: SQL[];
  /** A json_build_object over the page row `s`. */
  properties: SQL;
  limit: number;
  /** Keyset paging: ids above this one. */
  cursor?: number;
}

/**
 * One keyset page of point features as GeoJSON FeatureCollection text, built entirely in SQL so that the server
 * passes it through without parsing. One row more than the page is read to know whether `nextCursor` is set.
 */
export function featurePageSql(p: FeaturePageQuery): SQL {
  const keyset = p.cursor === undefined ? sql`TRUE` : sql`${p.id} > ${p.cursor}`;
  return sql`
    WITH page AS (
      SELECT ${p.columns}
      FROM ${p.from}
      WHERE ${sql.join([...p.filters, keyset], sql`
        AND `)}
      ORDER BY ${p.id}
      LIMIT ${p.limit + 1}
    ), shown AS (
      SELECT * FROM page ORDER BY id LIMIT ${p.limit}
    )
    SELECT json_build_object(
      'type', 'FeatureCollection',
      'features', COALESCE((
        SELECT json_agg(json_build_object(
          'type', 'Feature',
          'id', s.id,
          'geometry', ST_AsGeoJSON(s.geom, 6)::json,
          'properties', ${p.properties}
        ) ORDER BY s.id) FROM shown s), '[]'::json),
      'nextCursor', CASE WHEN (SELECT count(*) FROM page) > ${p.limit} THEN (SELECT max(id) FROM shown)::text END
    )::text AS body`;
}
