import { appendAudit } from '../../db/queries/audit.js';
import { insertPhotoIfAbsent, photoBySha256, photoVisibleTo, type PhotoRow } from '../../db/queries/photos.js';
import { inTransaction } from '../../db/queries/queryable.js';
import type { UserRow } from '../../db/queries/users.js';
import type { Photo } from '../contract/field.js';
import { readPhotoExif } from '../photos/exif.js';
import { declaredPhotoType, sniffPhotoType, type PhotoMediaType } from '../photos/sniff.js';
import { sha256Of } from '../photos/store.js';
import { decodePhoto, PhotoDecodeError } from '../photos/thumbnail.js';
import { requireFieldOfficer, scopeOf } from './access.js';
import type { Deps } from './deps.js';
import { notFound, ServiceError, unprocessable } from './errors.js';

// The phone page's photos (docs/field.md#photos): JPEG or PNG by their bytes, stored once per SHA-256 with a thumbnail
// and what their EXIF says; a check-in refers to them by SHA-256.

type PhotoDeps = Pick<Deps, 'database' | 'now' | 'photos'>;

export interface PhotoUpload {
  /** The request's Content-Type. */
  contentType: string | null;
  /** Reads the body under the route's size limit (413 beyond); called only once the account may upload. */
  readBody: () => Promise<Uint8Array>;
}

const unsupported = (message: string, details: Record<string, unknown>) => new ServiceError('unsupported_media_type', message, details);

export const photoOfRow = (row: PhotoRow): Photo => ({
  sha256: row.sha256,
  thumbnailSha256: row.thumbnailSha256,
  mediaType: row.mediaType,
  width: row.width,
  height: row.height,
  byteSize: row.byteSize,
  takenAt: row.takenAt,
  exifLocation: row.exifLocation,
});

/**
 * Stores a photo a field officer took. The type is the bytes' (magic numbers), and the declared Content-Type must say
 * the same; the whole image must decode. Files are written before the row, so a crash between the two leaves a file
 * without a row, which `npm run photos:check` lists and the next upload of the same bytes adopts, never a row
 * without its file. Audited (field.photo) the first time these bytes arrive only.
 */
export async function uploadPhoto(deps: PhotoDeps, user: UserRow, upload: PhotoUpload): Promise<{ photo: Photo; created: boolean }> {
  requireFieldOfficer(user);
  const declared = declaredPhotoType(upload.contentType);
  if (!declared) throw unsupported('Content-Type must be image/jpeg or image/png', { declared: upload.contentType, accepted: ['image/jpeg', 'image/png'] });
  const bytes = await upload.readBody();
  const sniffed: PhotoMediaType | null = sniffPhotoType(bytes);
  if (!sniffed)
    throw unsupported(bytes.length === 0 ? 'the body is empty: send the image’s bytes' : 'the bytes are neither a JPEG nor a PNG image', { declared, sniffed: null });
  if (sniffed !== declared) throw unsupported(`the bytes are ${sniffed}, but Content-Type says ${declared}`, { declared, sniffed });

  // A retry from a phone's queue: answered without decoding again (a 12 MP photo takes about half a second).
  const known = await photoBySha256(deps.database, sha256Of(bytes));
  if (known && (await deps.photos.has(known.sha256)) && (await deps.photos.has(known.thumbnailSha256))) return { photo: photoOfRow(known), created: false };

  let decoded;
  try {
    decoded = await decodePhoto(bytes, sniffed);
  } catch (error) {
    if (error instanceof PhotoDecodeError) throw unprocessable('body', error.message);
    throw error;
  }
  const exif = await readPhotoExif(bytes);
  const [original, thumbnail] = [await deps.photos.put(bytes), await deps.photos.put(decoded.thumbnail)];

  const uploadedAt = deps.now();
  return inTransaction(deps.database, async (tx) => {
    const { photo, created } = await insertPhotoIfAbsent(tx, {
      sha256: original.sha256,
      mediaType: sniffed,
      byteSize: bytes.length,
      width: decoded.width,
      height: decoded.height,
      thumbnailSha256: thumbnail.sha256,
      takenAt: exif.takenAt,
      exifLocation: exif.location,
      uploadedBy: user.id,
      uploadedAt,
    });
    if (created)
      await appendAudit(tx, { at: uploadedAt, actor: user.username, action: 'field.photo', entity: 'photo', entityId: photo.sha256, before: null, after: photoOfRow(photo) });
    return { photo: photoOfRow(photo), created };
  });
}

/**
 * A photo's bytes or its thumbnail's, for a user who may see it (photos.ts's photoVisibleTo); 404 otherwise, the same
 * answer as for a photo that does not exist.
 */
export async function photoFile(deps: PhotoDeps, user: UserRow, sha256: string, which: 'photo' | 'thumbnail'): Promise<{ bytes: Buffer; mediaType: string }> {
  const row = await photoVisibleTo(deps.database, { sha256, scope: scopeOf(user), userId: user.id });
  if (!row) throw notFound('photo');
  const bytes = await deps.photos.read(which === 'photo' ? row.sha256 : row.thumbnailSha256);
  // A row without its file is what photos:check reports as missing; the client is told only that there is nothing.
  if (!bytes) throw notFound('photo');
  return { bytes, mediaType: which === 'photo' ? row.mediaType : 'image/jpeg' };
}

