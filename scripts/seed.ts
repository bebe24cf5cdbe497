// npm run seed — rebuilds the demo database from scratch: drops every table, re-applies the migrations and
// builds the demo data (模拟数据) at demo scale.
// Environment: DATABASE_URL (PostgreSQL; absent = embedded PGlite in DATA_DIR, default ./data),
// DEMO_PASSWORD (demo users' password, default 'jointops-demo'), SEED (integer, default 20260101),
// AS_OF (ISO date-time the demo treats as now, default the current time), SEED_SCALE (demo, default, or test: a
// small city of ~300 institutions for trying things out).
import { createDb, resetDatabase } from '../db/client.js';
import { DEFAULT_DEMO_PASSWORD, DEFAULT_SEED, seedDemo } from '../db/seed/index.js';
import { hashPassword } from '../server/auth/password.js';
import { monotonicClock, systemClock } from '../server/domain/clock.js';

const env = process.env;
const databaseUrl = env.DATABASE_URL || undefined;
const dataDir = env.DATA_DIR ?? './data';
const password = env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
const seed = env.SEED === undefined ? DEFAULT_SEED : Number(env.SEED);
const asOf = env.AS_OF === undefined ? systemClock() : new Date(env.AS_OF);
const scale = env.SEED_SCALE ?? 'demo';

function fail(message: string): never {
  console.error(`seed: ${message}`);
  process.exit(1);
}

if (!Number.isInteger(seed)) fail(`SEED must be an integer, got '${env.SEED}'`);
if (Number.isNaN(asOf.getTime())) fail(`AS_OF must be an ISO date-time, got '${env.AS_OF}'`);
if (scale !== 'demo' && scale !== 'test') fail(`SEED_SCALE must be demo or test, got '${scale}'`);

function bar(done: number, total: number, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

const started = monotonicClock();
const seconds = () => `${((monotonicClock() - started) / 1000).toFixed(1)} s`;
const tty = process.stdout.isTTY;

console.log(databaseUrl ? 'seed: PostgreSQL from DATABASE_URL' : `seed: embedded PGlite in ${dataDir}`);
const database = await createDb({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir, onProgress: (m) => console.log(`seed: ${m}`) });
try {
  console.log(`seed: resetting the database (${seconds()})`);
  await resetDatabase(database);
  const summary = await seedDemo(database, {
    seed,
    asOf,
    password,
    hashPassword,
    now: systemClock,
    scale,
    onProgress: (step, done, total) => {
      const line = `seed: ${bar(done, total)} ${step} (${seconds()})`;
      if (tty) process.stdout.write(`\r${line.padEnd(90)}${done === total ? '\n' : ''}`);
      else console.log(line);
    },
  });
  console.log(`seed: done in ${seconds()} — seed ${seed}, as of ${asOf.toISOString()}`);
  console.table(summary);
  if (env.DEMO_PASSWORD === undefined) console.log(`seed: demo users admin, planner, putuo_leader, wall have the default password '${DEFAULT_DEMO_PASSWORD}' — set DEMO_PASSWORD to change it`);
} finally {
  await database.close();
}
