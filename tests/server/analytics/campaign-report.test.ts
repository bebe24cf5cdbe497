import { describe, expect, test } from 'vitest';
import { campaignReport, rankDistricts, reportPeriodsOf, type CampaignReportInput, type ReportCheckIn } from '../../../server/analytics/campaign-report/index.js';
import { weightsFromNeighbourLists } from '../../../server/analytics/index.js';
import type { CampaignPlanTarget, CampaignPlanTeam } from '../../../server/contract/campaign-plans.js';
import type { DistrictReport } from '../../../server/contract/campaign-report.js';

// The after-action report on a fixture small enough to count by hand: two districts (A 静安 310106, B 普陀 310107), a
// two-day campaign, five targets and four team-shifts in A and B, seven check-ins. Every expected number below is
// worked out in the comment beside it.

const A = '310106';
const B = '310107';

const target = (key: string, districtCode: string, source: CampaignPlanTarget['source'], reasons: CampaignPlanTarget['reasons']): CampaignPlanTarget =>
  ({ key, kind: key.startsWith('institution') ? 'institution' : 'gridCell', refId: Number(key.split(':')[1]), districtCode, source, reasons, name: key, creditCode: null }) as CampaignPlanTarget;

const team = (id: string, districtCode: string, members: number, stops: string[]): CampaignPlanTeam =>
  ({
    id,
    districtCode,
    members: Array.from({ length: members }, (_, i) => ({ officerId: i + 1, lead: i === 0 })),
    stops: stops.map((targetKey) => ({ targetKey, eta: '09:00', departure: '09:20', distanceMetres: 0 })),
  }) as unknown as CampaignPlanTeam;

const A1 = `${A}/2027-01-23/s1#1`;
const A2 = `${A}/2027-01-24/s1#1`;
const B1 = `${B}/2027-01-23/s1#1`;
const B2 = `${B}/2027-01-24/s1#1`;

let nextId = 1;
const checkIn = (teamId: string, targetKey: string, result: ReportCheckIn['result'], cosigned: boolean, at: string, issues: string[] = []): ReportCheckIn => ({
  id: nextId++,
  teamId,
  targetKey,
  districtCode: teamId.slice(0, 6),
  result,
  cosigned,
  checkedAt: new Date(at),
  findings: issues.map((item) => ({ item, finding: 'issue' })) as ReportCheckIn['findings'],
});

/** A chain of 9 cells 0–8 (each touches the one before and after), in district A; B has 3 cells and no clues. */
const chain = (n: number) => weightsFromNeighbourLists(Array.from({ length: n }, (_, i) => [i - 1, i + 1].filter((j) => j >= 0 && j < n)), 'rook');
const block = (hot: number[], n = 9, k = 5) => Array.from({ length: n }, (_, i) => (hot.includes(i) ? k : 0));

function fixture(asOf = new Date('2027-03-01T00:00:00Z')): CampaignReportInput {
  nextId = 1;
  return {
    campaign: { id: 7, name: '2027年寒假专项', type: 'winter_vacation', status: 'closed', startsOn: '2027-01-23', endsOn: '2027-01-24' },
    districtCodes: [A, B],
    plan: {
      targets: [
        target('institution:1', A, 'priority', ['tier_d']),
        target('institution:2', A, 'priority', ['blacklisted']),
        target('institution:3', A, 'random_draw', ['drawn']),
        target('gridCell:10', A, 'hot_cell', ['hot_cell_99']),
        target('institution:4', B, 'priority', ['tier_d']),
        target('institution:5', B, 'random_draw', ['drawn']),
      ],
      teams: [
        team(A1, A, 2, ['institution:1', 'institution:2', 'gridCell:10']),
        team(A2, A, 3, ['institution:3', 'institution:1']),
        team(B1, B, 2, ['institution:4', 'institution:5']),
        team(B2, B, 2, ['institution:5']),
      ],
    },
    checkIns: [
      checkIn(A1, 'institution:1', 'rectify', true, '2027-01-23T02:00:00Z', ['safety', 'licences']), // #1
      checkIn(A1, 'institution:2', 'banned', true, '2027-01-23T03:00:00Z', ['unlicensed']), // #2
      checkIn(A1, 'gridCell:10', 'compliant', false, '2027-01-23T04:00:00Z'), // #3 待确认
      checkIn(A2, 'institution:1', 'case', true, '2027-01-24T02:00:00Z', ['safety', 'safety']), // #4: an item named twice counts once
      checkIn(A2, 'institution:9', 'compliant', true, '2027-01-24T03:00:00Z'), // #5: not a stop of the plan
      checkIn(B1, 'institution:4', 'not_open', false, '2027-01-23T02:00:00Z'), // #6 待确认, 未营业
      checkIn(B1, 'institution:5', 'compliant', true, '2027-01-23T03:00:00Z'), // #7
    ],
    institutions: [
      { id: 1, name: '甲培训', creditCode: '91310106MA1K000001', districtCode: A, status: 'licensed', listStatus: 'none', lastInspectedOn: null, violations: [{ on: '2026-05-01', kind: 'safety' }] },
      { id: 2, name: '乙工作室', creditCode: null, districtCode: A, status: 'unlicensed', listStatus: 'none', lastInspectedOn: null, violations: [] },
      { id: 3, name: '丙艺术', creditCode: null, districtCode: A, status: 'licensed', listStatus: 'none', lastInspectedOn: null, violations: [] },
      { id: 4, name: '丁科技', creditCode: null, districtCode: B, status: 'registered', listStatus: 'none', lastInspectedOn: null, violations: [] },
      { id: 5, name: '戊体育', creditCode: null, districtCode: B, status: 'licensed', listStatus: 'none', lastInspectedOn: null, violations: [] },
    ],
    violationsDuring: [
      { districtCode: A, kind: 'safety' },
      { districtCode: A, kind: 'safety' },
      { districtCode: B, kind: 'unlicensed_operation' },
    ],
    clues: [
      { id: 1, institutionId: 1, status: 'verified', reportedAt: new Date('2027-01-10T00:00:00Z') }, // inspected after, a case: verified, became a case
      { id: 2, institutionId: 2, status: 'closed', reportedAt: new Date('2027-01-15T00:00:00Z') }, // inspected after (取缔): verified, no case
      { id: 3, institutionId: 1, status: 'handling', reportedAt: new Date('2027-01-12T00:00:00Z') }, // not verified
      { id: 4, institutionId: 4, status: 'verified', reportedAt: new Date('2027-01-01T00:00:00Z') }, // only a 待确认 未营业 visit
      { id: 5, institutionId: 5, status: 'verified', reportedAt: new Date('2027-01-25T00:00:00Z') }, // reported after its inspection
      { id: 6, institutionId: 1, status: 'verified', reportedAt: new Date('2027-02-05T00:00:00Z') }, // after the campaign
    ],
    cells: [
      {
        districtCode: A,
        cellIds: Array.from({ length: 9 }, (_, i) => 100 + i),
        codes: Array.from({ length: 9 }, (_, i) => `A-${i}`),
        weights: chain(9),
        before: block([3, 4, 5]),
        during: block([]),
        after: block([6, 7, 8]),
      },
      { districtCode: B, cellIds: [200, 201, 202], codes: ['B-0', 'B-1', 'B-2'], weights: chain(3), before: [0, 0, 0], during: [0, 0, 0], after: [0, 0, 0] },
    ],
    asOf,
  };
}

const district = (code: string) => campaignReport(fixture()).districts.find((d) => d.districtCode === code)!;

describe('planned vs done, coverage, results', () => {
  test('district A: 5 planned stops, 4 done (3 confirmed, 1 待确认), 1 outside the plan', () => {
    const a = district(A);
    expect(a.planned).toEqual({ stops: 5, teamShifts: 2 }); // A1: 3 stops, A2: 2
    expect(a.done).toEqual({ confirmed: 3, pending: 1 }); // #1 #2 #4 confirmed, #3 pending; #5 is no planned stop
    expect(a.unplanned).toBe(1);
    expect(a.completion).toBeCloseTo(4 / 5, 12);
    expect(a.confirmationShare).toBeCloseTo(4 / 5, 12); // #1 #2 #4 #5 of 5
  });

  test('priority coverage counts inspections; the tier-D subset apart; an 未营业 visit covers nothing', () => {
    const a = district(A);
    expect(a.priority).toEqual({ targets: 2, covered: 2, rate: 1 }); // institution 1 and 2, both inspected
    expect(a.tierD).toEqual({ targets: 1, covered: 1, rate: 1 });
    const b = district(B);
    expect(b.priority).toEqual({ targets: 1, covered: 0, rate: 0 }); // institution 4 was closed at the visit
    expect(b.tierD).toEqual({ targets: 1, covered: 0, rate: 0 });
  });

  test('results, 十查 issues, cases and closures are split into confirmed and 待确认', () => {
    const a = district(A);
    expect(a.results.compliant).toEqual({ confirmed: 1, pending: 1 }); // #5, #3
    expect(a.results.rectify).toEqual({ confirmed: 1, pending: 0 });
    expect(a.results.case).toEqual({ confirmed: 1, pending: 0 });
    expect(a.results.banned).toEqual({ confirmed: 1, pending: 0 });
    expect(a.results.not_open).toEqual({ confirmed: 0, pending: 0 });
    expect(a.findings.safety).toEqual({ confirmed: 2, pending: 0 }); // #1 and #4 (named twice, once)
    expect(a.findings.licences).toEqual({ confirmed: 1, pending: 0 });
    expect(a.findings.unlicensed).toEqual({ confirmed: 1, pending: 0 });
    expect(a.findings.advertising).toEqual({ confirmed: 0, pending: 0 });
    expect(a.cases).toEqual({ confirmed: 1, pending: 0 });
    expect(a.closures).toEqual({ confirmed: 1, pending: 0 });
    expect(district(B).results.not_open).toEqual({ confirmed: 0, pending: 1 });
  });

  test('violations recorded during the campaign, by kind and district', () => {
    expect(district(A).violations.safety).toBe(2);
    expect(district(A).violations.unlicensed_operation).toBe(0);
    expect(district(B).violations.unlicensed_operation).toBe(1);
  });

  test('人次: the members of the team-shifts that recorded a check-in', () => {
    expect(district(A).officerTrips).toBe(5); // A1 (2) + A2 (3)
    expect(district(A).teamShiftsWorked).toBe(2);
    expect(district(B).officerTrips).toBe(2); // B1 (2); B2 recorded nothing
    expect(district(B).teamShiftsWorked).toBe(1);
  });
});

describe('clue conversion, repeat offenders, list suggestions', () => {
  test('线索案件转化率: of the clues verified through a confirmed inspection after their report, those that became a case', () => {
    expect(district(A).clueConversion).toEqual({ verified: 2, becameCases: 1, rate: 0.5 }); // clues 1 (case) and 2 (取缔)
    expect(district(B).clueConversion).toEqual({ verified: 0, becameCases: 0, rate: null }); // 4: only 待确认; 5: reported after
  });

  test('a repeat offender: a violation before the campaign, or two non-compliant results in it', () => {
    const report = campaignReport(fixture());
    expect(report.repeatOffenders).toEqual([
      { institutionId: 1, name: '甲培训', creditCode: '91310106MA1K000001', districtCode: A, reasons: ['prior_violation', 'two_non_compliant'], results: ['rectify', 'case'], priorViolations: 1, lastPriorViolation: '2026-05-01' },
    ]);
    expect(district(A).repeatOffenders).toBe(1);
    expect(district(B).repeatOffenders).toBe(0);
  });

  test('list suggestions: black after 取缔 and after repeated violations, white after a clean inspection; nothing for a visit that was no inspection', () => {
    const report = campaignReport(fixture());
    expect(report.listSuggestions.map((s) => [s.institutionId, s.current, s.suggested])).toEqual([
      [1, 'none', 'black'], // licensed: 1 recorded + 责令整改 + 立案 = 3 in three years (threshold 3)
      [2, 'none', 'black'], // 取缔
      [5, 'none', 'white'], // licensed, compliant on 2027-01-23, no violation
    ]);
    expect(report.listSuggestions[0].reasons[0]).toContain('3');
    expect(report.listSuggestions[1].reasons[0]).toContain('取缔');
  });
});

describe('hot cells before, during and after', () => {
  // 9 cells in a chain, binary weights with self: Gi*'s z_i = (L_i − W_i·x̄) / (s·√((n·S1_i − W_i²)/(n − 1))).
  // Before: cells 3, 4, 5 have 5 clues each: x̄ = 5/3, s² = 75/9 − 25/9 = 50/9. Cell 4 (W = 3): L = 15, E = 5,
  // sd = √(50/9 · 18/8) = √12.5 → z = 10/3.536 = 2.83, p = 0.005: 99 %. Cells 3 and 5: L = 10, z = 1.41: not hot.
  // During: no clue anywhere, no variance: z = 0, nothing hot. After: cells 6, 7, 8: cell 7 as cell 4 before (99 %);
  // cell 8 at the end of the chain (W = S1 = 2): L = 10, E = 10/3, sd = √(50/9 · 14/8) = 3.118, z = 2.14, p = 0.032: 95 %.
  test('counts at 95 % and 99 % in each period, and the cells that cooled and warmed', () => {
    const a = district(A);
    expect(a.hotCells).toEqual({ before: { at95: 1, at99: 1 }, during: { at95: 0, at99: 0 }, after: { at95: 2, at99: 1 }, cooled: 1, warmed: 2 });
    const report = campaignReport(fixture());
    expect(report.hotCells.map((c) => [c.cellId, c.before, c.during, c.after, c.cooled, c.warmed])).toEqual([
      [104, 3, 0, 0, true, false],
      [107, 0, 0, 3, false, true],
      [108, 0, 0, 2, false, true],
    ]);
    expect(report.comparedWith).toBe('after');
    expect(report.periods.map((p) => [p.period, p.from, p.to, p.available, p.partial, p.hot.at95])).toEqual([
      ['before', '2027-01-21', '2027-01-23', true, false, 1],
      ['during', '2027-01-23', '2027-01-25', true, false, 0],
      ['after', '2027-01-25', '2027-01-27', true, false, 2],
    ]);
  });

  test('while the after period runs it is partial; before it begins, cooling is judged on the campaign days', () => {
    expect(reportPeriodsOf({ startsOn: '2027-01-23', endsOn: '2027-01-24' }, new Date('2027-01-25T10:00:00Z'))[2]).toMatchObject({ available: true, partial: true });
    const input = fixture(new Date('2027-01-24T10:00:00Z'));
    input.cells = input.cells.map((c) => ({ ...c, after: null }));
    const report = campaignReport(input);
    expect(report.comparedWith).toBe('during');
    expect(report.periods[2].available).toBe(false);
    expect(report.districts[0].hotCells).toMatchObject({ after: null, cooled: 1, warmed: 0 }); // cell 4 hot before, not during
    expect(report.totals.hotCells.after).toBeNull();
  });
});

describe('totals and ranking', () => {
  test('totals sum the districts and take the rates from the sums', () => {
    const { totals } = campaignReport(fixture());
    expect(totals.planned).toEqual({ stops: 8, teamShifts: 4 }); // 5 + 3; B2 has a stop too
    expect(totals.done).toEqual({ confirmed: 4, pending: 2 }); // A 3+1, B 1+1
    expect(totals.completion).toBeCloseTo(6 / 8, 12);
    expect(totals.confirmationShare).toBeCloseTo(5 / 7, 12);
    expect(totals.priority).toEqual({ targets: 3, covered: 2, rate: 2 / 3 });
    expect(totals.tierD).toEqual({ targets: 2, covered: 1, rate: 0.5 });
    expect(totals.results.compliant).toEqual({ confirmed: 2, pending: 1 });
    expect(totals.officerTrips).toBe(7);
    expect(totals.clueConversion).toEqual({ verified: 2, becameCases: 1, rate: 0.5 });
    expect(totals.hotCells).toEqual({ before: { at95: 1, at99: 1 }, during: { at95: 0, at99: 0 }, after: { at95: 2, at99: 1 }, cooled: 1, warmed: 2 });
  });

  test('score = 100 × (0.5 completion + 0.3 priority coverage + 0.2 confirmation share)', () => {
    const { ranking } = campaignReport(fixture());
    // A: 0.5·0.8 + 0.3·1 + 0.2·0.8 = 0.86; B: 0.5·2/3 + 0.3·0 + 0.2·1/2 = 0.4333.
    expect(ranking.map((r) => [r.rank, r.districtCode])).toEqual([
      [1, A],
      [2, B],
    ]);
    expect(ranking[0].score).toBeCloseTo(86, 10);
    expect(ranking[1].score).toBeCloseTo(43.333333, 5);
  });

  test('a missing measure gives its weight to the others; ties share a rank; no measure at all ranks last', () => {
    const d = (districtCode: string, completion: number | null, priority: number | null, confirmationShare: number | null) =>
      ({ districtCode, completion, confirmationShare, priority: { targets: 0, covered: 0, rate: priority } }) as DistrictReport;
    const ranking = rankDistricts([d('310101', 0.5, null, 1), d('310104', null, null, null), d('310105', 1, 0, 0.75), d('310109', 0.5, 1, 0.5)]);
    // 310101: (0.5·0.5 + 0.2·1) / 0.7 = 0.642857; 310105: 0.5 + 0 + 0.15 = 0.65; 310109: 0.25 + 0.3 + 0.1 = 0.65.
    expect(ranking.map((r) => [r.rank, r.districtCode])).toEqual([
      [1, '310105'],
      [1, '310109'],
      [3, '310101'],
      [4, '310104'],
    ]);
    expect(ranking[2].score).toBeCloseTo(64.2857142857, 8);
    expect(ranking[3].score).toBeNull();
  });

  test('a district account reports its own district only', () => {
    const input = { ...fixture(), districtCodes: [B] };
    const report = campaignReport(input);
    expect(report.districts.map((x) => x.districtCode)).toEqual([B]);
    expect(report.totals.planned.stops).toBe(3);
    expect(report.repeatOffenders).toEqual([]);
    expect(report.listSuggestions.map((s) => s.institutionId)).toEqual([5]);
    expect(report.hotCells).toEqual([]);
    expect(report.ranking).toHaveLength(1);
  });
});
