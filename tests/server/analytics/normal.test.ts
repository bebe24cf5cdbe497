import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalUpperTail, twoSidedNormalP } from '../../../server/analytics/normal.js';
import { readSpdepCase } from './fixtureFiles.js';

// Reference values of erfc to 16+ digits (computed with mpmath at 30 digits).
const ERFC_TABLE: [number, number][] = [
  [0, 1],
  [1e-10, 0.99999999988716208],
  [0.25, 0.72367360983176307],
  [0.46875, 0.50738652678206201],
  [0.5, 0.47950012218695346],
  [1, 0.15729920705028513],
  [2, 0.0046777349810472658],
  [3, 2.2090496998585441e-5],
  [4, 1.5417257900280018e-8],
  [4.5, 1.9661604415428873e-10],
  [6, 2.1519736712498913e-17],
  [10, 2.0884875837625448e-45],
  [20, 5.3958656116079009e-176],
  [-0.5, 1.5204998778130465],
  [-3, 1.9999779095030014],
];

describe('erfc (Cody)', () => {
  it.each(ERFC_TABLE)('erfc(%s) to 1e-14 relative', (x, expected) => {
    expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(1e-14);
  });

  it('underflows to 0 far in the tail and to 2 on the other side', () => {
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
    expect(Number.isNaN(erfc(Number.NaN))).toBe(true);
  });

  it('erf is odd and erf + erfc = 1', () => {
    for (const x of [0.1, 0.7, 1.3, 2.9, 5.5]) {
      expect(erf(-x)).toBeCloseTo(-erf(x), 15);
      expect(erf(x) + erfc(x)).toBeCloseTo(1, 15);
    }
  });
});

describe('normal tails', () => {
  it('gives the textbook critical values', () => {
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(twoSidedNormalP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedNormalP(-2.5758293035489)).toBeCloseTo(0.01, 13);
    expect(twoSidedNormalP(1.6448536269514722)).toBeCloseTo(0.1, 14);
    expect(normalUpperTail(0)).toBe(0.5);
    expect(normalCdf(-8)).toBeCloseTo(6.22096057427178e-16, 28);
  });

  it('matches R pnorm p-values stored with the spdep fixtures to 1e-12 relative', () => {
    const c = readSpdepCase('grid_queen');
    c.gi_star_z.forEach((z, i) => {
      const expected = c.gi_star_p[i];
      expect(Math.abs(twoSidedNormalP(z) - expected) / expected).toBeLessThan(1e-12);
    });
  });
});
