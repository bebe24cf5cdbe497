import { describe, expect, test } from 'vitest';
import { DomainInputError } from '../../../../server/domain/errors.js';
import { poolHash, seedCommitment } from '../../../../server/services/draws.js';
import { DispatchInputError, parseDispatchSheet, parseDispatchSheets, parseDrawNotice } from '../../../../server/planning/dispatch/index.js';
import { dispatchSheetFixture, drawNoticeFixture, secondSheetFixture } from '../../../fixtures/dispatch-sheets.js';

/** The issues a bad sheet is refused with, as `path: message`. */
function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DispatchInputError);
    expect(error).toBeInstanceOf(DomainInputError);
    return (error as DispatchInputError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('the input was accepted');
}

describe('parseDispatchSheet', () => {
  test('the fixture is a valid sheet and comes back unchanged', () => {
    expect(parseDispatchSheet(dispatchSheetFixture())).toEqual(dispatchSheetFixture());
  });

  test('no stops and no members are refused, each naming its field and the rule', () => {
    const issues = refusal(() => parseDispatchSheet({ ...dispatchSheetFixture(), stops: [], members: [] }));
    expect(issues).toContain('stops: a dispatch sheet lists at least one stop');
    expect(issues).toContain('members: a team needs at least 2 certified officers (《行政处罚法》第四十二条)');
  });

  test('a missing field, a misspelt key and a bad credit code are located', () => {
    const { members: _members, ...withoutMembers } = dispatchSheetFixture();
    expect(refusal(() => parseDispatchSheet(withoutMembers)).join('\n')).toMatch(/^members: /m);
    const sheet = dispatchSheetFixture();
    const stops = sheet.stops.map((s, i) => (i === 0 ? { ...s, credit_code: 'x' } : i === 3 ? { ...s, creditCode: '91310101MA142KQ54' } : s));
    const issues = refusal(() => parseDispatchSheet({ ...sheet, stops }));
    expect(issues.some((i) => i.startsWith('stops[0]') && /credit_code/.test(i))).toBe(true);
    expect(issues).toContain('stops[3].creditCode: must be an 18-character unified social credit code (GB 32100)');
  });

  test('times must run forward within the shift', () => {
    const sheet = dispatchSheetFixture();
    sheet.stops[0].eta = '17:50';
    sheet.stops[2].departure = '19:05';
    sheet.stops[5].departure = '21:45';
    const issues = refusal(() => parseDispatchSheet(sheet));
    expect(issues).toEqual([
      'stops[0].eta: 17:50 is before the shift starts (18:00)',
      'stops[2].departure: 19:05 is before the arrival (19:10)',
      'stops[5].departure: 21:45 is after the shift ends (21:30)',
    ]);
    expect(refusal(() => parseDispatchSheet({ ...dispatchSheetFixture(), shift: { start: '21:00', end: '18:00' } }))[0]).toBe(
      'shift.end: the shift must end after it starts (21:00–18:00)',
    );
  });

  test('a grid cell has no credit code; checks are listed once', () => {
    const sheet = dispatchSheetFixture();
    sheet.stops[2].creditCode = '91310101MA142KQ54M';
    sheet.stops[0].checks = ['safety', 'safety'];
    expect(refusal(() => parseDispatchSheet(sheet))).toEqual([
      'stops[0].checks: each of the 十查 items is listed once',
      'stops[2].creditCode: a grid cell has no credit code: only institutions do',
    ]);
  });

  test('who signs must be on the team, the leader once', () => {
    const sheet = dispatchSheetFixture();
    sheet.signature = { teamLeader: '赵六', members: ['李晓梅', '王五'], date: null };
    expect(refusal(() => parseDispatchSheet(sheet))).toEqual([
      'signature.teamLeader: 赵六 is not one of the members',
      'signature.members[1]: 王五 is not one of the members',
    ]);
    const twice = dispatchSheetFixture();
    twice.members[1].certificateNo = twice.members[0].certificateNo;
    expect(refusal(() => parseDispatchSheet(twice))).toEqual([`members[1].certificateNo: ${twice.members[0].certificateNo} is listed twice`]);
  });
});

describe('parseDispatchSheets', () => {
  test('locates an issue by the sheet it is in', () => {
    expect(parseDispatchSheets([dispatchSheetFixture(), secondSheetFixture()])).toHaveLength(2);
    expect(refusal(() => parseDispatchSheets([dispatchSheetFixture(), { ...secondSheetFixture(), members: [] }]))).toEqual([
      '[1].members: a team needs at least 2 certified officers (《行政处罚法》第四十二条)',
    ]);
    expect(refusal(() => parseDispatchSheets([]))).toEqual([': give at least one dispatch sheet']);
  });
});

describe('parseDrawNotice', () => {
  test('the fixture’s seed commitment and pool hash are the draw’s own (a notice made from a RegistryDrawResult)', () => {
    const notice = drawNoticeFixture();
    expect(notice.seedCommitment).toBe(seedCommitment(notice.seed));
    expect(notice.poolHash).toBe(poolHash(Array.from({ length: notice.poolSize }, (_, i) => i + 1)));
  });

  test('the fixture is valid; a bad hash, ratio and an oversized draw are refused', () => {
    expect(parseDrawNotice(drawNoticeFixture()).objects).toHaveLength(4);
    const issues = refusal(() => parseDrawNotice({ ...drawNoticeFixture(), poolHash: 'ABC', ratio: 5 }));
    expect(issues).toContain('poolHash: must be a SHA-256 digest in lower-case hex (64 characters)');
    expect(issues).toContain('ratio: must be at most 1 (a share, 5% = 0.05)');
    expect(refusal(() => parseDrawNotice({ ...drawNoticeFixture(), poolSize: 3 }))).toEqual(['objects: 4 objects drawn from a pool of 3']);
    expect(refusal(() => parseDrawNotice({ ...drawNoticeFixture(), objects: [] }))).toEqual(['objects: a notice lists at least one drawn object']);
    // The seed follows the draw's own rule (server/planning/draw-seed.ts).
    expect(refusal(() => parseDrawNotice({ ...drawNoticeFixture(), seed: '2026寒假-黄浦 ' }))).toEqual(['seed: the seed must not begin or end with a space']);
    expect(refusal(() => parseDrawNotice({ ...drawNoticeFixture(), seed: 20260120 }))[0]).toMatch(/^seed: /);
  });
});
