/**
 * npm run --silent audit:verify
 *
 * Walks the hash chain of the audit log (执法全过程记录) from its first entry in id order and says whether every
 * entry is intact. Database: DATABASE_URL (PostgreSQL), else the embedded PGlite in DATA_DIR (default ./data), which
 * serves one process at a time: stop the server first.
 *
 * stdout, one JSON line: {"ok":true,"checked":N,"lastId":…,"lastHash":"…"} and exit 0, or
 * {"ok":false,"checked":N,"brokenAt":id,"reason":"…"} and exit 1 (brokenAt = the first entry that does not chain).
 * Exit 2 with one line on stderr when the database cannot be opened or holds no audit log.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDb, isDatabaseUnavailable } from '../db/client.js';
import { verifyAuditChain } from '../db/queries/audit.js';

const PAGE_SIZE = 5000;
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR ?? './data';
const where = databaseUrl ? 'DATABASE_URL' : `PGlite in ${dataDir}`;

/** The driver's own words: drizzle wraps them ("Failed query: …") and a refused connection may be an AggregateError. */
function rootMessage(error: unknown): string {
  let e = error as { cause?: unknown; errors?: unknown[]; message?: string; code?: string };
  while (e.cause || (e.errors?.length && !e.message)) e = (e.cause ?? e.errors![0]) as typeof e;
  return (e.message || e.code || 'unknown error').split('\n')[0];
}

/** Progress on stderr once the chain is longer than one page: redrawn in place on a terminal. */
function progress() {
  let shown = false;
  return {
    page(checked: number, lastId: number) {
      if (checked < PAGE_SIZE) return;
      const line = `audit:verify: ${checked.toLocaleString('en')} entries checked, up to id ${lastId}`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
      shown = true;
    },
    end() {
      if (shown && process.stderr.isTTY) process.stderr.write('\n');
    },
  };
}

function fail(message: string): never {
  process.stderr.write(`audit:verify: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<number> {
  // PGlite would create an empty database in a directory that holds none: a verifier must not.
  if (!databaseUrl && !existsSync(join(dataDir, 'PG_VERSION'))) fail(`no database in ${dataDir} (DATA_DIR)`);
  const database = await createDb({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir });
  try {
    const shown = progress();
    const result = await verifyAuditChain(database, { pageSize: PAGE_SIZE, onProgress: (checked, lastId) => shown.page(checked, lastId) });
    shown.end();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const what = isDatabaseUnavailable(error) ? 'cannot reach the database' : 'cannot read the audit log';
    fail(`${what} (${where}): ${rootMessage(error)}`);
  },
);
