import { describe, expect, test } from 'vitest';
import {
  actionRefusal,
  availableActions,
  campaignDays,
  definitionChanges,
  definitionIssues,
  editMakesNewVersion,
  normaliseDefinition,
  type CampaignActor,
  type CampaignDefinition,
  type CampaignState,
} from '../../../server/domain/campaign.js';

const planner: CampaignActor = { userId: 2, role: 'planner', districtCode: null };
const admin: CampaignActor = { userId: 1, role: 'admin', districtCode: null };
const putuoLeader: CampaignActor = { userId: 3, role: 'leader', districtCode: '310107' };
const wall: CampaignActor = { userId: 4, role: 'wall', districtCode: null };

const state = (over: Partial<CampaignState> = {}): CampaignState => ({ status: 'draft', districts: ['310107'], submittedBy: null, ...over });

const definition = (over: Partial<CampaignDefinition> = {}): CampaignDefinition => ({
  name: '寒假专项',
  type: 'winter_vacation',
  startsOn: '2027-01-23',
  endsOn: '2027-02-21',
  districts: ['310107'],
  focus: { institutionCategories: [], suspectedTypes: [], checkItems: ['safety'] },
  goals: { coverTierA: true, drawPercent: 5, hotCellVisits: 2, hotCellConfidence: 99 },
  shifts: {},
  ...over,
});

describe('campaign lifecycle rules', () => {
  test('each step only from its own status', () => {
    expect(actionRefusal('submit', state(), planner)).toBeNull();
    expect(actionRefusal('approve', state(), admin)?.kind).toBe('conflict');
    expect(actionRefusal('activate', state({ status: 'submitted', submittedBy: 2 }), admin)?.message).toContain('only one that is approved');
    expect(actionRefusal('close', state({ status: 'active' }), planner)).toBeNull();
  });

  test('no self-approval; any other planner, admin or the district leader may approve', () => {
    const submitted = state({ status: 'submitted', submittedBy: planner.userId });
    expect(actionRefusal('approve', submitted, planner)).toMatchObject({ kind: 'forbidden' });
    expect(actionRefusal('approve', submitted, admin)).toBeNull();
    expect(actionRefusal('approve', submitted, putuoLeader)).toBeNull();
    expect(actionRefusal('approve', state({ status: 'submitted', submittedBy: 2, districts: ['310107', '310106'] }), putuoLeader)).toMatchObject({
      kind: 'forbidden',
    });
  });

  test('withdraw is the submitter’s (or an administrator’s), return the approver’s', () => {
    const submitted = state({ status: 'submitted', submittedBy: planner.userId });
    expect(actionRefusal('withdraw', submitted, planner)).toBeNull();
    expect(actionRefusal('withdraw', submitted, admin)).toBeNull();
    expect(actionRefusal('withdraw', submitted, putuoLeader)?.kind).toBe('forbidden');
    expect(actionRefusal('return', submitted, planner)?.kind).toBe('forbidden');
    expect(actionRefusal('return', submitted, putuoLeader)).toBeNull();
  });

  test('edits: a draft in place, an approved or active one as a new version, never a submitted or closed one', () => {
    expect(actionRefusal('edit', state({ status: 'submitted', submittedBy: 2 }), planner)?.kind).toBe('conflict');
    expect(actionRefusal('edit', state({ status: 'closed' }), admin)?.kind).toBe('conflict');
    expect(actionRefusal('edit', state({ status: 'approved' }), planner)).toBeNull();
    expect(['draft', 'submitted', 'approved', 'active', 'closed'].filter((s) => editMakesNewVersion(s as never))).toEqual(['approved', 'active']);
  });

  test('the wall reads only; the buttons offered are exactly the allowed actions', () => {
    expect(availableActions(state(), wall)).toEqual([]);
    expect(availableActions(state(), planner)).toEqual(['edit', 'submit']);
    expect(availableActions(state({ status: 'submitted', submittedBy: 2 }), admin)).toEqual(['withdraw', 'return', 'approve']);
    expect(availableActions(state({ status: 'approved' }), planner)).toEqual(['edit', 'activate']);
    expect(availableActions(state({ status: 'closed' }), admin)).toEqual([]);
  });
});

describe('campaign definitions', () => {
  const known = new Set(['310101', '310106', '310107']);

  test('dates, length, districts', () => {
    expect(definitionIssues(definition(), known)).toEqual([]);
    expect(definitionIssues(definition({ endsOn: '2027-01-22' }), known).map((i) => i.path)).toEqual(['endsOn']);
    expect(definitionIssues(definition({ endsOn: '2027-04-25' }), known)[0].message).toContain('92');
    expect(definitionIssues(definition({ endsOn: '2027-04-24' }), known)).toEqual([]);
    expect(definitionIssues(definition({ districts: [] }), known).map((i) => i.path)).toEqual(['districts']);
    expect(definitionIssues(definition({ districts: ['310107', '310107', '319999'] }), known).map((i) => i.path)).toEqual(['districts[2]', 'districts']);
  });

  test('days run from the first to the last, across a month end', () => {
    expect(campaignDays({ startsOn: '2027-01-30', endsOn: '2027-02-02' })).toEqual(['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02']);
  });

  test('the differences between versions name each changed field; order of lists does not count', () => {
    const v1 = definition({ districts: ['310107', '310106'] });
    expect(definitionChanges(v1, normaliseDefinition(v1))).toEqual([]);
    const v2 = definition({ districts: ['310106', '310107', '310101'], goals: { ...v1.goals, drawPercent: 8 }, name: ' 寒假专项 ' });
    expect(definitionChanges(v1, v2)).toEqual([
      { path: 'districts', before: ['310106', '310107'], after: ['310101', '310106', '310107'] },
      { path: 'goals.drawPercent', before: 5, after: 8 },
    ]);
  });
});
