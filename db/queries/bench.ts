import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { col, instant, parsedRows, type Queryable } from './queryable.js';

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

/** Benchmark-only: a credit code of the registry, for the institution search's exact match. */
export async function firstCreditCode(q: Queryable): Promise<string | null> {
  const [row] = await parsedRows(q, z.object({ code: z.string() }), sql`SELECT credit_code AS code FROM institutions WHERE credit_code IS NOT NULL ORDER BY id LIMIT 1`);
  return row?.code ?? null;
}

// ---- re-planning a running day (scripts/bench/replan.ts) ----

/** Benchmark-only: the districts with the most officers. */
export async function busiestDistricts(q: Queryable, n: number): Promise<string[]> {
  const rows = await parsedRows(q, z.object({ code: z.string() }), sql`
    SELECT district_code AS code FROM officers GROUP BY district_code ORDER BY count(*) DESC, district_code LIMIT ${n}`);
  return rows.map((r) => r.code);
}

/** Benchmark-only: a check-in row as the phone page would leave it, recorded by the planner's account. */
export async function insertBenchCheckIn(q: Queryable, p: { campaignId: number; teamId: string; targetKey: string; district: string; officerId: number; at: Date }): Promise<void> {
  await q.rows(sql`
    INSERT INTO check_ins (idempotency_key, request_hash, campaign_id, campaign_version, team_id, target_key, district_code, result, findings,
                           far_from_target, checked_at, received_at, recorded_by_officer, recorded_by_user)
    VALUES (gen_random_uuid(), 'bench', ${p.campaignId}, 1, ${p.teamId}, ${p.targetKey}, ${p.district}, 'compliant', '[]'::jsonb,
            false, ${p.at.toISOString()}::timestamptz, ${p.at.toISOString()}::timestamptz, ${p.officerId}, (SELECT id FROM users WHERE username = 'planner'))`);
}

/** Benchmark-only: institutions of the district open on a weekend morning with no registered officer relation. */
export async function weekendMorningInstitutions(q: Queryable, district: string, limit: number): Promise<number[]> {
  const rows = await parsedRows(q, z.object({ id: col.int }), sql`
    SELECT i.id FROM institutions i WHERE i.district_code = ${district} AND (i.weekend_opens IS NULL OR i.weekend_opens <= '10:00') AND (i.weekend_closes IS NULL OR i.weekend_closes >= '12:00')
      AND NOT EXISTS (SELECT 1 FROM officer_relations r WHERE r.institution_id = i.id) ORDER BY i.id LIMIT ${limit}`);
  return rows.map((r) => r.id);
}

/**
 * Benchmark-only: the least SQL a review's period switch needs, the clue counts of a unit (a district, or the city for
 * null) in two half-open periods: the reference the review's endpoints are timed against.
 */
export function periodCountsSql(p: { district: string | null; period: { from: Date; to: Date }; compare: { from: Date; to: Date } }): SQL {
  return sql`
    SELECT count(*) FILTER (WHERE reported_at >= ${instant(p.period.from)} AND reported_at < ${instant(p.period.to)}) AS now,
           count(*) FILTER (WHERE reported_at >= ${instant(p.compare.from)} AND reported_at < ${instant(p.compare.to)}) AS before
    FROM clues WHERE (${p.district}::text IS NULL OR district_code = ${p.district}::text)`;
}
