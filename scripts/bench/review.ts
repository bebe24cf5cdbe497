// The district review's speed (区领导研判) through the whole HTTP stack (in-process app.request: routing, session,
// validation, SQL, response; the response cache off): a period switch — the summary of both periods, the trend and the
// ranking the page asks for together once the slider rests — and the briefing PDF. Beside each switch, the least SQL
// that answers it (the unit's clue counts of both periods) on the driver of the same engine in the same process.
// Prints JSON.
//
//   npm run --silent bench:review [-- --scales demo,large --runs 20]
//   DATABASE_URL=postgres://…/jointops_bench npm run --silent bench:review   (the database is reset!)
//
// The large scale (1,000,000 clues, written with generate_series) runs on PostgreSQL only: PGlite is the embedded demo
// engine, not the one a city's million clues live on.
import { PgDialect } from 'drizzle-orm/pg-core';
import { benchmarkRowCounts, inflateForBenchmark, periodCountsSql } from '../../db/queries/bench.js';
import { createApp } from '../../server/app.js';
import { addDays, dateFromParts, shanghaiDate, shanghaiDayRange, type IsoDate } from '../../server/domain/time.js';
import { round, summarise } from './api/stats.js';
import { signInCookie } from './app-client.js';
import { rawClientOf, seededBenchDatabase } from './seeded-database.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const scales = option('scales', 'demo,large').split(',');
const runs = Number(option('runs', '20'));
const pdfRuns = Math.max(3, Math.round(runs / 4));
const asOf = new Date('2026-11-21T00:00:00Z');
const password = 'bench-password';
const large = { institutions: 100_000, clues: 1_000_000 };
const progress = (message: string) => process.stderr.write(`[bench:review] ${message}\n`);

type Call = (url: string) => Promise<{ status: number; bytes: number }>;

interface Period {
  from: IsoDate;
  to: IsoDate;
}

/** The slider's months, newest first: each a period and the month before it as its comparison. */
function monthSwitches(today: IsoDate, count: number): { period: Period; compare: Period }[] {
  const monthOf = (year: number, month: number): Period => {
    const from = dateFromParts(year, month, 1);
    const next = month === 12 ? dateFromParts(year + 1, 1, 1) : dateFromParts(year, month + 1, 1);
    return { from, to: addDays(next, -1) };
  };
  const [year, month] = today.split('-').map(Number);
  const out: { period: Period; compare: Period }[] = [];
  for (let i = 0; i < count; i++) {
    const at = year * 12 + (month - 1) - i;
    const before = at - 1;
    out.push({ period: monthOf(Math.floor(at / 12), (at % 12) + 1), compare: monthOf(Math.floor(before / 12), (before % 12) + 1) });
  }
  return out;
}

/** GET calls as `username`, answering the body's size; any status but 200 throws. */
async function signIn(app: ReturnType<typeof createApp>, username: string): Promise<Call> {
  const cookie = await signInCookie(app, username, password);
  return async (url) => {
    const response = await app.request(url, { headers: { Cookie: cookie } });
    const body = new Uint8Array(await response.arrayBuffer());
    if (response.status !== 200) throw new Error(`${url}: ${response.status} ${new TextDecoder().decode(body.slice(0, 200))}`);
    return { status: response.status, bytes: body.length };
  };
}

async function main() {
  const database = await seededBenchDatabase({ asOf, password, scale: 'demo', progress });
  const raw = rawClientOf(database);
  const dialect = new PgDialect();
  const today = shanghaiDate(asOf);
  const switches = monthSwitches(today, runs);

  // The two readers of the review: the city (admin) and a district leader (普陀区).
  const viewers = [
    { user: 'admin', level: 'city', code: null as string | null },
    { user: 'putuo_leader', level: 'district', code: '310107' },
  ];

  const report: Record<string, unknown>[] = [];
  for (const scale of scales) {
    if (scale === 'large' && database.engine !== 'postgres') {
      progress('large: skipped on PGlite (set DATABASE_URL to a PostgreSQL database)');
      report.push({ scale, skipped: 'the large scale runs on PostgreSQL only' });
      continue;
    }
    const entry: Record<string, unknown> = { scale };
    if (scale === 'large') {
      progress(`generating ${large.institutions} institutions and ${large.clues} clues with generate_series`);
      const t = performance.now();
      entry.rows = await inflateForBenchmark(database, large);
      entry.generateSeconds = round((performance.now() - t) / 1000, 1);
    } else if (scale === 'demo') entry.rows = await benchmarkRowCounts(database);
    else throw new Error(`unknown scale ${scale}; use demo and/or large`);

    // A fresh app per scale: no answer of the previous scale may be reused.
    const app = createApp({ database, now: () => asOf, responseCacheBytes: 0 });
    const results = [];
    for (const viewer of viewers) {
      const call = await signIn(app, viewer.user);
      const unit = `level=${viewer.level}${viewer.code ? `&code=${viewer.code}` : ''}`;
      const switchOnce = async ({ period, compare }: (typeof switches)[number]) => {
        const p = `from=${period.from}&to=${period.to}`;
        const answers = await Promise.all([
          call(`/api/review/summary?${p}&compareFrom=${compare.from}&compareTo=${compare.to}&${unit}`),
          call(`/api/review/trend?${p}&${unit}&step=week`),
          call(`/api/review/ranking?${p}`),
        ]);
        return answers.reduce((sum, a) => sum + a.bytes, 0);
      };
      const rawSwitch = async ({ period, compare }: (typeof switches)[number]) => {
        const query = dialect.sqlToQuery(periodCountsSql({ district: viewer.code, period: shanghaiDayRange(period.from, period.to), compare: shanghaiDayRange(compare.from, compare.to) }));
        return raw.query(query.sql, query.params);
      };

      progress(`${scale}: ${viewer.user} period switch × ${switches.length}`);
      await switchOnce(switches[0]);
      await rawSwitch(switches[0]);
      const apiSamples: number[] = [];
      const sqlSamples: number[] = [];
      let bytes = 0;
      // Alternated switch by switch, so both see the same cache state.
      for (const s of switches) {
        let t = performance.now();
        await rawSwitch(s);
        sqlSamples.push(performance.now() - t);
        t = performance.now();
        bytes += await switchOnce(s);
        apiSamples.push(performance.now() - t);
      }

      progress(`${scale}: ${viewer.user} briefing PDF × ${pdfRuns}`);
      const { period, compare } = switches[0];
      const pdfUrl = `/api/review/briefing.pdf?from=${period.from}&to=${period.to}&compareFrom=${compare.from}&compareTo=${compare.to}&${unit}`;
      // The first export of a process also builds the scope's spatial weights (cached, shared with the hot spot
      // layers): timed apart from the rest.
      let t = performance.now();
      let pdfBytes = (await call(pdfUrl)).bytes;
      const firstPdfMs = round(performance.now() - t);
      const pdfSamples: number[] = [];
      for (let i = 0; i < pdfRuns; i++) {
        t = performance.now();
        pdfBytes = (await call(pdfUrl)).bytes;
        pdfSamples.push(performance.now() - t);
      }
      const api = summarise(apiSamples);
      const rawSql = summarise(sqlSamples);
      const result = {
        viewer: viewer.user,
        unit: viewer.code ?? 'city',
        periodSwitch: { ...api, meanBytes: Math.round(bytes / switches.length) },
        rawSql,
        ratioP50: round(api.p50Ms / rawSql.p50Ms),
        briefingPdf: { firstMs: firstPdfMs, ...summarise(pdfSamples), bytes: pdfBytes },
        targets: { periodSwitchP95Ms: scale === 'demo' ? 300 : 1000, briefingPdfP95Ms: 5000 },
      };
      progress(`result ${JSON.stringify({ scale, ...result })}`);
      results.push(result);
    }
    entry.results = results;
    report.push(entry);
  }

  console.log(
    JSON.stringify(
      {
        benchmark: 'review',
        engine: database.engine,
        node: process.version,
        asOf: asOf.toISOString(),
        switches: switches.length,
        notes:
          'periodSwitch = summary (period and comparison) + trend + ranking in parallel through app.request, response cache off, over the slider’s months; rawSql = the unit’s clue counts of both periods on the driver; briefingPdf = GET /api/review/briefing.pdf of the newest month: firstMs the first of the process (it builds the spatial weights of the scope once), p50/p95 the ones after',
        scales: report,
      },
      null,
      2,
    ),
  );
  await database.close();
}

main().catch((error) => {
  process.stderr.write(`bench:review: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
