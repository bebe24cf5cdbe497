// Institution risk score for risk-differentiated supervision (差异化监管, Hangzhou plan §二(三)): a weighted sum of five
// explainable factors, each scaled to 0–1, so the score is 0–100 and every point can be traced to a factor. Tier A
// (低风险, lowest) … D (高风险, highest) sets the recommended inspection frequency. The one score of the product: the
// risk pages, the patrol planner's priorities and the campaign draw weights all read it. Days are Shanghai calendar
// days. docs/analytics.md shows the table below with its reasons.

import { DomainInputError } from './errors.js';
import { operatesWithoutLicence } from './institution.js';
import { LIST_VIOLATION_WINDOW_DAYS } from './list-status.js';
import { calendarDaysBetween, countInDayWindow, isIsoDate, shanghaiDate, type IsoDate } from './time.js';
import type { ClueStatus, InstitutionStatus, ListStatus } from './vocabulary.js';

export type DateInput = IsoDate | Date;

/** A clue near the institution or linked to it: when it was reported and how far the clue loop has taken it. */
export type RiskClue = { reportedAt: DateInput; status: ClueStatus };

/**
 * Clues count for the risk score once verified (核查属实): verified, or closed after verification. A clue still being
 * handled says only that someone reported something, and a rejected one (不予受理 / 查无实据) was found to be nothing,
 * so neither raises an institution's score, its tier or its weight in the 双随机 draws.
 */
export const RISK_CLUE_STATUSES: readonly ClueStatus[] = ['verified', 'closed'];
export const countsForRisk = (clue: RiskClue): boolean => RISK_CLUE_STATUSES.includes(clue.status);

export type InstitutionRiskInput = {
  id?: string;
  /** Clues (线索) within RISK_CLUE_RADIUS_METRES of the institution or linked to it; only verified ones count. */
  clues: RiskClue[];
  /** Dates of recorded violations (违规记录). */
  violationDates: DateInput[];
  status: InstitutionStatus;
  /** Published list status (黑白名单). */
  listStatus: ListStatus;
  /** FDR-corrected Gi* bin (−3…+3) of the grid cell the institution lies in; null when unknown. */
  hotCellBin: number | null;
  /** Date of the last inspection; null when never inspected. */
  lastInspectionDate: DateInput | null;
};

export const riskFactorKeys = ['recent_clues', 'violations', 'unlicensed_or_blacklisted', 'hot_cell', 'days_since_inspection'] as const;
export type RiskFactorKey = (typeof riskFactorKeys)[number];

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

export const riskTiers = ['A', 'B', 'C', 'D'] as const;
export type RiskTier = (typeof riskTiers)[number];

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

/** Clues count for the risk score when reported in the last 90 days … */
export const RECENT_CLUE_WINDOW_DAYS = 90;
/** … within this distance of the institution (or linked to it by the clue). */
export const RISK_CLUE_RADIUS_METRES = 500;
export const VIOLATION_WINDOW_DAYS = LIST_VIOLATION_WINDOW_DAYS;

/** Factor weights (points) and the raw value at which each factor reaches full strength. */
export const RISK_FACTORS: Record<RiskFactorKey, { weight: number; saturation: number; labelZh: string; labelEn: string }> = {
  recent_clues: { weight: 30, saturation: 5, labelZh: '近90天周边或关联的核实线索数', labelEn: 'Verified clues nearby or linked, last 90 days' },
  violations: { weight: 25, saturation: 3, labelZh: '近三年违规记录数', labelEn: 'Violations, last 3 years' },
  unlicensed_or_blacklisted: { weight: 20, saturation: 1, labelZh: '无证无照、停业整顿、已吊销或列入黑名单', labelEn: 'Without a valid licence, or blacklisted' },
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

/** The Shanghai date of a date or instant; an ISO instant string counts as that instant. */
function dateOf(d: DateInput, field: string): IsoDate {
  if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)) {
    if (isIsoDate(d)) return d;
  } else {
    const instant = d instanceof Date ? d : new Date(d);
    if (Number.isFinite(instant.getTime())) return shanghaiDate(instant);
  }
  throw new DomainInputError([{ path: field, message: `not a valid date (${String(d)})` }]);
}

const datesOf = (dates: DateInput[], field: string): IsoDate[] => dates.map((d, i) => dateOf(d, `${field}[${i}]`));

function factor(key: RiskFactorKey, raw: number | boolean | null, strength: number): RiskFactor {
  const spec = RISK_FACTORS[key];
  const normalised = Math.max(0, Math.min(1, strength / spec.saturation));
  return { key, labelZh: spec.labelZh, labelEn: spec.labelEn, raw, normalised, weight: spec.weight, contribution: normalised * spec.weight };
}

const TIERS: readonly RiskTier[] = riskTiers;

function tierOf(score: number): RiskTier {
  let tier: RiskTier = 'A';
  for (const t of TIERS) if (score >= RISK_TIER_THRESHOLDS[t]) tier = t;
  return tier;
}

/**
 * Risk of one institution as of a date (clues and violations after `asOf` are ignored).
 * Institutions without a valid licence (see mayOperate) or blacklisted are at least tier C whatever their score.
 */
export function institutionRisk(input: InstitutionRiskInput, asOf: DateInput): InstitutionRisk {
  const asOfDate = dateOf(asOf, 'asOf');
  if (input.hotCellBin !== null && !(Number.isInteger(input.hotCellBin) && Math.abs(input.hotCellBin) <= 3)) {
    throw new DomainInputError([{ path: 'hotCellBin', message: `must be an integer from -3 to 3 or null, got ${input.hotCellBin}` }]);
  }
  const clueDates = input.clues.map((c, i) => dateOf(c.reportedAt, `clues[${i}].reportedAt`));
  const clues = countInDayWindow(clueDates.filter((_, i) => countsForRisk(input.clues[i])), asOfDate, RECENT_CLUE_WINDOW_DAYS);
  const violations = countInDayWindow(datesOf(input.violationDates, 'violationDates'), asOfDate, VIOLATION_WINDOW_DAYS);
  const withoutLicence = operatesWithoutLicence(input.status);
  const flagged = withoutLicence || input.listStatus === 'black';
  const hotLevel = input.hotCellBin === null ? 0 : Math.max(0, input.hotCellBin);
  const daysSince =
    input.lastInspectionDate === null ? null : Math.max(0, calendarDaysBetween(dateOf(input.lastInspectionDate, 'lastInspectionDate'), asOfDate));
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
    overrides.push(withoutLicence ? `without a valid licence (${input.status}) → at least tier C` : 'blacklisted (黑名单) → at least tier C');
  }
  const result: InstitutionRisk = {
    asOf: asOfDate,
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
