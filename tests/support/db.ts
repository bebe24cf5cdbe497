import { createDb, migrate, resetDatabase, type Database } from '../../db/client.js';
import { analyzeIfNeverAnalyzed } from '../../db/queries/maintenance.js';
import { seedDemo } from '../../db/seed/index.js';
import { hashPassword } from '../../server/auth/password.js';

/** The clock of the test data: the seed's "now" and the app's. */
export const testAsOf = new Date('2026-11-01T00:00:00Z');
export const testPassword = 'test-password';

let shared: Promise<Database> | undefined;

/**
 * One seeded database for the whole `db` test run (the project runs its files in one worker without
 * isolation): DATABASE_URL → that PostgreSQL, reset and migrated; otherwise PGlite in memory.
 */
export function testDatabase(): Promise<Database> {
  shared ??= build();
  return shared;
}

async function build(): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL;
  const database = await createDb({ databaseUrl });
  if (databaseUrl) await resetDatabase(database);
  else await migrate(database);
  await seedDemo(database, { scale: 'test', asOf: testAsOf, password: testPassword, hashPassword });
  await analyzeIfNeverAnalyzed(database);
  return database;
}
