import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { col, instant, isoUtc, jsonParam, parsedRows, type Queryable, type Scope } from './queryable.js';

// Photos' metadata (db/schema/field.ts); their bytes and thumbnails are files named by SHA-256 in the photo store.

export interface NewPhoto {
  sha256: string;
  mediaType: 'image/jpeg' | 'image/png';
  byteSize: number;
  width: number;
  height: number;
  thumbnailSha256: string;
  takenAt: Date | null;
  /** [lon, lat] WGS84. */
  exifLocation: [number, number] | null;
  uploadedBy: number;
  uploadedAt: Date;
}

export interface PhotoRow extends Omit<NewPhoto, 'takenAt' | 'uploadedAt'> {
  /** ISO 8601 UTC. */
  takenAt: string | null;
  uploadedAt: string;
}

const photoRow = z
  .object({
    sha256: z.string(),
    mediaType: z.enum(['image/jpeg', 'image/png']),
    byteSize: col.int,
    width: col.int,
    height: col.int,
    thumbnailSha256: z.string(),
    takenAt: z.string().nullable(),
    lon: z.number().nullable(),
    lat: z.number().nullable(),
    uploadedBy: col.int,
    uploadedAt: z.string(),
  })
  .transform(({ lon, lat, ...row }): PhotoRow => ({ ...row, exifLocation: lon === null || lat === null ? null : [lon, lat] }));

const photoColumns = sql`p.sha256, p.media_type AS "mediaType", p.byte_size AS "byteSize", p.width, p.height,
  p.thumbnail_sha256 AS "thumbnailSha256", ${isoUtc(sql`p.taken_at`)} AS "takenAt",
  ST_X(p.exif_location) AS lon, ST_Y(p.exif_location) AS lat, p.uploaded_by AS "uploadedBy", ${isoUtc(sql`p.uploaded_at`)} AS "uploadedAt"`;

/**
 * Stores a photo's metadata unless a row for its SHA-256 exists; either way answers the stored row. `created` tells the
 * first upload (audited) from a repeat of the same bytes (not), also when two uploads race.
 */
export async function insertPhotoIfAbsent(tx: Queryable, photo: NewPhoto): Promise<{ photo: PhotoRow; created: boolean }> {
  const location = photo.exifLocation ? sql`ST_SetSRID(ST_MakePoint(${photo.exifLocation[0]}::float8, ${photo.exifLocation[1]}::float8), 4326)` : sql`NULL`;
  const inserted = await tx.rows(sql`
    INSERT INTO photos (sha256, media_type, byte_size, width, height, thumbnail_sha256, taken_at, exif_location, uploaded_by, uploaded_at)
    VALUES (${photo.sha256}, ${photo.mediaType}, ${photo.byteSize}, ${photo.width}, ${photo.height}, ${photo.thumbnailSha256},
            ${photo.takenAt ? instant(photo.takenAt) : sql`NULL`}, ${location}, ${photo.uploadedBy}, ${instant(photo.uploadedAt)})
    ON CONFLICT (sha256) DO NOTHING
    RETURNING sha256`);
  const stored = await photoBySha256(tx, photo.sha256);
  if (!stored) throw new Error(`photo ${photo.sha256} neither inserted nor found`);
  return { photo: stored, created: inserted.length === 1 };
}

export async function photoBySha256(q: Queryable, sha256: string): Promise<PhotoRow | null> {
  const [row] = await parsedRows(q, photoRow, sql`SELECT ${photoColumns} FROM photos p WHERE p.sha256 = ${sha256}`);
  return row ?? null;
}

/**
 * A photo the user may see: every photo for a city-wide scope; else one they uploaded, or one of a check-in of their
 * district. Null both when it does not exist and when it is out of scope, so that existence is not revealed.
 */
export async function photoVisibleTo(q: Queryable, p: { sha256: string; scope: Scope; userId: number }): Promise<PhotoRow | null> {
  const visible =
    p.scope.districtCode === null
      ? sql`TRUE`
      : sql`(p.uploaded_by = ${p.userId} OR EXISTS (
          SELECT 1 FROM check_in_photos cp JOIN check_ins c ON c.id = cp.check_in_id
          WHERE cp.photo_sha256 = p.sha256 AND c.district_code = ${p.scope.districtCode}))`;
  const [row] = await parsedRows(q, photoRow, sql`SELECT ${photoColumns} FROM photos p WHERE p.sha256 = ${p.sha256} AND ${visible}`);
  return row ?? null;
}

/** Photos no check-in refers to (uploaded, then never sent with a check-in, or its check-in deleted), oldest first. */
export async function unreferencedPhotos(q: Queryable): Promise<PhotoRow[]> {
  return parsedRows(q, photoRow, sql`
    SELECT ${photoColumns} FROM photos p
    WHERE NOT EXISTS (SELECT 1 FROM check_in_photos cp WHERE cp.photo_sha256 = p.sha256)
    ORDER BY p.uploaded_at, p.sha256`);
}

const fileNamesRow = z.object({ sha256: z.string(), thumbnailSha256: z.string() });

/** Every photo row's two file names (its bytes and its thumbnail): what the store must hold. */
export async function photoFileNames(q: Queryable): Promise<{ sha256: string; thumbnailSha256: string }[]> {
  // The public reports' photos (clue_report_photos) and the desk's attachments (clue_attachments) live in the same store.
  return parsedRows(q, fileNamesRow, sql`
    SELECT sha256, "thumbnailSha256" FROM (
      SELECT p.sha256, p.thumbnail_sha256 AS "thumbnailSha256" FROM photos p
      UNION SELECT r.sha256, r.thumbnail_sha256 FROM clue_report_photos r
      UNION SELECT a.sha256, a.thumbnail_sha256 FROM clue_attachments a) AS named
    ORDER BY sha256`);
}

/**
 * Deletes the photo rows no check-in refers to that were uploaded before `uploadedBefore`, and answers them. The
 * reference is checked again here, in the statement that deletes, so a check-in written since the caller looked wins.
 */
export async function deleteUnreferencedPhotos(tx: Queryable, p: { uploadedBefore: Date }): Promise<PhotoRow[]> {
  return parsedRows(tx, photoRow, sql`
    WITH gone AS (
      DELETE FROM photos p
      WHERE p.uploaded_at < ${instant(p.uploadedBefore)}
        AND NOT EXISTS (SELECT 1 FROM check_in_photos cp WHERE cp.photo_sha256 = p.sha256)
      RETURNING p.*)
    SELECT ${photoColumns} FROM gone p ORDER BY p.uploaded_at, p.sha256`);
}

/**
 * Of `names`, those some photo row still needs as its bytes or its thumbnail: two photos that differ only in their
 * EXIF share one thumbnail file, and a thumbnail may itself have been uploaded as a photo.
 */
export async function fileNamesInUse(q: Queryable, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const rows = await parsedRows(q, z.object({ name: z.string() }), sql`
    SELECT n.name FROM json_array_elements_text(${jsonParam(names)}) AS n(name)
    WHERE EXISTS (SELECT 1 FROM photos p WHERE p.sha256 = n.name OR p.thumbnail_sha256 = n.name)
       OR EXISTS (SELECT 1 FROM clue_report_photos r WHERE r.sha256 = n.name OR r.thumbnail_sha256 = n.name)
       OR EXISTS (SELECT 1 FROM clue_attachments a WHERE a.sha256 = n.name OR a.thumbnail_sha256 = n.name)`);
  return new Set(rows.map((r) => r.name));
}

const cluePhotoRow = z.object({
  sha256: z.string(),
  thumbnailSha256: z.string(),
  width: col.int,
  height: col.int,
  /** Where it came with the clue: the 随手拍 report, or the desk's intake. */
  origin: z.enum(['report', 'intake']),
});
export type CluePhotoRow = z.output<typeof cluePhotoRow>;

/** A clue's photos from outside: its 随手拍 report's and those attached at intake, with their place in each. */
const cluePhotosOf = (clueId: number) => sql`
  SELECT rp.sha256, rp.thumbnail_sha256 AS "thumbnailSha256", rp.width, rp.height, 'report' AS origin, rp.position
  FROM clue_reports r JOIN clue_report_photos rp ON rp.report_id = r.id WHERE r.clue_id = ${clueId}
  UNION ALL
  SELECT a.sha256, a.thumbnail_sha256, a.width, a.height, 'intake', a.position FROM clue_attachments a WHERE a.clue_id = ${clueId}`;

/** The photos of one clue in the order they came (the caller has read the clue in scope). */
export async function cluePhotos(q: Queryable, clueId: number): Promise<CluePhotoRow[]> {
  return parsedRows(q, cluePhotoRow, sql`SELECT p.sha256, p."thumbnailSha256", p.width, p.height, p.origin FROM (${cluePhotosOf(clueId)}) p ORDER BY p.origin DESC, p.position`);
}

/** One photo of a clue by its display copy's SHA-256, null when it is not one of the clue's. */
export async function cluePhotoOf(q: Queryable, p: { clueId: number; sha256: string }): Promise<CluePhotoRow | null> {
  const [row] = await parsedRows(q, cluePhotoRow, sql`
    SELECT p.sha256, p."thumbnailSha256", p.width, p.height, p.origin FROM (${cluePhotosOf(p.clueId)}) p WHERE p.sha256 = ${p.sha256} LIMIT 1`);
  return row ?? null;
}
