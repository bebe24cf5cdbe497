// Vector tile throughput (docs/interop.md#vector-tiles): uncached tiles through the whole endpoint against the bare
// ST_AsMVT statement on PostgreSQL (sent as a client would, parsed and planned each time, and prepared as the endpoint
// sends it), the server-encoded tiles on PGlite, and cached tiles per second over loopback
// (autocannon in a worker thread, the server on the main one). Prints one JSON document.
// Usage: npm run --silent bench:tiles   (PostgreSQL too when DATABASE_URL is set; its data is replaced)
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import type { AddressInfo } from 'node:net';
import { createDb, migrate, type Database } from '../../db/client.js';
import { analyzeIfNeverAnalyzed } from '../../db/queries/maintenance.js';
import { mvtTileSql, mvtTileStatement, type TileParams } from '../../db/queries/tiles.js';
import { seedDemo } from '../../db/seed/index.js';
import { hashPassword } from '../../server/auth/password.js';
import { createApp } from '../../server/app.js';
import { tileOf, type TileLayerName } from '../../server/domain/tile-layers.js';
import { signInCookie } from './app-client.js';
import { seededBenchDatabase } from './seeded-database.js';

const asOf = new Date('2026-11-21T00:00:00Z');
const password = 'bench-password';
const progress = (message: string) => process.stderr.write(`${message}\n`);
const concurrency = 4;
const zoom = 12;
const layers: TileLayerName[] = ['institutions', 'clues', 'grid-cells', 'streets'];
const period = { from: new Date('2024-11-21T00:00:00Z'), to: asOf };
const periodQuery = `?from=${period.from.toISOString()}&to=${period.to.toISOString()}`;

/** Every z-12 tile over Shanghai, for each layer. */
function tileSet(): { layer: TileLayerName; x: number; y: number }[] {
  const nw = tileOf(120.85, 31.88, zoom);
  const se = tileOf(122.2, 30.67, zoom);
  const tiles: { layer: TileLayerName; x: number; y: number }[] = [];
  for (const layer of layers) for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ layer, x, y });
  return tiles;
}

async function perSecond<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await run(items[next++]);
    }),
  );
  return items.length / ((performance.now() - started) / 1000);
}

const round = (n: number) => Math.round(n * 10) / 10;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** The uncached paths run in turn this many times; the medians are reported, with the spread. */
const measuredRounds = 3;

async function measure(database: Database) {
  const tiles = tileSet();
  const uncachedApp = createApp({ database, tileCacheBytes: 0 });
  const cookie = await signInCookie(uncachedApp, 'admin', password);
  const path = (t: { layer: TileLayerName; x: number; y: number }) => `/tiles/${t.layer}/${zoom}/${t.x}/${t.y}.mvt${t.layer === 'grid-cells' ? periodQuery : ''}`;
  const fetchTile = async (t: { layer: TileLayerName; x: number; y: number }) => {
    const response = await uncachedApp.request(path(t), { headers: { Cookie: cookie } });
    if (response.status !== 200 && response.status !== 204) throw new Error(`${path(t)}: ${response.status}`);
    await response.arrayBuffer();
  };
  const encoding = await uncachedApp.deps.tiles.encodingFor(database);
  const params = (t: { layer: TileLayerName; x: number; y: number }): TileParams => ({ layer: t.layer, z: zoom, x: t.x, y: t.y, scope: { districtCode: null }, ...(t.layer === 'grid-cells' ? period : {}) });
  const bare = (t: { layer: TileLayerName; x: number; y: number }) => database.rows(mvtTileSql(params(t)));
  const prepared = (t: { layer: TileLayerName; x: number; y: number }) => database.preparedRows!(mvtTileStatement(params(t)));
  // One whole unmeasured pass of each first: the JIT and every pooled connection's caches (PostGIS keeps its
  // projections per connection) are then as warm for the one as for the other, whichever runs first.
  const paths: [string, (t: { layer: TileLayerName; x: number; y: number }) => Promise<unknown>][] = [['endpoint', fetchTile]];
  if (encoding === 'postgis') paths.push(['bare', bare], ['prepared', prepared]);
  for (const [, run] of paths) await perSecond(tiles, run);
  const rounds: Record<string, number>[] = [];
  for (let i = 0; i < measuredRounds; i++) {
    const figures: Record<string, number> = {};
    for (const [name, run] of paths) figures[name] = await perSecond(tiles, run);
    rounds.push(figures);
  }
  const endpoint = median(rounds.map((r) => r.endpoint));
  const spread = (name: string) => [round(Math.min(...rounds.map((r) => r[name]))), round(Math.max(...rounds.map((r) => r[name])))];
  const ratio = (name: string) => (encoding === 'postgis' ? Math.round(median(rounds.map((r) => r.endpoint / r[name])) * 100) / 100 : null);
  const rawSql = encoding === 'postgis' ? median(rounds.map((r) => r.bare)) : null;
  const rawPrepared = encoding === 'postgis' ? median(rounds.map((r) => r.prepared)) : null;

  const app = createApp({ database });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const hot = tileOf(121.47, 31.23, zoom);
  const hotUrl = `${base}/tiles/institutions/${zoom}/${hot.x}/${hot.y}.mvt`;
  const cachedCookie = await signInCookie(app, 'admin', password);
  await fetch(hotUrl, { headers: { Cookie: cachedCookie } });
  const result = await autocannon({ url: hotUrl, connections: 32, duration: 10, workers: 1, headers: { Cookie: cachedCookie } });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const non2xx = result.non2xx;
  return {
    engine: database.engine,
    encoding,
    tiles: tiles.length,
    uncachedTilesPerSecond: round(endpoint),
    uncachedSpread: spread('endpoint'),
    rawStAsMvtTilesPerSecond: rawSql === null ? null : round(rawSql),
    rawSpread: rawSql === null ? null : spread('bare'),
    endpointVsRawSql: ratio('bare'),
    rawPreparedTilesPerSecond: rawPrepared === null ? null : round(rawPrepared),
    endpointVsRawPrepared: ratio('prepared'),
    cachedTilesPerSecond: round(result.requests.average),
    cachedLatencyP99Ms: result.latency.p99,
    cachedErrors: result.errors + non2xx,
  };
}

async function embeddedDatabase(): Promise<Database> {
  const database = await createDb();
  await migrate(database);
  await seedDemo(database, { asOf, password, hashPassword, scale: 'test' });
  await analyzeIfNeverAnalyzed(database);
  return database;
}

async function main() {
  const figures = [];
  progress('PGlite: seeding the test scale');
  const embedded = await embeddedDatabase();
  figures.push(await measure(embedded));
  await embedded.close();
  if (process.env.DATABASE_URL) {
    const postgres = await seededBenchDatabase({ asOf, password, scale: 'test', progress });
    figures.push(await measure(postgres));
    await postgres.close();
  }
  process.stdout.write(`${JSON.stringify({ zoom, concurrency, layers, cores: (await import('node:os')).availableParallelism(), engines: figures }, null, 2)}\n`);
}

await main();
process.exit(0);
