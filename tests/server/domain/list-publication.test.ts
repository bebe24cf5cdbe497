import { describe, expect, it } from 'vitest';
import { DomainInputError } from '../../../server/domain/errors.js';
import {
  computeListPublication,
  creditTierOf,
  dataCutoffDate,
  dataCutoffOf,
  isPublicationMonth,
  listsBefore,
  previousMonth,
  publicAddress,
  registryLists,
  type ListCandidate,
  type PreviousLists,
} from '../../../server/domain/list-publication.js';
import { institutionRisk } from '../../../server/domain/risk.js';

const month = '2026-11';

function candidate(id: number, over: Partial<ListCandidate['risk']> = {}, name = `机构${id}`): ListCandidate {
  return {
    id,
    name,
    districtCode: '310107',
    address: `普陀区长寿路街道长寿路${id}号3楼`,
    risk: { clues: [], violationDates: [], status: 'licensed', listStatus: 'none', hotCellBin: 0, lastInspectionDate: '2026-06-01', ...over },
  };
}

describe('months and the data cutoff', () => {
  it('reads a month as YYYY-MM and steps back over the year', () => {
    expect(isPublicationMonth('2026-11')).toBe(true);
    for (const bad of ['2026-13', '2026-1', '26-11', '2026-11-01', 202611, null]) expect(isPublicationMonth(bad)).toBe(false);
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(() => previousMonth('2026-00')).toThrow(DomainInputError);
  });

  it('draws a month up from the data to the end of the month before, Shanghai time', () => {
    expect(dataCutoffOf('2026-11').toISOString()).toBe('2026-10-31T15:59:59.999Z');
    expect(dataCutoffDate('2026-11')).toBe('2026-10-31');
    expect(dataCutoffDate('2026-03')).toBe('2026-02-28');
    expect(dataCutoffDate('2026-01')).toBe('2025-12-31');
  });
});

describe('public address', () => {
  it('keeps a premises to its door number and a flat to its lane', () => {
    expect(publicAddress('普陀区长寿路街道长寿路88号3楼')).toBe('普陀区长寿路街道长寿路88号');
    expect(publicAddress('普陀区长征镇金沙江路1200弄45号1203室')).toBe('普陀区长征镇金沙江路1200弄');
    expect(publicAddress('普陀区某路')).toBe('普陀区某路');
  });
});

describe('the month’s publication', () => {
  const violations3 = ['2025-01-10', '2025-09-01', '2026-10-20'];
  const candidates = [
    candidate(1, { violationDates: violations3 }), // black: three in three years
    candidate(2, { status: 'revoked', lastInspectionDate: null }), // black: revoked
    candidate(3, { lastInspectionDate: '2026-10-15' }), // white
    candidate(4, { lastInspectionDate: '2025-06-01' }), // neither: inspected more than a year ago
    candidate(5, { status: 'unlicensed', violationDates: ['2026-01-01', '2026-05-05'] }), // black: two without licence
    candidate(6, { violationDates: ['2026-11-02', '2026-11-03', '2026-11-04'] }), // after the cutoff: not counted → white
  ];

  it('puts each institution on the list the rule says, with the rule’s reasons in public words', () => {
    const p = computeListPublication(month, candidates, registryLists(candidates));
    expect(p.dataAsOf).toBe('2026-10-31');
    expect(p.black.map((e) => e.institutionId).sort()).toEqual([1, 2, 5]);
    expect(p.white.map((e) => e.institutionId).sort()).toEqual([3, 6]);
    const one = p.black.find((e) => e.institutionId === 1)!;
    expect(one.reasons[0]).toMatch(/近三年违规 3 次/);
    expect(one.publicReasons).toEqual([{ zh: '近三年内被认定违规 3 次', en: '3 violations established in the last three years' }]);
    expect(p.black.find((e) => e.institutionId === 2)!.publicReasons[0].zh).toBe('办学许可已被依法吊销');
    expect(one.address).toBe('普陀区长寿路街道长寿路1号');
  });

  it('compares with the registry when nothing was published, then with the publication before', () => {
    const registry = candidates.map((c) => (c.id === 4 ? { ...c, risk: { ...c.risk, listStatus: 'white' as const } } : c.id === 3 ? { ...c, risk: { ...c.risk, listStatus: 'black' as const } } : c));
    const first = computeListPublication(month, registry, registryLists(registry));
    expect(first.diff.comparedWith).toEqual({ month: null, version: null });
    const byId = new Map(first.diff.entries.map((d) => [d.institutionId, d]));
    expect(byId.get(1)).toMatchObject({ change: 'added', from: 'none', to: 'black' });
    expect(byId.get(3)).toMatchObject({ change: 'moved', from: 'black', to: 'white' });
    expect(byId.get(3)!.publicReasons[0].zh).toBe('由黑名单调入白名单');
    expect(byId.get(4)).toMatchObject({ change: 'removed', from: 'white', to: 'none' });
    expect(byId.get(4)!.publicReasons[0].zh).toMatch(/不再符合白名单条件/);
    // added first, then removed, then moved
    expect(first.diff.entries.map((d) => d.change)).toEqual(['added', 'added', 'added', 'added', 'removed', 'moved']);
    // the registry changes publishing makes
    expect(first.statusChanges).toEqual([
      { institutionId: 1, from: 'none', to: 'black' },
      { institutionId: 2, from: 'none', to: 'black' },
      { institutionId: 3, from: 'black', to: 'white' },
      { institutionId: 4, from: 'white', to: 'none' },
      { institutionId: 5, from: 'none', to: 'black' },
      { institutionId: 6, from: 'none', to: 'white' },
    ]);

    // The next month, against the first: institution 6's November violations now count (black); nothing else changed.
    const previous: PreviousLists = { month, version: 1, entries: [...first.black, ...first.white] };
    const next = computeListPublication('2026-12', registry, previous);
    expect(next.diff.comparedWith).toEqual({ month: '2026-11', version: 1 });
    expect(next.diff.entries).toEqual([expect.objectContaining({ institutionId: 6, change: 'moved', from: 'white', to: 'black' })]);
  });

  it('reads back the lists a publication was compared with (what a correction compares with)', () => {
    const registry = candidates.map((c) => (c.id === 4 ? { ...c, risk: { ...c.risk, listStatus: 'white' as const } } : c.id === 3 ? { ...c, risk: { ...c.risk, listStatus: 'black' as const } } : c));
    const baseline = registryLists(registry);
    const first = computeListPublication(month, registry, baseline);
    expect(listsBefore(first)).toEqual(baseline);
    // A correction against it, after the registry took the first version's statuses, finds the same difference.
    const published = registry.map((c) => ({ ...c, risk: { ...c.risk, listStatus: first.statusChanges.find((s) => s.institutionId === c.id)?.to ?? c.risk.listStatus } }));
    expect(computeListPublication(month, published, listsBefore(first)).diff).toEqual(first.diff);
  });

  it('an unchanged month has no difference', () => {
    const first = computeListPublication(month, candidates, registryLists(candidates));
    const again = computeListPublication(month, candidates, { month: '2026-10', version: 2, entries: [...first.black, ...first.white] });
    expect(again.diff.entries).toEqual([]);
  });

  it('a removed institution absent from the registry keeps the name it was published with', () => {
    const gone: PreviousLists = { month: '2026-10', version: 1, entries: [{ institutionId: 99, name: '已注销机构', districtCode: '310107', address: '某路1号', list: 'black' }] };
    const p = computeListPublication(month, [], gone);
    expect(p.diff.entries).toEqual([expect.objectContaining({ institutionId: 99, name: '已注销机构', change: 'removed', from: 'black', to: 'none' })]);
  });

  it('refuses a month that is not YYYY-MM, naming month', () => {
    expect(() => computeListPublication('2026-13', candidates, registryLists(candidates))).toThrow(/month: must be a month YYYY-MM/);
  });
});

describe('credit tiers', () => {
  it('is the risk tier with the factors that gave points as reasons, largest first', () => {
    const r = institutionRisk(
      {
        clues: [{ reportedAt: '2026-10-20', status: 'closed' }],
        violationDates: ['2026-09-01', '2026-10-01'],
        status: 'licensed',
        listStatus: 'none',
        hotCellBin: 1,
        lastInspectionDate: '2026-05-01',
      },
      '2026-10-31',
    );
    const credit = creditTierOf(r);
    expect(credit.tier).toBe(r.tier);
    expect(credit.score).toBe(r.score);
    // violations 2/3 × 25 = 16.7, clues 1/5 × 30 = 6, hot cell 1/3 × 15 = 5, 183 days / 365 × 10 = 5.0
    expect(credit.reasons[0]).toMatch(/^近三年违规记录数 \/ Violations, last 3 years: 2 → 16.7$/);
    expect(credit.reasons[1]).toMatch(/核实线索.*: 1 → 6$/);
    expect(credit.reasons).toHaveLength(4);
  });

  it('an institution on the black list is scored as blacklisted: at least C, the floor named among the reasons', () => {
    const p = computeListPublication(month, [candidate(1, { status: 'revoked', lastInspectionDate: '2026-10-01' }), candidate(2, { lastInspectionDate: '2026-10-01' })], { month: null, version: null, entries: [] });
    const entry = p.black[0];
    // 20 points (without a valid licence, blacklisted) + 30 days since inspection 0.8 = 20.8: tier B by the score alone.
    expect(entry.credit.score).toBe(20.8);
    expect(entry.credit.tier).toBe('C');
    expect(entry.credit.reasons.at(-1)).toMatch(/at least tier C/);
    expect(p.white[0].credit.tier).toBe('A');
    expect(p.tierCounts).toEqual({ city: { A: 1, B: 0, C: 1, D: 0 }, byDistrict: { '310107': { A: 1, B: 0, C: 1, D: 0 } } });
  });
});
