// 黑白名单 (published monthly, 一月一公布): which list an institution belongs on, with the reasons a clerk can read
// back. The published status is what the registry holds; this rule is what the next publication should say.

import { mayOperate } from './institution.js';
import { calendarDaysBetween, countInDayWindow, type IsoDate } from './time.js';
import type { CheckInResult, InstitutionStatus, ListStatus } from './vocabulary.js';

/** Violations counted towards the black list: those of the last three years (the risk score's window too). */
export const LIST_VIOLATION_WINDOW_DAYS = 3 * 365;
/** This many violations within the window put a licensed provider on the black list (屡教不改). */
export const BLACK_LIST_VIOLATIONS = 3;
/** An operator without licence goes on the black list from this many violations (caught again after 责令整改). */
export const BLACK_LIST_VIOLATIONS_WITHOUT_LICENCE = 2;
/** The white list needs an inspection this recent. */
export const WHITE_LIST_INSPECTION_DAYS = 365;

export interface ListStatusInput {
  status: InstitutionStatus;
  /** Dates of recorded violations. */
  violationDates: readonly (Date | IsoDate)[];
  lastInspectedOn: IsoDate | null;
}

/** Why an institution is on a list, as data: the publication words it for the public (list-publication.ts). */
export type ListReason =
  | { code: 'revoked' }
  | { code: 'repeated_violations'; count: number; threshold: number }
  | { code: 'banned'; on: IsoDate }
  | { code: 'compliant' };

export interface ListStatusSuggestion {
  status: ListStatus;
  /** The reasons in a clerk's words, zh-CN / en. */
  reasons: string[];
  /** The same reasons as data, one per entry of `reasons`. */
  codes: ListReason[];
}

/**
 * Black: licence revoked (取缔), or repeated violations (three in three years; two for an operator without licence).
 * White: may operate, no violation in three years, and inspected within the last year. Otherwise on neither list.
 */
export function suggestListStatus(input: ListStatusInput, asOf: Date | IsoDate): ListStatusSuggestion {
  const violations = countInDayWindow(input.violationDates, asOf, LIST_VIOLATION_WINDOW_DAYS);
  if (input.status === 'revoked') return { status: 'black', reasons: ['办学许可已吊销 / licence revoked'], codes: [{ code: 'revoked' }] };
  const threshold = mayOperate(input.status) ? BLACK_LIST_VIOLATIONS : BLACK_LIST_VIOLATIONS_WITHOUT_LICENCE;
  if (violations >= threshold) {
    return {
      status: 'black',
      reasons: [`近三年违规 ${violations} 次（≥ ${threshold}）/ ${violations} violations in three years (≥ ${threshold})`],
      codes: [{ code: 'repeated_violations', count: violations, threshold }],
    };
  }
  const inspectedDaysAgo = input.lastInspectedOn === null ? null : calendarDaysBetween(input.lastInspectedOn, asOf);
  if (mayOperate(input.status) && violations === 0 && inspectedDaysAgo !== null && inspectedDaysAgo >= 0 && inspectedDaysAgo < WHITE_LIST_INSPECTION_DAYS) {
    return {
      status: 'white',
      reasons: ['持证经营、近三年无违规、一年内检查合格 / licensed, no violation in three years, inspected within a year'],
      codes: [{ code: 'compliant' }],
    };
  }
  return { status: 'none', reasons: [], codes: [] };
}

/** Inspection results that establish a violation (检查发现违规): ordered to rectify, a case opened, banned. */
export const NON_COMPLIANT_RESULTS: ReadonlySet<CheckInResult> = new Set(['rectify', 'case', 'banned']);

export interface InspectionOutcome {
  result: CheckInResult;
  /** The inspection's Shanghai date. */
  on: IsoDate;
}

/**
 * What the next publication should say after a round of inspections: 取缔 (an unlicensed operation banned) puts the
 * operator on the black list at once; otherwise each non-compliant result counts as a violation on its day, next to the
 * recorded ones, so that a repeated 责令整改 reaches the black list's threshold, and the latest inspection is the last
 * inspected date (a compliant one can earn the white list).
 */
export function suggestListStatusAfterInspections(input: ListStatusInput, outcomes: readonly InspectionOutcome[], asOf: Date | IsoDate): ListStatusSuggestion {
  const banned = outcomes.find((o) => o.result === 'banned');
  if (banned) return { status: 'black', reasons: [`${banned.on} 取缔无证经营 / unlicensed operation banned on ${banned.on}`], codes: [{ code: 'banned', on: banned.on }] };
  const violationDates = [...input.violationDates, ...outcomes.filter((o) => NON_COMPLIANT_RESULTS.has(o.result)).map((o) => o.on)];
  const latest = outcomes.reduce<IsoDate | null>((last, o) => (last === null || o.on > last ? o.on : last), input.lastInspectedOn);
  return suggestListStatus({ status: input.status, violationDates, lastInspectedOn: latest }, asOf);
}
