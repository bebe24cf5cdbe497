import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/queries/queryable.js';
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

async function withAdmin<T>(databaseUrl: string, run: (admin: pg.Client, name: (suffix: string) => string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    return await run(admin, (suffix) => `${new URL(databaseUrl).pathname.slice(1) || 'postgres'}_${suffix}`);
  } finally {
    await admin.end();
  }
}

/**
 * For a file that rebuilds or tampers with its database and so must not use the shared one: with DATABASE_URL, the
 * URL of a database of its own on the same server (created when missing); without, undefined (PGlite in memory).
 */
export async function scratchDatabaseUrl(suffix: string): Promise<string | undefined> {
  const sharedUrl = process.env.DATABASE_URL || undefined;
  if (!sharedUrl) return undefined;
  return withAdmin(sharedUrl, async (admin, name) => {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name(suffix)]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name(suffix)}"`);
    const url = new URL(sharedUrl);
    url.pathname = `/${name(suffix)}`;
    return url.toString();
  });
}

export async function dropScratchDatabase(suffix: string): Promise<void> {
  const sharedUrl = process.env.DATABASE_URL || undefined;
  if (sharedUrl) await withAdmin(sharedUrl, (admin, name) => admin.query(`DROP DATABASE IF EXISTS "${name(suffix)}"`));
}

/**
 * Runs a statement on audit_log as its owner with the append-only triggers off, and turns them on again: how the tests
 * forge the tampering that the chain verification must notice.
 */
export async function tamperAuditLog(q: Queryable, statement: SQL): Promise<void> {
  await q.rows(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
  await q.rows(statement);
  await q.rows(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
}
