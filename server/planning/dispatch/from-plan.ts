import type { CampaignPlan, CampaignPlanTarget, CampaignPlanTeam } from '../../contract/campaign-plans.js';
import type { CampaignDefinition } from '../../domain/campaign.js';
import { shanghaiDate } from '../../domain/time.js';
import { STANDARD_LEGAL_BASIS } from './legal-basis.js';
import type { DispatchSheet, DispatchStop, DrawNotice } from './schema.js';

// A stored campaign plan as the papers it hands out: one dispatch sheet (派单) per team and shift that has stops, and
// the 一公开 notice of its registry draw. Pure, so the server's PDF and exports and the browser's print view are made
// from the same sheets.

/** Printed names the plan keeps as codes. */
export interface DispatchNames {
  /** 黄浦区 for 310101. */
  district: (code: string) => string;
  /** The department's own name without the district, 教育局 for education. */
  department: (code: string) => string;
}

export interface SheetFilter {
  district?: string;
  date?: string;
  team?: string;
}

const stopOf = (target: CampaignPlanTarget, stop: CampaignPlanTeam['stops'][number], fallbackChecks: CampaignDefinition['focus']['checkItems']): DispatchStop => ({
  kind: target.kind,
  name: target.name,
  address: target.address,
  creditCode: target.creditCode,
  location: target.location,
  eta: stop.eta,
  departure: stop.departure,
  reason: target.source,
  checks: target.checks.length > 0 ? target.checks : fallbackChecks,
});

export function dispatchSheetsOf(plan: CampaignPlan, definition: Pick<CampaignDefinition, 'name' | 'type' | 'focus'>, names: DispatchNames, filter: SheetFilter = {}): DispatchSheet[] {
  const targets = new Map(plan.targets.map((t) => [t.key, t]));
  const shifts = new Map(plan.shifts.map((s) => [s.id, s]));
  const fallbackChecks = definition.focus.checkItems.length > 0 ? definition.focus.checkItems : (['unlicensed'] as const).slice();
  return plan.teams
    .filter((team) => team.stops.length > 0)
    .filter((team) => (!filter.district || team.districtCode === filter.district) && (!filter.date || team.date === filter.date) && (!filter.team || team.id === filter.team))
    .map((team) => {
      const shift = shifts.get(team.shiftId);
      if (!shift) throw new Error(`plan inconsistent: team ${team.id} names shift ${team.shiftId}, which the plan does not have`);
      const districtName = names.district(team.districtCode);
      const leader = team.members.find((m) => m.lead) ?? team.members[0];
      return {
        campaign: { name: definition.name, type: definition.type },
        district: { code: team.districtCode, name: districtName },
        date: team.date,
        shift: { start: shift.start, end: shift.end },
        team: { label: team.label },
        members: team.members.map((m) => ({ name: m.name, department: `${districtName}${names.department(m.departmentCode)}`, certificateNo: m.certificateNo })),
        stops: team.stops.map((stop) => {
          const target = targets.get(stop.targetKey);
          if (!target) throw new Error(`plan inconsistent: team ${team.id} visits ${stop.targetKey}, which is not a target`);
          return stopOf(target, stop, fallbackChecks);
        }),
        route: { base: team.base, line: team.line },
        legalBasis: [...STANDARD_LEGAL_BASIS],
        signature: { teamLeader: leader?.name ?? '', members: team.members.filter((m) => m !== leader).map((m) => m.name), date: null },
      };
    });
}

/**
 * The 一公开 notice of the plan's registry draw: the drawn objects in draw order, the seed with its commitment and the
 * pool's hash. A campaign of one district publishes as that district's bureau; one of several as the city's.
 */
export function drawNoticeOf(plan: CampaignPlan, definition: Pick<CampaignDefinition, 'name' | 'districts'>, names: DispatchNames & { cityBureau: string }): DrawNotice {
  const targets = new Map(plan.targets.map((t) => [t.key, t]));
  const single = definition.districts.length === 1 ? definition.districts[0] : null;
  const objects = plan.draw.drawnKeys.map((key) => {
    const target = targets.get(key);
    if (!target) throw new Error(`plan inconsistent: the draw names ${key}, which is not a target`);
    return { name: target.name, creditCode: target.creditCode, address: target.address };
  });
  return {
    taskName: definition.name,
    publisher: single ? `${names.district(single)}${names.department('education')}` : names.cityBureau,
    district: single ? { code: single, name: names.district(single) } : null,
    drawnOn: shanghaiDate(new Date(plan.createdAt)),
    method: plan.draw.weighting === 'uniform' ? 'uniform' : 'weighted',
    ratio: plan.draw.ratio > 0 ? plan.draw.ratio : objects.length / Math.max(1, plan.draw.poolSize),
    poolSize: plan.draw.poolSize,
    seed: plan.draw.seed,
    seedCommitment: plan.draw.seedCommitment,
    poolHash: plan.draw.poolHash,
    objects,
  };
}
