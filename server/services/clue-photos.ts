// The photos of a clue from outside (docs/clues.md): a 随手拍 reporter's and those the 12345 operator attaches. Both are
// checked by their bytes, decoded whole and stored re-encoded without the sender's EXIF; the desk reads them through
// the clue, so a photo is seen exactly by those who may see its clue.
import type { NewClueReportPhoto as StoredPhotoRow } from '../../db/queries/clue-reports.js';
import { cluePhotoOf, fileNamesInUse } from '../../db/queries/photos.js';
import type { Queryable } from '../../db/queries/queryable.js';
import { MAX_REPORT_PHOTO_BYTES, MAX_REPORT_PHOTOS, type reportImageTypes } from '../contract/public-reports.js';
import { readPhotoExif } from '../photos/exif.js';
import { sniffReportImageType } from '../photos/sniff.js';
import type { PhotoStore } from '../photos/store.js';
import { displayCopyOf, PhotoDecodeError, type DisplayCopy } from '../photos/thumbnail.js';
import { clueIntakeSchema, type ClueLoopDetail } from '../contract/clue-loop.js';
import { clueById } from '../../db/queries/clues.js';
import type { UserRow } from '../../db/queries/users.js';
import { requireWriter, scopeOf } from './access.js';
import { intakeClue, type ClueLoopDeps } from './clue-loop.js';
import type { Deps } from './deps.js';
import { notFound, ServiceError, unprocessable } from './errors.js';

/** A photo of a form as the route read it: the bytes decide its type, the name only informs. */
export interface PhotoFile {
  name: string;
  bytes: Uint8Array;
}

export interface CheckedPhoto {
  copy: DisplayCopy;
  sourceMediaType: (typeof reportImageTypes)[number];
  bytes: Uint8Array;
}

const photoIssue = (code: 'unsupported_media_type' | 'payload_too_large', path: string, message: string) =>
  new ServiceError(code, `${path}: ${message}`, { issues: [{ path, message }] });

/**
 * Every photo checked (≤ MAX_REPORT_PHOTOS, each ≤ MAX_REPORT_PHOTO_BYTES, JPEG, PNG or WebP by its first bytes) and
 * re-encoded before anything is written: one bad photo refuses the whole form, named `<field>.<n>`.
 */
export async function checkPhotos(photos: readonly PhotoFile[], field: string): Promise<CheckedPhoto[]> {
  if (photos.length > MAX_REPORT_PHOTOS) throw unprocessable(field, `at most ${MAX_REPORT_PHOTOS} photos`);
  const checked: CheckedPhoto[] = [];
  for (const [index, photo] of photos.entries()) {
    const path = `${field}.${index}`;
    if (photo.bytes.length > MAX_REPORT_PHOTO_BYTES) throw photoIssue('payload_too_large', path, `${photo.name} is larger than ${MAX_REPORT_PHOTO_BYTES / 1024 / 1024} MB`);
    const type = sniffReportImageType(photo.bytes);
    if (!type) throw photoIssue('unsupported_media_type', path, `${photo.name} is not a JPEG, PNG or WebP image`);
    try {
      checked.push({ copy: await displayCopyOf(photo.bytes, type), sourceMediaType: type, bytes: photo.bytes });
    } catch (error) {
      if (error instanceof PhotoDecodeError) throw unprocessable(path, `${photo.name}: ${error.message}`);
      throw error;
    }
  }
  return checked;
}


/** Writes the display copies and thumbnails; answers their rows and the files this call created. */
export async function storePhotos(store: PhotoStore, checked: readonly CheckedPhoto[]): Promise<{ rows: StoredPhotoRow[]; created: string[] }> {
  const rows: StoredPhotoRow[] = [];
  const created: string[] = [];
  for (const photo of checked) {
    const display = await store.put(photo.copy.display);
    const thumbnail = await store.put(photo.copy.thumbnail);
    for (const file of [display, thumbnail]) if (file.created) created.push(file.sha256);
    rows.push({
      sha256: display.sha256,
      thumbnailSha256: thumbnail.sha256,
      sourceMediaType: photo.sourceMediaType,
      width: photo.copy.width,
      height: photo.copy.height,
      byteSize: photo.copy.display.length,
      takenAt: (await readPhotoExif(photo.bytes)).takenAt,
    });
  }
  return { rows, created };
}

/**
 * Removes the files a refused write had stored, unless a row (committed meanwhile by another request with the same
 * bytes) needs them: a refusal leaves nothing behind.
 */
export async function removeUnusedFiles(q: Queryable, store: PhotoStore, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const inUse = await fileNamesInUse(q, names);
  for (const name of names) if (!inUse.has(name)) await store.remove(name);
}

/** A clue's photo or its thumbnail; 404 when the photo is not one of this clue's (the clue itself is read in scope first). */
export async function cluePhotoBytes(q: Queryable, store: PhotoStore, p: { clueId: number; sha256: string; which: 'photo' | 'thumbnail' }): Promise<Buffer> {
  const photo = await cluePhotoOf(q, { clueId: p.clueId, sha256: p.sha256 });
  const bytes = photo && (await store.read(p.which === 'photo' ? photo.sha256 : photo.thumbnailSha256));
  if (!bytes) throw notFound('photo');
  return bytes;
}

const invalid = (issues: { path: string; message: string }[]) =>
  new ServiceError('validation_failed', `invalid clue: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });

/** The form's `clue` field as the JSON intake body, checked as POST /clues checks it (issues named by the body's fields). */
function intakeOfForm(text: string) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid([{ path: 'clue', message: 'must be the clue as JSON text' }]);
  }
  const parsed = clueIntakeSchema.safeParse(json);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  return parsed.data;
}

/**
 * 登记 with the caller's photos (the 12345 form): the clue checked, every photo checked and re-encoded, then the files
 * stored and the clue with its photos written in one audited transaction. All or nothing: a refused photo writes no
 * file, and a clue refused after the files were stored takes the files it brought with it.
 */
export async function intakeClueWithPhotos(
  deps: ClueLoopDeps & Pick<Deps, 'photos'>,
  user: UserRow,
  form: { clue: string },
  files: readonly PhotoFile[],
): Promise<ClueLoopDetail> {
  requireWriter(user);
  const intake = intakeOfForm(form.clue);
  const checked = await checkPhotos(files, 'photos');
  const { rows, created } = await storePhotos(deps.photos, checked);
  try {
    return await intakeClue(deps, user, intake, rows);
  } catch (error) {
    await removeUnusedFiles(deps.database, deps.photos, created);
    throw error;
  }
}

/** A photo of a clue the user may see (the clue read in the user's scope); 404 alike for another district's clue. */
export async function cluePhotoFile(deps: Pick<Deps, 'database' | 'photos' | 'now'>, user: UserRow, p: { id: number; sha256: string; which: 'photo' | 'thumbnail' }): Promise<Buffer> {
  const clue = await clueById(deps.database, { scope: scopeOf(user), id: p.id, now: deps.now() });
  if (!clue) throw notFound(`clue ${p.id}`);
  return cluePhotoBytes(deps.database, deps.photos, { clueId: p.id, sha256: p.sha256, which: p.which });
}
