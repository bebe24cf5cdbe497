// Import speed (docs/interop.md#import-speed): `npm run import` as a user runs it, a process of its own, importing a
// generated CSV of institutions into a seeded database, timed from spawn to exit, with its peak memory (GNU time's
// maximum resident set) at two sizes to show how memory grows with the file; beside it, the same rows stored by a
// plain multi-row statement in this process, placed by the same SQL, as the reference of the ratio.
// Prints one JSON document; progress on stderr.
// Usage: npm run --silent bench:import [-- --rows 100000 --small 25000 --pglite-rows 25000 --scale demo --heap-mb 128]
//        (PostgreSQL too when DATABASE_URL is set; its data is replaced)
import { bbox, booleanPointInPolygon } from '@turf/turf';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb, migrate, type Database } from '../../db/client.js';
import { insertReferenceInstitutions, lastInstitutionId, removeInstitutionsAbove, type ReferenceInstitution } from '../../db/queries/import-bench.js';
import { realRowCounts } from '../../db/queries/layer-import.js';
import { analyzeIfNeverAnalyzed } from '../../db/queries/maintenance.js';
import { inTransaction } from '../../db/queries/queryable.js';
import { orgCodeCheckChar } from '../../db/seed/generate/credit-code.js';
import type { SeedScale } from '../../db/seed/generate/grid.js';
import { brandWord, roadName } from '../../db/seed/generate/names.js';
import { seedDemo } from '../../db/seed/index.js';
import { readDistricts } from '../../db/seed/source-data.js';
import { hashPassword } from '../../server/auth/password.js';
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '../../server/domain/credit-code.js';
import { shanghaiDistrict } from '../../server/domain/districts.js';
import { createRandom, type Random } from '../../server/domain/random.js';
import { IMPORT_BATCH } from '../../server/services/layer-import.js';
import { seededBenchDatabase } from './seeded-database.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const asOf = new Date('2026-11-21T00:00:00Z');
const password = 'bench-password';
const progress = (message: string) => process.stderr.write(`${message}\n`);
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const gnuTime = '/usr/bin/time';

const { values: options } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    small: { type: 'string', default: '25000' },
    'pglite-rows': { type: 'string' },
    scale: { type: 'string', default: 'demo' },
    'heap-mb': { type: 'string' },
  },
});
const rows = Number(options.rows);
const small = Number(options.small);
const pgliteRows = Number(options['pglite-rows'] ?? options.rows);
const scale = options.scale as SeedScale;
/** Caps the import process's JS heap (V8's old space), to show that a large file fits in a small one. */
const heapMb = options['heap-mb'] === undefined ? undefined : Number(options['heap-mb']);

// ---- the file ----

/** Central Shanghai, where the points are drawn. */
const AREA = { west: 121.35, east: 121.55, south: 31.15, north: 31.32 };

/**
 * The seeded districts' borders, each with its bounding box: a point is kept only inside one of them (not on a border),
 * since a single point in none (the river between two, a gap of the outline) makes the whole import refuse.
 */
const DISTRICTS = readDistricts().map((d) => ({ code: d.code, feature: { type: 'Feature' as const, properties: {}, geometry: d.geometry }, box: bbox(d.geometry) }));

function placedPoint(random: Random): { lon: number; lat: number; districtCode: string } {
  for (;;) {
    const lon = round(random.between(AREA.west, AREA.east), 6);
    const lat = round(random.between(AREA.south, AREA.north), 6);
    const district = DISTRICTS.find(({ box, feature }) => lon > box[0] && lon < box[2] && lat > box[1] && lat < box[3] && booleanPointInPolygon([lon, lat], feature, { ignoreBoundary: true }));
    if (district) return { lon, lat, districtCode: district.code };
  }
}
const CATEGORIES = ['学科类', '文化艺术', '科技', '体育', '其他'] as const;
const CATEGORY_WEIGHTS = [4, 3, 2, 2, 1];
const CATEGORY_WORDS: Record<(typeof CATEGORIES)[number], string> = { 学科类: '教育培训', 文化艺术: '艺术培训', 科技: '科创培训', 体育: '体育培训', 其他: '素质教育' };
const STATUSES = [
  ['持证', 'licensed'],
  ['已登记', 'registered'],
  ['无证无照', 'unlicensed'],
  ['停业整顿', 'suspended'],
  ['已吊销', 'revoked'],
] as const;
const STATUS_WEIGHTS = [10, 6, 3, 1, 1];

/**
 * A 统一社会信用代码 the seeded demo cannot hold: its institutions are 52 (民办非企业单位) and 91 (企业); these are 92
 * (个体工商户) when for profit and 12 (事业单位, a 少年宫 or 活动中心) when not, the body the row's index in base 31, so
 * every code of the file is distinct and none is stored already, and the duplicate checks run and find nothing.
 */
function creditCode(index: number, forProfit: boolean, districtCode: string): string {
  let body = '';
  for (let n = index; body.length < 8; n = Math.floor(n / 31)) body = CREDIT_CODE_CHARSET[n % 31] + body;
  const first17 = `${forProfit ? '92' : '12'}${districtCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

function institution(random: Random, index: number): ReferenceInstitution & { statusName: string } {
  const category = CATEGORIES[random.weightedIndex(CATEGORY_WEIGHTS)];
  const forProfit = random.chance(0.85);
  const [statusName, status] = STATUSES[random.weightedIndex(STATUS_WEIGHTS)];
  const { lon, lat, districtCode } = placedPoint(random);
  const suffix = forProfit ? `${CATEGORY_WORDS[category]}有限公司` : '青少年活动中心';
  return {
    name: `上海${brandWord(random)}${CATEGORY_WORDS[category].slice(0, 2)}${index + 1}号${suffix}`,
    creditCode: creditCode(index, forProfit, districtCode),
    category,
    nature: forProfit ? '营利' : '非营利',
    status,
    statusName,
    address: `上海市${shanghaiDistrict(districtCode)!.name}${roadName(random)}${1 + random.int(2000)}号${1 + random.int(12)}楼`,
    lon,
    lat,
  };
}

/** The first `count` institutions of the bench's one seeded stream: the small file is the head of the large one. */
function institutions(count: number) {
  const random = createRandom(20261121).fork('bench-import');
  return Array.from({ length: count }, (_, i) => institution(random, i));
}

function writeCsv(path: string, rows: readonly ReturnType<typeof institution>[]): number {
  const lines = ['机构名称,统一社会信用代码,类别,性质,状态,地址,经度,纬度'];
  for (const r of rows) lines.push([r.name, r.creditCode, r.category, r.nature, r.statusName, r.address, r.lon, r.lat].join(','));
  writeFileSync(path, `${lines.join('\n')}\n`);
  return statSync(path).size;
}

// ---- the import, as a process ----

interface Run {
  exitCode: number | null;
  seconds: number;
  /** GNU time's %M: the child's maximum resident set size. */
  peakRssMb: number | null;
  /** Until the first progress line: node and tsx starting, the database opened and migrated, the file opened. */
  startSeconds: number | null;
  /** From the first progress line to the exit: the one pass that reads, checks and stores each batch, then the commit. */
  importSeconds: number | null;
  stdout: string;
  stderrTail: string;
}

function runImport(file: string, env: Record<string, string>, work: string): Promise<Run> {
  const timeFile = join(work, 'time.txt');
  const heap = heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`];
  const node = [process.execPath, ...heap, '--import', 'tsx', 'scripts/import.ts', '--layer', 'institutions', file];
  const [command, ...args] = existsSync(gnuTime) ? [gnuTime, '-f', '%M', '-o', timeFile, ...node] : node;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstProgress: number | undefined;
    let stdout = '';
    let stderr = '';
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      stderr = (stderr + text).slice(-4000);
      if (firstProgress === undefined && /checking|storing/.test(text)) firstProgress = performance.now();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ended = performance.now();
      const peakKb = existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : NaN;
      rmSync(timeFile, { force: true });
      const span = (from: number | undefined, to: number | undefined) => (from === undefined || to === undefined ? null : round((to - from) / 1000, 2));
      resolve({
        exitCode: code,
        seconds: round((ended - started) / 1000, 2),
        peakRssMb: Number.isFinite(peakKb) ? round(peakKb / 1024) : null,
        startSeconds: span(started, firstProgress),
        importSeconds: span(firstProgress, ended),
        stdout,
        stderrTail: stderr.slice(-1000),
      });
    });
  });
}

/** Where a run's database is, how to open it in this process, and how to leave it as it was for the next run. */
interface Target {
  engine: 'pglite' | 'postgres';
  env: Record<string, string>;
  open(): Promise<Database>;
  /** After a run, closing `database`: the run's rows gone (PostgreSQL) or its copy replaced by a fresh one (PGlite). */
  reset(database: Database, lastId: number): Promise<void>;
  dispose(): Promise<void>;
}

async function measuredImport(target: Target, file: string, count: number, work: string) {
  const before = await target.open();
  const counted = (await realRowCounts(before)).institutions;
  const lastId = await lastInstitutionId(before);
  // PGlite's directory belongs to one process at a time.
  if (target.engine === 'pglite') await before.close();
  progress(`${target.engine}: importing ${count.toLocaleString('en')} institutions`);
  const run = await runImport(file, target.env, work);
  if (run.exitCode !== 0) throw new Error(`import of ${count} rows exited ${run.exitCode}:\n${run.stdout.slice(0, 2000)}\n${run.stderrTail}`);
  const after = target.engine === 'pglite' ? await target.open() : before;
  const added = (await realRowCounts(after)).institutions - counted;
  if (added !== count) throw new Error(`the import reported success but added ${added} institutions, not ${count}`);
  const report = JSON.parse(run.stdout) as { imported: number; committed: boolean };
  await target.reset(after, lastId);
  progress(`${target.engine}: ${count.toLocaleString('en')} rows in ${run.seconds} s (start ${run.startSeconds} s, import ${run.importSeconds} s), peak ${run.peakRssMb} MB`);
  return {
    rows: count,
    imported: report.imported,
    seconds: run.seconds,
    rowsPerSecond: Math.round(count / run.seconds),
    startSeconds: run.startSeconds,
    importSeconds: run.importSeconds,
    peakRssMb: run.peakRssMb,
  };
}

/** The same rows stored in this process by the plain statement, in one transaction, batch by batch as the import does. */
async function reference(target: Target, rows: readonly ReferenceInstitution[]) {
  const database = await target.open();
  const lastId = await lastInstitutionId(database);
  progress(`${target.engine}: the reference, ${rows.length.toLocaleString('en')} rows`);
  const started = performance.now();
  const stored = await inTransaction(database, async (tx) => {
    let n = 0;
    for (let i = 0; i < rows.length; i += IMPORT_BATCH) n += await insertReferenceInstitutions(tx, rows.slice(i, i + IMPORT_BATCH));
    return n;
  });
  const seconds = (performance.now() - started) / 1000;
  if (stored !== rows.length) throw new Error(`the reference stored ${stored} rows, not ${rows.length}`);
  await target.reset(database, lastId);
  return { rows: rows.length, seconds: round(seconds, 2), rowsPerSecond: Math.round(rows.length / seconds) };
}

async function measure(target: Target, generated: ReturnType<typeof institutions>, files: { small: string; large: string }, large: number, work: string) {
  const runs = [await measuredImport(target, files.small, small, work), await measuredImport(target, files.large, large, work)];
  const ref = await reference(target, generated.slice(0, large));
  const [a, b] = runs;
  return {
    engine: target.engine,
    rows: large,
    importSeconds: b.seconds,
    referenceSeconds: ref.seconds,
    importVsReference: round(b.seconds / ref.seconds, 2),
    rowsPerSecond: b.rowsPerSecond,
    referenceRowsPerSecond: ref.rowsPerSecond,
    withinGoal: target.engine === 'postgres' && large >= 100_000 ? b.seconds <= 60 : null,
    runs,
    /** Peak memory per 1,000 more rows, between the two sizes: what the file's size costs beyond the process itself. */
    peakRssMbPer1000Rows: a.peakRssMb !== null && b.peakRssMb !== null ? round(((b.peakRssMb - a.peakRssMb) / (b.rows - a.rows)) * 1000, 2) : null,
    reference: ref,
  };
}

async function pgliteTarget(work: string): Promise<Target> {
  const seeded = join(work, 'pglite-seeded');
  const copy = join(work, 'pglite-run');
  progress(`PGlite: seeding the ${scale} scale`);
  const database = await createDb({ dataDir: seeded });
  await migrate(database);
  await seedDemo(database, { asOf, password, hashPassword, scale });
  await analyzeIfNeverAnalyzed(database);
  await database.close();
  const fresh = () => {
    rmSync(copy, { recursive: true, force: true });
    cpSync(seeded, copy, { recursive: true });
  };
  fresh();
  return {
    engine: 'pglite',
    env: { DATABASE_URL: '', DATA_DIR: copy },
    open: () => createDb({ dataDir: copy }),
    // A copy of the seeded directory each run: deleting 100,000 rows on the one WASM connection costs more than the run.
    reset: async (database) => {
      await database.close();
      fresh();
    },
    dispose: async () => rmSync(copy, { recursive: true, force: true }),
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const seeded = await seededBenchDatabase({ asOf, password, scale, progress });
  await seeded.close();
  return {
    engine: 'postgres',
    env: { DATABASE_URL: url },
    open: () => createDb({ databaseUrl: url }),
    reset: async (database, lastId) => {
      await removeInstitutionsAbove(database, lastId);
      await database.close();
    },
    dispose: async () => {},
  };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'jointops-bench-import-'));
  try {
    const largest = Math.max(rows, pgliteRows);
    const generated = institutions(largest);
    const files = (count: number) => join(work, `institutions-${count}.csv`);
    const bytes: Record<number, number> = {};
    for (const count of new Set([small, rows, pgliteRows])) bytes[count] = writeCsv(files(count), generated.slice(0, count));
    progress(`files written: ${Object.entries(bytes).map(([n, b]) => `${n} rows ${round(b / 2 ** 20)} MB`).join(', ')}`);
    const engines = [];
    const pglite = await pgliteTarget(work);
    engines.push(await measure(pglite, generated, { small: files(small), large: files(pgliteRows) }, pgliteRows, work));
    await pglite.dispose();
    const url = process.env.DATABASE_URL;
    if (url) {
      const postgres = await postgresTarget(url);
      engines.push(await measure(postgres, generated, { small: files(small), large: files(rows) }, rows, work));
      await postgres.dispose();
    }
    const document = {
      goal: 'import 100,000 institutions from CSV in ≤ 60 s on PostgreSQL, memory bounded',
      scale,
      cores: availableParallelism(),
      heapMb: heapMb ?? null,
      batch: IMPORT_BATCH,
      fileMb: Object.fromEntries(Object.entries(bytes).map(([n, b]) => [n, round(b / 2 ** 20, 2)])),
      peakMemory: existsSync(gnuTime) ? 'GNU time %M of the import process' : null,
      pgliteRows: pgliteRows === rows ? undefined : `${pgliteRows} rows on PGlite (fewer than ${rows}: its one WASM connection)`,
      engines,
    };
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
