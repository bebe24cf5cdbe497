import { bigserial, boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, serial, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { checkInResults } from '../../server/domain/vocabulary.js';
import { campaigns } from './campaigns.js';
import { districts } from './districts.js';
import { geometry } from './geometry.js';
import { officers } from './officers.js';
import { users } from './users.js';

// The street side of a campaign (docs/field.md): what the teams record at their stops from the phone page, the photos
// they take, and the outbox of live events. A stop is named as the plan names it: the campaign, the team-shift id
// (`<district>/<date>/<shift>#<n>`) and the target key (`institution:<id>`, `gridCell:<id>`).

export const checkInResult = pgEnum('check_in_result', checkInResults);

/**
 * A photo's metadata; its bytes (and its thumbnail's) live in the content-addressed store under DATA_DIR, named by
 * SHA-256, so the same picture sent twice is stored once.
 */
export const photos = pgTable(
  'photos',
  {
    sha256: text('sha256').primaryKey(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    thumbnailSha256: text('thumbnail_sha256').notNull(),
    /** EXIF DateTimeOriginal, when the camera wrote one. */
    takenAt: timestamp('taken_at', { withTimezone: true }),
    /** EXIF GPS position (WGS84 as cameras write it), when present. */
    exifLocation: geometry('exif_location', 'Point'),
    uploadedBy: integer('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('photos_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('photos_media_type', sql`${t.mediaType} IN ('image/jpeg', 'image/png')`),
  ],
);

/**
 * The columns of a write the phone page sends for one stop of the plan: the client's idempotency key with the hash of
 * the request first received under it (the same key with another body is refused), and the stop as the plan names it.
 * A function, so that each table gets builders of its own.
 */
const planStopWrite = () => ({
  idempotencyKey: uuid('idempotency_key').notNull().unique(),
  requestHash: text('request_hash').notNull(),
  campaignId: integer('campaign_id')
    .notNull()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  teamId: text('team_id').notNull(),
  targetKey: text('target_key').notNull(),
  districtCode: text('district_code')
    .notNull()
    .references(() => districts.code),
});

/** 到达: a team marked itself arrived at a stop (once per team-shift and stop). */
export const stopArrivals = pgTable(
  'stop_arrivals',
  {
    id: serial('id').primaryKey(),
    ...planStopWrite(),
    officerId: integer('officer_id')
      .notNull()
      .references(() => officers.id),
    /** The device's clock when the officer tapped 到达 (it may sync later). */
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    position: geometry('position', 'Point'),
    distanceMetres: real('distance_metres'),
  },
  (t) => [unique('stop_arrivals_stop').on(t.campaignId, t.teamId, t.targetKey), index('stop_arrivals_campaign_idx').on(t.campaignId)],
);

/**
 * 检查记录: the result of an inspection at a stop, its 十查 findings, notes, photos, where the device was and how far
 * from the target (flagged beyond 200 m), and the second officer's co-signature (双人执法; until then 待确认).
 */
export const checkIns = pgTable(
  'check_ins',
  {
    id: serial('id').primaryKey(),
    ...planStopWrite(),
    campaignVersion: integer('campaign_version').notNull(),
    result: checkInResult('result').notNull(),
    /** `[{ item, finding }]` for the 十查 items the plan asked for. */
    findings: jsonb('findings').notNull(),
    notes: text('notes').notNull().default(''),
    position: geometry('position', 'Point'),
    positionAccuracyMetres: real('position_accuracy_metres'),
    distanceMetres: real('distance_metres'),
    farFromTarget: boolean('far_from_target').notNull(),
    /** The device's clock at the check-in. */
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    recordedByOfficer: integer('recorded_by_officer')
      .notNull()
      .references(() => officers.id),
    recordedByUser: integer('recorded_by_user')
      .notNull()
      .references(() => users.id),
    cosignedByOfficer: integer('cosigned_by_officer').references(() => officers.id),
    cosignedAt: timestamp('cosigned_at', { withTimezone: true }),
    cosignPosition: geometry('cosign_position', 'Point'),
    /** The co-signing phone's key for its request, and the hash of that request: a retried co-signature is a replay. */
    cosignIdempotencyKey: uuid('cosign_idempotency_key').unique(),
    cosignRequestHash: text('cosign_request_hash'),
  },
  (t) => [
    unique('check_ins_stop').on(t.campaignId, t.teamId, t.targetKey),
    index('check_ins_campaign_idx').on(t.campaignId, t.districtCode),
    check('check_ins_cosigner_differs', sql`${t.cosignedByOfficer} IS NULL OR ${t.cosignedByOfficer} <> ${t.recordedByOfficer}`),
    check('check_ins_cosign_complete', sql`(${t.cosignedByOfficer} IS NULL) = (${t.cosignedAt} IS NULL)`),
    check('check_ins_cosign_keyed', sql`(${t.cosignIdempotencyKey} IS NULL) = (${t.cosignRequestHash} IS NULL)`),
  ],
);

export const checkInPhotos = pgTable(
  'check_in_photos',
  {
    checkInId: integer('check_in_id')
      .notNull()
      .references(() => checkIns.id, { onDelete: 'cascade' }),
    photoSha256: text('photo_sha256')
      .notNull()
      .references(() => photos.sha256),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.checkInId, t.photoSha256] }), index('check_in_photos_photo_idx').on(t.photoSha256)],
);

/**
 * The outbox of live events: written in the transaction of the change it announces, so a rolled-back change announces
 * nothing; `/api/events` streams it in id order (its ids are the SSE event ids a reconnect resumes from).
 */
export const liveEvents = pgTable(
  'live_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    /** The district it concerns (a district-scoped account receives only its own); null = city-wide. */
    districtCode: text('district_code').references(() => districts.code),
    campaignId: integer('campaign_id'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [
    index('live_events_district_idx').on(t.districtCode, t.id),
    // The overdue scan asks whether a clue was announced already: the outbox itself is the record.
    index('live_events_overdue_clue_idx')
      .on(sql`(${t.payload} ->> 'clueId')`)
      .where(sql`${t.kind} = 'clue.overdue'`),
    // The escalation scan asks which levels of a clue were announced: once per level and deadline.
    index('live_events_escalated_clue_idx')
      .on(sql`(${t.payload} ->> 'clueId')`)
      .where(sql`${t.kind} = 'clue.escalated'`),
  ],
);

/**
 * 一公开: the published result list of a closed campaign. Published once; a correction is the next version, with the
 * one before kept as it was.
 */
export const campaignPublications = pgTable(
  'campaign_publications',
  {
    id: serial('id').primaryKey(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The public rows, as published (only what may be published: no officer beyond certificate numbers, no reporter). */
    rows: jsonb('rows').notNull(),
    /** Why this version corrects the one before; null for the first. */
    correctionNote: text('correction_note'),
    publishedBy: integer('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('campaign_publications_version').on(t.campaignId, t.version)],
);
