import { describe, expect, test } from 'vitest';
import {
  allocateLargestRemainder,
  checkDrawSeed,
  PlanningInputError,
  poolHashText,
  ratioTotal,
  TIER_DRAW_WEIGHTS,
  type RegistryDrawInput,
  type RegistryEntry,
} from '../../../server/planning/index.js';
import { createRandom } from '../../../server/domain/random.js';
import {
  commitInspectionDraw,
  drawInspectionObjects,
  poolHash,
  replayInspectionDraw,
  seedCommitment,
} from '../../../server/services/draws.js';

// Computed with coreutils, independently of this code: printf '1\n2\n3\n' | sha256sum, printf '%s' 20260701 | sha256sum …
const SHA256_POOL_1_2_3 = '14c5e74c4b96ccef41cd94db73a9ec3348038ac094feca4fd897cecffa07cdae';
const SHA256_POOL_MINUS5_0_10 = 'a2aedb1ca7f692cbfe738ad1b3b46f12b1e7a8bc825e0e8ec67d33761e28d571';
const SHA256_EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SHA256_SEED_20260701 = '51dff63766a9e5582640b90acfdb26721dc1d9b9d0f35918bf96a6ac7bb335dc';
const SHA256_SEED_CHINESE = '563a40420e2e9d8ccbe216280409b65233f483d04dc9934f7cbf5d4a86e3e3b7'; // '2026暑期-普陀' in UTF-8

describe('seed commitment and pool hash (fixed before the draw)', () => {
  test('match values computed with sha256sum, whatever the order of the ids', () => {
    expect(poolHash([3, 1, 2])).toBe(SHA256_POOL_1_2_3);
    expect(poolHash([1, 2, 3])).toBe(SHA256_POOL_1_2_3);
    expect(poolHash([10, -5, 0])).toBe(SHA256_POOL_MINUS5_0_10);
    expect(poolHash([])).toBe(SHA256_EMPTY);
    expect(poolHashText([10, 2, 1])).toBe('1\n2\n10\n');
    expect(seedCommitment('20260701')).toBe(SHA256_SEED_20260701);
    expect(seedCommitment('2026暑期-普陀')).toBe(SHA256_SEED_CHINESE);
  });

  test('refuse what is not a pool or a seed', () => {
    expect(() => poolHash([1, 2, 1])).toThrow('duplicate id 1 (also at [0])');
    expect(() => poolHash([1, 2.5])).toThrow('pool[1]: an id must be an integer');
    for (const seed of ['', ' 7', '7 ', 'a\tb', 'x'.repeat(129), 7 as unknown as string]) {
      expect(() => checkDrawSeed(seed), JSON.stringify(seed)).toThrow(PlanningInputError);
    }
    expect(checkDrawSeed('2026 暑期')).toBe('2026 暑期');
  });
});

describe('largest remainder allocation', () => {
  const quotas = (sizes: Record<string, number>, total: number) => {
    const pool = Object.values(sizes).reduce((s, n) => s + n, 0);
    return allocateLargestRemainder(
      Object.entries(sizes).map(([key, size]) => ({ key, size, numerator: total * size })),
      Math.max(pool, 1),
      total,
    );
  };

  test('gives the whole parts, then one more to the largest remainders', () => {
    // Quotas 3.5, 2.1, 1.4: whole parts 3 + 2 + 1 = 6, the seventh goes to the largest remainder (A).
    expect(Object.fromEntries(quotas({ A: 5, B: 3, C: 2 }, 7))).toEqual({ A: 4, B: 2, C: 1 });
    // Equal remainders: the larger stratum, then the smaller key.
    expect(Object.fromEntries(quotas({ B: 1, A: 1, C: 1 }, 2))).toEqual({ A: 1, B: 1, C: 0 });
    expect(Object.fromEntries(quotas({ A: 1, B: 3 }, 2))).toEqual({ A: 0, B: 2 });
  });

  test('is exact: the counts add up to the total, each within one of its quota and never above its size', () => {
    const random = createRandom(11);
    for (let run = 0; run < 500; run++) {
      const sizes = Object.fromEntries(Array.from({ length: 1 + random.int(16) }, (_, i) => [`S${i}`, random.int(40)]));
      const pool = Object.values(sizes).reduce((s, n) => s + n, 0);
      const total = random.int(pool + 1);
      const counts = quotas(sizes, total);
      expect([...counts.values()].reduce((s, n) => s + n, 0)).toBe(total);
      for (const [key, size] of Object.entries(sizes)) {
        const quota = pool ? (total * size) / pool : 0;
        expect(counts.get(key)!).toBeGreaterThanOrEqual(Math.floor(quota));
        expect(counts.get(key)!).toBeLessThanOrEqual(Math.min(size, Math.ceil(quota)));
      }
    }
  });

  test('ratios: the total is the rounded sum of the quotas, immune to floating point', () => {
    // 0.29 × 100 is 28.999999999999996 in floating point.
    const q = [{ key: 'A', size: 100, numerator: 0.29 * 100 }];
    expect(ratioTotal(q)).toBe(29);
    expect(allocateLargestRemainder(q, 1, 29).get('A')).toBe(29);
    // Three quotas of 1.5 sum to 4.5, rounded half up to 5.
    const halves = ['A', 'B', 'C'].map((key) => ({ key, size: 3, numerator: 1.5 }));
    expect(ratioTotal(halves)).toBe(5);
    expect(Object.fromEntries(allocateLargestRemainder(halves, 1, 5))).toEqual({ A: 2, B: 2, C: 1 });
  });
});

const districts = ['310101', '310104', '310107'];
/** 60 institutions: 30, 20 and 10 in three districts; tiers cycle A, B, C, D. */
const registry: RegistryEntry[] = Array.from({ length: 60 }, (_, i) => ({
  id: 1000 + i,
  districtCode: districts[i < 30 ? 0 : i < 50 ? 1 : 2],
  riskTier: (['A', 'B', 'C', 'D'] as const)[i % 4],
}));
const base: RegistryDrawInput = { seed: '2026暑期', registry, sample: { count: 12 } };

describe('the registry draw (检查对象名录库)', () => {
  test('leaves out the priority list and what was inspected in the last N days, the draw date included', () => {
    const result = drawInspectionObjects({
      ...base,
      priorityIds: [1000, 1001, 99999],
      recentInspections: {
        days: 30,
        drawDate: '2026-07-01',
        inspections: [
          { id: 1002, inspectedOn: '2026-07-01' }, // today: day 1 of 30
          { id: 1003, inspectedOn: '2026-06-02' }, // day 30
          { id: 1004, inspectedOn: '2026-06-01' }, // 31 days ago: back in the pool
          { id: 1005, inspectedOn: '2026-07-02' }, // after the draw date: does not count
        ],
      },
    });
    expect(result.excluded).toEqual({ priority: [1000, 1001], recentlyInspected: [1002, 1003] });
    expect(result.poolSize).toBe(56);
    expect(result.registrySize).toBe(60);
    for (const id of [1000, 1001, 1002, 1003]) expect(result.drawn).not.toContain(id);
    expect(result.poolHash).toBe(poolHash(registry.map((e) => e.id).filter((id) => id < 1000 || id > 1003)));
  });

  test('stratifies by district with exact counts and reports each stratum', () => {
    const result = drawInspectionObjects(base);
    expect(result.strata.map((s) => [s.stratum, s.poolSize, s.quota, s.count])).toEqual([
      ['310101', 30, 6, 6],
      ['310104', 20, 4, 4],
      ['310107', 10, 2, 2],
    ]);
    for (const s of result.strata) {
      expect(s.drawn).toHaveLength(s.count);
      for (const id of s.drawn) expect(registry.find((e) => e.id === id)!.districtCode).toBe(s.stratum);
    }
    expect(result.drawn).toEqual(result.strata.flatMap((s) => s.drawn));
    expect(new Set(result.drawn).size).toBe(12);
    // 13 of 60: quotas 6.5, 4.33, 2.17 → 6, 4, 2 and the 13th to the largest remainder (310101).
    expect(drawInspectionObjects({ ...base, sample: { count: 13 } }).strata.map((s) => s.count)).toEqual([7, 4, 2]);
    // 10 % of each district (6 + 2 + 1 = 9), with Putuo at half.
    const ratio = drawInspectionObjects({ ...base, sample: { ratio: 0.1, byStratum: { '310107': 0.5 } } });
    expect(ratio.strata.map((s) => s.count)).toEqual([3, 2, 5]);
    expect(ratio.method).toMatchObject({ allocation: 'ratio', stratification: 'district', rounding: 'largest-remainder' });
  });

  test('carries its seed, commitment, hashes and method; the same input in any order gives the same result', () => {
    const result = drawInspectionObjects(base);
    expect(result.seed).toBe('2026暑期');
    expect(result.seedCommitment).toBe(seedCommitment('2026暑期'));
    expect(result.poolHash).toBe(poolHash(registry.map((e) => e.id)));
    expect(result.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.method).toEqual({
      version: 1, stratification: 'district', allocation: 'count', rounding: 'largest-remainder', sampling: 'uniform', algorithm: 'fisher-yates', weights: null,
    });
    const shuffled = [...registry].reverse();
    expect(drawInspectionObjects({ ...base, registry: shuffled })).toEqual(result);
    expect(drawInspectionObjects({ ...base, seed: '2026暑期2' }).drawn).not.toEqual(result.drawn);
  });

  test('replay gives exactly the same result and catches a changed id, seed or pool', () => {
    const input: RegistryDrawInput = { ...base, weighting: 'risk_tier' };
    const recorded = drawInspectionObjects(input);
    expect(drawInspectionObjects(input)).toEqual(recorded);
    expect(replayInspectionDraw(recorded, input)).toEqual({ ok: true, issues: [] });
    const forged = { ...recorded, drawn: [...recorded.drawn.slice(1), 1059] };
    expect(replayInspectionDraw(forged, input)).toMatchObject({ ok: false, issues: ['the drawn ids differ from the replay'] });
    expect(replayInspectionDraw(recorded, { ...input, seed: 'other' }).issues).toEqual(
      expect.arrayContaining(['the seed differs', 'the seed is not the committed one (its SHA-256 differs)']),
    );
    const smaller = { ...input, registry: registry.slice(1) };
    expect(replayInspectionDraw(recorded, smaller).issues.join(' ')).toContain('the pool has changed since the commitment');
    // A tier changed after the commitment changes the snapshot, not the ids.
    const retiered = { ...input, registry: registry.map((e) => (e.id === 1000 ? { ...e, riskTier: 'D' as const } : e)) };
    expect(replayInspectionDraw(recorded, retiered).issues).toContain('the pool’s districts or weights have changed since the commitment');
  });

  test('runs only on the committed seed, pool and method', () => {
    const commitment = commitInspectionDraw(base);
    expect(commitment).toMatchObject({ seedCommitment: seedCommitment(base.seed), poolHash: poolHash(registry.map((e) => e.id)), poolSize: 60 });
    expect(drawInspectionObjects({ ...base, commitment }).drawn).toEqual(drawInspectionObjects(base).drawn);
    expect(() => drawInspectionObjects({ ...base, registry: registry.slice(0, 59), commitment })).toThrow(/cannot draw: registry: the pool has changed since the commitment \(59 entries/);
    expect(() => drawInspectionObjects({ ...base, seed: 'another', commitment })).toThrow('the seed is not the committed one');
    expect(() => drawInspectionObjects({ ...base, weighting: 'risk_tier', commitment })).toThrow('the draw method is not the committed one');
  });

  test('uniform: every entry of a stratum is drawn equally often over many seeds', () => {
    const small: RegistryDrawInput = { seed: 'x', registry: registry.slice(50), sample: { count: 3 } };
    const hits = new Map<number, number>();
    const runs = 3000;
    for (let s = 0; s < runs; s++) for (const id of drawInspectionObjects({ ...small, seed: `u${s}` }).drawn) hits.set(id, (hits.get(id) ?? 0) + 1);
    // 3 of 10: expected 900 each, binomial sd ≈ 25; ±125 is 5 sd.
    for (const entry of registry.slice(50)) expect(Math.abs((hits.get(entry.id) ?? 0) - 900)).toBeLessThan(125);
  });

  test('risk-tier weights draw high-risk institutions more often, in the order of the tier weights', () => {
    expect(TIER_DRAW_WEIGHTS).toEqual({ A: 1, B: 2, C: 4, D: 12 });
    const rate = (weighting: RegistryDrawInput['weighting']) => {
      const byTier = { A: 0, B: 0, C: 0, D: 0 };
      const runs = 1500;
      for (let s = 0; s < runs; s++) {
        for (const id of drawInspectionObjects({ ...base, seed: `w${s}`, weighting }).drawn) byTier[registry.find((e) => e.id === id)!.riskTier!]++;
      }
      // Each tier has 15 of the 60 entries: the share of an entry of that tier in a draw of 12.
      return Object.fromEntries(Object.entries(byTier).map(([tier, n]) => [tier, n / runs / 15])) as Record<'A' | 'B' | 'C' | 'D', number>;
    };
    const weighted = rate('risk_tier');
    expect(weighted.A).toBeLessThan(weighted.B);
    expect(weighted.B).toBeLessThan(weighted.C);
    expect(weighted.C).toBeLessThan(weighted.D);
    expect(weighted.D).toBeGreaterThan(3 * weighted.A);
    const uniform = rate('uniform');
    for (const tier of ['A', 'B', 'C', 'D'] as const) expect(Math.abs(uniform[tier] - 0.2)).toBeLessThan(0.02);
    // Weighted draws keep the district counts.
    expect(drawInspectionObjects({ ...base, weighting: 'risk_tier' }).strata.map((s) => s.count)).toEqual([6, 4, 2]);
  });

  test('refuses input it cannot draw from, naming the field', () => {
    const cases: [Partial<RegistryDrawInput>, RegExp][] = [
      [{ sample: { count: 61 } }, /sample.count: 61 is more than the 60 entries of the pool/],
      [{ sample: { count: -1 } }, /sample.count: must be a non-negative integer/],
      [{ sample: { ratio: 1.5 } }, /sample.ratio: a ratio must be from 0 to 1/],
      [{ sample: { ratio: 0.1, byStratum: { '310199': 0.2 } } }, /310199 is not a stratum of the registry/],
      [{ registry: [...registry, { id: 1000, districtCode: '310101' }] }, /registry\[60\]: duplicate id 1000/],
      [{ registry: [{ id: 1 }] }, /registry\[0\].districtCode: a draw stratified by district needs the district/],
      [{ registry: [{ id: 1, districtCode: '310101' }], weighting: 'risk_tier' }, /registry\[0\].riskTier: weighting by risk tier needs a tier/],
      [{ registry: [{ id: 1, weight: 0 }], stratify: 'none', weighting: 'entry' }, /registry\[0\].weight: must be a positive number/],
      [{ tierWeights: { D: -1 }, weighting: 'risk_tier' }, /tierWeights.D: must be a positive number/],
      [{ seed: ' padded' }, /seed: the seed must not begin or end with a space/],
      [{ recentInspections: { days: 30, drawDate: '2026-02-30', inspections: [] } }, /recentInspections.drawDate/],
    ];
    for (const [change, message] of cases) expect(() => drawInspectionObjects({ ...base, ...change }), String(message)).toThrow(message);
  });
});
