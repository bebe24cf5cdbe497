import { sql, type SQL } from 'drizzle-orm';

/**
 * The district and grid cell a geometry falls in, as two columns ("districtCode", "gridCellId"): one rule for every
 * write that places a record (a clue at intake, a finding, an imported file), so a point on a border lands alike.
 */
export const placementColumns = (geom: SQL): SQL => sql`
  (SELECT d.code FROM districts d WHERE ST_Intersects(d.geom, ${geom}) ORDER BY d.code LIMIT 1) AS "districtCode",
  (SELECT g.id FROM grid_cells g WHERE ST_Intersects(g.geom, ${geom}) ORDER BY g.id LIMIT 1) AS "gridCellId"`;
