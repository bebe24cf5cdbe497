import type { CampaignPlanTarget, CampaignPlanTeam } from '../../contract/campaign-plans.js';
import type { PublicResult } from '../../contract/campaign-report.js';
import { shanghaiDate } from '../../domain/time.js';
import type { CheckInResult } from '../../domain/vocabulary.js';

// 一公开: the result list a closed campaign publishes. Only what may be published goes in: the task, the object (an
// institution's name and credit code, or a grid cell's patrol area), the result, the date and the inspecting
// authority (the team's departments, and the certificate numbers of the two officers who signed). No officer's name,
// no reporter, no notes, no photos, no position: a row is built from named fields only, never copied from a record.

export interface PublicCheckIn {
  teamId: string;
  targetKey: string;
  result: CheckInResult;
  checkedAt: Date;
  recordedByOfficer: number;
  cosignedByOfficer: number | null;
}

export interface PublicNames {
  campaign: string;
  district: (code: string) => string;
  /** A department as it signs after the district's name (教育局 → 静安区教育局). */
  department: (code: string) => string;
  resultLabel: (result: CheckInResult) => string;
  gridArea: string;
}

/**
 * The public rows: one per confirmed (co-signed) check-in — a 待确认 record is not yet a result of the two officers —
 * in date, district and object order.
 */
export function publicResultsOf(
  plan: { targets: readonly CampaignPlanTarget[]; teams: readonly CampaignPlanTeam[] },
  checkIns: readonly PublicCheckIn[],
  names: PublicNames,
): PublicResult[] {
  const targets = new Map(plan.targets.map((t) => [t.key, t]));
  const teams = new Map(plan.teams.map((t) => [t.id, t]));
  const rows: PublicResult[] = [];
  for (const c of checkIns) {
    if (c.cosignedByOfficer === null) continue;
    const target = targets.get(c.targetKey);
    const team = teams.get(c.teamId);
    if (!target || !team) continue;
    const certificate = (officerId: number) => team.members.find((m) => m.officerId === officerId)?.certificateNo;
    const departments = [...new Set(team.members.map((m) => m.departmentCode))].sort();
    const district = names.district(team.districtCode);
    rows.push({
      task: names.campaign,
      object: target.kind === 'institution' ? target.name : `${target.name}（${names.gridArea}）`,
      objectKind: target.kind,
      creditCode: target.kind === 'institution' ? target.creditCode : null,
      district,
      result: c.result,
      resultLabel: names.resultLabel(c.result),
      date: shanghaiDate(c.checkedAt),
      authority: departments.map((d) => `${district}${names.department(d)}`).join('、'),
      certificates: [certificate(c.recordedByOfficer), certificate(c.cosignedByOfficer)].filter((n): n is string => n !== undefined),
    });
  }
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.district.localeCompare(b.district) || a.object.localeCompare(b.object));
}
