// Starts JointOps: the database (embedded PGlite + PostGIS, or PostgreSQL with DATABASE_URL), the demo data on
// first run, and the HTTP server with the built web app. The only module that reads process.env.
import { serve } from '@hono/node-server';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, migrate } from '../db/client.js';
import { countDistricts } from '../db/queries/districts.js';
import { analyzeIfNeverAnalyzed } from '../db/queries/maintenance.js';
import { DEFAULT_DEMO_PASSWORD, seedDemo } from '../db/seed/index.js';
import { createApp, startBackgroundTasks } from './app.js';
import { monotonicClock, systemClock } from './domain/clock.js';
import { hashPassword } from './auth/password.js';
import { ensureWebBuild } from './web-build.js';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const databaseUrl = env.DATABASE_URL || undefined;
const dataDir = env.DATA_DIR ?? './data';
const photoDir = env.PHOTO_DIR || join(dataDir, 'photos');
const demoPassword = env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;
const seed = env.SEED === undefined ? undefined : Number(env.SEED);
const root = fileURLToPath(new URL('..', import.meta.url));
const staticDir = fileURLToPath(new URL('../dist/web', import.meta.url));

if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be a port number, got ${env.PORT}`);
if (seed !== undefined && !Number.isInteger(seed)) fail(`SEED must be an integer, got ${env.SEED}`);

const startedAt = monotonicClock();
const elapsed = () => `${((monotonicClock() - startedAt) / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[jointops ${elapsed()}] ${message}`);

function fail(message: string): never {
  console.error(`jointops: ${message}`);
  process.exit(1);
}

/** Prints the elapsed time while a slow step runs, so a first start never looks hung. */
async function withTicker<T>(label: string, work: Promise<T>): Promise<T> {
  const tty = process.stdout.isTTY;
  const stepStart = monotonicClock();
  const tick = () => {
    const line = `[jointops ${elapsed()}] ${label} … ${((monotonicClock() - stepStart) / 1000).toFixed(0)} s`;
    if (tty) process.stdout.write(`\r${line}`);
    else console.log(line);
  };
  const timer = setInterval(tick, tty ? 1000 : 5000);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    if (tty) process.stdout.write('\n');
  }
}

function progressBar(done: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.round((done / total) * width) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}

async function main(): Promise<void> {
  // The web build (a child process) runs while the database starts.
  const webBuild = ensureWebBuild(root, staticDir, log);
  webBuild.catch(() => undefined); // awaited below; this only keeps an early failure from being reported as unhandled
  log(databaseUrl ? 'using PostgreSQL from DATABASE_URL' : `using embedded PostgreSQL + PostGIS (PGlite) in ${dataDir}`);
  const database = await withTicker(
    databaseUrl ? 'connecting to PostgreSQL' : 'starting the embedded database (the first start takes about 20 s)',
    createDb({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir, onProgress: log }),
  );
  await withTicker('applying migrations', migrate(database));
  if ((await countDistricts(database)) === 0) {
    log('empty database: building the demo data (模拟数据)');
    const summary = await withTicker(
      'building demo data',
      seedDemo(database, {
        asOf: systemClock(),
        now: systemClock,
        password: demoPassword,
        hashPassword,
        scale: 'demo',
        seed,
        onProgress: (step, done, total) => log(`${progressBar(done, total)} ${step}`),
      }),
    );
    log(`demo data ready: ${JSON.stringify(summary)}`);
    if (env.DEMO_PASSWORD === undefined) log('demo users admin, planner, putuo_leader, wall and the field officers (username: the digits of the certificate number) use the default password: set DEMO_PASSWORD to change it');
  }

  if (await withTicker('gathering planner statistics', analyzeIfNeverAnalyzed(database))) log('planner statistics gathered');

  await withTicker('building the web app', webBuild);
  const app = createApp({ database, staticDir, photoDir });
  const stopBackground = startBackgroundTasks(app.deps);
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
    const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    log(`ready: http://${shownHost}:${info.port}  (API: http://${shownHost}:${info.port}/api/openapi.json)`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    stopBackground();
    server.close();
    // PGlite writes its files on close: without it the data of this run may be lost.
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
