import { changeRatio } from '../../../server/domain/period-change.js';
import { describe, expect, test } from 'vitest';
import {
  addMonths,
  DEFAULT_RANKING_WEIGHTS,
  kpisOf,
  NO_COUNTS,
  periodBefore,
  priorityCoverage,
  rankReviewDistricts,
  reviewPresets,
  defaultPresetKey,
  sliderStart,
  trendOf,
  trendSteps,
  yearBefore,
  type RankingInput,
} from '../../../server/analytics/review/index.js';
import { reviewRankingWeightsSchema } from '../../../server/contract/review.js';

const district = (code: string, m: Partial<RankingInput>): RankingInput => ({
  districtCode: code,
  name: code,
  cluesPer10k: null,
  onTimeRate: null,
  closureRate: null,
  priorityCoverage: null,
  repeatOffenders: null,
  ...m,
});

describe('review measures', () => {
  test('the on-time rate counts open overdue clues against it; rates are null without a denominator', () => {
    const k = kpisOf({ ...NO_COUNTS, received: 10, closed: 6, closedOnTime: 5, openOverdue: 4 });
    expect(k.closureRate).toBeCloseTo(0.6);
    expect(k.onTimeRate).toBeCloseTo(0.5);
    expect(kpisOf(NO_COUNTS)).toMatchObject({ closureRate: null, onTimeRate: null });
  });

  test('a count’s change in per cent, none on a small base or a missing value (page and briefing alike)', () => {
    expect(changeRatio(125, 100)).toBeCloseTo(0.25);
    expect(changeRatio(50, 100)).toBeCloseTo(-0.5);
    expect(changeRatio(0, 40)).toBe(-1);
    expect(changeRatio(30, 19)).toBeNull();
    expect(changeRatio(5, 0)).toBeNull();
    expect(changeRatio(null, 30)).toBeNull();
  });
});

describe('拉榜排名', () => {
  test('score = Σ w·n over the parts present; the parts’ points add up to the score', () => {
    const rows = rankReviewDistricts(
      [
        district('310101', { cluesPer10k: 2, onTimeRate: 0.9, closureRate: 0.8, priorityCoverage: 1, repeatOffenders: 0.1 }),
        district('310104', { cluesPer10k: 4, onTimeRate: 0.5, closureRate: 0.6, priorityCoverage: null, repeatOffenders: 0.5 }),
      ],
      DEFAULT_RANKING_WEIGHTS,
    );
    const [first, second] = rows;
    expect(first.districtCode).toBe('310101');
    // Fewest clues per resident → 1; most → 0.
    expect(first.parts.cluesPer10k.normalised).toBe(1);
    expect(second.parts.cluesPer10k.normalised).toBe(0);
    expect(first.parts.repeatOffenders.normalised).toBeCloseTo(0.9);
    const expected = 100 * (0.15 * 1 + 0.3 * 0.9 + 0.2 * 0.8 + 0.2 * 1 + 0.15 * 0.9);
    expect(first.score).toBeCloseTo(expected, 9);
    // Without campaigns the weights are shared out over the other four.
    expect(second.parts.priorityCoverage).toEqual({ value: null, normalised: null, points: null });
    expect(second.score).toBeCloseTo((100 * (0.15 * 0 + 0.3 * 0.5 + 0.2 * 0.6 + 0.15 * 0.5)) / 0.8, 9);
    for (const row of rows) expect(Object.values(row.parts).reduce((s, p) => s + (p.points ?? 0), 0)).toBeCloseTo(row.score!, 9);
  });

  test('the weights change the order; ties share a rank; a district with nothing is last with a null score', () => {
    const inputs = [district('310101', { onTimeRate: 1, closureRate: 0.2 }), district('310104', { onTimeRate: 0.2, closureRate: 1 }), district('310105', {})];
    const timely = rankReviewDistricts(inputs, { ...DEFAULT_RANKING_WEIGHTS, closureRate: 0 });
    expect(timely.map((r) => r.districtCode)).toEqual(['310101', '310104', '310105']);
    const closing = rankReviewDistricts(inputs, { ...DEFAULT_RANKING_WEIGHTS, onTimeRate: 0 });
    expect(closing.map((r) => r.districtCode)).toEqual(['310104', '310101', '310105']);
    expect(closing[2]).toMatchObject({ rank: 3, score: null });
    const even = rankReviewDistricts(inputs, { ...DEFAULT_RANKING_WEIGHTS, onTimeRate: 0.5, closureRate: 0.5 });
    expect(even.map((r) => r.rank)).toEqual([1, 1, 3]);
  });

  test('equal clues per resident everywhere: each gets the full part', () => {
    const rows = rankReviewDistricts([district('310101', { cluesPer10k: 3 }), district('310104', { cluesPer10k: 3 })], DEFAULT_RANKING_WEIGHTS);
    expect(rows.map((r) => r.score)).toEqual([100, 100]);
  });

  test('weights: each within 0–1 and not all zero', () => {
    expect(reviewRankingWeightsSchema.safeParse(DEFAULT_RANKING_WEIGHTS).success).toBe(true);
    expect(reviewRankingWeightsSchema.safeParse({ ...DEFAULT_RANKING_WEIGHTS, onTimeRate: 1.5 }).success).toBe(false);
    expect(reviewRankingWeightsSchema.safeParse({ cluesPer10k: 0, onTimeRate: 0, closureRate: 0, priorityCoverage: 0, repeatOffenders: 0 }).success).toBe(false);
    expect(reviewRankingWeightsSchema.safeParse({ onTimeRate: 1 }).success).toBe(false);
  });

  test('priority coverage: inspected priority targets per district; closed or refused visits cover nothing', () => {
    const coverage = priorityCoverage([
      {
        targets: [
          { key: 'institution:1', districtCode: '310107', source: 'priority' },
          { key: 'institution:2', districtCode: '310107', source: 'priority' },
          { key: 'institution:3', districtCode: '310107', source: 'random_draw' },
          { key: 'institution:4', districtCode: '310106', source: 'priority' },
        ],
        checkIns: [
          { targetKey: 'institution:1', result: 'compliant' },
          { targetKey: 'institution:2', result: 'not_open' },
          { targetKey: 'institution:3', result: 'case' },
        ],
      },
    ]);
    expect(coverage.get('310107')).toEqual({ targets: 2, covered: 1 });
    expect(coverage.get('310106')).toEqual({ targets: 1, covered: 0 });
  });
});

describe('periods and presets', () => {
  test('months keep inside their month; the period before and a year before', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(periodBefore({ from: '2026-11-01', to: '2026-11-30' })).toEqual({ from: '2026-10-02', to: '2026-10-31' });
    expect(yearBefore({ from: '2024-02-29', to: '2024-03-10' })).toEqual({ from: '2023-02-28', to: '2023-03-10' });
    expect(sliderStart('2026-12-03')).toBe('2024-12-01');
  });

  test('presets on a Thursday in December: week, month, quarter, vacations and the last campaign', () => {
    const presets = reviewPresets(
      '2026-12-03',
      [
        { kind: 'winter', startsOn: '2025-01-18', endsOn: '2025-02-16' },
        { kind: 'winter', startsOn: '2026-01-31', endsOn: '2026-03-01' },
        { kind: 'summer', startsOn: '2026-07-04', endsOn: '2026-08-31' },
        { kind: 'winter', startsOn: '2027-01-23', endsOn: '2027-02-21' },
      ],
      [
        { name: '暑期专项', startsOn: '2026-07-10', endsOn: '2026-08-20' },
        { name: '寒假专项', startsOn: '2027-01-25', endsOn: '2027-02-20' },
      ],
    );
    const byKey = Object.fromEntries(presets.map((p) => [p.key, p]));
    expect(byKey.week).toMatchObject({ period: { from: '2026-11-30', to: '2026-12-03' }, compare: { from: '2026-11-23', to: '2026-11-26' } });
    expect(byKey.month).toMatchObject({ period: { from: '2026-12-01', to: '2026-12-03' }, compare: { from: '2026-11-01', to: '2026-11-03' } });
    expect(byKey.last_month).toMatchObject({ period: { from: '2026-11-01', to: '2026-11-30' }, compare: { from: '2026-10-01', to: '2026-10-31' } });
    expect(byKey.month_last_year.compare).toEqual({ from: '2025-12-01', to: '2025-12-03' });
    expect(byKey.quarter).toMatchObject({ period: { from: '2026-10-01', to: '2026-12-03' }, compare: { from: '2026-07-01', to: '2026-09-03' } });
    // The winter vacation not begun yet is not the last one; compared with the one before, as many days from its start.
    expect(byKey.winter_vacation).toMatchObject({ period: { from: '2026-01-31', to: '2026-03-01' }, compare: { from: '2025-01-18', to: '2025-02-16' } });
    expect(byKey.summer_vacation.compare).toEqual({ from: '2025-07-04', to: '2025-08-31' });
    expect(byKey.last_campaign).toMatchObject({ period: { from: '2026-07-10', to: '2026-08-20' }, note: '暑期专项', compare: { from: '2026-05-29', to: '2026-07-09' } });
  });
});

describe('trends', () => {
  test('month steps start at from, then each first of a month; week steps every 7 days', () => {
    expect(trendSteps('2026-09-15', '2026-12-03', 'month')).toEqual(['2026-09-15', '2026-10-01', '2026-11-01', '2026-12-01']);
    expect(trendSteps('2026-11-02', '2026-11-20', 'week')).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
  });

  test('series of the unit then its children by clues, zero-filled with null rates', () => {
    const trend = trendOf(
      'month',
      ['2026-10-01', '2026-11-01'],
      { level: 'district', code: '310107', name: '普陀区' },
      [
        { level: 'street', code: 'a', name: 'A' },
        { level: 'street', code: 'b', name: 'B' },
      ],
      [
        { key: null, step: 1, received: 4, closed: 2, closedOnTime: 1, openOverdue: 2 },
        { key: 'b', step: 1, received: 3, closed: 3, closedOnTime: 3, openOverdue: 0 },
        { key: 'a', step: 0, received: 1, closed: 0, closedOnTime: 0, openOverdue: 0 },
      ],
    );
    expect(trend.series.map((s) => s.code)).toEqual(['310107', 'b', 'a']);
    expect(trend.series[0]).toMatchObject({ received: [0, 4], closed: [0, 2], closureRate: [null, 0.5], onTimeRate: [null, 0.25] });
    expect(trend.series[2]).toMatchObject({ received: [1, 0], closureRate: [0, null], onTimeRate: [null, null] });
  });

  test('the page opens on 上月 up to the 7th of a month and on 本月 after', () => {
    expect(defaultPresetKey('2026-12-01')).toBe('last_month');
    expect(defaultPresetKey('2026-12-07')).toBe('last_month');
    expect(defaultPresetKey('2026-12-08')).toBe('month');
    expect(defaultPresetKey('2026-02-28')).toBe('month');
  });
});
