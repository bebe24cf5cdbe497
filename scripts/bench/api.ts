// p50/p95 latency of the bbox endpoints (institutions, clues, grid cells) through the whole HTTP stack
// (in-process app.request: routing, session check, validation, SQL, response), each beside the same SQL
// run directly on the driver of the same engine in the same process. Prints JSON.
//
//   npm run --silent bench [-- --scales demo,large --runs 30]
//   DATABASE_URL=postgres://…/jointops_bench npm run --silent bench   (the database is reset!)
import { PgDialect } from 'drizzle-orm/pg-core';
import { benchmarkRowCounts, inflateForBenchmark } from '../../db/queries/bench.js';
import { createApp } from '../../server/app.js';
import { benchCases, type BenchRequest } from './api/cases.js';
import { round, summarise, timeEachMs } from './api/stats.js';
import { rawClientOf, seededBenchDatabase } from './seeded-database.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const scales = option('scales', 'demo,large').split(',');
const runs = Number(option('runs', '30'));
const warmups = 3;
const asOf = new Date('2026-11-21T00:00:00Z');
const password = 'bench-password';
const large = { institutions: 100_000, clues: 1_000_000 };
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function main() {
  const database = await seededBenchDatabase({ asOf, password, scale: 'demo', progress });
  const raw = rawClientOf(database);
  const dialect = new PgDialect();

  // Two apps on the one database: without the response cache (every request runs its SQL, the ratio against raw SQL)
  // and with it (a repeated request, the dashboard's usual case). The large scale's rows are written without the
  // audit log, so each scale gets apps of its own: a cache must not answer with the previous scale's data.
  const signIn = async (app: ReturnType<typeof createApp>) => {
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    return async (request: unknown) => {
      const response = await app.request((request as BenchRequest).url, { headers: { Cookie: cookie } });
      // The bytes a socket would carry: turning them back into a JS string is the client's work, not the API's (the
      // raw SQL's rows arrive as the string the driver decoded, which the API pays too).
      const body = new Uint8Array(await response.arrayBuffer());
      if (response.status !== 200) throw new Error(`${(request as BenchRequest).url}: ${response.status} ${new TextDecoder().decode(body).slice(0, 200)}`);
      return body;
    };
  };
  const callSql = async (request: unknown) => {
    const query = dialect.sqlToQuery((request as BenchRequest).sql);
    return (await raw.query(query.sql, query.params)).rows;
  };

  const report: Record<string, unknown>[] = [];
  for (const scale of scales) {
    const entry: Record<string, unknown> = { scale };
    if (scale === 'large') {
      progress(`generating ${large.institutions} institutions and ${large.clues} clues with generate_series`);
      const t = performance.now();
      entry.rows = await inflateForBenchmark(database, large);
      entry.generateSeconds = round((performance.now() - t) / 1000, 1);
    } else if (scale === 'demo') {
      entry.rows = await benchmarkRowCounts(database);
    } else throw new Error(`unknown scale ${scale}; use demo and/or large`);

    const callApi = await signIn(createApp({ database, now: () => asOf, responseCacheBytes: 0 }));
    const callCachedApi = await signIn(createApp({ database, now: () => asOf }));
    const results = [];
    for (const c of benchCases(asOf, runs)) {
      progress(`${scale}: ${c.endpoint} (${c.viewport}) × ${runs}`);
      await timeEachMs(c.requests.slice(0, warmups), callApi);
      await timeEachMs(c.requests.slice(0, warmups), callSql);
      // Alternate API and raw SQL request by request so that both see the same cache state.
      const apiSamples: number[] = [];
      const sqlSamples: number[] = [];
      let features = 0;
      let bytes = 0;
      for (const request of c.requests) {
        sqlSamples.push(...(await timeEachMs([request], callSql)));
        const t = performance.now();
        const body = await callApi(request);
        apiSamples.push(performance.now() - t);
        bytes += body.byteLength;
        features += (JSON.parse(new TextDecoder().decode(body)) as { features: unknown[] }).features.length;
      }
      // Each request once to fill the cache, then again: the second answer is the cached one.
      await timeEachMs(c.requests, callCachedApi);
      const cachedApi = summarise(await timeEachMs(c.requests, callCachedApi));
      const api = summarise(apiSamples);
      const rawSql = summarise(sqlSamples);
      const result = {
        endpoint: c.endpoint,
        viewport: c.viewport,
        meanFeatures: Math.round(features / c.requests.length),
        meanBytes: Math.round(bytes / c.requests.length),
        api,
        rawSql,
        ratioP50: round(api.p50Ms / rawSql.p50Ms),
        ratioP95: round(api.p95Ms / rawSql.p95Ms),
        cachedApi,
        cachedRatioP50: round(cachedApi.p50Ms / rawSql.p50Ms),
      };
      // Each result also goes to stderr at once, so a long run that is stopped still leaves its figures.
      progress(`result ${JSON.stringify({ scale, ...result })}`);
      results.push(result);
    }
    entry.results = results;
    report.push(entry);
  }

  console.log(
    JSON.stringify(
      {
        benchmark: 'api-bbox-endpoints',
        engine: database.engine,
        node: process.version,
        runsPerCase: runs,
        pageLimit: 5000,
        clueRangeDays: 90,
        notes:
          'api = in-process app.request through routing, session, validation and SQL to the body\'s bytes, response cache off; rawSql = the same statement on the driver; cachedApi = the same request again with the response cache on',
        scales: report,
      },
      null,
      2,
    ),
  );
  await database.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
