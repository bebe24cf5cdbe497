import type { Database } from '../../db/client.js';
import { appendAudit } from '../../db/queries/audit.js';
import { deleteUnreferencedPhotos, fileNamesInUse, photoFileNames, unreferencedPhotos } from '../../db/queries/photos.js';
import { inTransaction } from '../../db/queries/queryable.js';
import type { Clock } from '../domain/clock.js';
import { DAY_MS, HOUR_MS } from '../domain/time.js';
import type { PhotoStore } from '../photos/store.js';
import { photoOfRow } from './photos.js';

// Accounting between the photo store's files and the photos table (npm run photos:check, docs/field.md#photos).

/**
 * An unreferenced photo younger than this is not a fault: the phone uploads a check-in's photos first and the
 * check-in after them, so a queue may be about to send the check-in that refers to it.
 */
export const UNREFERENCED_GRACE_MS = DAY_MS;

export interface PhotoCheckDeps {
  database: Database;
  photos: PhotoStore;
  now: Clock;
}

export interface PhotoCheckReport {
  /** Nothing wrong beyond unreferenced photos younger than a day. */
  ok: boolean;
  checkedAt: string;
  /** Files in the store, and photo rows. */
  files: number;
  photos: number;
  /** Files no photo row names as its bytes or thumbnail (also temp files a crash left, stray files). */
  orphanFiles: { path: string; sha256: string | null; bytes: number; ageHours: number }[];
  /** Photo rows whose bytes or thumbnail file is not in the store. */
  missingFiles: { sha256: string; missing: ('photo' | 'thumbnail')[] }[];
  /** Photo rows no check-in refers to, oldest first. */
  unreferenced: { sha256: string; uploadedAt: string; ageHours: number }[];
  /** How many of those are past the grace day. */
  unreferencedOverdue: number;
}

const hoursBetween = (earlier: Date, later: Date) => Math.round(((later.getTime() - earlier.getTime()) / HOUR_MS) * 10) / 10;

export async function checkPhotoStore(deps: PhotoCheckDeps): Promise<PhotoCheckReport> {
  const now = deps.now();
  // Rows first, files second: a photo uploaded between the two reads shows as a file with a row, never as missing.
  const rows = await photoFileNames(deps.database);
  const unreferenced = await unreferencedPhotos(deps.database);
  const files = await deps.photos.files();

  const named = new Set(rows.flatMap((r) => [r.sha256, r.thumbnailSha256]));
  const present = new Set(files.flatMap((f) => (f.sha256 ? [f.sha256] : [])));
  const orphanFiles = files
    .filter((f) => f.sha256 === null || !named.has(f.sha256))
    .map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes, ageHours: hoursBetween(f.modifiedAt, now) }));
  const missingFiles = rows.flatMap((r) => {
    const missing = [...(present.has(r.sha256) ? [] : ['photo' as const]), ...(present.has(r.thumbnailSha256) ? [] : ['thumbnail' as const])];
    return missing.length ? [{ sha256: r.sha256, missing }] : [];
  });
  const listed = unreferenced.map((p) => ({ sha256: p.sha256, uploadedAt: p.uploadedAt, ageHours: hoursBetween(new Date(p.uploadedAt), now) }));
  const unreferencedOverdue = unreferenced.filter((p) => now.getTime() - new Date(p.uploadedAt).getTime() >= UNREFERENCED_GRACE_MS).length;
  return {
    ok: orphanFiles.length === 0 && missingFiles.length === 0 && unreferencedOverdue === 0,
    checkedAt: now.toISOString(),
    files: files.length,
    photos: rows.length,
    orphanFiles,
    missingFiles,
    unreferenced: listed,
    unreferencedOverdue,
  };
}

/**
 * Deletes the photo rows no check-in refers to that are older than `olderThanDays` (at least the grace day), one
 * audit entry (photo.delete) each in the same transaction, then their files once no remaining row needs them (two
 * photos may share a thumbnail). Files go after the commit: a crash between leaves orphan files the check lists,
 * never a row without its file. Orphan files themselves are only listed, never deleted: after a database restore
 * they may be the only copy of a photo.
 */
export async function deleteUnreferencedPhotosOlderThan(
  deps: PhotoCheckDeps,
  p: { olderThanDays: number; actor: string },
): Promise<{ photos: number; files: number }> {
  if (!(p.olderThanDays * DAY_MS >= UNREFERENCED_GRACE_MS)) throw new RangeError(`olderThanDays must be at least ${UNREFERENCED_GRACE_MS / DAY_MS}`);
  const now = deps.now();
  const deleted = await inTransaction(deps.database, async (tx) => {
    const rows = await deleteUnreferencedPhotos(tx, { uploadedBefore: new Date(now.getTime() - p.olderThanDays * DAY_MS) });
    for (const row of rows)
      await appendAudit(tx, {
        at: now,
        actor: p.actor,
        action: 'photo.delete',
        entity: 'photo',
        entityId: row.sha256,
        before: { ...photoOfRow(row), uploadedAt: row.uploadedAt },
        after: { reason: 'unreferenced', olderThanDays: p.olderThanDays },
      });
    return rows;
  });
  const names = [...new Set(deleted.flatMap((r) => [r.sha256, r.thumbnailSha256]))];
  const inUse = await fileNamesInUse(deps.database, names);
  let files = 0;
  for (const name of names) if (!inUse.has(name) && (await deps.photos.remove(name))) files += 1;
  return { photos: deleted.length, files };
}

export interface PhotosCheckOptions {
  /** `--delete-unreferenced-older-than <days>`: delete those first, then check. */
  deleteUnreferencedOlderThanDays: number | null;
}

/** The command line of `npm run photos:check`; a message for anything it does not understand. */
export function parsePhotosCheckArgs(argv: readonly string[]): PhotosCheckOptions | { error: string } {
  let days: number | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] !== '--delete-unreferenced-older-than') return { error: `unknown argument ${argv[i]}` };
    const value = Number(argv[i + 1]);
    if (argv[i + 1] === undefined || !Number.isFinite(value) || value * DAY_MS < UNREFERENCED_GRACE_MS)
      return { error: `--delete-unreferenced-older-than takes a number of days, at least ${UNREFERENCED_GRACE_MS / DAY_MS}` };
    days = value;
    i += 1;
  }
  return { deleteUnreferencedOlderThanDays: days };
}

/** The command: optional deletion, then the check; exit code 0 when the report is ok, 1 otherwise. */
export async function runPhotosCheck(
  deps: PhotoCheckDeps,
  options: PhotosCheckOptions,
): Promise<{ exitCode: 0 | 1; report: PhotoCheckReport & { deleted?: { photos: number; files: number } } }> {
  const deleted =
    options.deleteUnreferencedOlderThanDays === null
      ? undefined
      : await deleteUnreferencedPhotosOlderThan(deps, { olderThanDays: options.deleteUnreferencedOlderThanDays, actor: 'system' });
  const report = await checkPhotoStore(deps);
  return { exitCode: report.ok ? 0 : 1, report: deleted ? { ...report, deleted } : report };
}
