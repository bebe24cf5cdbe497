// What the campaign planner reads, gathered by the service from the stored data: plain values, no rows.
import type { LonLat } from '../../domain/geodesy.js';
import type { RiskTier } from '../../domain/risk.js';
import type { IsoDate } from '../../domain/time.js';
import type { InstitutionCategory, InstitutionStatus, ListStatus, SuspectedType, ViolationKind } from '../../domain/vocabulary.js';
import type { CampaignPlanTarget } from '../../contract/campaign-plans.js';
import type { InspectionTarget } from '../department-mix.js';

/** HH:MM opening and closing time. */
export interface ClockRange {
  opens: string;
  closes: string;
}

export interface PlanInstitution {
  id: number;
  districtCode: string;
  streetCode: string | null;
  name: string;
  address: string;
  creditCode: string | null;
  location: LonLat;
  category: InstitutionCategory;
  status: InstitutionStatus;
  listStatus: ListStatus;
  riskTier: RiskTier;
  riskScore: number;
  /** Violations on record in the risk score's window. */
  violationCount: number;
  violationKinds: ViolationKind[];
  /** Clues about it that are not closed or rejected. */
  openClueCount: number;
  /** Suspected types of the clues about it. */
  clueTypes: SuspectedType[];
  gridCellId: number | null;
  lastInspectedOn: IsoDate | null;
  hours: { weekday: ClockRange | null; weekend: ClockRange | null };
}

export interface PlanCell {
  id: number;
  code: string;
  districtCode: string;
  streetCode: string;
  /** A point on the cell (its centre, or on the surface when the centre falls outside). */
  centre: LonLat;
  /** Gi* of the focus clue types in the cell and its neighbours, and its FDR confidence bin (±3 = 99 %, ±2 = 95 %). */
  z: number;
  bin: number;
  /** Queen-contiguous cells (ids). */
  neighbours: number[];
  /** Locations of the focus clues in the cell. */
  cluePoints: LonLat[];
  clueTypes: SuspectedType[];
}

/** A target with what the planner needs beyond the contract's view of it. */
export interface PlannedTarget {
  target: CampaignPlanTarget;
  inspection: InspectionTarget;
}
