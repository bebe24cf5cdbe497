// 1,000,000 clues aggregated to grid cells on real PostgreSQL + PostGIS with the product's own SQL
// (db/queries/analysis.ts): the GROUP BY behind /api/analysis/grid-hotspots and the per-cell per-day matrix behind
// /api/analysis/cell-counts. The clues are generated in SQL into a scratch schema that is dropped afterwards.
// Prints JSON with each statement's text and parameters beside its timings.
//
//   npx tsx scripts/bench/hotspot-sql.ts --database-url postgres://postgres@127.0.0.1:55432/jointops_test [--clues 1000000] [--runs 7]
import { DAY_MS } from '../../server/domain/time.js';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { createDb } from '../../db/client.js';
import { clueCountsPerCellSql, clueCountsPerCellStepSql } from '../../db/queries/analysis.js';
import { createScratchClues, dropScratchClues, explainExecutionMs, serverVersions, withScratchSchema } from '../../db/queries/analysis-bench.js';
import { cityWide } from '../../db/queries/queryable.js';

function option(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const databaseUrl = option('database-url');
if (!databaseUrl) {
  console.error('usage: tsx scripts/bench/hotspot-sql.ts --database-url postgres://… [--clues N] [--runs N]');
  process.exit(2);
}
const size = { clues: Number(option('clues', '1000000')), cells: 50_000, days: 730, end: new Date('2026-11-21T16:00:00Z') };
const runs = Number(option('runs', '7'));
const round = (v: number, d = 1) => Number(v.toFixed(d));

async function main() {
  const database = await createDb({ databaseUrl });
  const dialect = new PgDialect();
  const cases: { name: string; query: SQL }[] = [
    { name: 'grid-hotspots, city-wide, last 90 days', query: clueCountsPerCellSql({ scope: cityWide, from: new Date(size.end.getTime() - 90 * DAY_MS), to: size.end }) },
    { name: 'grid-hotspots, city-wide, all 730 days (every clue)', query: clueCountsPerCellSql({ scope: cityWide, from: new Date(size.end.getTime() - 730 * DAY_MS), to: size.end }) },
    { name: 'grid-hotspots, one district (scope 310107), last 90 days', query: clueCountsPerCellSql({ scope: { districtCode: '310107' }, from: new Date(size.end.getTime() - 90 * DAY_MS), to: size.end }) },
    { name: 'cell-counts per day, city-wide, all 730 days', query: clueCountsPerCellStepSql({ scope: cityWide, from: new Date(size.end.getTime() - 730 * DAY_MS), to: size.end, step: 'day' }) },
  ];
  try {
    const t0 = performance.now();
    await createScratchClues(database, size);
    const buildMs = performance.now() - t0;
    const results = [];
    for (const c of cases) {
      const samples: number[] = [];
      let rows = 0;
      for (let r = 0; r < runs + 1; r++) {
        const started = performance.now();
        rows = (await withScratchSchema(database, (q) => q.rows(c.query))).length;
        if (r > 0) samples.push(performance.now() - started); // the first run warms the cache
      }
      samples.sort((a, b) => a - b);
      const serverSamples: number[] = [];
      for (let r = 0; r < 3; r++) serverSamples.push(await withScratchSchema(database, (q) => explainExecutionMs(q, c.query)));
      serverSamples.sort((a, b) => a - b);
      const text = dialect.sqlToQuery(c.query);
      results.push({
        name: c.name,
        rowsReturned: rows,
        serverExecutionMedianMs: round(serverSamples[1]),
        medianMs: round(samples[Math.floor(samples.length / 2)]),
        minMs: round(samples[0]),
        maxMs: round(samples[samples.length - 1]),
        sql: text.sql.replace(/\s+/g, ' ').trim(),
        params: text.params,
      });
    }
    const version = await serverVersions(database);
    console.log(
      JSON.stringify(
        {
          benchmark: 'clue aggregation to grid cells in SQL (db/queries/analysis.ts)',
          engine: database.engine,
          server: version.v.split(',')[0],
          postgis: version.postgis,
          clues: size.clues,
          cells: size.cells,
          days: size.days,
          scratchBuildSeconds: round(buildMs / 1000),
          runsPerQuery: runs,
          note: 'serverExecution = EXPLAIN ANALYZE execution time (aggregation alone); median/min/max include the round trip and the rows reaching Node; the first run of each query is not counted',
          results,
        },
        null,
        2,
      ),
    );
  } finally {
    await dropScratchClues(database);
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
