import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { clues } from './clues.js';

/**
 * 随手拍: a clue reported by a citizen on the public page /report, without an account. The reporter follows it with
 * the tracking code (server/domain/clue-privacy.ts); the optional phone is for the desk's call-back only and is never
 * shown on the public tracking page. The reporter's address is kept only as a SHA-256, for the hourly rate limit.
 */
export const clueReports = pgTable(
  'clue_reports',
  {
    id: serial('id').primaryKey(),
    /** 16 characters of Crockford's base32 in four groups of four (normaliseTrackingCode's form). */
    trackingCode: text('tracking_code').notNull().unique(),
    clueId: integer('clue_id')
      .notNull()
      .unique()
      .references(() => clues.id),
    /** The reporter's phone as given, when given; shown masked to the desk, never publicly. */
    contactPhone: text('contact_phone'),
    /** Where the clue's point came from: the first photo's EXIF GPS, or a pick on the page's map. */
    positionSource: text('position_source').notNull(),
    /** Hex SHA-256 of the reporter's network address (no raw address is stored). */
    addressHash: text('address_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('clue_reports_tracking_code', sql`${t.trackingCode} ~ '^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$'`),
    check('clue_reports_position_source', sql`${t.positionSource} IN ('exif', 'map')`),
    check('clue_reports_address_hash', sql`${t.addressHash} ~ '^[0-9a-f]{64}$'`),
    index('clue_reports_address_created_idx').on(t.addressHash, t.createdAt),
  ],
);

/**
 * A stored photo of a clue (a 随手拍 report's or a 12345 call's): its place among the clue's photos, the re-encoded
 * JPEG display copy and its thumbnail in the photo store, what the file sent was, and when it was taken.
 */
const storedPhotoColumns = () => ({
    position: smallint('position').notNull(),
    /** The display copy (JPEG) in the photo store. */
    sha256: text('sha256').notNull(),
    thumbnailSha256: text('thumbnail_sha256').notNull(),
    /** The type the file sent had by its bytes (JPEG, PNG or WebP). */
    sourceMediaType: text('source_media_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    byteSize: integer('byte_size').notNull(),
    /** EXIF DateTimeOriginal of the file sent, when it had one. */
    takenAt: timestamp('taken_at', { withTimezone: true }),
});

/**
 * The photos of a public report, in the order sent: the display copy and its thumbnail in the photo store, both
 * re-encoded JPEG without any metadata (the original, with its EXIF GPS, is not kept).
 */
export const clueReportPhotos = pgTable(
  'clue_report_photos',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => clueReports.id, { onDelete: 'cascade' }),
    ...storedPhotoColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.position] }),
    check('clue_report_photos_position', sql`${t.position} BETWEEN 0 AND 3`),
    check('clue_report_photos_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$' AND ${t.thumbnailSha256} ~ '^[0-9a-f]{64}$'`),
    check('clue_report_photos_media_type', sql`${t.sourceMediaType} IN ('image/jpeg', 'image/png', 'image/webp')`),
    index('clue_report_photos_sha256_idx').on(t.sha256),
  ],
);

/**
 * Photos the 12345 operator attached to a clue at intake (a caller's photos sent by message or mail), stored as a
 * public report's are: a re-encoded JPEG display copy and its thumbnail, without any metadata of the file sent.
 */
export const clueAttachments = pgTable(
  'clue_attachments',
  {
    clueId: integer('clue_id')
      .notNull()
      .references(() => clues.id),
    ...storedPhotoColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.clueId, t.position] }),
    check('clue_attachments_position', sql`${t.position} BETWEEN 0 AND 3`),
    check('clue_attachments_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$' AND ${t.thumbnailSha256} ~ '^[0-9a-f]{64}$'`),
    check('clue_attachments_media_type', sql`${t.sourceMediaType} IN ('image/jpeg', 'image/png', 'image/webp')`),
    index('clue_attachments_sha256_idx').on(t.sha256),
  ],
);
