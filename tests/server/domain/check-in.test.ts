import { describe, expect, test } from 'vitest';
import {
  checkInStatus,
  clueStepsAfterCheckIn,
  cosignRefusal,
  distanceToTarget,
  FAR_FROM_TARGET_METRES,
  findingsIssues,
  isFarFromTarget,
  laterInspectionDate,
  orderedFindings,
  requestFingerprint,
  violationsOf,
} from '../../../server/domain/check-in.js';
import { canTransitionClue } from '../../../server/domain/clue-workflow.js';
import { clueStatuses } from '../../../server/domain/vocabulary.js';
import { METRES_PER_DEGREE_LATITUDE } from '../../../server/domain/geodesy.js';

const target: [number, number] = [121.4, 31.2];
const north = (metres: number): [number, number] => [target[0], target[1] + metres / METRES_PER_DEGREE_LATITUDE];

describe('distance to the target and the far flag', () => {
  test('the great-circle distance, null without a position', () => {
    expect(distanceToTarget(north(150), target)).toBeCloseTo(150, 0);
    expect(distanceToTarget(null, target)).toBeNull();
  });

  test('flagged beyond 200 m and without a position, not at 200 m or nearer', () => {
    expect(FAR_FROM_TARGET_METRES).toBe(200);
    expect(isFarFromTarget(199.9)).toBe(false);
    expect(isFarFromTarget(200)).toBe(false);
    expect(isFarFromTarget(200.1)).toBe(true);
    expect(isFarFromTarget(null)).toBe(true);
    expect(isFarFromTarget(distanceToTarget(north(250), target))).toBe(true);
  });
});

describe('findings: one per 十查 item the plan asked for', () => {
  const asked = ['unlicensed', 'safety'] as const;
  test('exactly the asked items, in any order, pass', () => {
    expect(findingsIssues(asked, [{ item: 'safety', finding: 'ok' }, { item: 'unlicensed', finding: 'issue' }])).toEqual([]);
    expect(findingsIssues([], [])).toEqual([]);
  });

  test('an item not asked for, an item twice and a missing item are named', () => {
    const issues = findingsIssues(asked, [
      { item: 'unlicensed', finding: 'ok' },
      { item: 'advertising', finding: 'ok' },
      { item: 'unlicensed', finding: 'na' },
    ]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['findings[1].item', 'not_asked'],
      ['findings[2].item', 'duplicate'],
      ['findings', 'missing'],
    ]);
    expect(issues[2].message).toContain('safety');
  });

  test('stored in the plan’s order', () => {
    expect(orderedFindings(asked, [{ item: 'safety', finding: 'ok' }, { item: 'unlicensed', finding: 'issue' }]).map((f) => f.item)).toEqual(['unlicensed', 'safety']);
  });
});

describe('co-signature and status', () => {
  test('another member of the team co-signs; the recorder and an outsider do not', () => {
    expect(cosignRefusal({ recordedBy: 1, cosigner: 2, teamMembers: [1, 2, 3] })).toBeNull();
    expect(cosignRefusal({ recordedBy: 1, cosigner: 1, teamMembers: [1, 2] })?.kind).toBe('same_officer');
    expect(cosignRefusal({ recordedBy: 1, cosigner: 9, teamMembers: [1, 2] })?.kind).toBe('not_member');
  });

  test('待确认 until co-signed, then 已确认', () => {
    expect(checkInStatus(null)).toBe('pending_cosign');
    expect(checkInStatus(4)).toBe('confirmed');
  });
});

test('the request fingerprint ignores key order and sees every value', () => {
  expect(requestFingerprint({ a: 1, b: { d: [1, 2], c: 'x' } })).toBe(requestFingerprint({ b: { c: 'x', d: [1, 2] }, a: 1 }));
  expect(requestFingerprint({ a: 1, b: [1, 2] })).not.toBe(requestFingerprint({ a: 1, b: [2, 1] }));
  expect(requestFingerprint({ a: 1, notes: '' })).not.toBe(requestFingerprint({ a: 1, notes: ' ' }));
});

describe('flow-back', () => {
  test('mapped items at issue are violations; ok, na and unmapped items are not', () => {
    expect(
      violationsOf({
        result: 'rectify',
        institutionStatus: 'licensed',
        findings: [
          { item: 'advertising', finding: 'issue' },
          { item: 'safety', finding: 'ok' },
          { item: 'moonlighting', finding: 'na' },
          { item: 'licences', finding: 'issue' },
          { item: 'course_filing', finding: 'issue' },
        ],
      }),
    ).toEqual(['false_advertising', 'unfiled_course']);
  });

  test('a case or a ban at an unlicensed institution records unlicensed operation, once', () => {
    expect(violationsOf({ result: 'banned', institutionStatus: 'unlicensed', findings: [] })).toEqual(['unlicensed_operation']);
    expect(violationsOf({ result: 'case', institutionStatus: 'unlicensed', findings: [{ item: 'unlicensed', finding: 'issue' }] })).toEqual(['unlicensed_operation']);
    expect(violationsOf({ result: 'banned', institutionStatus: 'licensed', findings: [] })).toEqual([]);
    expect(violationsOf({ result: 'compliant', institutionStatus: 'unlicensed', findings: [] })).toEqual([]);
  });

  test('the clue steps are allowed transitions of the workflow, from each status', () => {
    for (const from of clueStatuses) {
      let at = from;
      for (const to of clueStepsAfterCheckIn(from)) {
        expect(canTransitionClue(at, to), `${at} → ${to}`).toBe(true);
        at = to;
      }
    }
    expect(clueStepsAfterCheckIn('dispatched')).toEqual(['handling', 'feedback']);
    expect(clueStepsAfterCheckIn('feedback')).toEqual(['verified']);
    expect(clueStepsAfterCheckIn('received')).toEqual([]);
    expect(clueStepsAfterCheckIn('closed')).toEqual([]);
  });

  test('the last inspection date only moves forward', () => {
    expect(laterInspectionDate(null, '2027-01-22')).toBe('2027-01-22');
    expect(laterInspectionDate('2027-01-01', '2027-01-22')).toBe('2027-01-22');
    expect(laterInspectionDate('2027-02-01', '2027-01-22')).toBe('2027-02-01');
  });
});
