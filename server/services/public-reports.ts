// 随手拍: a citizen's report of suspected irregular tutoring, without an account, and the public tracking of it by its
// tracking code (docs/clues.md#随手拍-and-tracking). The report becomes a clue of source 随手拍, audited with actor
// `public`; its photos are stored re-encoded, without their EXIF.
import { createHash } from 'node:crypto';
import { clueOfTrackingCode, clueAuditEntries, insertClueReport, lockReportsOfAddress, publicDistrictBorders, reportsOfAddressSince, trackingCodeTaken, } from '../../db/queries/clue-reports.js';
import { insertClue, placePoint } from '../../db/queries/clue-writes.js';
import { clueById } from '../../db/queries/clues.js';
import { cityWide, type Queryable } from '../../db/queries/queryable.js';
import {
  PUBLIC_REPORTS_PER_HOUR,
  publicReportInputSchema,
  type PositionSource,
  type PublicClueView,
  type PublicReportReceipt,
} from '../contract/public-reports.js';
import { maskPhone, normaliseTrackingCode, trackingCodeOf } from '../domain/clue-privacy.js';
import { publicFeedbackOf, publicStatusLabel, publicSteps, type ClueAuditEntry } from '../domain/public-clue-view.js';
import { HOUR_MS } from '../domain/time.js';
import { readPhotoExif } from '../photos/exif.js';
import { audited } from './audit.js';
import { workCalendar } from './calendar.js';
import { deadlineOf } from './clue-loop.js';
import { checkPhotos, storePhotos, type PhotoFile } from './clue-photos.js';
import type { Deps } from './deps.js';
import { notFound, ServiceError, tooManyRequests, unprocessable } from './errors.js';
import { announce, notifyLiveEvents } from './live-event-outbox.js';

type PublicReportDeps = Pick<Deps, 'database' | 'now' | 'photos' | 'randomBytes' | 'liveEvents' | 'calendar'>;

/** A photo of the form as the route read it: the bytes decide its type, the name and declared type only inform. */
export type ReportPhotoFile = PhotoFile;

/** The audit log's actor of every public report. */
export const PUBLIC_ACTOR = 'public';
const TRACKING_CODE_BYTES = 10;

export const trackPath = (code: string): string => `/track/${code}`;

/** The address as the rate limit keeps it: a SHA-256, never the address itself. */
export const addressHashOf = (clientKey: string): string => createHash('sha256').update(`jointops clue report\n${clientKey}`).digest('hex');

/** The map pick when the form gives one, else the first photo's EXIF GPS; the point must lie in a district. */
async function placeReport(q: Queryable, form: { longitude?: number; latitude?: number }, firstPhoto: Uint8Array | undefined) {
  let coordinates: [number, number] | null = null;
  let source: PositionSource = 'map';
  if (form.longitude !== undefined && form.latitude !== undefined) coordinates = [form.longitude, form.latitude];
  else if (firstPhoto) {
    coordinates = (await readPhotoExif(firstPhoto)).location;
    source = 'exif';
  }
  if (!coordinates) throw unprocessable('position', 'no position: pick the place on the map, or send a photo with its GPS position');
  const geometry = { type: 'Point' as const, coordinates };
  const place = await placePoint(q, geometry);
  if (!place.districtCode)
    throw unprocessable('position', `the ${source === 'exif' ? 'photo’s GPS position' : 'point'} lies outside every district`, { coordinates, positionSource: source });
  return { geometry, source, districtCode: place.districtCode, gridCellId: place.gridCellId };
}

async function withinHourlyAllowance(q: Queryable, addressHash: string, now: Date): Promise<void> {
  const { count, oldest } = await reportsOfAddressSince(q, { addressHash, since: new Date(now.getTime() - HOUR_MS) });
  if (count < PUBLIC_REPORTS_PER_HOUR) return;
  const wait = Math.max(1, Math.ceil(((oldest?.getTime() ?? now.getTime()) + HOUR_MS - now.getTime()) / 1000));
  throw tooManyRequests(`more than ${PUBLIC_REPORTS_PER_HOUR} reports an hour from this address`, wait, { limit: PUBLIC_REPORTS_PER_HOUR });
}

async function freshTrackingCode(tx: Queryable, deps: PublicReportDeps): Promise<string> {
  for (;;) {
    const code = trackingCodeOf(deps.randomBytes(TRACKING_CODE_BYTES));
    if (!(await trackingCodeTaken(tx, code))) return code;
  }
}

/**
 * Receives a public report: the form validated, every photo checked by its bytes (JPEG, PNG, WebP; ≤ 8 MB; ≤ 4) and
 * re-encoded without EXIF, the position from the map or the first photo's GPS and inside a district, at most
 * PUBLIC_REPORTS_PER_HOUR per address. All or nothing: any refusal writes no clue, report or file. The clue is audited
 * as `clue.create` by `public`; the answer is the tracking code.
 */
export async function submitPublicReport(deps: PublicReportDeps, input: unknown, photos: readonly ReportPhotoFile[], clientKey: string): Promise<PublicReportReceipt> {
  const parsed = publicReportInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    throw new ServiceError('validation_failed', `invalid report: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
  }
  const form = parsed.data;
  const checked = await checkPhotos(photos, 'photos');
  const now = deps.now();
  const addressHash = addressHashOf(clientKey);
  const place = await placeReport(deps.database, form, checked[0]?.bytes);
  await withinHourlyAllowance(deps.database, addressHash, now);

  // Files first, rows second (as the field photos): a failure between leaves files photos:check lists, never a row
  // without its file.
  const { rows: stored } = await storePhotos(deps.photos, checked);

  // A resident's report is a complaint (投诉举报): its 办理时限 in working days, as the desk's intake counts it.
  const deadline = deadlineOf(await workCalendar(deps), 'complaint', now);
  const { result } = await audited(deps, { actor: PUBLIC_ACTOR, action: 'clue.create', entity: 'clue' }, async (tx) => {
    await lockReportsOfAddress(tx, addressHash);
    await withinHourlyAllowance(tx, addressHash, now);
    const clueId = await insertClue(tx, {
      source: '随手拍',
      reportedAt: now,
      geojson: place.geometry,
      address: form.address ?? '',
      description: form.description,
      suspectedType: form.category,
      institutionId: null,
      districtCode: place.districtCode,
      gridCellId: place.gridCellId,
      dueAt: deadline,
      kind: 'complaint',
      // The desk calls back on it, masked but to administrators as every caller's phone.
      callerPhone: form.contact ?? null,
    });
    const trackingCode = await freshTrackingCode(tx, deps);
    await insertClueReport(tx, { trackingCode, clueId, contactPhone: form.contact ?? null, positionSource: place.source, addressHash, createdAt: now }, stored);
    const clue = (await clueById(tx, { scope: cityWide, id: clueId, now }))!;
    const { overdue: _o, districtName: _d, gridCellCode: _g, institutionName: _i, ...own } = clue.properties;
    const { districtCode, source, suspectedType, status, reportedAt, dueAt } = own;
    await announce(tx, now, { kind: 'clue.created', districtCode, campaignId: null, payload: { clueId, districtCode, source, suspectedType, status, reportedAt, dueAt } });
    return {
      entityId: String(clueId),
      before: null,
      // The phone only masked, the address only as its hash's absence: the audit log is read by administrators.
      after: {
        ...own,
        geometry: clue.geometry,
        report: { positionSource: place.source, contact: form.contact ? maskPhone(form.contact) : null, photos: stored.map((p) => p.sha256) },
      },
      result: { trackingCode },
    };
  });
  notifyLiveEvents(deps);
  return { trackingCode: result.trackingCode, trackUrl: trackPath(result.trackingCode), positionSource: place.source, receivedAt: now.toISOString() };
}

/**
 * The tracking page's view of a report: status, the public steps (name and time) and the public answer. A code that
 * is malformed answers the same 404 as one that is unknown, so nothing tells a prober which codes are well-formed.
 */
export async function publicClueView(deps: Pick<Deps, 'database'>, code: string): Promise<PublicClueView> {
  const normalised = normaliseTrackingCode(code);
  const clue = normalised ? await clueOfTrackingCode(deps.database, normalised) : null;
  if (!clue) throw notFound('tracking code');
  const entries: ClueAuditEntry[] = await clueAuditEntries(deps.database, clue.clueId);
  return {
    trackingCode: clue.trackingCode,
    status: clue.status,
    statusLabel: publicStatusLabel(clue.status),
    category: clue.suspectedType as PublicClueView['category'],
    district: { 'zh-CN': clue.districtName, en: clue.districtNameEn },
    reportedAt: clue.reportedAt,
    steps: publicSteps(entries),
    publicFeedback: publicFeedbackOf(entries),
    synthetic: clue.synthetic,
  };
}

/** The districts' borders for the report page's map (public data: the boundaries and names only). */
export const publicDistricts = (deps: Pick<Deps, 'database'>): Promise<string> => publicDistrictBorders(deps.database);
