import { describe, expect, it } from 'vitest';
import { createGiStarComputer } from '../../../server/analytics/gistar.js';
import { permutationPValuesFor } from '../../../server/analytics/permutation.js';
import { createRandom } from '../../../server/domain/random.js';
import { validateFeatureInput } from '../../../server/analytics/featureInput.js';
import { buildWeights } from '../../../server/analytics/weightsSpec.js';
import { readSpdepCase } from './fixtureFiles.js';

const c = readSpdepCase('grid_queen');
const { geometries, values } = validateFeatureInput(c.geojson, 'value');
const computer = createGiStarComputer(buildWeights(geometries, { type: 'queen' }, { planar: true }));

describe('permutation inference (conditional randomisation)', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const a = permutationPValuesFor(computer, values, { permutations: 199, seed: 42 });
    const b = permutationPValuesFor(computer, values, { permutations: 199, seed: 42 });
    const d = permutationPValuesFor(computer, values, { permutations: 199, seed: 43 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(d));
  });

  it('gives pseudo p-values on the grid (k+1)/(N+1), at most 0.5 after folding', () => {
    const p = permutationPValuesFor(computer, values, { permutations: 999, seed: 7 });
    for (const v of p) {
      const larger = v * 1000 - 1;
      expect(Math.abs(larger - Math.round(larger))).toBeLessThan(1e-9);
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThanOrEqual(0.5 + 1e-12);
    }
  });

  it('agrees with the normal approximation where Gi* is extreme or null', () => {
    const z = computer.compute(values).z;
    const p = permutationPValuesFor(computer, values, { permutations: 999, seed: 7 });
    let strong = 0;
    let weak = 0;
    z.forEach((zi, i) => {
      if (zi > 4) {
        strong++;
        // Counts are skewed, so the permutation tail is heavier than the normal one: allow 1 %.
        expect(p[i]).toBeLessThanOrEqual(0.01);
      }
      if (Math.abs(zi) < 0.2) {
        weak++;
        expect(p[i]).toBeGreaterThan(0.2);
      }
    });
    expect(strong).toBeGreaterThan(3);
    expect(weak).toBeGreaterThan(3);
  });

  it('rejects a bad number of permutations', () => {
    expect(() => permutationPValuesFor(computer, values, { permutations: 0, seed: 1 })).toThrow(/positive integer/);
  });
});

describe('seeded PRNG', () => {
  it('repeats for a seed, stays in [0, 1) and is roughly uniform', () => {
    const a = createRandom(123);
    const b = createRandom(123);
    const counts = new Array(10).fill(0);
    let same = true;
    let min = 1;
    let max = 0;
    for (let i = 0; i < 20000; i++) {
      const x = a.next();
      same &&= x === b.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      counts[Math.floor(x * 10)]++;
    }
    expect(same).toBe(true);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const k of counts) expect(Math.abs(k - 2000)).toBeLessThan(200);
    expect(createRandom(124).next()).not.toBe(createRandom(123).next());
    expect(() => createRandom(Number.NaN)).toThrow(/finite/);
  });
});
