import { describe, expect, test } from 'vitest';
import type { CampaignPlan } from '../../../../server/contract/campaign-plans.js';
import { dispatchSheetsOf, drawNoticeOf, parseDispatchSheets, parseDrawNotice, STANDARD_LEGAL_BASIS } from '../../../../server/planning/dispatch/index.js';
import { poolHash, seedCommitment } from '../../../../server/services/draws.js';

const names = {
  district: (code: string) => ({ '310101': '黄浦区', '310106': '静安区' })[code] ?? code,
  department: (code: string) => ({ education: '教育局', market_regulation: '市场监督管理局', fire_rescue: '消防救援支队' })[code] ?? code,
  cityBureau: '上海市教育委员会',
};

const definition = { name: '2027年寒假校外培训专项治理', type: 'winter_vacation' as const, districts: ['310101', '310106'], focus: { institutionCategories: [], suspectedTypes: [], checkItems: ['unlicensed' as const, 'advertising' as const] } };

const member = (officerId: number, name: string, departmentCode: string, lead = false) => ({
  officerId,
  name,
  departmentCode,
  certificateNo: `沪执法${String(officerId).padStart(6, '0')}`,
  certificateExpiresOn: '2028-12-31',
  lead,
});

function plan(): CampaignPlan {
  const target = (key: string, over: Partial<CampaignPlan['targets'][number]>): CampaignPlan['targets'][number] => ({
    key,
    kind: 'institution',
    refId: Number(key.split(':')[1]),
    districtCode: '310101',
    streetCode: '310101002',
    name: `机构 ${key}`,
    address: '上海市黄浦区南京东路 1 号',
    creditCode: '91310101MA1FPX1234',
    location: [121.48, 31.235],
    source: 'priority',
    reasons: ['tier_d'],
    priority: 90,
    serviceMinutes: 20,
    opens: '16:00',
    closes: '21:00',
    weekendOpens: '08:30',
    weekendCloses: '20:30',
    riskTier: 'D',
    departments: [],
    checks: [],
    visits: 1,
    ...over,
  });
  return {
    campaignId: 7,
    campaignVersion: 1,
    createdBy: 'planner',
    createdAt: '2027-01-10T02:00:00.000Z',
    settings: { teamsPerDistrictShift: 3, maxStopsPerTeam: 8, drawWeighting: 'risk_tier', excludeInspectedDays: 30, recentCampaigns: 2, avoidOwnStreet: false, maxShiftsPerWeek: 5, routeTimeLimit: 0.5 },
    shifts: [
      { id: '2027-01-25/1', date: '2027-01-25', start: '08:30', end: '12:00', dayType: 'vacation_day' },
      { id: '2027-01-25/2', date: '2027-01-25', start: '13:30', end: '21:00', dayType: 'vacation_day' },
    ],
    targets: [
      target('institution:1', { checks: ['safety'] }),
      target('institution:2', { source: 'random_draw', reasons: ['drawn'], creditCode: null }),
      target('gridCell:9', { kind: 'gridCell', refId: 9, source: 'hot_cell', reasons: ['hot_cell_99'], creditCode: null, name: '网格 HP-09', serviceMinutes: 15, opens: null, closes: null, weekendOpens: null, weekendCloses: null, riskTier: null }),
      target('institution:3', { districtCode: '310106', source: 'random_draw', reasons: ['drawn'] }),
    ],
    draw: {
      seed: 'campaign-7-v1',
      seedCommitment: seedCommitment('campaign-7-v1'),
      poolHash: poolHash([2, 3, 4, 5]),
      poolSize: 40,
      commitAuditId: 101,
      weighting: 'risk_tier',
      ratio: 0.05,
      strata: [
        { districtCode: '310101', pool: 20, drawn: 1 },
        { districtCode: '310106', pool: 20, drawn: 1 },
      ],
      drawnKeys: ['institution:3', 'institution:2'],
    },
    teams: [
      {
        id: '310101/2027-01-25/2027-01-25/2#1',
        label: '第1组',
        districtCode: '310101',
        date: '2027-01-25',
        shiftId: '2027-01-25/2',
        base: { name: '黄浦区教育局办公点', location: [121.47, 31.23] },
        members: [member(11, '张伟', 'market_regulation'), member(12, '李娜', 'education', true), member(13, '王强', 'fire_rescue')],
        departments: ['education', 'market_regulation', 'fire_rescue'],
        stops: [
          { targetKey: 'gridCell:9', eta: '13:45', departure: '14:00', distanceMetres: 1200 },
          { targetKey: 'institution:1', eta: '16:05', departure: '16:25', distanceMetres: 800 },
          { targetKey: 'institution:2', eta: '16:40', departure: '17:00', distanceMetres: 600 },
        ],
        distanceMetres: 3400,
        returns: '17:15',
        line: [
          [121.47, 31.23],
          [121.48, 31.235],
          [121.47, 31.23],
        ],
        idleReason: null,
        replannedAt: null,
      },
      {
        id: '310101/2027-01-25/2027-01-25/2#2',
        label: '第2组',
        districtCode: '310101',
        date: '2027-01-25',
        shiftId: '2027-01-25/2',
        base: { name: '黄浦区教育局办公点', location: [121.47, 31.23] },
        members: [member(14, '赵敏', 'education', true), member(15, '孙磊', 'market_regulation')],
        departments: ['education', 'market_regulation'],
        stops: [],
        distanceMetres: 0,
        returns: null,
        line: [],
        idleReason: 'all_targets_served',
        replannedAt: null,
      },
    ],
    unassigned: [],
    load: { officers: [], shifts: { min: 0, max: 1, maxMinRatio: null, gini: 0 }, stops: { min: 0, max: 3, maxMinRatio: null, gini: 0 } },
    warnings: [],
    goals: [],
  };
}

describe('dispatchSheetsOf', () => {
  test('one valid sheet per team with stops, stops in route order with their reasons and checks', () => {
    const sheets = parseDispatchSheets(dispatchSheetsOf(plan(), definition, names));
    expect(sheets).toHaveLength(1);
    const [sheet] = sheets;
    expect(sheet.district).toEqual({ code: '310101', name: '黄浦区' });
    expect(sheet.shift).toEqual({ start: '13:30', end: '21:00' });
    expect(sheet.stops.map((s) => [s.name, s.reason, s.eta])).toEqual([
      ['网格 HP-09', 'hot_cell', '13:45'],
      ['机构 institution:1', 'priority', '16:05'],
      ['机构 institution:2', 'random_draw', '16:40'],
    ]);
    // A target's own checks win; one without falls back to the campaign's focus.
    expect(sheet.stops[1].checks).toEqual(['safety']);
    expect(sheet.stops[2].checks).toEqual(['unlicensed', 'advertising']);
    expect(sheet.members.map((m) => m.department)).toEqual(['黄浦区市场监督管理局', '黄浦区教育局', '黄浦区消防救援支队']);
    expect(sheet.signature).toEqual({ teamLeader: '李娜', members: ['张伟', '王强'], date: null });
    expect(sheet.legalBasis).toEqual([...STANDARD_LEGAL_BASIS]);
  });

  test('filters by district, date and team', () => {
    expect(dispatchSheetsOf(plan(), definition, names, { district: '310106' })).toEqual([]);
    expect(dispatchSheetsOf(plan(), definition, names, { date: '2027-01-26' })).toEqual([]);
    expect(dispatchSheetsOf(plan(), definition, names, { team: '310101/2027-01-25/2027-01-25/2#1' })).toHaveLength(1);
  });

  test('a plan whose team names a stop that is not a target is refused, not printed half', () => {
    const broken = plan();
    broken.teams[0].stops[0].targetKey = 'institution:999';
    expect(() => dispatchSheetsOf(broken, definition, names)).toThrow(/institution:999/);
  });
});

describe('drawNoticeOf', () => {
  test('the drawn objects in draw order with the seed, its commitment and the pool hash; several districts publish as the city', () => {
    const notice = parseDrawNotice(drawNoticeOf(plan(), definition, names));
    expect(notice.objects.map((o) => o.name)).toEqual(['机构 institution:3', '机构 institution:2']);
    expect(notice.publisher).toBe('上海市教育委员会');
    expect(notice.district).toBeNull();
    expect(notice.method).toBe('weighted');
    expect(notice.ratio).toBe(0.05);
    expect(notice.drawnOn).toBe('2027-01-10');
    expect(notice.seedCommitment).toBe(seedCommitment('campaign-7-v1'));
  });

  test('a campaign of one district publishes as its education bureau', () => {
    const notice = drawNoticeOf(plan(), { ...definition, districts: ['310101'] }, names);
    expect(notice.publisher).toBe('黄浦区教育局');
    expect(notice.district).toEqual({ code: '310101', name: '黄浦区' });
  });
});
