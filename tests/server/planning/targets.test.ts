import { describe, expect, test } from 'vitest';
import {
  drawWithoutReplacement,
  gridCellPriority,
  institutionPriority,
  isUnlicensed,
  rankCandidates,
  selectTargets,
  type InstitutionCandidate,
  type PatrolCandidate,
} from '../../../server/planning/index.js';

const institution = (id: number, over: Partial<InstitutionCandidate> = {}): InstitutionCandidate => ({
  kind: 'institution',
  id,
  name: `机构${id}`,
  location: [121.4 + id / 1000, 31.2],
  recentClueCount: 0,
  status: 'licensed',
  listStatus: 'none',
  riskScore: 0,
  ...over,
});

describe('patrol priority', () => {
  test('the priority of an institution is its risk score; that of a grid cell grows with its recent clues', () => {
    expect(institutionPriority(institution(1, { riskScore: 46.3 }))).toBe(46.3);
    expect(gridCellPriority({ kind: 'gridCell', id: 1, name: 'x', location: [121.4, 31.2], recentClueCount: 3 })).toBe(24);
    expect(gridCellPriority({ kind: 'gridCell', id: 1, name: 'x', location: [121.4, 31.2], recentClueCount: 30 })).toBe(100);
  });

  test('an institution without a valid licence is one that may not operate', () => {
    expect(['licensed', 'registered', 'unlicensed', 'suspended', 'revoked'].filter((status) => isUnlicensed(institution(1, { status: status as InstitutionCandidate['status'] })))).toEqual([
      'unlicensed',
      'suspended',
      'revoked',
    ]);
  });

  test('ranking is by priority, then clues, then id, whatever the input order', () => {
    const list = [institution(3, { riskScore: 30, recentClueCount: 1 }), institution(1, { riskScore: 20 }), institution(2, { riskScore: 30, recentClueCount: 1 })];
    const ids = (c: PatrolCandidate[]) => rankCandidates(c).map((s) => s.candidate.id);
    expect(ids(list)).toEqual([2, 3, 1]);
    expect(ids([...list].reverse())).toEqual([2, 3, 1]);
  });
});

describe('target selection', () => {
  const pool: PatrolCandidate[] = [
    ...Array.from({ length: 10 }, (_, i) => institution(i + 1, { riskScore: 50 - i, recentClueCount: 10 - i })),
    { kind: 'gridCell', id: 7, name: '网格 7', location: [121.41, 31.21], recentClueCount: 3 },
  ];

  test('explicit ids, top-N and the random draw combine without duplicates', () => {
    const { targets, drawn } = selectTargets(pool, { institutionIds: [1, 9], topInstitutions: 2, topGridCells: 1, randomInstitutions: { count: 3, seed: 5 } }, drawWithoutReplacement);
    const keys = targets.map((t) => `${t.candidate.kind}:${t.candidate.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['institution:1', 'institution:9', 'institution:2', 'gridCell:7']));
    expect(drawn).toHaveLength(3);
    for (const id of drawn) expect([1, 2, 9]).not.toContain(id);
    expect(targets).toHaveLength(4 + 3);
  });

  test('ids of another district are an error, as is selecting nothing', () => {
    expect(() => selectTargets(pool, { institutionIds: [1, 404] }, drawWithoutReplacement)).toThrow('institution 404 is not a patrol candidate');
    expect(() => selectTargets(pool, {}, drawWithoutReplacement)).toThrow('no targets selected');
  });
});

describe('双随机 draw', () => {
  test('the same seed gives the same draw; another seed another one; no repeats', () => {
    const pool = Array.from({ length: 50 }, (_, i) => i);
    const a = drawWithoutReplacement(pool, 10, 2026);
    expect(drawWithoutReplacement(pool, 10, 2026)).toEqual(a);
    expect(drawWithoutReplacement(pool, 10, 2027)).not.toEqual(a);
    expect(new Set(a).size).toBe(10);
    expect(drawWithoutReplacement(pool, 80, 1)).toHaveLength(50);
  });

  test('is uniform: each item is drawn about count/n of the time over many seeds', () => {
    const pool = Array.from({ length: 10 }, (_, i) => i);
    const hits = new Array(10).fill(0);
    const runs = 4000;
    for (let seed = 0; seed < runs; seed++) for (const x of drawWithoutReplacement(pool, 3, seed)) hits[x]++;
    // Expected 1,200 each; binomial sd ≈ 29, so ±150 is over 5 sd.
    for (const h of hits) expect(Math.abs(h - 1200)).toBeLessThan(150);
  });

  test('refuses bad counts and seeds', () => {
    expect(() => drawWithoutReplacement([1, 2], -1, 1)).toThrow('non-negative');
    expect(() => drawWithoutReplacement([1, 2], 1, 1.5)).toThrow('integer');
  });
});
