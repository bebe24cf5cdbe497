import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { parsedRows, type Queryable } from './queryable.js';

/**
 * Gathers planner statistics when the tables have never been analysed. PGlite has no autovacuum, and without
 * statistics PostgreSQL assumes one row per table and picks nested loops that take minutes on the grid.
 * Returns whether it ran.
 */
export async function analyzeIfNeverAnalyzed(q: Queryable): Promise<boolean> {
  // bool_or over no tables at all is NULL.
  const [row] = await parsedRows(q, z.object({ never: z.boolean().nullable() }), sql`
    SELECT bool_or(c.reltuples < 0) AS never FROM pg_class c
    WHERE c.relname IN ('clues', 'institutions', 'grid_cells', 'districts', 'streets', 'officers') AND c.relkind = 'r'`);
  if (!row?.never) return false;
  await q.rows(sql`ANALYZE`);
  return true;
}
