import type { CampaignFocus, CampaignGoals } from '../../../../server/domain/campaign.js';
import type { PlanCell, PlanInstitution, PlanOfficer, PlanShift } from '../../../../server/planning/campaign-plan/index.js';
import { campaignShifts } from '../../../../server/planning/campaign-shifts.js';

export const DISTRICT = '310107';
export const focus: CampaignFocus = { institutionCategories: [], suspectedTypes: [], checkItems: ['unlicensed', 'safety', 'licences'] };
export const goals: CampaignGoals = { coverTierA: true, drawPercent: 5, hotCellVisits: 2, hotCellConfidence: 95 };

export function institution(id: number, overrides: Partial<PlanInstitution> = {}): PlanInstitution {
  return {
    id,
    districtCode: DISTRICT,
    streetCode: '310107001',
    name: `机构${id}`,
    address: `地址${id}`,
    creditCode: null,
    location: [121.4 + id * 0.001, 31.25],
    category: '文化艺术',
    status: 'licensed',
    listStatus: 'none',
    riskTier: 'A',
    riskScore: 10,
    violationCount: 0,
    violationKinds: [],
    openClueCount: 0,
    clueTypes: [],
    gridCellId: null,
    lastInspectedOn: null,
    hours: { weekday: { opens: '16:00', closes: '21:00' }, weekend: { opens: '08:30', closes: '20:30' } },
    ...overrides,
  };
}

export function cell(id: number, overrides: Partial<PlanCell> = {}): PlanCell {
  return {
    id,
    code: `C${id}`,
    districtCode: DISTRICT,
    streetCode: '310107001',
    centre: [121.41, 31.26],
    z: 2.8,
    bin: 3,
    neighbours: [],
    cluePoints: [],
    clueTypes: [],
    ...overrides,
  };
}

export function officer(id: number, departmentCode: string, overrides: Partial<PlanOfficer> = {}): PlanOfficer {
  return {
    id,
    name: `人员${id}`,
    departmentCode,
    districtCode: DISTRICT,
    homeStreetCode: null,
    certificateNo: `ZF${String(id).padStart(6, '0')}`,
    certificateExpiresOn: '2030-12-31',
    ...overrides,
  };
}

/** Friday 2027-01-22 (a school day: 17:30–21:00) and Saturday–Sunday (weekend: two shifts each). */
export const shifts: PlanShift[] = campaignShifts([
  { date: '2027-01-22', type: 'school_day' },
  { date: '2027-01-23', type: 'weekend' },
  { date: '2027-01-24', type: 'weekend' },
]);
