import { describe, expect, test } from 'vitest';
import {
  departmentMix,
  formJointTeams,
  gini,
  loadSpread,
  MIN_TEAM_SIZE,
  PlanningInputError,
  type InspectionTarget,
  type JointTeamInput,
  type JointTeamPlan,
  type PlannedInspection,
  type RegistryOfficer,
  type TeamShift,
} from '../../../server/planning/index.js';

const D = '310107';
const officer = (id: number, departmentCode: string, over: Partial<RegistryOfficer> = {}): RegistryOfficer => ({
  id,
  name: `officer ${id}`,
  departmentCode,
  districtCode: D,
  homeStreetCode: '310107001',
  certificateExpiresOn: '2027-12-31',
  ...over,
});
const institution = (id: number, over: Partial<InspectionTarget> = {}): InspectionTarget => ({
  kind: 'institution',
  id,
  districtCode: D,
  streetCode: '310107002',
  category: '学科类',
  status: 'licensed',
  ...over,
});
const saturday: TeamShift = { id: '2026-07-04/day', date: '2026-07-04' };
const sunday: TeamShift = { id: '2026-07-05/day', date: '2026-07-05' };
const at = (shift: TeamShift, ...targets: InspectionTarget[]): PlannedInspection[] => targets.map((target) => ({ shiftId: shift.id, target }));

/** Eight education officers, four of market regulation, two of culture and tourism. */
const roster: RegistryOfficer[] = [
  ...Array.from({ length: 8 }, (_, i) => officer(1 + i, 'education', { homeStreetCode: i % 2 ? '310107001' : '310107002' })),
  ...Array.from({ length: 4 }, (_, i) => officer(11 + i, 'market_regulation')),
  officer(21, 'culture_tourism'),
  officer(22, 'culture_tourism'),
];
const plan = (over: Partial<JointTeamInput>): JointTeamPlan =>
  formJointTeams({ seed: '2026暑期-普陀', shifts: [saturday, sunday], inspections: [], officers: roster, ...over });
const membersOf = (p: JointTeamPlan, targetId: number, shiftId = saturday.id) => {
  const assignment = p.assigned.find((a) => a.target.id === targetId && a.shiftId === shiftId);
  return p.teams.find((t) => t.id === assignment?.teamId)?.members.map((m) => m.officerId) ?? [];
};

describe('department mix (联合执法 by the responsibility matrix)', () => {
  const codes = (target: InspectionTarget, fireSafety?: 'none' | 'unlicensed' | 'all') => departmentMix(target, { fireSafety }).map((n) => n.departmentCode);

  test('education always leads; a licensed academic institution needs nobody else', () => {
    expect(departmentMix(institution(1))).toEqual([{ departmentCode: 'education', reasons: ['lead'] }]);
  });

  test('market regulation for an unlicensed operator, fees and prepaid cards, false advertising', () => {
    expect(departmentMix(institution(1, { status: 'unlicensed' }), { fireSafety: 'none' })).toEqual([
      { departmentCode: 'education', reasons: ['lead'] },
      { departmentCode: 'market_regulation', reasons: ['unlicensed'] },
    ]);
    expect(codes(institution(1, { clueTypes: ['overcharging'] }))).toEqual(['education', 'market_regulation']);
    expect(departmentMix(institution(1, { violationKinds: ['overcharging', 'false_advertising'] }))[1]).toEqual({
      departmentCode: 'market_regulation',
      reasons: ['fees', 'advertising'],
    });
  });

  test('fire rescue for premises by the policy, and for a fire hazard on record', () => {
    expect(codes(institution(1, { status: 'suspended' }))).toEqual(['education', 'fire_rescue']);
    expect(codes(institution(1, { status: 'suspended' }), 'none')).toEqual(['education']);
    expect(codes(institution(1), 'all')).toEqual(['education', 'fire_rescue']);
    expect(codes(institution(1, { violationKinds: ['safety'] }))).toEqual(['education', 'fire_rescue']);
    // A grid cell is an area patrol: no premises to check.
    expect(codes({ kind: 'gridCell', id: 9, districtCode: D, streetCode: 'x' }, 'all')).toEqual(['education']);
  });

  test('urban management for training in flats, police when a clue asks, the sector by category', () => {
    expect(codes({ kind: 'gridCell', id: 9, districtCode: D, streetCode: 'x', clueTypes: ['residential_flat'] })).toEqual(['education', 'urban_management']);
    expect(codes(institution(1, { clueTypes: ['one_to_one'] }))).toEqual(['education', 'urban_management']);
    expect(codes(institution(1, { policeRequested: true }))).toEqual(['education', 'public_security']);
    expect(codes(institution(1, { category: '文化艺术' }))).toEqual(['education', 'culture_tourism']);
    expect(codes(institution(1, { category: '体育' }))).toEqual(['education', 'sports']);
    expect(codes(institution(1, { category: '科技' }))).toEqual(['education', 'science']);
    expect(codes(institution(1, { category: '其他' }))).toEqual(['education']);
    // All at once, in the team order.
    const everything = institution(1, { category: '体育', status: 'unlicensed', clueTypes: ['residential_flat'], policeRequested: true });
    expect(codes(everything)).toEqual(['education', 'market_regulation', 'fire_rescue', 'urban_management', 'public_security', 'sports']);
  });
});

describe('joint teams (the second 随机)', () => {
  test('every team has at least two officers certified on the day, led by education, with the mix it needs', () => {
    const officers = [...roster, officer(30, 'market_regulation', { certificateExpiresOn: '2026-07-03' }), officer(31, 'education', { certificateExpiresOn: '2026-07-04' })];
    const targets = [institution(100), institution(101, { category: '文化艺术' }), institution(102, { clueTypes: ['overcharging'] })];
    for (let s = 0; s < 40; s++) {
      const p = plan({ seed: `cert${s}`, officers, inspections: at(saturday, ...targets), maxStopsPerTeam: 1 });
      expect(p.failed).toEqual([]);
      for (const team of p.teams) {
        expect(team.members.length).toBeGreaterThanOrEqual(MIN_TEAM_SIZE);
        expect(team.members.filter((m) => m.lead)).toHaveLength(1);
        expect(team.members.find((m) => m.lead)!.departmentCode).toBe('education');
        for (const m of team.members) expect(officers.find((o) => o.id === m.officerId)!.certificateExpiresOn >= team.date).toBe(true);
        // Officer 30's certificate lapsed the day before; 31's is valid through the day itself.
        expect(team.members.map((m) => m.officerId)).not.toContain(30);
      }
      expect(p.teams.find((t) => t.stops[0].id === 101)!.departments).toContain('culture_tourism');
      expect(p.teams.find((t) => t.stops[0].id === 102)!.departments).toContain('market_regulation');
    }
    const drawn = new Set(Array.from({ length: 40 }, (_, s) => plan({ seed: `c${s}`, officers, inspections: at(saturday, institution(100)) }).teams[0].members.map((m) => m.officerId)).flat());
    expect(drawn.has(31)).toBe(true);
  });

  test('is reproducible from its seed whatever the input order; the seed changes who is drawn', () => {
    const inspections = [...at(saturday, institution(100), institution(101), institution(102)), ...at(sunday, institution(100))];
    const first = plan({ inspections });
    expect(plan({ inspections: [...inspections].reverse(), officers: [...roster].reverse() })).toEqual(first);
    const others = Array.from({ length: 10 }, (_, s) => JSON.stringify(plan({ inspections, seed: `other${s}` }).teams.map((t) => t.members)));
    expect(others.some((o) => o !== JSON.stringify(first.teams.map((t) => t.members)))).toBe(true);
  });

  test('draws at random among the eligible: every eligible education officer leads sometimes', () => {
    const leads = new Map<number, number>();
    for (let s = 0; s < 400; s++) {
      const lead = plan({ seed: `r${s}`, inspections: at(saturday, institution(100)) }).teams[0].members.find((m) => m.lead)!;
      expect(lead.eligible).toBe(8);
      leads.set(lead.officerId, (leads.get(lead.officerId) ?? 0) + 1);
    }
    // Expected 50 each of 400; binomial sd ≈ 6.6.
    for (let id = 1; id <= 8; id++) expect(Math.abs((leads.get(id) ?? 0) - 50)).toBeLessThan(30);
  });

  test('recusal (回避): never an institution of a registered relation, whatever the seed', () => {
    const relations = [1, 2, 3, 4, 5, 6].map((officerId) => ({ officerId, institutionId: 100, kind: 'close_relative' as const }));
    for (let s = 0; s < 60; s++) {
      const p = plan({ seed: `rel${s}`, relations, inspections: at(saturday, institution(100), institution(101)), maxStopsPerTeam: 2 });
      const onTeam = membersOf(p, 100);
      for (const id of [1, 2, 3, 4, 5, 6]) expect(onTeam).not.toContain(id);
      expect(onTeam.length).toBeGreaterThanOrEqual(2);
    }
  });

  test('recusal: not a target inspected in the last N campaigns; an older campaign does not count', () => {
    const past = (officerId: number, campaignId: string, inspectedOn: string) => ({ officerId, targetKind: 'institution' as const, targetId: 100, campaignId, inspectedOn });
    const pastInspections = [past(1, 'winter-2026', '2026-02-01'), past(2, 'summer-2025', '2025-08-01'), past(3, 'winter-2025', '2025-02-01'), past(3, 'c', '2024-01-01')];
    // Only officers 4 and 5 lead in education besides 1–3.
    const officers = roster.filter((o) => o.departmentCode !== 'education' || o.id <= 5);
    const leadsOver = (recentCampaigns: number) => {
      const ids = new Set<number>();
      for (let s = 0; s < 80; s++) {
        const p = plan({ seed: `past${s}`, officers, pastInspections, recusal: { recentCampaigns }, inspections: at(saturday, institution(100)) });
        for (const id of membersOf(p, 100)) ids.add(id);
      }
      return ids;
    };
    const two = leadsOver(2);
    expect(two.has(1) || two.has(2)).toBe(false);
    expect(two.has(3)).toBe(true); // winter-2025 is the third campaign back
    const zero = leadsOver(0);
    expect(zero.has(1) && zero.has(2)).toBe(true);
  });

  test('recusal: not in the officer’s own 街镇, only when asked', () => {
    // Education officers 2, 4, 6, 8 live in 310107001, the others in 310107002 (the target's street); the other
    // departments all live in 310107001.
    const target = institution(100, { streetCode: '310107002' });
    for (let s = 0; s < 40; s++) {
      const p = plan({ seed: `street${s}`, recusal: { avoidOwnStreet: true }, inspections: at(saturday, target) });
      const education = p.teams[0].members.filter((m) => m.departmentCode === 'education').map((m) => m.officerId);
      for (const id of education) expect(id % 2).toBe(0);
    }
    const free = new Set(Array.from({ length: 40 }, (_, s) => plan({ seed: `street${s}`, inspections: at(saturday, target) }).teams[0].members[0].officerId));
    expect([...free].some((id) => id % 2 === 1)).toBe(true);
    // Without a registered home street, nobody is recused for it.
    const unknown = roster.map((o) => ({ ...o, homeStreetCode: null }));
    const all = new Set(Array.from({ length: 40 }, (_, s) => plan({ seed: `street${s}`, officers: unknown, recusal: { avoidOwnStreet: true }, inspections: at(saturday, target) }).teams[0].members[0].officerId));
    expect([...all].some((id) => id % 2 === 1)).toBe(true);
  });

  test('no officer is double-booked in a shift; stops of a district share a team up to its stop limit', () => {
    const targets = Array.from({ length: 9 }, (_, i) => institution(100 + i, { category: i === 0 ? '文化艺术' : '学科类' }));
    const p = plan({ inspections: [...at(saturday, ...targets), ...at(sunday, ...targets)], maxStopsPerTeam: 2 });
    expect(p.failed).toEqual([]);
    for (const shift of [saturday, sunday]) {
      const teams = p.teams.filter((t) => t.shiftId === shift.id);
      const ids = teams.flatMap((t) => t.members.map((m) => m.officerId));
      expect(new Set(ids).size).toBe(ids.length);
      expect(teams.every((t) => t.stops.length <= 2)).toBe(true);
      expect(teams.reduce((n, t) => n + t.stops.length, 0)).toBe(9);
      expect(teams.length).toBe(5);
    }
    const one = plan({ inspections: at(saturday, institution(100), institution(101)), maxStopsPerTeam: 1 });
    expect(one.teams).toHaveLength(2);
    const shared = plan({ inspections: at(saturday, institution(100), institution(101)), shifts: [{ ...saturday, maxStopsPerTeam: 3 }] });
    expect(shared.teams).toHaveLength(1);
    expect(shared.teams[0].stops.map((s) => s.id)).toEqual([100, 101]);
  });

  test('takes the rest rules as a predicate and tells it the shifts given so far', () => {
    const seen: number[] = [];
    // Nobody works two days running, and officer 1 never works.
    const canTakeShift = (o: RegistryOfficer, shift: TeamShift, assigned: readonly TeamShift[]) => {
      seen.push(assigned.length);
      return o.id !== 1 && !assigned.some((a) => Math.abs(Date.parse(a.date) - Date.parse(shift.date)) <= 86_400_000);
    };
    const targets = [institution(100), institution(101), institution(102)];
    const p = plan({ canTakeShift, inspections: [...at(saturday, ...targets), ...at(sunday, ...targets)], maxStopsPerTeam: 1 });
    const saturdayIds = new Set(p.teams.filter((t) => t.shiftId === saturday.id).flatMap((t) => t.members.map((m) => m.officerId)));
    const sundayIds = p.teams.filter((t) => t.shiftId === sunday.id).flatMap((t) => t.members.map((m) => m.officerId));
    for (const id of sundayIds) expect(saturdayIds.has(id)).toBe(false);
    expect([...saturdayIds, ...sundayIds]).not.toContain(1);
    expect(Math.max(...seen)).toBe(1);
  });

  test('says exactly why a target gets no team', () => {
    const reasonsOf = (p: JointTeamPlan, id: number) => p.failed.find((f) => f.target.id === id)!.reasons;
    // No fire officer at all; market regulation all expired.
    const expired = roster.map((o) => (o.departmentCode === 'market_regulation' ? { ...o, certificateExpiresOn: '2026-06-30' } : o));
    const unlicensed = plan({ officers: expired, inspections: at(saturday, institution(100, { status: 'unlicensed' })) });
    expect(unlicensed.teams).toEqual([]);
    expect(reasonsOf(unlicensed, 100).map((r) => [r.code, r.departmentCode])).toEqual([
      ['certificates_expired', 'market_regulation'],
      ['no_officer', 'fire_rescue'],
    ]);
    expect(reasonsOf(unlicensed, 100)[0].counts).toMatchObject({ registered: 4, certificateExpired: 4, eligible: 0 });
    expect(reasonsOf(unlicensed, 100)[0].message).toContain('no eligible market_regulation officer in 310107 on 2026-07-04 (shift 2026-07-04/day): 4 registered, 4 certificate(s) expired');
    expect(reasonsOf(unlicensed, 100)[1].message).toContain('no fire_rescue officer registered in 310107');

    // Both culture officers already out on another team of the shift; then one recused, one expired.
    const arts = (id: number) => institution(id, { category: '文化艺术' });
    const booked = plan({ inspections: at(saturday, arts(100), arts(101), arts(102)), maxStopsPerTeam: 1 });
    expect(reasonsOf(booked, 102).map((r) => [r.code, r.counts.booked])).toEqual([['booked', 2]]);
    const mixed = plan({
      officers: roster.map((o) => (o.id === 22 ? { ...o, certificateExpiresOn: '2026-01-01' } : o)),
      relations: [{ officerId: 21, institutionId: 100, kind: 'former_employment' }],
      inspections: at(saturday, arts(100)),
    });
    expect(reasonsOf(mixed, 100)).toMatchObject([{ code: 'recused', departmentCode: 'culture_tourism', counts: { registered: 2, certificateExpired: 1, recusedRelation: 1 } }]);
    expect(reasonsOf(mixed, 100)[0].message).toContain('1 recused (relation 1, inspected recently 0, own street 0)');

    // Resting under the calendar's rules.
    const resting = plan({ canTakeShift: (o) => o.departmentCode !== 'education', inspections: at(saturday, institution(100)) });
    expect(reasonsOf(resting, 100)).toMatchObject([{ code: 'unavailable', departmentCode: 'education', counts: { unavailable: 8 } }]);

    // One education officer and nobody else: the mix is covered, the second officer is missing.
    const alone = plan({ officers: [officer(1, 'education'), officer(2, 'tax', { districtCode: '310101' })], inspections: at(saturday, institution(100)) });
    expect(reasonsOf(alone, 100)).toMatchObject([{ code: 'team_too_small', departmentCode: null }]);
    expect(reasonsOf(alone, 100)[0].message).toContain('fewer than 2 eligible officers in 310107');

    // A target of a district without officers.
    const elsewhere = plan({ inspections: at(saturday, institution(100, { districtCode: '310230' })) });
    expect(reasonsOf(elsewhere, 100)).toMatchObject([{ code: 'no_officer', departmentCode: 'education' }]);
  });

  test('makes a team of one department up to two with market regulation, else another department, else education', () => {
    const second = (officers: RegistryOfficer[]) => plan({ officers, inspections: at(saturday, institution(100)) }).teams[0].members.map((m) => [m.departmentCode, m.lead]);
    const leads = [officer(1, 'education'), officer(2, 'education')];
    expect(second([...leads, officer(3, 'housing'), officer(4, 'market_regulation')])).toEqual([['education', true], ['market_regulation', false]]);
    expect(second([...leads, officer(3, 'housing', { districtCode: '310101' }), officer(5, 'housing')])).toEqual([['education', true], ['housing', false]]);
    expect(second([...leads, officer(3, 'market_regulation', { certificateExpiresOn: '2026-01-01' })])).toEqual([['education', true], ['education', false]]);
  });

  test('balances the load: the least-loaded are drawn first, so shifts spread evenly', () => {
    const shifts = Array.from({ length: 8 }, (_, i) => ({ id: `d${i}`, date: `2026-07-${String(4 + i).padStart(2, '0')}` }));
    const inspections = shifts.flatMap((s) => at(s, institution(100 + Number(s.id.slice(1)))));
    const education = roster.filter((o) => o.departmentCode === 'education');
    const balanced = plan({ shifts, inspections, officers: education });
    // 8 shifts × 2 seats over 8 officers: each exactly twice.
    expect(balanced.load.officers.map((l) => l.shifts)).toEqual(Array(8).fill(2));
    expect(balanced.load.shifts).toEqual({ min: 2, max: 2, maxMinRatio: 1, gini: 0 });
    expect(balanced.load.byDistrict).toEqual([{ districtCode: D, shifts: balanced.load.shifts, stops: balanced.load.stops }]);
    const random = plan({ shifts, inspections, officers: education, balance: false, seed: 'unbalanced' });
    expect(random.load.shifts.gini).toBeGreaterThan(0);
    expect(random.teams.every((t) => t.members.every((m) => m.drawnAmong === m.eligible))).toBe(true);
  });

  test('refuses input it cannot plan, naming the field', () => {
    const cases: [Partial<JointTeamInput>, RegExp][] = [
      [{ seed: '' }, /seed: the seed must have 1–128 characters/],
      [{ inspections: [{ shiftId: 'nope', target: institution(1) }] }, /inspections\[0\].shiftId: no shift nope/],
      [{ inspections: at(saturday, institution(1), institution(1)) }, /institution 1 is planned twice in shift/],
      [{ shifts: [saturday, saturday] }, /shifts\[1\].id: duplicate shift/],
      [{ shifts: [{ id: 'x', date: '2026-13-01' }] }, /shifts\[0\].date: not a calendar date/],
      [{ maxStopsPerTeam: 0 }, /maxStopsPerTeam: must be a positive integer/],
      [{ recusal: { recentCampaigns: -1 } }, /recusal.recentCampaigns/],
      [{ officers: [officer(1, 'education'), officer(1, 'education')] }, /officers\[1\].id: duplicate officer 1/],
    ];
    for (const [change, message] of cases) {
      expect(() => plan(change), String(message)).toThrow(PlanningInputError);
      expect(() => plan(change), String(message)).toThrow(message);
    }
  });
});

describe('load spread', () => {
  test('Gini on known inputs', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 12);
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
    expect(gini([4, 3, 2, 1])).toBeCloseTo(0.25, 12);
    expect(gini([0, 0])).toBe(0);
    expect(gini([])).toBe(0);
    // Σ|xi − xj| / (2 n² mean) for 2, 4, 9: (2 + 7 + 5) × 2 / (2 × 9 × 5) = 0.3111…
    expect(gini([2, 4, 9])).toBeCloseTo(28 / 90, 12);
    expect(() => gini([1, -1])).toThrow(RangeError);
  });

  test('max/min ratio, none when someone has nothing', () => {
    expect(loadSpread([2, 4, 8])).toMatchObject({ min: 2, max: 8, maxMinRatio: 4 });
    expect(loadSpread([0, 3])).toMatchObject({ min: 0, max: 3, maxMinRatio: null });
    expect(loadSpread([])).toEqual({ min: 0, max: 0, maxMinRatio: null, gini: 0 });
  });
});
