/**
 * npm run --silent photos:check [-- --delete-unreferenced-older-than <days>]
 *
 * Accounts for the photo store (docs/field.md#photos): files with no photo row (orphanFiles), photo rows whose file
 * or thumbnail is missing (missingFiles), photo rows no check-in refers to (unreferenced, with their age). One JSON
 * line on stdout; exit 0 when nothing is wrong beyond unreferenced photos younger than a day (a phone's queue may be
 * about to send their check-in), 1 otherwise. With --delete-unreferenced-older-than, unreferenced photos older than
 * that many days (at least 1) are deleted first, rows and files, one audit entry (photo.delete) each.
 *
 * Database: DATABASE_URL (PostgreSQL), else the embedded PGlite in DATA_DIR (default ./data), which serves one process
 * at a time: stop the server first. Store: PHOTO_DIR, else DATA_DIR/photos. Exit 2 with one line on stderr when the
 * arguments are wrong or the database cannot be opened.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDb } from '../db/client.js';
import { systemClock } from '../server/domain/clock.js';
import { PhotoStore } from '../server/photos/store.js';
import { parsePhotosCheckArgs, runPhotosCheck } from '../server/services/photo-check.js';

const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.DATA_DIR ?? './data';
const photoDir = process.env.PHOTO_DIR || join(dataDir, 'photos');

function fail(message: string): never {
  process.stderr.write(`photos:check: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<number> {
  const options = parsePhotosCheckArgs(process.argv.slice(2));
  if ('error' in options) fail(options.error);
  // PGlite would create an empty database in a directory that holds none: a check must not.
  if (!databaseUrl && !existsSync(join(dataDir, 'PG_VERSION'))) fail(`no database in ${dataDir} (DATA_DIR)`);
  const database = await createDb({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir });
  try {
    const { exitCode, report } = await runPhotosCheck({ database, photos: new PhotoStore(photoDir), now: systemClock }, options);
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return exitCode;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => fail(error instanceof Error ? error.message.split('\n')[0] : String(error)),
);
