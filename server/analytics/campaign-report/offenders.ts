import type { CampaignReport } from '../../contract/campaign-report.js';
import { NON_COMPLIANT_RESULTS, suggestListStatusAfterInspections } from '../../domain/list-status.js';
import { shanghaiDate, type IsoDate } from '../../domain/time.js';
import type { ReportCheckIn, ReportInstitution } from './input.js';

// Repeat offenders (屡查屡犯) and the 黑白名单 suggestions, from the confirmed check-ins: a 待确认 record is not yet the
// two officers' finding, and neither a repeat offence nor a list status rests on one officer's word.

/** Results that were an inspection (not 未营业 / 无法进入). */
export const inspected = (c: ReportCheckIn): boolean => c.result !== 'not_open' && c.result !== 'no_entry';

const institutionIdOf = (targetKey: string): number | null => {
  const m = /^institution:(\d+)$/.exec(targetKey);
  return m ? Number(m[1]) : null;
};

/** Confirmed check-ins per institution id, oldest first. */
export function confirmedByInstitution(checkIns: readonly ReportCheckIn[]): Map<number, ReportCheckIn[]> {
  const by = new Map<number, ReportCheckIn[]>();
  for (const c of checkIns) {
    const id = institutionIdOf(c.targetKey);
    if (id === null || !c.cosigned) continue;
    by.set(id, [...(by.get(id) ?? []), c]);
  }
  for (const list of by.values()) list.sort((a, b) => a.checkedAt.getTime() - b.checkedAt.getTime() || a.id - b.id);
  return by;
}

/**
 * A repeat offender: an institution with a confirmed non-compliant result (责令整改, 立案, 取缔) in the campaign that had a
 * violation recorded before the campaign began, or with two confirmed non-compliant results in the campaign.
 */
export function repeatOffenders(institutions: readonly ReportInstitution[], confirmed: ReadonlyMap<number, ReportCheckIn[]>, startsOn: IsoDate): CampaignReport['repeatOffenders'] {
  const out: CampaignReport['repeatOffenders'] = [];
  for (const i of institutions) {
    const bad = (confirmed.get(i.id) ?? []).filter((c) => NON_COMPLIANT_RESULTS.has(c.result));
    if (bad.length === 0) continue;
    const prior = i.violations.filter((v) => v.on < startsOn).map((v) => v.on).sort();
    const reasons: CampaignReport['repeatOffenders'][number]['reasons'] = [];
    if (prior.length > 0) reasons.push('prior_violation');
    if (bad.length >= 2) reasons.push('two_non_compliant');
    if (reasons.length === 0) continue;
    out.push({
      institutionId: i.id,
      name: i.name,
      creditCode: i.creditCode,
      districtCode: i.districtCode,
      reasons,
      results: bad.map((c) => c.result),
      priorViolations: prior.length,
      lastPriorViolation: prior.at(-1) ?? null,
    });
  }
  return out.sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.institutionId - b.institutionId);
}

/**
 * The list status the next publication should give each inspected institution, where it differs from its current one
 * (server/domain/list-status.ts): the campaign's confirmed inspections next to the violations recorded before it (the
 * ones recorded during it may be these same findings, and are not counted twice).
 */
export function listSuggestions(
  institutions: readonly ReportInstitution[],
  confirmed: ReadonlyMap<number, ReportCheckIn[]>,
  startsOn: IsoDate,
  asOf: Date,
): CampaignReport['listSuggestions'] {
  const out: CampaignReport['listSuggestions'] = [];
  for (const i of institutions) {
    const outcomes = (confirmed.get(i.id) ?? []).filter(inspected).map((c) => ({ result: c.result, on: shanghaiDate(c.checkedAt) }));
    if (outcomes.length === 0) continue;
    const prior = i.violations.filter((v) => v.on < startsOn).map((v) => v.on);
    const suggestion = suggestListStatusAfterInspections({ status: i.status, violationDates: prior, lastInspectedOn: i.lastInspectedOn }, outcomes, asOf);
    if (suggestion.status === i.listStatus) continue;
    out.push({ institutionId: i.id, name: i.name, creditCode: i.creditCode, districtCode: i.districtCode, current: i.listStatus, suggested: suggestion.status, reasons: suggestion.reasons });
  }
  return out.sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.institutionId - b.institutionId);
}
