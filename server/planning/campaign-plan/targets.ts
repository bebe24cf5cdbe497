// The targets of a campaign (检查对象): the priority list (重点检查名单) with the reasons that put each institution on it,
// the area patrols of the hot grid cells, and the institutions of the registry draw.
import type { CampaignFocus, CampaignGoals, CheckItem } from '../../domain/campaign.js';
import { distanceMetres, type LonLat } from '../../domain/geodesy.js';
import { operatesWithoutLicence } from '../../domain/institution.js';
import type { targetReasonCodes, targetSources } from '../../contract/campaign-plans.js';
import { departmentMix, LEAD_DEPARTMENT, type InspectionTarget } from '../department-mix.js';
import type { PlanCell, PlanInstitution, PlannedTarget } from './types.js';

export type TargetReason = (typeof targetReasonCodes)[number];
export type TargetSource = (typeof targetSources)[number];

/** On-site minutes of an institution inspection (证照、场所、台账、十查). */
export const INSTITUTION_SERVICE_MINUTES = 20;
/** Violations on record that make a repeat offender. */
export const REPEAT_OFFENDER_VIOLATIONS = 2;
/** Clues within this distance of each other count together when looking for a cell's densest point. */
export const DENSEST_POINT_RADIUS_METRES = 150;

/** The bin a hot cell needs for the campaign's confidence: 3 for 99 %, 2 for 95 %. */
export const hotBinOf = (confidence: CampaignGoals['hotCellConfidence']): number => (confidence === 99 ? 3 : 2);

const Z_99 = 2.576;
const Z_999 = 3.29;

/**
 * Dwell minutes of an area patrol in a hot cell. Koper (1995, Justice Quarterly 12:649) found that a police stop in
 * a hot spot deters longest when it lasts about 10 to 15 minutes: shorter stops leave little residual deterrence,
 * longer ones add almost none. So the shortest effective stop, 10 minutes, in a 95 % cell; in a 99 % cell the stop
 * grows with z from 10 minutes at the threshold (z = 2.576) to the curve's 15 at z = 3.29 (p = 0.001) and beyond.
 */
export function hotCellDwellMinutes(z: number, bin: number): number {
  if (bin < 3) return 10;
  const t = Math.min(1, Math.max(0, (z - Z_99) / (Z_999 - Z_99)));
  return Math.round(10 + 5 * t);
}

/** The clue point with the most other clues within DENSEST_POINT_RADIUS_METRES (ties: the first); else the centre. */
export function densestPoint(points: readonly LonLat[], fallback: LonLat): LonLat {
  let best: LonLat = fallback;
  let bestCount = -1;
  for (const p of points) {
    let count = 0;
    for (const q of points) if (distanceMetres(p, q) <= DENSEST_POINT_RADIUS_METRES) count++;
    if (count > bestCount) {
      best = p;
      bestCount = count;
    }
  }
  return best;
}

export interface TargetSelectionInput {
  institutions: readonly PlanInstitution[];
  cells: readonly PlanCell[];
  focus: CampaignFocus;
  goals: CampaignGoals;
}

const inFocus = (focus: CampaignFocus) => (i: PlanInstitution) =>
  focus.institutionCategories.length === 0 || focus.institutionCategories.includes(i.category);

/** Hot cells at the campaign's confidence, and the ids of the cells that touch one (queen contiguity). */
export function hotCells(cells: readonly PlanCell[], goals: CampaignGoals): { hot: PlanCell[]; hotIds: Set<number>; nextToIds: Set<number> } {
  const minBin = hotBinOf(goals.hotCellConfidence);
  const hot = cells.filter((c) => c.bin >= minBin);
  const hotIds = new Set(hot.map((c) => c.id));
  const nextToIds = new Set<number>();
  for (const c of hot) for (const n of c.neighbours) if (!hotIds.has(n)) nextToIds.add(n);
  return { hot, hotIds, nextToIds };
}

/** Why an institution is on the priority list; empty when it is not. */
export function priorityReasons(i: PlanInstitution, hot: { hotIds: ReadonlySet<number>; nextToIds: ReadonlySet<number> }): TargetReason[] {
  const reasons: TargetReason[] = [];
  if (i.riskTier === 'D') reasons.push('tier_d');
  if (i.riskTier === 'C') reasons.push('tier_c');
  if (operatesWithoutLicence(i.status) && i.openClueCount > 0) reasons.push('unlicensed_open_clues');
  if (i.listStatus === 'black') reasons.push('blacklisted');
  if (i.violationCount >= REPEAT_OFFENDER_VIOLATIONS) reasons.push('repeat_offender');
  if (i.gridCellId !== null && hot.hotIds.has(i.gridCellId)) reasons.push('in_hot_cell');
  else if (i.gridCellId !== null && hot.nextToIds.has(i.gridCellId)) reasons.push('next_to_hot_cell');
  return reasons;
}

/**
 * Routing priorities (0–100; the solver drops the lowest first): the priority list 60–100 by the risk score, hot
 * cells 70 (99 %) or 55 (95 %), drawn institutions 20–50 by risk, so a draw never pushes out a priority target.
 */
export const targetPriority = {
  priority: (riskScore: number) => Math.round(60 + 0.4 * riskScore),
  hotCell: (bin: number) => (bin >= 3 ? 70 : 55),
  drawn: (riskScore: number) => Math.round(20 + 0.3 * riskScore),
};

const AREA_PATROL_CHECKS: readonly CheckItem[] = ['unlicensed', 'advertising'];

function inspectionOfInstitution(i: PlanInstitution): InspectionTarget {
  return {
    kind: 'institution',
    id: i.id,
    districtCode: i.districtCode,
    streetCode: i.streetCode ?? '',
    category: i.category,
    status: i.status,
    clueTypes: i.clueTypes,
    violationKinds: i.violationKinds,
  };
}

const otherDepartments = (t: InspectionTarget) => departmentMix(t).map((n) => n.departmentCode).filter((d) => d !== LEAD_DEPARTMENT);

export function institutionTarget(i: PlanInstitution, source: TargetSource, reasons: TargetReason[], focus: CampaignFocus): PlannedTarget {
  const inspection = inspectionOfInstitution(i);
  return {
    inspection,
    target: {
      key: `institution:${i.id}`,
      kind: 'institution',
      refId: i.id,
      districtCode: i.districtCode,
      streetCode: i.streetCode,
      name: i.name,
      address: i.address,
      creditCode: i.creditCode,
      location: i.location,
      source,
      reasons,
      priority: source === 'priority' ? targetPriority.priority(i.riskScore) : targetPriority.drawn(i.riskScore),
      serviceMinutes: INSTITUTION_SERVICE_MINUTES,
      opens: i.hours.weekday?.opens ?? null,
      closes: i.hours.weekday?.closes ?? null,
      weekendOpens: i.hours.weekend?.opens ?? null,
      weekendCloses: i.hours.weekend?.closes ?? null,
      riskTier: i.riskTier,
      departments: otherDepartments(inspection),
      checks: [...focus.checkItems],
      visits: 1,
    },
  };
}

export function cellTarget(c: PlanCell, focus: CampaignFocus, goals: CampaignGoals): PlannedTarget {
  const inspection: InspectionTarget = { kind: 'gridCell', id: c.id, districtCode: c.districtCode, streetCode: c.streetCode, clueTypes: c.clueTypes };
  const checks = focus.checkItems.filter((item) => AREA_PATROL_CHECKS.includes(item));
  return {
    inspection,
    target: {
      key: `gridCell:${c.id}`,
      kind: 'gridCell',
      refId: c.id,
      districtCode: c.districtCode,
      streetCode: c.streetCode,
      name: `网格 ${c.code}`,
      address: `网格 ${c.code} 片区巡查 / area patrol of grid cell ${c.code}`,
      creditCode: null,
      location: densestPoint(c.cluePoints, c.centre),
      source: 'hot_cell',
      reasons: [c.bin >= 3 ? 'hot_cell_99' : 'hot_cell_95'],
      priority: targetPriority.hotCell(c.bin),
      serviceMinutes: hotCellDwellMinutes(c.z, c.bin),
      opens: null,
      closes: null,
      weekendOpens: null,
      weekendCloses: null,
      riskTier: null,
      departments: otherDepartments(inspection),
      checks: checks.length ? checks : ['unlicensed'],
      visits: goals.hotCellVisits,
    },
  };
}

/**
 * The priority list (institutions of the focus categories with at least one reason, highest priority first) and
 * the area patrols of the hot cells (strongest first).
 */
export function selectTargets(input: TargetSelectionInput): { priority: PlannedTarget[]; hotCells: PlannedTarget[] } {
  const hot = hotCells(input.cells, input.goals);
  const priority = input.institutions
    .filter(inFocus(input.focus))
    .flatMap((i) => {
      const reasons = priorityReasons(i, hot);
      return reasons.length ? [institutionTarget(i, 'priority', reasons, input.focus)] : [];
    })
    .sort(byPriority);
  const cells = input.goals.hotCellVisits > 0 ? [...hot.hot].sort((a, b) => b.z - a.z || a.id - b.id).map((c) => cellTarget(c, input.focus, input.goals)) : [];
  return { priority, hotCells: cells };
}

export const byPriority = (a: PlannedTarget, b: PlannedTarget) =>
  b.target.priority - a.target.priority || a.target.kind.localeCompare(b.target.kind) || a.target.refId - b.target.refId;

/** The institutions the registry draw may take: the focus categories of the campaign's districts. */
export const drawRegistryOf = (institutions: readonly PlanInstitution[], focus: CampaignFocus) => institutions.filter(inFocus(focus));
