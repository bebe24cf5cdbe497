import { describe, expect, test } from 'vitest';
import gcoord from 'gcoord';
import type { CheckIn, FieldAssignment } from '../../../server/contract/field.js';
import { distanceMetres } from '../../../server/domain/geodesy.js';
import { navigationLinks } from '../../../web/state/field-navigation.js';
import { nextStop, statusCounts, stopViews } from '../../../web/state/field.js';
import type { QueueItem } from '../../../web/state/field-queue.js';
import { FIELD_PATH, pageForRole, pageOfLocation, pagePath, pageSearch } from '../../../web/navigation.js';

const ME = 11;
const OTHER = 12;
const TEAM = '310107/2027-01-25/s1#1';
const stop = (n: number, extra: Partial<FieldAssignment['stops'][number]> = {}): FieldAssignment['stops'][number] => ({
  order: n,
  targetKey: `institution:${n}`,
  kind: 'institution',
  name: `机构${n}`,
  address: `地址${n}`,
  creditCode: null,
  location: [121.4 + n * 0.01, 31.2],
  eta: '09:00',
  departure: '09:30',
  serviceMinutes: 30,
  riskTier: 'C',
  checks: ['safety', 'licences'],
  arrival: null,
  checkIn: null,
  ...extra,
});
const checkIn = (id: number, recordedBy: number, status: CheckIn['status'], target: string): CheckIn => ({
  id,
  campaignId: 1,
  teamId: TEAM,
  targetKey: target,
  result: 'compliant',
  findings: [],
  notes: '',
  photos: [],
  position: [121.41, 31.2],
  positionAccuracyMetres: 5,
  distanceMetres: 12,
  farFromTarget: false,
  checkedAt: '2027-01-25T09:10:00+08:00',
  receivedAt: '2027-01-25T09:10:01+08:00',
  recordedBy: { officerId: recordedBy, name: 'x', certificateNo: 'y' },
  cosignedBy: null,
  cosignedAt: null,
  status,
});
const assignment = (stops: FieldAssignment['stops']): FieldAssignment => ({
  campaignId: 1,
  campaignName: 'c',
  campaignVersion: 1,
  campaignStatus: 'active',
  teamId: TEAM,
  teamLabel: '第1组',
  districtCode: '310107',
  date: '2027-01-25',
  shift: { id: 's1', start: '08:30', end: '12:00' },
  isLead: true,
  members: [],
  base: { name: 'b', location: [121.4, 31.2] },
  line: [],
  stops,
  replannedAt: null,
});
const q = { userId: 1, queuedAt: '', label: '', state: 'pending' as const, attempts: 0, error: null };

describe('the stops of a team-shift with the outbox laid over them', () => {
  test('待检查, 已到达, 待确认 and 已确认 from the server and from queued writes', () => {
    const a = assignment([
      stop(1),
      stop(2, { arrival: { arrivedAt: '2027-01-25T09:00:00+08:00', distanceMetres: 5 } }),
      stop(3, { checkIn: checkIn(30, ME, 'pending_cosign', 'institution:3') }),
      stop(4, { checkIn: checkIn(40, OTHER, 'confirmed', 'institution:4') }),
      stop(5),
      stop(6),
      stop(7, { checkIn: checkIn(70, OTHER, 'pending_cosign', 'institution:7') }),
    ]);
    const queue: QueueItem[] = [
      { ...q, kind: 'arrival', key: 'k5', body: { idempotencyKey: 'k5', campaignId: 1, teamId: TEAM, targetKey: 'institution:5', arrivedAt: '2027-01-25T10:00:00+08:00', position: null } },
      { ...q, kind: 'photo', key: 'p6', sha256: 'a'.repeat(64), mediaType: 'image/jpeg', blob: new Blob([]), forCheckIn: 'k6', state: 'failed' },
      {
        ...q,
        kind: 'checkIn',
        key: 'k6',
        body: {
          idempotencyKey: 'k6',
          campaignId: 1,
          teamId: TEAM,
          targetKey: 'institution:6',
          result: 'rectify',
          findings: [],
          notes: '',
          photos: ['a'.repeat(64)],
          position: { lon: 121.46 + 0.01, lat: 31.2, accuracyMetres: 8 },
          checkedAt: '2027-01-25T10:30:00+08:00',
        },
      },
    ];
    const views = stopViews(a, queue, ME);
    expect(views.map((v) => v.status)).toEqual(['todo', 'arrived', 'pending_cosign', 'confirmed', 'arrived', 'pending_cosign', 'pending_cosign']);
    expect(views.map((v) => v.unsynced)).toEqual([false, false, false, false, true, true, false]);
    expect(views[5].refused).toBe(true);
    // Queued 1 km east of its target: 距离过远.
    expect(views[5].far).toBe(true);
    expect(views[5].distanceMetres).toBeCloseTo(distanceMetres([121.47, 31.2], [121.46, 31.2]), 0);
    expect(views[4].arrivedAt).toBe('2027-01-25T10:00:00+08:00');
    // Only another member's check-in waiting for a second signature may be co-signed; the recorder's own may not.
    expect(views.map((v) => v.cosignable)).toEqual([false, false, false, false, false, false, true]);
    expect(statusCounts(views)).toEqual({ todo: 1, arrived: 2, pending_cosign: 3, confirmed: 1 });
    expect(nextStop(views)?.stop.order).toBe(1);

    const cosigned = stopViews(a, [{ ...q, kind: 'cosign', key: 'c7', checkInId: 70, campaignId: 1, teamId: TEAM, targetKey: 'institution:7', body: { idempotencyKey: 'c7', position: null, cosignedAt: '2027-01-25T11:00:00+08:00' } }], ME);
    expect(cosigned[6]).toMatchObject({ status: 'confirmed', cosignable: false, cosignQueued: true, unsynced: true });
  });
});

describe('navigation links', () => {
  test('the Amap link carries the point in GCJ-02 and says so; geo: stays WGS84', () => {
    const links = navigationLinks([121.4737, 31.2304], '某培训机构');
    const expected = gcoord.transform<[number, number]>([121.4737, 31.2304], gcoord.WGS84, gcoord.GCJ02);
    expect(links.gcj02[0]).toBeCloseTo(expected[0], 9);
    // The datum offset in Shanghai is some hundreds of metres: the conversion did something.
    expect(distanceMetres([121.4737, 31.2304], links.gcj02)).toBeGreaterThan(300);
    const url = new URL(links.amap);
    expect(url.searchParams.get('coordinate')).toBe('gaode');
    expect(url.searchParams.get('to')).toBe(`${expected[0].toFixed(6)},${expected[1].toFixed(6)},某培训机构`);
    expect(links.geo).toBe(`geo:31.230400,121.473700?q=31.230400,121.473700(${encodeURIComponent('某培训机构')})`);
  });
});

describe('the phone page’s address', () => {
  test('/field is the phone page whatever the query; other paths read ?page=', () => {
    expect(pageOfLocation('/field', '')).toBe('field');
    expect(pageOfLocation('/field/', '?page=audit')).toBe('field');
    expect(pageOfLocation('/', '?page=audit')).toBe('audit');
    expect(pageOfLocation('/', '')).toBe('dashboard');
    expect(pagePath('field')).toBe(FIELD_PATH);
    expect(pagePath('campaigns')).toBe('/');
    expect(pageSearch('field', '?page=audit&lang=en')).toBe('lang=en');
  });

  test('a field account always lands on /field; other roles never stay there', () => {
    expect(pageForRole('dashboard', 'field')).toBe('field');
    expect(pageForRole('campaigns', 'field')).toBe('field');
    expect(pageForRole('field', 'planner')).toBe('dashboard');
    expect(pageForRole('audit', 'admin')).toBe('audit');
  });
});
