import { describe, expect, it } from 'vitest';
import {
  duplicateCandidates,
  duplicateGroups,
  labelledClueSet,
  scoreDuplicateGroups,
  type DedupClue,
} from '../../../../server/analytics/clue-dedup/index.js';
import { AnalyticsInputError } from '../../../../server/analytics/errors.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 1);
const clue = (id: string | number, east: number, day: number, text: string, extra: Partial<DedupClue> = {}): DedupClue => ({
  id,
  lon: 121.44 + east / 95_000,
  lat: 31.24,
  reportedAtMs: T0 + day * DAY,
  category: 'one_to_one',
  text,
  ...extra,
});

const base = clue('a', 0, 0, '市民来电反映：普陀区长寿路街道阳光小区3号楼502室有人在家中开展一对一学科辅导，请相关部门核查。');
const photo = clue('b', 30, 4, '长寿路阳光小区3栋502 天天有学生进出，疑似在家补课', { category: 'residential_flat' });
const otherFlat = clue('c', 10, 2, '市民来电反映：普陀区长寿路街道阳光小区3号楼602室有人在家中开展一对一学科辅导，请相关部门核查。');
const farAway = clue('d', 3000, 1, '市民来电反映：普陀区长寿路街道阳光小区3号楼502室有人在家中开展一对一学科辅导，请相关部门核查。');
const tooLate = clue('e', 5, 45, '举报阳光小区3号楼502室在家中开展一对一学科辅导');
const linked = clue('f', 2500, 10, '小桔灯培训中心违规开展学科培训', { institutionId: 7, category: 'academic_in_nonacademic' });
const linkedToo = clue('g', -2500, 12, '举报上海小桔灯教育科技有限公司预收学费', { institutionId: 7, category: 'overcharging' });
const neighbour = clue('h', 20, 12, '举报新思维教育在长寿路90号违规开展学科培训', { category: 'academic_in_nonacademic' });
const brand = clue('i', 40, 14, '长寿路88号 一家叫小桔灯的机构 门口贴着招生广告', { category: 'academic_in_nonacademic' });
const brandAgain = clue('j', 0, 15, '网格员巡查发现小桔灯教育在长寿路88号二楼违规开展学科培训', { category: 'academic_in_nonacademic' });

describe('duplicateCandidates', () => {
  it('finds the rewritten re-report of the same flat with its reasons, not the flat next door, far away or after the window', () => {
    const found = duplicateCandidates(base, [base, photo, otherFlat, farAway, tooLate]);
    expect(found.map((c) => c.id)).toEqual(['b']);
    const [candidate] = found;
    expect(candidate.reasons.map((r) => r.kind)).toContain('same_flat');
    expect(candidate.reasons.map((r) => r.kind)).not.toContain('same_category');
    expect(candidate.distanceMetres).toBeGreaterThan(20);
    expect(candidate.distanceMetres).toBeLessThan(40);
    expect(candidate.daysApart).toBe(4);
    expect(candidate.score).toBeGreaterThan(0.9);
  });

  it('honours the window and radius options', () => {
    expect(duplicateCandidates(base, [tooLate]).map((c) => c.id)).toEqual([]);
    expect(duplicateCandidates(base, [tooLate], { windowDays: 60 }).map((c) => c.id)).toEqual(['e']);
    expect(duplicateCandidates(base, [photo], { radiusMetres: 10 }).map((c) => c.id)).toEqual([]);
  });

  it('links the same institution id whatever the distance, and name variants nearby, but not a neighbour with another name', () => {
    const [byId] = duplicateCandidates(linked, [linkedToo]);
    expect(byId.reasons[0]).toEqual({ kind: 'same_institution', institutionId: 7 });
    expect(byId.score).toBe(1);
    const byName = duplicateCandidates(brandAgain, [brand, neighbour]);
    expect(byName.map((c) => c.id)).toEqual(['i']);
    expect(byName[0].reasons).toContainEqual(expect.objectContaining({ kind: 'similar_name', similarity: 1, names: ['小桔灯', '小桔灯'] }));
    expect(byName[0].reasons).toContainEqual({ kind: 'same_category', category: 'academic_in_nonacademic' });
    // Two different registry ids are two institutions, however alike the texts.
    expect(duplicateCandidates({ ...brandAgain, institutionId: 1 }, [{ ...brand, institutionId: 2 }])).toEqual([]);
  });

  it('refuses options out of range, naming them', () => {
    expect(() => duplicateCandidates(base, [], { radiusMetres: 0 })).toThrow(AnalyticsInputError);
    expect(() => duplicateCandidates(base, [], { threshold: 1.5 })).toThrow(/threshold/);
    expect(() => duplicateCandidates(base, [], { windowDays: Number.NaN })).toThrow(/windowDays/);
  });
});

describe('duplicateGroups', () => {
  const all = [brandAgain, neighbour, base, farAway, photo, otherFlat, linkedToo, tooLate, brand, linked];

  it('groups duplicates with sorted ids, groups by first id, singletons left out, whatever the input order', () => {
    const { groups } = duplicateGroups(all);
    expect(groups).toEqual([
      ['a', 'b'],
      ['f', 'g'],
      ['i', 'j'],
    ]);
    expect(duplicateGroups([...all].reverse()).groups).toEqual(groups);
  });

  it('is transitive: a chain of re-reports, each like the next, is one group; numbers stay numbers', () => {
    const chain = [
      clue(3, 0, 0, '阳光小区3号楼502 补课'),
      clue(1, 40, 20, '阳光小区3栋502室 补课'),
      clue(2, 80, 40, '阳光小区三号楼502 补课'),
    ];
    expect(duplicateCandidates(chain[0], [chain[2]])).toEqual([]);
    expect(duplicateGroups(chain).groups).toEqual([[1, 2, 3]]);
  });

  it('puts every candidate of a clue in its group', () => {
    const set = labelledClueSet({ size: 400, seed: 3 });
    const { groups } = duplicateGroups(set);
    const groupOf = new Map<string | number, number>();
    groups.forEach((g, k) => g.forEach((id) => groupOf.set(id, k)));
    let checked = 0;
    for (const c of set.slice(0, 80)) {
      for (const candidate of duplicateCandidates(c, set)) {
        expect(groupOf.get(candidate.id)).toBe(groupOf.get(c.id));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('reaches precision and recall of 0.9 on the 2,000-clue labelled set', () => {
    const set = labelledClueSet({ size: 2000, seed: 1 });
    expect(set).toHaveLength(2000);
    expect(labelledClueSet({ size: 2000, seed: 1 })).toEqual(set);
    const labels = new Map(set.map((c) => [c.id, c.label]));
    const scores = scoreDuplicateGroups(duplicateGroups(set).groups, labels);
    expect(scores.truePairs).toBeGreaterThan(500);
    expect(scores.precision).toBeGreaterThanOrEqual(0.9);
    expect(scores.recall).toBeGreaterThanOrEqual(0.9);
    // The set is not trivial: merging every clue within the radius and window, the rule without its text checks,
    // loses precision on the planted hard negatives.
    const loose = scoreDuplicateGroups(duplicateGroups(set, { threshold: 0, nameThreshold: 0 }).groups, labels);
    expect(loose.precision).toBeLessThan(scores.precision);
  });

  it('scores a prediction against labels pair by pair', () => {
    const labels = new Map<string | number, number>([
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['d', 2],
    ]);
    const s = scoreDuplicateGroups([['a', 'b', 'd']], labels);
    expect(s).toMatchObject({ truePairs: 3, predictedPairs: 3, correctPairs: 1, trueGroups: 1, exactGroups: 0, pureGroups: 0 });
    expect(s.precision).toBeCloseTo(1 / 3);
  });
});
