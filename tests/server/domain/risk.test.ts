import { describe, expect, it } from 'vitest';
import {
  INSPECTION_FREQUENCY,
  RISK_FACTORS,
  institutionRisk,
  rankInstitutionsByRisk,
  type InstitutionRiskInput,
  type RiskClue,
} from '../../../server/domain/risk.js';

const verified = (...dates: string[]): RiskClue[] => dates.map((reportedAt) => ({ reportedAt, status: 'verified' }));

const quiet: InstitutionRiskInput = {
  id: 'quiet',
  clues: [],
  violationDates: [],
  status: 'licensed',
  listStatus: 'white',
  hotCellBin: 0,
  lastInspectionDate: '2024-05-01',
};

describe('institution risk', () => {
  it('factor weights add up to 100', () => {
    expect(Object.values(RISK_FACTORS).reduce((s, f) => s + f.weight, 0)).toBe(100);
  });

  it('scores a quiet, recently inspected institution low (tier A, once a year)', () => {
    const r = institutionRisk(quiet, '2024-06-01');
    // Only the 31 days since the last inspection count: 31/365 × 10 = 0.85 → 0.8.
    expect(r.score).toBe(0.8);
    expect(r.tier).toBe('A');
    expect(r.frequency).toEqual(INSPECTION_FREQUENCY.A);
    expect(r.factors.find((f) => f.key === 'days_since_inspection')!.raw).toBe(31);
  });

  it('explains every point: contributions add up to the score', () => {
    const r = institutionRisk(
      {
        id: 'busy',
        clues: verified('2024-05-30', '2024-04-10', '2024-03-04', '2024-03-03', '2023-12-01', '2024-07-01'),
        violationDates: ['2022-01-01', '2020-01-01'],
        status: 'licensed',
        listStatus: 'none',
        hotCellBin: 2,
        lastInspectionDate: null,
      },
      '2024-06-01',
    );
    const byKey = Object.fromEntries(r.factors.map((f) => [f.key, f]));
    // 2024-03-03 is 90 days before asOf (outside the window), 2023-12-01 is older, 2024-07-01 is after asOf.
    expect(byKey.recent_clues.raw).toBe(3);
    expect(byKey.recent_clues.contribution).toBeCloseTo(18, 12);
    expect(byKey.violations.raw).toBe(1);
    expect(byKey.violations.contribution).toBeCloseTo(25 / 3, 12);
    expect(byKey.hot_cell.contribution).toBeCloseTo(10, 12);
    expect(byKey.days_since_inspection.raw).toBeNull();
    expect(byKey.days_since_inspection.contribution).toBe(10);
    expect(byKey.unlicensed_or_blacklisted.contribution).toBe(0);
    const sum = r.factors.reduce((s, f) => s + f.contribution, 0);
    expect(r.score).toBeCloseTo(sum, 1);
    expect(r.score).toBe(46.3);
    expect(r.tier).toBe('C');
    expect(r.frequency.labelZh).toBe('每季度1次');
  });

  it('counts a clue once verified: one still being handled or rejected does not raise the score', () => {
    const asOf = '2024-06-01';
    const base = institutionRisk(quiet, asOf);
    const clue = (status: RiskClue['status']): RiskClue => ({ reportedAt: '2024-05-20T02:00:00Z', status });
    for (const status of ['received', 'registered', 'dispatched', 'handling', 'feedback', 'rejected'] as const) {
      const r = institutionRisk({ ...quiet, clues: [clue(status), clue(status)] }, asOf);
      expect(r.score, status).toBe(base.score);
      expect(r.factors.find((f) => f.key === 'recent_clues')!.raw, status).toBe(0);
    }
    // Verified and closed (after verification) count: 6 points each (30 / 5).
    const counted = institutionRisk({ ...quiet, clues: [clue('verified'), clue('closed'), clue('handling')] }, asOf);
    expect(counted.factors.find((f) => f.key === 'recent_clues')!.raw).toBe(2);
    expect(counted.score).toBe(base.score + 12);
  });

  it('an unlicensed institution is at least tier C, and says why', () => {
    const r = institutionRisk({ ...quiet, status: 'unlicensed' }, '2024-06-01');
    expect(r.score).toBe(20.8);
    expect(r.tier).toBe('C');
    expect(r.overrides[0]).toMatch(/unlicensed/);
    const black = institutionRisk({ ...quiet, listStatus: 'black' }, '2024-06-01');
    expect(black.overrides[0]).toMatch(/blacklisted/);
    // One definition of "without a valid licence": suspended (停业整顿) and revoked count, registered does not.
    for (const status of ['suspended', 'revoked'] as const) expect(institutionRisk({ ...quiet, status }, '2024-06-01').tier).toBe('C');
    expect(institutionRisk({ ...quiet, status: 'registered' }, '2024-06-01').tier).toBe('A');
  });

  it('reaches tier D with many clues and violations in a hot cell', () => {
    const dates = ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05'];
    const r = institutionRisk({ ...quiet, clues: verified(...dates), violationDates: dates, hotCellBin: 3, status: 'unlicensed' }, new Date('2024-06-01T00:00:00Z'));
    expect(r.score).toBeGreaterThanOrEqual(90);
    expect(r.tier).toBe('D');
    expect(r.frequency.perYear).toBe(12);
    // A cold cell adds nothing.
    expect(institutionRisk({ ...quiet, hotCellBin: -3 }, '2024-06-01').factors.find((f) => f.key === 'hot_cell')!.contribution).toBe(0);
  });

  it('ranks highest score first', () => {
    const ranked = rankInstitutionsByRisk([quiet, { ...quiet, id: 'flagged', listStatus: 'black' }], '2024-06-01');
    expect(ranked.map((r) => r.id)).toEqual(['flagged', 'quiet']);
  });

  it('rejects bad dates and bins with a clear message', () => {
    expect(() => institutionRisk(quiet, 'not a date')).toThrow(/asOf: not a valid date/);
    expect(() => institutionRisk({ ...quiet, clues: verified('2024-13-45') }, '2024-06-01')).toThrow(/clues\[0\]\.reportedAt: not a valid date/);
    expect(() => institutionRisk({ ...quiet, hotCellBin: 5 }, '2024-06-01')).toThrow(/hotCellBin/);
  });
});
