import { describe, expect, it } from 'vitest';
import { binConfidencePercent, confidenceBin } from '../../../server/analytics/bins.js';
import { benjaminiHochberg, createBenjaminiHochberg } from '../../../server/analytics/fdr.js';
import { readFixture } from './fixtureFiles.js';

describe('Benjamini–Hochberg', () => {
  it('equals R p.adjust(method = "BH"), ties, 0 and 1 included', () => {
    const { p, bh } = readFixture<{ p: number[]; bh: number[] }>('r_p_adjust_bh.json');
    const q = benjaminiHochberg(p);
    bh.forEach((expected, i) => {
      if (expected === 0) expect(q[i]).toBe(0);
      else expect(Math.abs(q[i] - expected) / expected, `p ${i}`).toBeLessThan(1e-12);
    });
  });

  it('hand-worked: p = (0.01, 0.04, 0.03, 0.5) → (0.04, 0.0533…, 0.0533…, 0.5)', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    expect(q[0]).toBeCloseTo(0.04, 15);
    expect(q[1]).toBeCloseTo(0.16 / 3, 15);
    expect(q[2]).toBeCloseTo(0.16 / 3, 15);
    expect(q[3]).toBeCloseTo(0.5, 15);
  });

  it('a reusable adjuster gives the same result on every call', () => {
    const adjust = createBenjaminiHochberg(3);
    const out = new Float64Array(3);
    expect(Array.from(adjust([0.2, 0.01, 0.03], out))).toEqual(Array.from(benjaminiHochberg([0.2, 0.01, 0.03])));
    expect(Array.from(adjust([0.5, 0.5, 0.5], out))).toEqual([0.5, 0.5, 0.5]);
    expect(() => adjust([0.1], out)).toThrow(/expected 3/);
  });

  it('rejects values that are not probabilities', () => {
    expect(() => benjaminiHochberg([0.1, 1.2])).toThrow(/not in \[0, 1\]/);
  });
});

describe('confidence bins', () => {
  it('maps p and the sign of z to ±3/±2/±1/0', () => {
    expect(confidenceBin(3, 0.0027)).toBe(3);
    expect(confidenceBin(-2.2, 0.028)).toBe(-2);
    expect(confidenceBin(1.7, 0.089)).toBe(1);
    expect(confidenceBin(1.2, 0.23)).toBe(0);
    expect(confidenceBin(-2, 0.05)).toBe(-2);
    expect(binConfidencePercent(-3)).toBe(99);
    expect(binConfidencePercent(0)).toBe(0);
  });
});
