import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { createDb, migrate, resetDatabase, type Database } from '../../db/client.js';
import { appendAudit, auditHash, verifyAuditChain, type AuditContent, type AuditRow, type ChainCheck } from '../../db/queries/audit.js';
import { col, inTransaction, parsedRows, type Queryable } from '../../db/queries/queryable.js';
import { dropScratchDatabase, scratchDatabaseUrl, tamperAuditLog as tamper, testDatabase } from '../support/db.js';

const entry = (n: number): AuditContent => ({
  at: new Date(Date.UTC(2026, 10, 1, 8, 0, n, n)),
  actor: n % 2 ? 'putuo_leader' : 'admin',
  action: 'clue.status',
  entity: 'clue',
  entityId: String(100 + n),
  before: { status: 'received', note: { z: n, a: [1, { y: 2, x: 1 }] } },
  after: { status: 'registered', 说明: `第${n}条` },
});

async function appendEntries(tx: Queryable, count: number): Promise<number[]> {
  return (await appendRows(tx, count)).map((row) => row.id);
}

async function appendRows(tx: Queryable, count: number): Promise<AuditRow[]> {
  const rows: AuditRow[] = [];
  for (let n = 1; n <= count; n++) rows.push(await appendAudit(tx, entry(n)));
  return rows;
}

const countWhere = async (tx: Queryable, condition: SQL) =>
  (await parsedRows(tx, z.object({ n: col.int }), sql`SELECT count(*) AS n FROM audit_log WHERE ${condition}`))[0].n;

class RolledBack extends Error {}

describe('verifyAuditChain', () => {
  let database: Database;

  beforeAll(async () => {
    database = await testDatabase();
  });

  /**
   * The shared database's log is tampered with only inside a transaction that is rolled back: the other test files
   * find it as it was.
   */
  async function rolledBack<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    let result: T | undefined;
    await inTransaction(database, async (tx) => {
      result = await work(tx);
      throw new RolledBack();
    }).catch((error: unknown) => {
      if (!(error instanceof RolledBack)) throw error;
    });
    return result as T;
  }

  test('an intact chain: every entry checked and the head named, whatever the page size', async () => {
    const { results, ids, total, progress } = await rolledBack(async (tx) => {
      const ids = await appendEntries(tx, 7);
      const progress: [number, number][] = [];
      const results: ChainCheck[] = [];
      for (const pageSize of [1, 2, 3, 5000]) results.push(await verifyAuditChain(tx, { pageSize, onProgress: (c, id) => pageSize === 2 && progress.push([c, id]) }));
      return { results, ids, total: await countWhere(tx, sql`TRUE`), progress };
    });
    const head = await parsedRows(database, z.object({ hash: z.string() }), sql`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(total).toBeGreaterThan(7);
    for (const result of results) {
      expect(result).toEqual({ ok: true, checked: total, lastId: ids[6], lastHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(result).toEqual(results[0]);
    }
    expect(progress.at(-1)).toEqual([total, ids[6]]);
    expect(progress.map(([c]) => c)).toEqual(progress.map((_, i) => Math.min(2 * (i + 1), total)));
    // Rolled back: the shared log is unchanged and still intact.
    expect(await verifyAuditChain(database)).toMatchObject({ ok: true, lastHash: head[0].hash });
  });

  test('the append-only trigger refuses the change these tests make with it turned off', async () => {
    const refused = rolledBack(async (tx) => {
      const [id] = await appendEntries(tx, 1);
      await tx.rows(sql`UPDATE audit_log SET actor = 'someone' WHERE id = ${id}`);
    });
    await expect(refused).rejects.toSatisfy((error: Error) => /append-only: UPDATE refused/.test(`${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`));
  });

  test.each([
    ['after', (id: number) => sql`UPDATE audit_log SET after = '{"status":"closed"}'::jsonb WHERE id = ${id}`],
    ['actor', (id: number) => sql`UPDATE audit_log SET actor = 'someone' WHERE id = ${id}`],
    ['at (to the microsecond)', (id: number) => sql`UPDATE audit_log SET at = at + interval '1 microsecond' WHERE id = ${id}`],
    ['hash', (id: number) => sql`UPDATE audit_log SET hash = md5(hash) || md5(hash) WHERE id = ${id}`],
  ])('a changed %s is named: that entry, its content', async (_field, change) => {
    const { result, ids, before } = await rolledBack(async (tx) => {
      const ids = await appendEntries(tx, 5);
      await tamper(tx, change(ids[2]));
      return { result: await verifyAuditChain(tx, { pageSize: 2 }), ids, before: await countWhere(tx, sql`id < ${ids[2]}`) };
    });
    expect(result).toEqual({ ok: false, checked: before, brokenAt: ids[2], reason: "hash does not match the entry's content" });
  });

  test('an entry deleted from the middle: the next one is named, its prev_hash', async () => {
    const { result, ids, before } = await rolledBack(async (tx) => {
      const ids = await appendEntries(tx, 5);
      await tamper(tx, sql`DELETE FROM audit_log WHERE id = ${ids[1]}`);
      return { result: await verifyAuditChain(tx, { pageSize: 3 }), ids, before: await countWhere(tx, sql`id < ${ids[2]}`) };
    });
    expect(result).toEqual({ ok: false, checked: before, brokenAt: ids[2], reason: 'prev_hash does not match the previous entry' });
  });

  test('an entry changed and its hash recomputed: the next one is named, its prev_hash', async () => {
    const { result, rows } = await rolledBack(async (tx) => {
      const rows = await appendRows(tx, 4);
      const forged = auditHash(rows[1].prevHash, { ...entry(2), after: { status: 'closed' } });
      await tamper(tx, sql`UPDATE audit_log SET after = '{"status":"closed"}'::jsonb, hash = ${forged} WHERE id = ${rows[1].id}`);
      return { result: await verifyAuditChain(tx), rows };
    });
    expect(result).toMatchObject({ ok: false, brokenAt: rows[2].id, reason: 'prev_hash does not match the previous entry' });
  });
});

describe('npm run audit:verify', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const tsx = join(root, 'node_modules/.bin/tsx');
  const scratch = 'audit_verify';
  // The CLI opens the database itself, so it cannot be the in-memory one: a PGlite directory or a scratch database.
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  let ids: number[];

  async function withScratch<T>(work: (database: Database) => Promise<T>): Promise<T> {
    const database = await createDb(databaseUrl ? { databaseUrl } : { dataDir });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }

  function auditVerify(env: Record<string, string>) {
    const result = spawnSync(tsx, ['scripts/audit-verify.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }
  const onScratch = () => auditVerify(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '', DATA_DIR: dataDir! });

  beforeAll(async () => {
    databaseUrl = await scratchDatabaseUrl(scratch);
    if (!databaseUrl) dataDir = mkdtempSync(join(tmpdir(), 'audit-verify-'));
    ids = await withScratch(async (database) => {
      if (databaseUrl) await resetDatabase(database);
      else await migrate(database);
      return inTransaction(database, (tx) => appendEntries(tx, 4));
    });
  });

  afterAll(async () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await dropScratchDatabase(scratch);
  });

  test('exit 0 with the head of an intact chain; exit 1 naming the entry after one deleted from the middle', async () => {
    const intact = onScratch();
    expect(intact.stderr).toBe('');
    expect(intact.status).toBe(0);
    expect(intact.stdout.endsWith('\n')).toBe(true);
    expect(intact.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(intact.stdout)).toEqual({ ok: true, checked: 4, lastId: ids[3], lastHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    await withScratch((database) => inTransaction(database, (tx) => tamper(tx, sql`DELETE FROM audit_log WHERE id = ${ids[1]}`)));
    const broken = onScratch();
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout)).toEqual({ ok: false, checked: 1, brokenAt: ids[2], reason: 'prev_hash does not match the previous entry' });
  });

  test('exit 2 with one line on stderr when there is no database to open', () => {
    const absent = join(tmpdir(), 'audit-verify-absent', 'data');
    const cases: [Record<string, string>, RegExp][] = [
      [{ DATABASE_URL: '', DATA_DIR: absent }, /^audit:verify: no database in .*audit-verify-absent.data \(DATA_DIR\)\n$/],
      [{ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' }, /^audit:verify: cannot reach the database \(DATABASE_URL\): .*ECONNREFUSED.*\n$/],
    ];
    for (const [env, message] of cases) {
      const run = auditVerify(env);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stdout).toBe('');
    }
  });
});
