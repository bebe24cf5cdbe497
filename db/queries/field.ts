/**
 * The phone page's reads and writes (docs/field.md): the team-shifts of the stored plans an officer works, the
 * arrivals and check-ins at their stops, the co-signature, and what a confirmed check-in writes back (the
 * institution's last inspection, its violations, its clues). A stop is named as the plan names it: campaign, team-shift
 * id, target key. Writes insert with ON CONFLICT DO NOTHING on the unique keys, so of two identical requests at once
 * the second writes nothing and its service answers it as a replay.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { campaignStatuses, type CampaignStatus } from '../../server/domain/campaign.js';
import { checkInResults, clueStatuses, institutionStatuses, type CheckInResult, type ClueStatus, type ViolationKind } from '../../server/domain/vocabulary.js';
import { col, instant, isoUtc, parsedRows, type Queryable } from './queryable.js';

// ---- the plan's team-shifts ----

export interface PlanTeamFilter {
  /** Only campaigns in these statuses; all when absent. */
  statuses?: readonly CampaignStatus[];
  campaignId?: number;
  teamId?: string;
  /** Teams with this officer among their members. */
  officerId?: number;
  /** Teams of this district (the caller's scope); null = every district. */
  districtCode: string | null;
  /** Team dates from `fromDate` to `toDate`, inclusive, YYYY-MM-DD. */
  fromDate?: string;
  toDate?: string;
  limit?: number;
}

/**
 * A team-shift of a campaign's stored plan (its current version) with the campaign it belongs to, its shift and the
 * plan's targets of its stops. The team, shift and targets are the plan's JSON, checked by the service's schemas.
 */
export interface PlanTeamRow {
  campaignId: number;
  campaignName: string;
  campaignStatus: CampaignStatus;
  campaignVersion: number;
  team: unknown;
  shift: unknown;
  targets: unknown[];
}

const planTeamRow = z.object({
  campaignId: col.int,
  campaignName: z.string(),
  campaignStatus: z.enum(campaignStatuses),
  campaignVersion: col.int,
  team: col.json(z.unknown()),
  shift: col.json(z.unknown()),
  targets: col.json(z.array(z.unknown())),
});

/**
 * The matching team-shifts of the campaigns' current plans, from plan_team_shifts (the database keeps it in step with
 * every stored plan, migration 0010), so a request reads its few rows by index instead of parsing a city's plan.
 */
export async function planTeams(q: Queryable, p: PlanTeamFilter): Promise<PlanTeamRow[]> {
  const where: SQL[] = [
    p.statuses ? sql`c.status::text IN (${sql.join(p.statuses.map((s) => sql`${s}`), sql`, `)})` : sql`TRUE`,
    p.campaignId === undefined ? sql`TRUE` : sql`t.campaign_id = ${p.campaignId}`,
    p.districtCode === null ? sql`TRUE` : sql`t.district_code = ${p.districtCode}`,
    p.teamId === undefined ? sql`TRUE` : sql`t.team_id = ${p.teamId}`,
    p.officerId === undefined ? sql`TRUE` : sql`t.officer_ids @> ARRAY[${p.officerId}]::int[]`,
    p.fromDate === undefined ? sql`TRUE` : sql`t.date >= ${p.fromDate}`,
    p.toDate === undefined ? sql`TRUE` : sql`t.date <= ${p.toDate}`,
  ];
  return parsedRows(q, planTeamRow, sql`
    SELECT c.id AS "campaignId", v.definition->>'name' AS "campaignName", c.status AS "campaignStatus", c.current_version AS "campaignVersion",
           t.team::text AS team, t.shift::text AS shift, t.targets::text AS targets
    FROM plan_team_shifts t
    JOIN campaigns c ON c.id = t.campaign_id AND c.current_version = t.campaign_version
    JOIN campaign_versions v ON v.campaign_id = c.id AND v.version = c.current_version
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY t.date, t.shift_start, c.id, t.ordinal
    ${p.limit === undefined ? sql`` : sql`LIMIT ${p.limit}`}`);
}

export interface CampaignStateRow {
  id: number;
  status: CampaignStatus;
  districts: string[];
}

/** A campaign's status and districts, when the scope sees it (`forShare` holds it against a concurrent close). */
export async function campaignState(q: Queryable, p: { id: number; districtCode: string | null; lock?: boolean }): Promise<CampaignStateRow | null> {
  const [row] = await parsedRows(q, z.object({ id: col.int, status: z.enum(campaignStatuses), districts: z.array(z.string()) }), sql`
    SELECT c.id, c.status, c.districts FROM campaigns c
    WHERE c.id = ${p.id} AND ${p.districtCode === null ? sql`TRUE` : sql`${p.districtCode} = ANY (c.districts)`}
    ${p.lock ? sql`FOR SHARE` : sql``}`);
  return row ?? null;
}

export interface OfficerRow {
  id: number;
  name: string;
  certificateNo: string;
  departmentCode: string;
  districtCode: string;
}

export async function officerById(q: Queryable, id: number): Promise<OfficerRow | null> {
  const [row] = await parsedRows(q, z.object({ id: col.int, name: z.string(), certificateNo: z.string(), departmentCode: z.string(), districtCode: z.string() }), sql`
    SELECT id, name, certificate_no AS "certificateNo", department_code AS "departmentCode", district_code AS "districtCode"
    FROM officers WHERE id = ${id}`);
  return row ?? null;
}

// ---- arrivals ----

export interface ArrivalRow {
  id: number;
  idempotencyKey: string;
  requestHash: string;
  campaignId: number;
  teamId: string;
  targetKey: string;
  officerId: number;
  arrivedAt: string;
  distanceMetres: number | null;
}

const arrivalRow = z.object({
  id: col.int,
  idempotencyKey: z.string(),
  requestHash: z.string(),
  campaignId: col.int,
  teamId: z.string(),
  targetKey: z.string(),
  officerId: col.int,
  arrivedAt: z.string(),
  distanceMetres: z.number().nullable(),
});

const arrivalColumns = sql`a.id, a.idempotency_key::text AS "idempotencyKey", a.request_hash AS "requestHash", a.campaign_id AS "campaignId",
  a.team_id AS "teamId", a.target_key AS "targetKey", a.officer_id AS "officerId", ${isoUtc(sql`a.arrived_at`)} AS "arrivedAt",
  a.distance_metres::float8 AS "distanceMetres"`;

export type StopLookup = { idempotencyKey: string } | { campaignId: number; teamIds: readonly string[]; targetKey?: string };

function stopFilter(alias: string, p: StopLookup): SQL {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  if ('idempotencyKey' in p) return sql`${column('idempotency_key')} = ${p.idempotencyKey}::uuid`;
  if (p.teamIds.length === 0) return sql`FALSE`;
  return sql`${column('campaign_id')} = ${p.campaignId} AND ${column('team_id')} IN (${sql.join(p.teamIds.map((t) => sql`${t}`), sql`, `)})
    ${p.targetKey === undefined ? sql`` : sql`AND ${column('target_key')} = ${p.targetKey}`}`;
}

export async function arrivalsOf(q: Queryable, p: StopLookup): Promise<ArrivalRow[]> {
  return parsedRows(q, arrivalRow, sql`SELECT ${arrivalColumns} FROM stop_arrivals a WHERE ${stopFilter('a', p)} ORDER BY a.id`);
}

export interface DevicePoint {
  lon: number;
  lat: number;
}

const point = (p: DevicePoint | null): SQL => (p === null ? sql`NULL` : sql`ST_SetSRID(ST_MakePoint(${p.lon}::float8, ${p.lat}::float8), 4326)`);

export interface NewArrival {
  idempotencyKey: string;
  requestHash: string;
  campaignId: number;
  teamId: string;
  targetKey: string;
  districtCode: string;
  officerId: number;
  arrivedAt: Date;
  receivedAt: Date;
  position: DevicePoint | null;
  distanceMetres: number | null;
}

/** The new arrival's id; null when a row with its key or for its stop is there already (nothing is written). */
export async function insertArrival(tx: Queryable, a: NewArrival): Promise<number | null> {
  const [row] = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO stop_arrivals (idempotency_key, request_hash, campaign_id, team_id, target_key, district_code, officer_id, arrived_at, received_at, position, distance_metres)
    VALUES (${a.idempotencyKey}::uuid, ${a.requestHash}, ${a.campaignId}, ${a.teamId}, ${a.targetKey}, ${a.districtCode}, ${a.officerId},
            ${instant(a.arrivedAt)}, ${instant(a.receivedAt)}, ${point(a.position)}, ${a.distanceMetres})
    ON CONFLICT DO NOTHING
    RETURNING id`);
  return row?.id ?? null;
}

// ---- check-ins ----

export interface PhotoRefRow {
  sha256: string;
  thumbnailSha256: string;
  mediaType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  takenAt: string | null;
  exifLocation: [number, number] | null;
}

export interface OfficerRef {
  officerId: number;
  name: string;
  certificateNo: string;
}

export interface CheckInRow {
  id: number;
  idempotencyKey: string;
  requestHash: string;
  campaignId: number;
  campaignVersion: number;
  teamId: string;
  targetKey: string;
  districtCode: string;
  result: CheckInResult;
  findings: { item: string; finding: string }[];
  notes: string;
  photos: PhotoRefRow[];
  position: [number, number] | null;
  positionAccuracyMetres: number | null;
  distanceMetres: number | null;
  farFromTarget: boolean;
  checkedAt: string;
  receivedAt: string;
  recordedBy: OfficerRef;
  recordedByUser: number;
  cosignedBy: OfficerRef | null;
  cosignedAt: string | null;
  cosignIdempotencyKey: string | null;
  cosignRequestHash: string | null;
}

const lonLat = z.tuple([z.number(), z.number()]);
const officerRef = z.object({ officerId: col.int, name: z.string(), certificateNo: z.string() });
const checkInRow = z.object({
  id: col.int,
  idempotencyKey: z.string(),
  requestHash: z.string(),
  campaignId: col.int,
  campaignVersion: col.int,
  teamId: z.string(),
  targetKey: z.string(),
  districtCode: z.string(),
  result: z.enum(checkInResults),
  findings: col.json(z.array(z.object({ item: z.string(), finding: z.string() }))),
  notes: z.string(),
  photos: col.json(
    z.array(
      z.object({
        sha256: z.string(),
        thumbnailSha256: z.string(),
        mediaType: z.enum(['image/jpeg', 'image/png']),
        width: z.number().int(),
        height: z.number().int(),
        takenAt: z.string().nullable(),
        exifLocation: lonLat.nullable(),
      }),
    ),
  ),
  position: col.json(lonLat.nullable()),
  positionAccuracyMetres: z.number().nullable(),
  distanceMetres: z.number().nullable(),
  farFromTarget: z.boolean(),
  checkedAt: z.string(),
  receivedAt: z.string(),
  recordedBy: col.json(officerRef),
  recordedByUser: col.int,
  cosignedBy: col.json(officerRef.nullable()),
  cosignedAt: z.string().nullable(),
  cosignIdempotencyKey: z.string().nullable(),
  cosignRequestHash: z.string().nullable(),
});

const officerJson = (alias: string) =>
  sql.raw(`json_build_object('officerId', ${alias}.id, 'name', ${alias}.name, 'certificateNo', ${alias}.certificate_no)`);

const selectCheckIns = sql`
  SELECT ci.id, ci.idempotency_key::text AS "idempotencyKey", ci.request_hash AS "requestHash", ci.campaign_id AS "campaignId",
         ci.campaign_version AS "campaignVersion", ci.team_id AS "teamId", ci.target_key AS "targetKey", ci.district_code AS "districtCode",
         ci.result, ci.findings::text AS findings, ci.notes,
         COALESCE((SELECT json_agg(json_build_object(
                     'sha256', p.sha256, 'thumbnailSha256', p.thumbnail_sha256, 'mediaType', p.media_type, 'width', p.width, 'height', p.height,
                     'takenAt', ${isoUtc(sql`p.taken_at`)},
                     'exifLocation', CASE WHEN p.exif_location IS NULL THEN NULL ELSE json_build_array(ST_X(p.exif_location), ST_Y(p.exif_location)) END)
                   ORDER BY cp.position)
                   FROM check_in_photos cp JOIN photos p ON p.sha256 = cp.photo_sha256 WHERE cp.check_in_id = ci.id), '[]'::json)::text AS photos,
         (CASE WHEN ci.position IS NULL THEN 'null' ELSE json_build_array(ST_X(ci.position), ST_Y(ci.position))::text END) AS position,
         ci.position_accuracy_metres::float8 AS "positionAccuracyMetres", ci.distance_metres::float8 AS "distanceMetres",
         ci.far_from_target AS "farFromTarget", ${isoUtc(sql`ci.checked_at`)} AS "checkedAt", ${isoUtc(sql`ci.received_at`)} AS "receivedAt",
         ${officerJson('rec')}::text AS "recordedBy", ci.recorded_by_user AS "recordedByUser",
         (CASE WHEN co.id IS NULL THEN 'null' ELSE ${officerJson('co')}::text END) AS "cosignedBy",
         ${isoUtc(sql`ci.cosigned_at`)} AS "cosignedAt",
         ci.cosign_idempotency_key::text AS "cosignIdempotencyKey", ci.cosign_request_hash AS "cosignRequestHash"
  FROM check_ins ci
  JOIN officers rec ON rec.id = ci.recorded_by_officer
  LEFT JOIN officers co ON co.id = ci.cosigned_by_officer`;

export type CheckInLookup =
  | StopLookup
  | { id: number; districtCode: string | null }
  | { cosignIdempotencyKey: string }
  | { campaignId: number; districtCode: string | null; teamIds?: undefined };

function checkInFilter(p: CheckInLookup): SQL {
  if ('id' in p) return sql`ci.id = ${p.id} AND ${p.districtCode === null ? sql`TRUE` : sql`ci.district_code = ${p.districtCode}`}`;
  if ('cosignIdempotencyKey' in p) return sql`ci.cosign_idempotency_key = ${p.cosignIdempotencyKey}::uuid`;
  if ('districtCode' in p) return sql`ci.campaign_id = ${p.campaignId} AND ${p.districtCode === null ? sql`TRUE` : sql`ci.district_code = ${p.districtCode}`}`;
  return stopFilter('ci', p);
}

/** Check-ins newest first (received), with their photos in order and the officers who signed them. */
export async function checkInsOf(q: Queryable, p: CheckInLookup & { teamId?: string }): Promise<CheckInRow[]> {
  return parsedRows(q, checkInRow, sql`
    ${selectCheckIns}
    WHERE ${checkInFilter(p)} ${p.teamId === undefined ? sql`` : sql`AND ci.team_id = ${p.teamId}`}
    ORDER BY ci.received_at DESC, ci.id DESC`);
}

/** Which of these photos are not in the photo store's table (the check-in may only name uploaded ones). */
export async function missingPhotos(q: Queryable, sha256s: readonly string[]): Promise<string[]> {
  if (sha256s.length === 0) return [];
  const rows = await parsedRows(q, z.object({ sha256: z.string() }), sql`
    SELECT w.sha256 FROM unnest(${sql`ARRAY[${sql.join(sha256s.map((s) => sql`${s}`), sql`, `)}]::text[]`}) WITH ORDINALITY AS w(sha256, n)
    WHERE NOT EXISTS (SELECT 1 FROM photos p WHERE p.sha256 = w.sha256)
    ORDER BY w.n`);
  return rows.map((r) => r.sha256);
}

/** What a check-in is written with: the row's own fields, with the device point, instants and photos as sent. */
export type NewCheckIn = Pick<
  CheckInRow,
  'idempotencyKey' | 'requestHash' | 'campaignId' | 'campaignVersion' | 'teamId' | 'targetKey' | 'districtCode' | 'result' | 'findings' | 'notes' | 'positionAccuracyMetres' | 'distanceMetres' | 'farFromTarget' | 'recordedByUser'
> & {
  position: DevicePoint | null;
  checkedAt: Date;
  receivedAt: Date;
  recordedByOfficer: number;
  photos: readonly string[];
};

/** The new check-in's id, with its photos linked; null when one with its key or for its stop exists (nothing written). */
export async function insertCheckIn(tx: Queryable, c: NewCheckIn): Promise<number | null> {
  const [row] = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO check_ins (idempotency_key, request_hash, campaign_id, campaign_version, team_id, target_key, district_code, result, findings, notes,
                           position, position_accuracy_metres, distance_metres, far_from_target, checked_at, received_at, recorded_by_officer, recorded_by_user)
    VALUES (${c.idempotencyKey}::uuid, ${c.requestHash}, ${c.campaignId}, ${c.campaignVersion}, ${c.teamId}, ${c.targetKey}, ${c.districtCode},
            ${c.result}, ${JSON.stringify(c.findings)}::jsonb, ${c.notes}, ${point(c.position)}, ${c.positionAccuracyMetres}, ${c.distanceMetres},
            ${c.farFromTarget}, ${instant(c.checkedAt)}, ${instant(c.receivedAt)}, ${c.recordedByOfficer}, ${c.recordedByUser})
    ON CONFLICT DO NOTHING
    RETURNING id`);
  if (!row) return null;
  if (c.photos.length > 0)
    await tx.rows(sql`
      INSERT INTO check_in_photos (check_in_id, photo_sha256, position)
      SELECT ${row.id}, w.sha256, w.n - 1 FROM unnest(${sql`ARRAY[${sql.join(c.photos.map((s) => sql`${s}`), sql`, `)}]::text[]`}) WITH ORDINALITY AS w(sha256, n)`);
  return row.id;
}

export interface Cosignature {
  id: number;
  officerId: number;
  at: Date;
  position: DevicePoint | null;
  idempotencyKey: string;
  requestHash: string;
}

/** Co-signs a check-in that has no co-signature yet; false when it has one (or the key was used): nothing written. */
export async function cosignCheckIn(tx: Queryable, c: Cosignature): Promise<boolean> {
  const rows = await tx.rows(sql`
    UPDATE check_ins SET cosigned_by_officer = ${c.officerId}, cosigned_at = ${instant(c.at)}, cosign_position = ${point(c.position)},
                         cosign_idempotency_key = ${c.idempotencyKey}::uuid, cosign_request_hash = ${c.requestHash}
    WHERE id = ${c.id} AND cosigned_by_officer IS NULL
      AND NOT EXISTS (SELECT 1 FROM check_ins other WHERE other.cosign_idempotency_key = ${c.idempotencyKey}::uuid)
    RETURNING id`);
  return rows.length === 1;
}

// ---- flow-back ----

export interface InstitutionStateRow {
  id: number;
  status: (typeof institutionStatuses)[number];
  lastInspectedOn: string | null;
}

export async function institutionForUpdate(tx: Queryable, p: { id: number; districtCode: string }): Promise<InstitutionStateRow | null> {
  const [row] = await parsedRows(tx, z.object({ id: col.int, status: z.enum(institutionStatuses), lastInspectedOn: z.string().nullable() }), sql`
    SELECT id, status, to_char(last_inspected_on, 'YYYY-MM-DD') AS "lastInspectedOn"
    FROM institutions WHERE id = ${p.id} AND district_code = ${p.districtCode}
    FOR UPDATE`);
  return row ?? null;
}

export async function setLastInspected(tx: Queryable, p: { id: number; on: string; at: Date }): Promise<void> {
  await tx.rows(sql`UPDATE institutions SET last_inspected_on = ${p.on}::date, updated_at = ${instant(p.at)} WHERE id = ${p.id}`);
}

export async function insertViolationsFound(tx: Queryable, p: { institutionId: number; occurredOn: string; found: readonly { kind: ViolationKind; description: string }[] }): Promise<number[]> {
  if (p.found.length === 0) return [];
  const rows = await parsedRows(tx, z.object({ id: col.int }), sql`
    INSERT INTO violations (institution_id, occurred_on, kind, description, synthetic)
    SELECT ${p.institutionId}, ${p.occurredOn}::date, r.kind::violation_kind, r.description, false
    FROM json_to_recordset(${JSON.stringify(p.found)}::json) AS r(kind text, description text)
    RETURNING id`);
  return rows.map((r) => r.id);
}

export interface OpenClueRow {
  id: number;
  status: ClueStatus;
}

/** The institution's clues in these statuses, locked for their step. */
export async function cluesOfInstitutionForUpdate(tx: Queryable, p: { institutionId: number; statuses: readonly ClueStatus[] }): Promise<OpenClueRow[]> {
  if (p.statuses.length === 0) return [];
  return parsedRows(tx, z.object({ id: col.int, status: z.enum(clueStatuses) }), sql`
    SELECT id, status FROM clues
    WHERE institution_id = ${p.institutionId} AND status::text IN (${sql.join(p.statuses.map((s) => sql`${s}`), sql`, `)})
    ORDER BY id
    FOR UPDATE`);
}
