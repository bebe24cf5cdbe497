import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, parsedRows, type Queryable } from './queryable.js';

/**
 * Benchmark-only: grows the seeded tables to `institutions` and `clues` rows by copying the seeded ones with
 * their points jittered by up to ~200 m and their times by up to a day, so that the spatial and seasonal
 * shape of the demo data is kept. random() is seeded, so a run is repeatable. Generated rows are synthetic.
 */
export async function inflateForBenchmark(q: Queryable, target: { institutions: number; clues: number }): Promise<{ institutions: number; clues: number }> {
  await q.rows(sql`SELECT setseed(0.20261121)`);
  await q.rows(sql`
    WITH base AS (SELECT count(*) AS n FROM institutions)
    INSERT INTO institutions (name, category, nature, status, list_status, address, geom, district_code, grid_cell_id,
                              last_inspected_on, synthetic)
    SELECT i.name || '·' || g, i.category, i.nature, i.status, i.list_status, i.address,
           ST_SetSRID(ST_MakePoint(ST_X(i.geom) + (random() - 0.5) * 0.004, ST_Y(i.geom) + (random() - 0.5) * 0.004), 4326),
           i.district_code, i.grid_cell_id, i.last_inspected_on, TRUE
    FROM base, generate_series(1, GREATEST(0, ceil(${target.institutions}::float8 / base.n)::int - 1)) AS g
    CROSS JOIN institutions i
    LIMIT GREATEST(0, ${target.institutions} - (SELECT n FROM base))`);
  await q.rows(sql`
    WITH base AS (SELECT count(*) AS n FROM clues)
    INSERT INTO clues (source, reported_at, geom, address, description, suspected_type, status, district_code, grid_cell_id,
                       due_at, closed_at, synthetic)
    SELECT c.source, c.reported_at + (random() - 0.5) * interval '1 day',
           ST_SetSRID(ST_MakePoint(ST_X(c.geom) + (random() - 0.5) * 0.004, ST_Y(c.geom) + (random() - 0.5) * 0.004), 4326),
           c.address, c.description, c.suspected_type, c.status, c.district_code, c.grid_cell_id, c.due_at, c.closed_at, TRUE
    FROM base, generate_series(1, GREATEST(0, ceil(${target.clues}::float8 / base.n)::int - 1)) AS g
    CROSS JOIN clues c
    LIMIT GREATEST(0, ${target.clues} - (SELECT n FROM base))`);
  await q.rows(sql`ANALYZE institutions`);
  await q.rows(sql`ANALYZE clues`);
  return benchmarkRowCounts(q);
}

export async function benchmarkRowCounts(q: Queryable): Promise<{ institutions: number; clues: number }> {
  const [row] = await parsedRows(
    q,
    z.object({ institutions: col.int, clues: col.int }),
    sql`SELECT (SELECT count(*) FROM institutions) AS institutions, (SELECT count(*) FROM clues) AS clues`,
  );
  return row;
}
