// The benchmarks' database: the embedded engine, or the PostgreSQL of DATABASE_URL reset first (its data is lost),
// with the demo data seeded and its statistics gathered as `npm start` does.
import { createDb, migrate, resetDatabase, type Database } from '../../db/client.js';
import { analyzeIfNeverAnalyzed } from '../../db/queries/maintenance.js';
import type { SeedScale } from '../../db/seed/generate/grid.js';
import { seedDemo } from '../../db/seed/index.js';
import { hashPassword } from '../../server/auth/password.js';

export interface BenchSeed {
  asOf: Date;
  /** Every demo account's password. */
  password: string;
  scale: SeedScale;
  progress: (message: string) => void;
}

export async function seededBenchDatabase(seed: BenchSeed): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const started = performance.now();
  const database = await createDb({ databaseUrl });
  if (databaseUrl) await resetDatabase(database);
  else await migrate(database);
  seed.progress(`${database.engine} ready in ${((performance.now() - started) / 1000).toFixed(1)} s; seeding the ${seed.scale} scale`);
  await seedDemo(database, { asOf: seed.asOf, password: seed.password, hashPassword, scale: seed.scale });
  await analyzeIfNeverAnalyzed(database);
  return database;
}

/** The driver under drizzle (PGlite or node-postgres): the reference a benchmark sets its endpoint against. */
export interface RawClient {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}
export const rawClientOf = (database: Database): RawClient => (database.db as unknown as { $client: RawClient }).$client;
