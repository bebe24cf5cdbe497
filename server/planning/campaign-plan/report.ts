// What the plan tells about itself: each officer's shifts and stops and how evenly they are spread, how far the
// campaign's goals are met, and the plan-wide warnings.
import { shanghaiDistrict } from '../../domain/districts.js';
import type { CampaignPlan, CampaignPlanTarget, CampaignPlanTeam, CampaignPlanUnassigned } from '../../contract/campaign-plans.js';
import type { CampaignGoals } from '../../domain/campaign.js';
import { loadSpread } from '../load.js';
import { LEAD_DEPARTMENT } from '../department-mix.js';
import type { PlanOfficer } from './teams.js';

export function loadOf(officers: readonly PlanOfficer[], teams: readonly CampaignPlanTeam[], districts: readonly string[], firstDate: string): CampaignPlan['load'] {
  const inPlan = new Set(districts);
  const loads = new Map<number, CampaignPlan['load']['officers'][number]>();
  for (const o of officers) {
    // Those who could have been drawn: of a district of the plan and certified on its first day at least.
    if (inPlan.has(o.districtCode) && o.certificateExpiresOn >= firstDate)
      loads.set(o.id, { officerId: o.id, name: o.name, departmentCode: o.departmentCode, districtCode: o.districtCode, shifts: 0, stops: 0 });
  }
  for (const team of teams) {
    if (team.stops.length === 0) continue;
    for (const m of team.members) {
      const load = loads.get(m.officerId);
      if (!load) continue;
      load.shifts++;
      load.stops += team.stops.length;
    }
  }
  const list = [...loads.values()].sort((a, b) => b.shifts - a.shifts || b.stops - a.stops || a.officerId - b.officerId);
  const round = (s: ReturnType<typeof loadSpread>) => ({ ...s, gini: Math.round(s.gini * 1000) / 1000, maxMinRatio: s.maxMinRatio === null ? null : Math.round(s.maxMinRatio * 100) / 100 });
  return { officers: list, shifts: round(loadSpread(list.map((l) => l.shifts))), stops: round(loadSpread(list.map((l) => l.stops))) };
}

export interface GoalInput {
  goals: CampaignGoals;
  targets: readonly CampaignPlanTarget[];
  teams: readonly CampaignPlanTeam[];
  /** Tier-D institutions of the focus in the campaign's districts. */
  highestTierCount: number;
  drawPoolSize: number;
}

export function goalsOf(input: GoalInput): CampaignPlan['goals'] {
  const served = new Map<string, number>();
  for (const team of input.teams) for (const stop of team.stops) served.set(stop.targetKey, (served.get(stop.targetKey) ?? 0) + 1);
  const count = (pick: (t: CampaignPlanTarget) => boolean) => input.targets.filter((t) => pick(t) && served.has(t.key)).length;
  const goals: CampaignPlan['goals'] = [];
  if (input.goals.coverTierA) {
    // The highest tier of the risk score is D (高风险); the goal covers it (see docs/campaigns.md).
    const planned = count((t) => t.riskTier === 'D');
    goals.push({ goal: 'coverTierA', target: input.highestTierCount, planned, met: planned >= input.highestTierCount });
  }
  const drawn = count((t) => t.source === 'random_draw');
  const percent = input.drawPoolSize ? Math.round((drawn / input.drawPoolSize) * 10_000) / 100 : 0;
  // Rounding of the strata may draw a little under the ratio: half a unit in each stratum at most.
  goals.push({ goal: 'drawPercent', target: input.goals.drawPercent, planned: percent, met: input.drawPoolSize === 0 || percent >= input.goals.drawPercent - 0.5 });
  const cells = input.targets.filter((t) => t.kind === 'gridCell');
  const visits = cells.reduce((sum, t) => sum + Math.min(t.visits, served.get(t.key) ?? 0), 0);
  const wanted = cells.reduce((sum, t) => sum + t.visits, 0);
  goals.push({ goal: 'hotCellVisits', target: wanted, planned: visits, met: visits >= wanted });
  return goals;
}

// Words of the plan-wide notices, zh-CN / English as every message of the kernel.
const GOAL_WORDS: Record<string, [string, string]> = {
  coverTierA: ['高风险（D级）机构全覆盖', 'every high-risk (tier D) institution inspected'],
  drawPercent: ['随机抽取比例（%）', 'share of the registry drawn and routed (%)'],
  hotCellVisits: ['热点网格巡查次数', 'hot cell patrols'],
};
const REASON_WORDS: Record<CampaignPlanUnassigned['reason'], [string, string]> = {
  no_shift: ['无可用班次', 'no shift left'],
  no_team: ['无法组队', 'no joint team'],
  no_room: ['各组时间已排满', 'teams full'],
  time_window: ['营业时间与班次不符', 'opening hours'],
  skills: ['缺少所需部门', 'departments missing'],
  max_tasks: ['达到每组点位上限', 'stop cap reached'],
  capacity: ['超出容量', 'capacity'],
  shift_length: ['班次时长不足', 'shift too short'],
  unreachable: ['无法到达', 'unreachable'],
};
const districtWords = (code: string): [string, string] => {
  const d = shanghaiDistrict(code);
  return d ? [d.name, d.nameEn] : [code, code];
};

/** Plan-wide notices: districts without officers to send, goals not met, what stayed unassigned. */
export function warningsOf(input: {
  districts: readonly string[];
  officers: readonly PlanOfficer[];
  firstDate: string;
  lastDate: string;
  goals: CampaignPlan['goals'];
  unassigned: readonly CampaignPlanUnassigned[];
  hotCellCount: number;
}): string[] {
  const warnings: string[] = [];
  for (const district of input.districts) {
    const [zh, en] = districtWords(district);
    const registered = input.officers.filter((o) => o.districtCode === district);
    const valid = registered.filter((o) => o.certificateExpiresOn >= input.firstDate);
    if (registered.length === 0) warnings.push(`${zh}名录库中无执法人员，无法组队 / no officer registered in ${en}: no team can be formed`);
    else if (valid.length === 0)
      warnings.push(`${zh}的 ${registered.length} 名执法人员执法证均已过期 / all ${registered.length} officers of ${en} have expired certificates`);
    else {
      if (!valid.some((o) => o.departmentCode === LEAD_DEPARTMENT))
        warnings.push(`${zh}无持证有效的教育部门人员牵头 / no certified education officer in ${en} to lead a team`);
      const expiring = valid.filter((o) => o.certificateExpiresOn < input.lastDate).length;
      if (expiring) warnings.push(`${zh}有 ${expiring} 名执法人员的执法证在行动期间到期 / ${expiring} certificate(s) in ${en} expire during the campaign`);
    }
  }
  for (const g of input.goals) {
    if (g.met) continue;
    const [zh, en] = GOAL_WORDS[g.goal] ?? [g.goal, g.goal];
    warnings.push(`目标未达成：${zh}，计划 ${g.planned}，目标 ${g.target} / goal not met: ${en}, planned ${g.planned} of ${g.target}`);
  }
  if (input.hotCellCount === 0) warnings.push('未发现达到置信度的热点网格 / no grid cell is hot at the campaign\'s confidence');
  const byReason = new Map<string, number>();
  for (const u of input.unassigned) byReason.set(u.reason, (byReason.get(u.reason) ?? 0) + 1);
  if (byReason.size)
    warnings.push(
      `${input.unassigned.length} 处检查未排入路线（${[...byReason].map(([r, n]) => `${REASON_WORDS[r as CampaignPlanUnassigned['reason']][0]} ${n}`).join('，')}） / ` +
        `${input.unassigned.length} visit(s) unassigned (${[...byReason].map(([r, n]) => `${REASON_WORDS[r as CampaignPlanUnassigned['reason']][1]} ${n}`).join(', ')})`,
    );
  return warnings;
}
