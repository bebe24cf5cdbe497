// The 12345 form's institution search (GET /api/institutions/search) at a city's registry: its SQL on the demo data
// grown to 100,000 institutions, city-wide and for one district, for a common and a rare part of a name, a credit code
// and a text that matches nothing (the whole table read). Prints JSON.
//
//   npm run --silent bench:institution-search [-- --runs 20]
//   DATABASE_URL=postgres://…/jointops_bench npm run --silent bench:institution-search   (the database is reset!)
import { benchmarkRowCounts, firstCreditCode, inflateForBenchmark } from '../../db/queries/bench.js';
import { searchInstitutions } from '../../db/queries/institutions.js';
import { cityWide } from '../../db/queries/queryable.js';
import { summarise, timeEachMs } from './api/stats.js';
import { seededBenchDatabase } from './seeded-database.js';

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 20;
const asOf = new Date('2026-11-21T00:00:00Z');
const progress = (message: string) => process.stderr.write(`[bench:institution-search] ${message}\n`);

async function main() {
  const database = await seededBenchDatabase({ asOf, password: 'bench-password', scale: 'demo', progress });
  const { clues } = await benchmarkRowCounts(database);
  progress('growing the registry to 100,000 institutions');
  const rows = await inflateForBenchmark(database, { institutions: 100_000, clues });
  const texts = { common: '教育', rare: '艺术培训', creditCode: (await firstCreditCode(database)) ?? '', none: '不存在的机构名称' };
  const scopes = { city: cityWide, district: { districtCode: '310107' } };
  const report: Record<string, unknown> = { engine: database.engine, institutions: rows.institutions, runs };
  for (const [scopeName, scope] of Object.entries(scopes))
    for (const [textName, text] of Object.entries(texts)) {
      const search = () => searchInstitutions(database, { scope, text, limit: 8 });
      await search();
      const matches = (await search()).length;
      report[`${scopeName}.${textName}`] = { matches, ...summarise(await timeEachMs(Array.from({ length: runs }), search)) };
    }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  await database.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
