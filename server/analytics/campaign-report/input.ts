import type { CampaignPlanTarget, CampaignPlanTeam } from '../../contract/campaign-plans.js';
import type { CampaignStatus, CampaignType, CheckItem } from '../../domain/campaign.js';
import type { IsoDate } from '../../domain/time.js';
import type { CheckFinding, CheckInResult, ClueStatus, InstitutionStatus, ListStatus, ViolationKind } from '../../domain/vocabulary.js';
import type { SpatialWeights } from '../weights/types.js';

// What the after-action report is computed from: the campaign, its stored plan, the check-ins of its teams, and the
// history of the institutions it visited; all read by the service, nothing here reads anything.

export interface ReportCampaign {
  id: number;
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export interface ReportCheckIn {
  id: number;
  teamId: string;
  targetKey: string;
  districtCode: string;
  result: CheckInResult;
  findings: readonly { item: CheckItem; finding: CheckFinding }[];
  /** The device's time of the check-in. */
  checkedAt: Date;
  /** 双人执法: co-signed by the second officer; otherwise 待确认. */
  cosigned: boolean;
}

/** An institution the plan targets, with its registry state and its recorded violations (all dates). */
export interface ReportInstitution {
  id: number;
  name: string;
  creditCode: string | null;
  districtCode: string;
  status: InstitutionStatus;
  listStatus: ListStatus;
  lastInspectedOn: IsoDate | null;
  violations: readonly { on: IsoDate; kind: ViolationKind }[];
}

/** A clue linked to an institution the plan targets. */
export interface ReportClue {
  id: number;
  institutionId: number;
  status: ClueStatus;
  reportedAt: Date;
}

/** One district's grid cells, their weights (queen contiguity) and the focus clue counts of each period. */
export interface ReportCellPeriods {
  districtCode: string;
  cellIds: ArrayLike<number>;
  codes: readonly string[];
  weights: SpatialWeights;
  before: ArrayLike<number>;
  during: ArrayLike<number>;
  /** null while the after period has not begun. */
  after: ArrayLike<number> | null;
}

export interface CampaignReportInput {
  campaign: ReportCampaign;
  /** The districts to report, ascending (a district account: its own). */
  districtCodes: readonly string[];
  plan: { targets: readonly CampaignPlanTarget[]; teams: readonly CampaignPlanTeam[] };
  checkIns: readonly ReportCheckIn[];
  institutions: readonly ReportInstitution[];
  /** Violations dated within the campaign, of institutions of the reported districts. */
  violationsDuring: readonly { districtCode: string; kind: ViolationKind }[];
  clues: readonly ReportClue[];
  cells: readonly ReportCellPeriods[];
  /** The report's clock: the after period is partial until it has passed. */
  asOf: Date;
}
