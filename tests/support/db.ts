import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/queries/queryable.js';
import { createDb, type Database } from '../../db/client.js';
import { analyzeIfNeverAnalyzed } from '../../db/queries/maintenance.js';
import { seedDemo } from '../../db/seed/index.js';
import { hashPassword } from '../../server/auth/password.js';

/** The clock of the test data: the seed's "now" and the app's. */
export const testAsOf = new Date('2026-11-01T00:00:00Z');
export const testPassword = 'test-password';

let current: Promise<Database> | undefined;

/**
 * The seeded database of the running test file: a copy of the run's template (tests/support/db-template.ts), made when
 * the file first asks and dropped when it ends (tests/support/db-file.ts), so that no file sees what another wrote and
 * the files may run in parallel workers. DATABASE_URL → a database of its own on that PostgreSQL, copied from the
 * template database; otherwise PGlite in memory, loaded from the template's files.
 */
export function testDatabase(): Promise<Database> {
  current ??= copyOfTemplate();
  return current;
}

/** Closes and drops the running file's database (tests/support/db-file.ts calls it after each file). */
export async function releaseTestDatabase(): Promise<void> {
  const open = current;
  current = undefined;
  if (!open) return;
  const database = await open;
  await database.close();
  const name = copies.get(database);
  const serverUrl = process.env.DATABASE_URL;
  if (name && serverUrl) await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

const copies = new WeakMap<Database, string>();
let copiesMade = 0;

async function copyOfTemplate(): Promise<Database> {
  const template = inject('dbTemplate');
  if (!template) throw new Error('no template database: run the db tests through the db project (see tests/support/db-template.ts)');
  if (template.engine === 'pglite') return createDb({ loadDataDir: new Blob([await readFile(template.file)]) });
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('the template database is on PostgreSQL: set DATABASE_URL to its server');
  const url = await withAdmin(serverUrl, async (admin, name) => {
    const copy = name(`${process.pid}_${++copiesMade}`);
    await admin.query(`CREATE DATABASE "${copy}" TEMPLATE "${template.name}"`);
    return databaseUrlOf(serverUrl, copy);
  });
  const database = await createDb({ databaseUrl: url });
  copies.set(database, new URL(url).pathname.slice(1));
  return database;
}

export const databaseUrlOf = (serverUrl: string, name: string): string => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** The test data on a migrated database: the demo seeded at test scale, analysed (the template every file copies). */
export async function seedTestData(database: Database): Promise<void> {
  await seedDemo(database, { scale: 'test', asOf: testAsOf, password: testPassword, hashPassword });
  await analyzeIfNeverAnalyzed(database);
}

export async function withAdmin<T>(databaseUrl: string, run: (admin: pg.Client, name: (suffix: string) => string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    return await run(admin, (suffix) => `${new URL(databaseUrl).pathname.slice(1) || 'postgres'}_${suffix}`);
  } finally {
    await admin.end();
  }
}

/**
 * For a file that rebuilds or tampers with its database and so must not start from the seeded template: with DATABASE_URL, the
 * URL of a database of its own on the same server (created when missing); without, undefined (PGlite in memory).
 */
export async function scratchDatabaseUrl(suffix: string): Promise<string | undefined> {
  const sharedUrl = process.env.DATABASE_URL || undefined;
  if (!sharedUrl) return undefined;
  return withAdmin(sharedUrl, async (admin, name) => {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name(suffix)]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name(suffix)}"`);
    return databaseUrlOf(sharedUrl, name(suffix));
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
