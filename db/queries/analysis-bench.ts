import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../client.js';
import { col, inTransaction, parsedRows, type Queryable } from './queryable.js';

// A scratch copy of the columns the hot spot aggregation reads, filled in SQL, so that the product's own aggregation
// SQL can be timed on a million clues without touching the real tables: the scratch schema is put first on the
// search_path of the measuring transaction and dropped afterwards.

export const SCRATCH_SCHEMA = 'bench_hotspot_scratch';

export interface ScratchSize {
  clues: number;
  cells: number;
  days: number;
  /** The end of the generated period. */
  end: Date;
}

/** Creates the scratch `clues` table (deterministic: seeded random()) with the product's indexes, and analyses it. */
export async function createScratchClues(database: Database, size: ScratchSize): Promise<void> {
  const schema = sql.identifier(SCRATCH_SCHEMA);
  await inTransaction(database, async (q) => {
    await q.rows(sql`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await q.rows(sql`CREATE SCHEMA ${schema}`);
    await q.rows(sql`SELECT setseed(0.20261121)`);
    // Cells are skewed (a square of a uniform draw) so that some cells are hot; 16 districts by cell number.
    await q.rows(sql`
      CREATE TABLE ${schema}.clues AS
      SELECT s.id,
             ${size.end.toISOString()}::timestamptz - random() * ${size.days}::float8 * interval '1 day' AS reported_at,
             s.cell AS grid_cell_id,
             '3101' || lpad((1 + s.cell % 16)::text, 2, '0') AS district_code
      FROM (SELECT g AS id, 1 + floor(power(random(), 2) * ${size.cells})::int AS cell
            FROM generate_series(1, ${size.clues}::int) g) s`);
    await q.rows(sql`CREATE INDEX ON ${schema}.clues (grid_cell_id, reported_at)`);
    await q.rows(sql`CREATE INDEX ON ${schema}.clues (district_code, reported_at)`);
    await q.rows(sql`CREATE INDEX ON ${schema}.clues (reported_at)`);
  });
  // VACUUM sets the visibility map as autovacuum would on a live table, so index-only scans are possible.
  await database.db.execute(sql`VACUUM ANALYZE ${schema}.clues`);
}

/** Runs `work` with the scratch schema first on the search_path (PostGIS and everything else stay reachable). */
export function withScratchSchema<T>(database: Database, work: (q: Queryable) => Promise<T>): Promise<T> {
  return inTransaction(database, async (q) => {
    await q.rows(sql`SELECT set_config('search_path', ${`${SCRATCH_SCHEMA}, public`}, true)`);
    return work(q);
  });
}

export async function dropScratchClues(database: Database): Promise<void> {
  await database.db.execute(sql`DROP SCHEMA IF EXISTS ${sql.identifier(SCRATCH_SCHEMA)} CASCADE`);
}

export async function serverVersions(database: Database): Promise<{ v: string; postgis: string }> {
  const [row] = await parsedRows(database, z.object({ v: z.string(), postgis: z.string() }), sql`SELECT version() AS v, postgis_lib_version() AS postgis`);
  return row;
}

const explainRow = z.object({ 'QUERY PLAN': col.json(z.array(z.object({ 'Execution Time': z.number() })).min(1)) });

/** The server's own execution time of a statement (EXPLAIN ANALYZE), without the transfer of its rows. */
export async function explainExecutionMs(q: Queryable, query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await parsedRows(q, explainRow, sql`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`);
  return row['QUERY PLAN'][0]['Execution Time'];
}
