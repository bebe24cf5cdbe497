import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb, dumpEmbedded, migrate } from '../../db/client.js';
import { databaseUrlOf, seedTestData, withAdmin } from './db.js';

export type DbTemplate = { engine: 'pglite'; file: string } | { engine: 'postgres'; name: string };

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded database every db test file starts from a copy of (tests/support/db.ts testDatabase). */
    dbTemplate: DbTemplate;
  }
}

/**
 * Builds the seeded test database once per run, before any file: on PostgreSQL (DATABASE_URL) a template database
 * beside the one the URL names, which CREATE DATABASE … TEMPLATE copies in a moment; on PGlite a tarball of its files,
 * which loads in a few seconds where migrating and seeding a new one takes ten.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL || undefined;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'jointops-db-template-'));
    const database = await createDb();
    await migrate(database);
    await seedTestData(database);
    const file = join(dir, 'seeded.tar');
    writeFileSync(file, Buffer.from(await (await dumpEmbedded(database)).arrayBuffer()));
    await database.close();
    project.provide('dbTemplate', { engine: 'pglite', file });
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const name = await withAdmin(serverUrl, async (admin, nameOf) => {
    const template = nameOf('template');
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}"`);
    return template;
  });
  const database = await createDb({ databaseUrl: databaseUrlOf(serverUrl, name) });
  await migrate(database);
  await seedTestData(database);
  await database.close();
  project.provide('dbTemplate', { engine: 'postgres', name });
  return async () => {
    await withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };
}
