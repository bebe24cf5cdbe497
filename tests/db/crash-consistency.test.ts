import { afterAll, describe, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDb, type Database } from '../../db/client.js';
import { verifyAuditChain } from '../../db/queries/audit.js';
import { countRows, SEEDED_TABLES } from '../../db/queries/seed.js';

// `kill -9` of the process in the middle of the demo build (thousands of rows in one transaction): after a restart
// the database holds all of the build or none of it, and the audit chain verifies. On PGlite the database lives in
// the killed process, so this is a real crash recovery; on PostgreSQL the server aborts the dead client's
// transaction. The run uses a database of its own, never the one the other tests share.

const root = fileURLToPath(new URL('../../', import.meta.url));
const baseUrl = process.env.DATABASE_URL || undefined;
const engine = baseUrl ? 'postgres' : 'pglite';

/** A fresh PostgreSQL database beside the test one, or a fresh PGlite data directory. */
async function scratchTarget(): Promise<{ env: Record<string, string>; open: () => Promise<Database>; drop: () => Promise<void> }> {
  if (baseUrl) {
    const url = new URL(baseUrl);
    const name = `${url.pathname.slice(1)}_crash`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url.pathname = `/${name}`;
    const target = url.toString();
    return {
      env: { DATABASE_URL: target },
      open: () => createDb({ databaseUrl: target }),
      drop: async () => {
        const client = new pg.Client({ connectionString: baseUrl });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'jointops-crash-'));
  return {
    env: { DATABASE_URL: '', DATA_DIR: dir },
    open: () => createDb({ dataDir: dir }),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `npm run seed` and kills it with SIGKILL as soon as its output shows `step`; resolves with what it printed. */
function seedKilledAt(env: Record<string, string>, step: RegExp): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx as a loader: the tsx command would run the script in a child process, which SIGKILL of
    // the command would leave running.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts'], {
      cwd: root,
      env: { ...process.env, SEED_SCALE: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    let output = '';
    let killed = false;
    const onData = (chunk: string) => {
      output += chunk;
      if (!killed && step.test(output)) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', () => resolve({ killed, output }));
  });
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe(`kill -9 in the middle of the demo build (${engine})`, () => {
  test(
    'killed while the clues are written: after a restart none of the build is there, the audit chain verifies, and a new build completes',
    async () => {
      const target = await scratchTarget();
      cleanups.push(target.drop);
      const run = await seedKilledAt(target.env, /线索 clues/);
      expect(run.killed, run.output).toBe(true);
      const database = await target.open();
      try {
        const counts = await countRows(database);
        const filled = SEEDED_TABLES.filter((table) => counts[table] > 0);
        // The build is one transaction: killed inside it, nothing of it may remain.
        expect(filled).toEqual([]);
        const chain = await verifyAuditChain(database);
        expect(chain.ok).toBe(true);
      } finally {
        await database.close();
      }
      // The database is usable: a full build after the crash completes and leaves a verified chain.
      const again = await seedKilledAt(target.env, /(?!)/); // a pattern that never matches: run to the end
      expect(again.killed).toBe(false);
      expect(again.output).toMatch(/seed: done in/);
      const rebuilt = await target.open();
      try {
        const counts = await countRows(rebuilt);
        expect(SEEDED_TABLES.filter((table) => counts[table] === 0)).toEqual([]);
        expect((await verifyAuditChain(rebuilt)).ok).toBe(true);
      } finally {
        await rebuilt.close();
      }
    },
    240_000,
  );
});
