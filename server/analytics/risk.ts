// Institution risk score for risk-differentiated supervision (差异化监管): a weighted sum of five
// explainable factors, each scaled to 0–1, so the score is 0–100 and every point can be traced to
// a factor. Tier A (低风险, lowest) … D (高风险, highest) sets the recommended inspection frequency.

import { AnalyticsInputError } from './errors.js';

export type DateInput = string | Date;

export type InstitutionRiskInput = {
  id?: string;
  /** Dates of clues (线索) within the search radius of the institution or linked to it. */
  clueDates: DateInput[];
  /** Dates of recorded violations (违规记录). */
  violationDates: DateInput[];
  /** Holds both the school-running permit (办学许可证) and the business licence (营业执照). */
  licensed: boolean;
  /** Published list status (黑白名单). */
  listStatus: 'black' | 'white' | 'none';
  /** FDR-corrected Gi* bin (−3…+3) of the grid cell the institution lies in; null when unknown. */
  hotCellBin: number | null;
  /** Date of the last inspection; null when never inspected. */
  lastInspectionDate: DateInput | null;
};

export type RiskFactorKey = 'recent_clues' | 'violations' | 'unlicensed_or_blacklisted' | 'hot_cell' | 'days_since_inspection';

export type RiskFactor = {
  key: RiskFactorKey;
  labelZh: string;
  labelEn: string;
  /** The raw measurement (a count, a number of days, a bin, or true/false). */
  raw: number | boolean | null;
  /** raw scaled to 0–1 (see `saturation`). */
  normalised: number;
  /** Points the factor gives at full strength; the weights add up to 100. */
  weight: number;
  /** normalised × weight. */
  contribution: number;
};

export type RiskTier = 'A' | 'B' | 'C' | 'D';

export type InspectionFrequency = { perYear: number; intervalDays: number; labelZh: string; labelEn: string };

export type InstitutionRisk = {
  id?: string;
  asOf: string;
  score: number;
  tier: RiskTier;
  frequency: InspectionFrequency;
  factors: RiskFactor[];
  /** Rules that raised the tier above what the score alone gives. */
  overrides: string[];
};

export const RECENT_CLUE_WINDOW_DAYS = 90;
export const VIOLATION_WINDOW_DAYS = 3 * 365;

/** Factor weights (points) and the raw value at which each factor reaches full strength. */
export const RISK_FACTORS: Record<RiskFactorKey, { weight: number; saturation: number; labelZh: string; labelEn: string }> = {
  recent_clues: { weight: 30, saturation: 5, labelZh: '近90天周边或关联线索数', labelEn: 'Clues nearby or linked, last 90 days' },
  violations: { weight: 25, saturation: 3, labelZh: '近三年违规记录数', labelEn: 'Violations, last 3 years' },
  unlicensed_or_blacklisted: { weight: 20, saturation: 1, labelZh: '无证无照或列入黑名单', labelEn: 'Unlicensed or blacklisted' },
  hot_cell: { weight: 15, saturation: 3, labelZh: '所在网格热点置信等级', labelEn: 'Hot spot level of its grid cell' },
  days_since_inspection: { weight: 10, saturation: 365, labelZh: '距上次检查天数', labelEn: 'Days since last inspection' },
};

/** Lower score bound of each tier. */
export const RISK_TIER_THRESHOLDS: Record<RiskTier, number> = { A: 0, B: 20, C: 45, D: 70 };

export const INSPECTION_FREQUENCY: Record<RiskTier, InspectionFrequency> = {
  A: { perYear: 1, intervalDays: 365, labelZh: '每年1次', labelEn: 'once a year' },
  B: { perYear: 2, intervalDays: 182, labelZh: '每半年1次', labelEn: 'every six months' },
  C: { perYear: 4, intervalDays: 91, labelZh: '每季度1次', labelEn: 'every quarter' },
  D: { perYear: 12, intervalDays: 30, labelZh: '每月1次', labelEn: 'every month' },
};

const DAY_MS = 86_400_000;

function dayNumber(d: DateInput, what: string): number {
  const ms = d instanceof Date ? d.getTime() : Date.parse(d);
  if (!Number.isFinite(ms)) throw new AnalyticsInputError(`${what} is not a valid date (${String(d)})`);
  return Math.floor(ms / DAY_MS);
}

function countWithin(dates: DateInput[], asOfDay: number, windowDays: number, what: string): number {
  let count = 0;
  dates.forEach((d, i) => {
    const before = asOfDay - dayNumber(d, `${what} ${i}`);
    if (before >= 0 && before < windowDays) count++;
  });
  return count;
}

function factor(key: RiskFactorKey, raw: number | boolean | null, strength: number): RiskFactor {
  const spec = RISK_FACTORS[key];
  const normalised = Math.max(0, Math.min(1, strength / spec.saturation));
  return { key, labelZh: spec.labelZh, labelEn: spec.labelEn, raw, normalised, weight: spec.weight, contribution: normalised * spec.weight };
}

const TIERS: RiskTier[] = ['A', 'B', 'C', 'D'];

function tierOf(score: number): RiskTier {
  let tier: RiskTier = 'A';
  for (const t of TIERS) if (score >= RISK_TIER_THRESHOLDS[t]) tier = t;
  return tier;
}

/**
 * Risk of one institution as of a date (clues and violations after `asOf` are ignored).
 * Unlicensed or blacklisted institutions are at least tier C whatever their score.
 */
export function institutionRisk(input: InstitutionRiskInput, asOf: DateInput): InstitutionRisk {
  const asOfDay = dayNumber(asOf, 'asOf');
  if (input.hotCellBin !== null && !(Number.isInteger(input.hotCellBin) && Math.abs(input.hotCellBin) <= 3)) {
    throw new AnalyticsInputError(`hotCellBin must be an integer from -3 to 3 or null, got ${input.hotCellBin}`);
  }
  const clues = countWithin(input.clueDates, asOfDay, RECENT_CLUE_WINDOW_DAYS, 'clue date');
  const violations = countWithin(input.violationDates, asOfDay, VIOLATION_WINDOW_DAYS, 'violation date');
  const flagged = !input.licensed || input.listStatus === 'black';
  const hotLevel = input.hotCellBin === null ? 0 : Math.max(0, input.hotCellBin);
  const daysSince = input.lastInspectionDate === null ? null : Math.max(0, asOfDay - dayNumber(input.lastInspectionDate, 'lastInspectionDate'));
  const factors = [
    factor('recent_clues', clues, clues),
    factor('violations', violations, violations),
    factor('unlicensed_or_blacklisted', flagged, flagged ? 1 : 0),
    factor('hot_cell', input.hotCellBin, hotLevel),
    // Never inspected counts as overdue at full strength.
    factor('days_since_inspection', daysSince, daysSince ?? RISK_FACTORS.days_since_inspection.saturation),
  ];
  const score = Math.round(factors.reduce((s, f) => s + f.contribution, 0) * 10) / 10;
  let tier = tierOf(score);
  const overrides: string[] = [];
  if (flagged && TIERS.indexOf(tier) < TIERS.indexOf('C')) {
    tier = 'C';
    overrides.push(!input.licensed ? 'unlicensed (无证无照) → at least tier C' : 'blacklisted (黑名单) → at least tier C');
  }
  const result: InstitutionRisk = {
    asOf: new Date(asOfDay * DAY_MS).toISOString().slice(0, 10),
    score,
    tier,
    frequency: INSPECTION_FREQUENCY[tier],
    factors,
    overrides,
  };
  if (input.id !== undefined) result.id = input.id;
  return result;
}

/** Risks of many institutions, highest score first (ties by id). */
export function rankInstitutionsByRisk(inputs: InstitutionRiskInput[], asOf: DateInput): InstitutionRisk[] {
  return inputs
    .map((input) => institutionRisk(input, asOf))
    .sort((a, b) => b.score - a.score || (a.id ?? '').localeCompare(b.id ?? ''));
}
